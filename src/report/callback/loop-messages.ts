/** Words of the closed-loop figures (callback-loop.json's caveat, the report's "Closed loop" section, the dashboard's loop panel), in English and French. */
export type LoopLang = 'en' | 'fr';

export interface LoopMessages {
  readonly heading: string;
  readonly notTracked: string;
  readonly noFollowups: string;
  readonly intro: (since: string, hours: string) => string;
  readonly compliance: (share: string, low: string, high: string, inTime: string, n: string, late: string, overdue: string, open: string) => string;
  readonly noneDue: string;
  readonly median: (hours: string, n: string) => string;
  readonly noCalls: string;
  readonly overdue: (n: string, oldest: string, days: string) => string;
  readonly noOverdue: string;
  readonly tableHead: readonly [string, string, string, string, string, string];
  readonly byAssignee: string;
  readonly bySegment: string;
  readonly assigneesCut: (half: string, total: string) => string;
  readonly effectHeading: string;
  readonly effect: (measure: string, diff: string, low: string, high: string, meanCalled: string, nCalled: string, meanNot: string, nNot: string, strata: string) => string;
  readonly notEnough: (measure: string, nCalled: string, nNot: string, minN: string) => string;
  readonly nextNps: string;
  readonly renewal: string;
  readonly caveat: string;
}

export const LOOP_MESSAGES: Readonly<Record<LoopLang, LoopMessages>> = {
  en: {
    heading: 'Closed loop',
    notTracked: 'No followups source: call-backs are listed but whether they were made is not tracked.',
    noFollowups: 'The followups source holds no follow-up yet: the loop starts with the first call recorded.',
    intro: (since, hours) => `Call-backs of the responses since ${since} that met the call-back rule; in time = first follow-up within ${hours} hours of the response.`,
    compliance: (share, low, high, inTime, n, late, overdue, open) =>
      `Called back in time: ${share} (95 % CI ${low} to ${high}; ${inTime} of ${n} due call-backs), ${late} called late, ${overdue} overdue; ${open} not yet due.`,
    noneDue: 'No call-back is due yet.',
    median: (hours, n) => `Median time to call back: ${hours} hours (n = ${n} called).`,
    noCalls: 'No call-back made yet: no time to call back.',
    overdue: (n, oldest, days) => `${n} call-backs overdue, the oldest since ${oldest} (${days} days).`,
    noOverdue: 'No call-back is overdue.',
    tableHead: ['', 'In time', '95 % CI', 'n due', 'Overdue', 'Median hours'],
    byAssignee: 'Assignee',
    bySegment: 'Segment',
    assigneesCut: (half, total) => `${total} assignees: the ${half} lowest and the ${half} highest in-time shares are shown; every assignee is in callback-loop.json and the dashboard's loop panel.`,
    effectHeading: 'Effect of a call-back (detractors)',
    effect: (measure, diff, low, high, mc, nc, mn, nn, strata) =>
      `${measure}: ${diff} for the called-back detractors (95 % CI ${low} to ${high}); ${mc} (n = ${nc} accounts) against ${mn} (n = ${nn}) not called back, compared within ${strata} strata of segment, ARR band and score.`,
    notEnough: (measure, nc, nn, minN) => `${measure}: not enough data (${nc} called-back and ${nn} not-called-back accounts in comparable strata; at least ${minN} of each are needed).`,
    nextNps: 'Next NPS answer',
    renewal: 'Renewal rate',
    caveat:
      'Observational: who gets called back is not random (owners may call the customers they expect to save, or those easiest to reach), ' +
      'so the difference compares similar detractors (same segment, ARR band and score) but cannot prove the call caused it.',
  },
  fr: {
    heading: 'Boucle fermée',
    notTracked: 'Pas de source followups : les rappels sont listés, mais leur réalisation n’est pas suivie.',
    noFollowups: 'La source followups ne contient encore aucun rappel : la boucle commence au premier appel enregistré.',
    intro: (since, hours) => `Rappels des réponses depuis le ${since} qui remplissaient la règle de rappel ; dans les temps = premier rappel dans les ${hours} heures suivant la réponse.`,
    compliance: (share, low, high, inTime, n, late, overdue, open) =>
      `Rappelés dans les temps : ${share} (IC 95 % ${low} à ${high} ; ${inTime} sur ${n} rappels échus), ${late} rappelés en retard, ${overdue} en retard sans rappel ; ${open} pas encore échus.`,
    noneDue: 'Aucun rappel n’est encore échu.',
    median: (hours, n) => `Délai médian de rappel : ${hours} heures (n = ${n} rappelés).`,
    noCalls: 'Aucun rappel effectué : pas de délai de rappel.',
    overdue: (n, oldest, days) => `${n} rappels en retard, le plus ancien depuis le ${oldest} (${days} jours).`,
    noOverdue: 'Aucun rappel en retard.',
    tableHead: ['', 'Dans les temps', 'IC 95 %', 'n échus', 'En retard', 'Heures (médiane)'],
    byAssignee: 'Responsable',
    bySegment: 'Segment',
    assigneesCut: (half, total) => `${total} responsables : les ${half} taux dans les temps les plus bas et les ${half} plus hauts sont affichés ; tous figurent dans callback-loop.json et le panneau de la boucle du tableau de bord.`,
    effectHeading: 'Effet d’un rappel (détracteurs)',
    effect: (measure, diff, low, high, mc, nc, mn, nn, strata) =>
      `${measure} : ${diff} pour les détracteurs rappelés (IC 95 % ${low} à ${high}) ; ${mc} (n = ${nc} comptes) contre ${mn} (n = ${nn}) non rappelés, comparés dans ${strata} strates de segment, tranche d’ARR et note.`,
    notEnough: (measure, nc, nn, minN) => `${measure} : pas assez de données (${nc} comptes rappelés et ${nn} non rappelés dans des strates comparables ; il en faut au moins ${minN} de chaque).`,
    nextNps: 'Réponse NPS suivante',
    renewal: 'Taux de renouvellement',
    caveat:
      'Observationnel : le choix des clients rappelés n’est pas aléatoire (on rappelle peut-être ceux qu’on pense sauver, ou les plus joignables) ; ' +
      'la différence compare des détracteurs semblables (même segment, tranche d’ARR et note) mais ne prouve pas que le rappel en est la cause.',
  },
};
