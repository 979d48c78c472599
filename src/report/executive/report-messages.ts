/** Every sentence of the executive report, in English and French, with number formatting. */
import type { ScoreReading } from '../../analyze/metrics/headline-metric.ts';

export type ReportLang = 'en' | 'fr';

export interface ReportMessages {
  readonly locale: string;
  readonly title: string;
  readonly subtitle: (pipeline: string, asOf: string) => string;
  readonly headline: string;
  /** how a score is named in a sentence (CSAT and CES with their definition; CES as ease or as effort: scoreReading) */
  readonly scoreName: Readonly<Record<ScoreReading, string>>;
  readonly headlineScore: (name: string, value: string, moe: string, period: string, n: string) => string;
  readonly changeFrom: (change: string, previous: string, significant: boolean, p: string, q: string, level: string, tests: string) => string;
  /** a change not tested: one of the two periods has fewer answers than settings.min_n */
  readonly changeUntested: (change: string, previous: string) => string;
  readonly noHeadline: string;
  readonly windowScore: (name: string, value: string, moe: string, n: string) => string;
  /** the run's other scores, whole window: "CSAT (…) 78.2 % ± 0.6 (n = 1,234)" each */
  readonly otherScores: (scores: string) => string;
  readonly period: (grain: string, start: string, end: string) => string;
  readonly topDissatisfiers: string;
  readonly rankedByArr: (tested: string, fdr: string) => string;
  readonly rankedByMentions: string;
  readonly noRevenueLink: (tested: string, fdr: string) => string;
  readonly noRevenueAnalysis: string;
  readonly arrAtRisk: (value: string, low: string, high: string, q: string, rank: number, freqRank: string, accounts: string) => string;
  /** `score`: the driver score's short name (NPS, CSAT, CES); `unit`: its impactUnit */
  readonly npsImpact: (score: string, value: string, unit: string, low: string, high: string, q: string, freq: string, withNps: string, withoutNps: string) => string;
  /** the unit of a theme's impact on each score (points of NPS or of the CSAT share; CES on its 1–7 ease or effort scale) */
  readonly impactUnit: Readonly<Record<ScoreReading, string>>;
  readonly churnLift: (lift: string, low: string, high: string, q: string, withRate: string, withoutRate: string, accounts: string) => string;
  readonly npsDrivers: (score: string) => string;
  readonly npsDriversIntro: (score: string, fdr: string) => string;
  readonly noNpsDrivers: (score: string, fdr: string) => string;
  /** a CES program read as effort (lower is easier): drivers are the themes whose negative mentions reliably add effort (interval above zero) */
  readonly effortDriversIntro: (fdr: string) => string;
  readonly noEffortDrivers: (fdr: string) => string;
  /** a CES program read as ease (higher is easier): drivers are the themes whose negative mentions reliably lower ease (interval below zero) */
  readonly easeDriversIntro: (fdr: string) => string;
  readonly noEaseDrivers: (fdr: string) => string;
  readonly linkDissatisfier: (rank: number) => string;
  readonly linkNone: string;
  readonly linkLowerChurn: string;
  readonly linkNotAnalysed: string;
  readonly noReliableLinkFor: (themes: string) => string;
  /** the table of the top dissatisfiers' ARR at risk per segment: its heading, its note, the theme column and a cell without a reliable link */
  readonly arrBySegment: string;
  readonly arrBySegmentNote: (fdr: string) => string;
  readonly themeColumn: string;
  readonly arrBySegmentCell: (value: string, low: string, high: string, q: string, accounts: string) => string;
  readonly noReliableLinkIn: (segment: string) => string;
  readonly lowerChurnFor: (themes: string) => string;
  readonly negativeMentions: (responses: string) => string;
  readonly noVerbatims: string;
  /** `score`: the respondent's answer with its name ('NPS 3', 'CSAT 2') */
  readonly verbatimCite: (score: string, segment: string, date: string) => string;
  readonly noDissatisfiers: string;
  readonly whatChanged: string;
  readonly noChange: string;
  readonly noChangeTested: (grain: string) => string;
  readonly noChangeSurvives: (testsLatest: string, period: string, grain: string, level: string, survivors: string, tests: string) => string;
  readonly changesSurvive: (survivorsLatest: string, testsLatest: string, period: string, grain: string, level: string, survivors: string, tests: string) => string;
  readonly change: (metric: string, where: string, value: string, previous: string, change: string, p: string, q: string) => string;
  readonly overallWhere: string;
  readonly responseRate: string;
  readonly rate: (rate: string, moe: string, target: string, below: boolean, responses: string, invitations: string) => string;
  readonly data: string;
  readonly freshness: (latestResponse: string, latestRevenue: string, latestChurn: string) => string;
  readonly samples: (responses: string, verbatims: string, accounts: string, quarantined: string, first: string) => string;
  readonly classifier: string;
  readonly embeddedDefault: string;
  readonly transformerUsed: string;
  readonly omitted: (chart: string, reason: string) => string;
  readonly chartsOmitted: string;
  readonly notAvailable: string;
  /** last line of the report: where the last nights' status is (a page beside it) */
  readonly runHistoryNote: (file: string) => string;
  /** candidate themes found among the clauses no theme matched (theme_candidates), best first */
  readonly emergingThemes: string;
  readonly emergingIntro: string;
  readonly noEmergingThemes: string;
  readonly emergingTheme: (name: string, clauses: string, negative: string, example: string, id: string) => string;
  readonly runHistoryTitle: string;
  readonly noRunHistory: string;
  readonly runHistoryHead: readonly string[];
}

export const REPORT_MESSAGES: Readonly<Record<ReportLang, ReportMessages>> = {
  en: {
    locale: 'en-GB',
    title: 'Customer experience driver report',
    subtitle: (p, d) => `Pipeline ${p} · data as of ${d}`,
    headline: 'Headline',
    scoreName: { nps: 'NPS', csat: 'CSAT (share of 4–5 answers on 1–5)', ces_ease: 'CES (ease on 1–7, higher is easier)', ces_effort: 'CES (effort on 1–7, lower is easier)' },
    headlineScore: (name, v, m, p, n) => `${name} ${v} ± ${m} (95 % margin) in ${p}, from ${n} responses.`,
    changeUntested: (c, prev) => `Change from the previous period (${prev}): ${c} points — not tested: one of the two periods has too few answers (settings.min_n), so this change is no finding.`,
    changeFrom: (c, prev, sig, p, q, level, tests) =>
      `Change from the previous period (${prev}): ${c} points — ${sig ? 'significant' : 'not significant'} at a ${level} false-discovery rate (p = ${p}; q = ${q} among ${tests} tests).`,
    noHeadline: 'No complete period with NPS, CSAT or CES answers in this run.',
    windowScore: (name, v, m, n) => `Whole window: ${name} ${v} ± ${m} from ${n} responses.`,
    otherScores: (s) => `Also measured over the whole window: ${s}.`,
    period: (g, s, e) => `the ${g} ${s} – ${e}`,
    topDissatisfiers: 'Revenue dissatisfiers',
    rankedByArr: (t, q) => `Themes whose negative mentions are reliably linked to revenue at risk (ARR-at-risk 95 % CI above zero, q < ${q}, among ${t} themes tested), ranked by the annual recurring revenue (ARR) at risk attributable to them.`,
    noRevenueLink: (t, q) => `No reliable revenue link found: for none of the ${t} themes tested is the ARR at risk attributable to its negative mentions reliably above zero (95 % CI above zero and q < ${q}). No theme is named as a revenue dissatisfier.`,
    noRevenueAnalysis: 'The churn and revenue analysis is not in this run (no renewal history): no theme can be named as a revenue dissatisfier.',
    rankedByMentions: 'The revenue-at-risk analysis is not in this run, so these themes are ranked by the number of responses that mention them negatively.',
    arrAtRisk: (v, l, h, q, rank, f, a) => `ARR at risk: ${v} (95 % CI ${l} to ${h}; q ${q}) over the ${a} active accounts that mentioned it negatively; rank ${rank} by revenue, rank ${f} by frequency of negative mentions.`,
    npsImpact: (s, v, u, l, h, q, f, w, wo) => `Impact of negative mentions on ${s}: ${v} ${u} (95 % CI ${l} to ${h}; q ${q}); mentioned negatively in ${f} of responses; ${s} ${w} with a negative mention vs ${wo} without.`,
    churnLift: (lift, l, h, q, w, wo, a) => `Churn lift: ×${lift} (95 % CI ${l} to ${h}; q ${q}); churn ${w} among the ${a} accounts with a renewal decision that mentioned it negatively vs ${wo} among the others.`,
    npsDrivers: (s) => `Biggest ${s} drivers`,
    npsDriversIntro: (s, q) => `Themes whose negative mentions reliably lower ${s} (95 % CI below zero, q < ${q}), largest impact first, with their revenue link.`,
    noNpsDrivers: (s, q) => `No theme's negative mentions reliably lower ${s} (95 % CI below zero, q < ${q}).`,
    impactUnit: { nps: 'points', csat: 'points', ces_ease: 'on the 1–7 ease scale (below zero: less ease)', ces_effort: 'on the 1–7 effort scale (above zero: more effort)' },
    effortDriversIntro: (q) => `Themes whose negative mentions reliably add effort, raising CES (effort on 1–7, lower is easier; 95 % CI above zero, q < ${q}), largest impact first, with their revenue link.`,
    noEffortDrivers: (q) => `No theme's negative mentions reliably add effort (CES impact 95 % CI above zero, q < ${q}).`,
    easeDriversIntro: (q) => `Themes whose negative mentions reliably lower ease, lowering CES (ease on 1–7, higher is easier; 95 % CI below zero, q < ${q}), largest impact first, with their revenue link.`,
    noEaseDrivers: (q) => `No theme's negative mentions reliably lower ease (CES impact 95 % CI below zero, q < ${q}).`,
    linkDissatisfier: (rank) => `Revenue: revenue dissatisfier #${rank} above.`,
    linkNone: 'Revenue: no reliable revenue link found.',
    linkLowerChurn: 'Revenue: associated with lower churn, not a revenue risk.',
    linkNotAnalysed: 'Revenue: not analysed in this run.',
    noReliableLinkFor: (t) => `No reliable revenue link found for: ${t}.`,
    arrBySegment: 'ARR at risk by segment',
    arrBySegmentNote: (q) => `The same estimate within each segment's active accounts (the cells of a theme add up to its ARR at risk above), shown only where its 95 % CI is above zero and q < ${q} over all theme × segment cells.`,
    themeColumn: 'Theme',
    arrBySegmentCell: (v, l, h, q, a) => `${v} (${l} to ${h}; q ${q}; ${a} accounts)`,
    noReliableLinkIn: (segment) => `no reliable link in ${segment}`,
    lowerChurnFor: (t) => `Associated with lower churn (never counted as ARR at risk): ${t}.`,
    negativeMentions: (r) => `Responses with a negative mention: ${r}.`,
    noVerbatims: 'No verbatim examples for this theme.',
    verbatimCite: (score, s, d) => `${score} · ${s} · ${d} (personal data redacted)`,
    noDissatisfiers: 'No theme mentions in this run.',
    whatChanged: 'What changed since the last period',
    noChange: 'No change test in this run (no metric cells).',
    noChangeTested: (g) => `No change could be tested at the ${g} grain (every cell or its previous period is below the minimum sample size).`,
    noChangeSurvives: (tl, per, g, l, s, t) =>
      `None of the ${tl} changes tested for the ${g} of ${per} survives a ${l} false-discovery rate (Benjamini–Hochberg q-values; ${s} of ${t} changes over every ${g} do): no change since the previous period is supported by the evidence.`,
    changesSurvive: (sl, tl, per, g, l, s, t) =>
      `${sl} of the ${tl} changes tested for the ${g} of ${per} survive a ${l} false-discovery rate (Benjamini–Hochberg q-values within each metric and dimension, over ${t} tests of every ${g}; ${s} survive in all):`,
    change: (m, w, v, prev, c, p, q) => `${m} ${w}: ${v} (was ${prev}, ${c}; p = ${p}, q = ${q})`,
    overallWhere: 'overall',
    responseRate: 'Response rate',
    rate: (r, m, t, below, resp, inv) => `${r} ± ${m} (${resp} responses to ${inv} invitations); target ${t} — ${below ? 'below target' : 'on target'}.`,
    data: 'Data, sample sizes and method',
    freshness: (r, rev, ch) => `Latest response: ${r}. Latest revenue period: ${rev}. Latest renewal or churn event: ${ch}.`,
    samples: (r, v, a, q, f) => `${r} responses since ${f} (${v} with a comment), ${a} accounts; ${q} input rows quarantined by validation.`,
    classifier: 'Themes and sentiment were produced by:',
    embeddedDefault: 'The embedded default classifier was used (no transformer model installed); its themes come from keyword, label and example matching.',
    transformerUsed: 'A local transformer model was used.',
    omitted: (c, r) => `${c}: ${r}`,
    chartsOmitted: 'Charts not drawn for this run:',
    notAvailable: 'n/a',
    runHistoryNote: (f) => `The status of the recent nightly runs (published, failed or stopped by a quality gate) is in ${f} beside this report.`,
    emergingThemes: 'Emerging themes outside the taxonomy',
    emergingIntro: 'Clauses that match no theme, clustered and named by their most distinctive phrase; ranked by size × share read as negative. Not measured against a taxonomy: read the examples before acting. To track one as a theme, `ecoute themes promote` with the run folder and its id prints the taxonomy entry.',
    noEmergingThemes: 'No group of clauses outside the taxonomy reads as negative.',
    emergingTheme: (name, clauses, negative, example, id) => `“${name}”: ${clauses} clauses, ${negative} negative; e.g. “${example}” (${id})`,
    runHistoryTitle: 'Recent nightly runs (before this one)',
    noRunHistory: 'No earlier run is logged in this output folder.',
    runHistoryHead: ['As of', 'Status', 'Exit code', 'Started (UTC)', 'Seconds', 'Rows accepted / read', 'Error'],
  },
  fr: {
    locale: 'fr-FR',
    title: 'Rapport des leviers de l’expérience client',
    subtitle: (p, d) => `Pipeline ${p} · données au ${d}`,
    headline: 'En bref',
    scoreName: { nps: 'NPS', csat: 'CSAT (part de réponses 4–5 sur 1–5)', ces_ease: 'CES (facilité sur 1–7, plus haut = plus facile)', ces_effort: 'CES (effort sur 1–7, plus bas = plus facile)' },
    headlineScore: (name, v, m, p, n) => `${name} ${v} ± ${m} (marge à 95 %) sur ${p}, sur ${n} réponses.`,
    changeUntested: (c, prev) => `Variation par rapport à la période précédente (${prev}) : ${c} points — non testée : l’une des deux périodes a trop peu de réponses (settings.min_n), ce n’est donc pas un constat.`,
    changeFrom: (c, prev, sig, p, q, level, tests) =>
      `Variation par rapport à la période précédente (${prev}) : ${c} points — ${sig ? 'significative' : 'non significative'} à un taux de fausses découvertes de ${level} (p = ${p} ; q = ${q} parmi ${tests} tests).`,
    noHeadline: 'Aucune période complète avec des réponses NPS, CSAT ou CES dans ce traitement.',
    windowScore: (name, v, m, n) => `Sur toute la fenêtre : ${name} ${v} ± ${m} sur ${n} réponses.`,
    otherScores: (s) => `Également mesuré sur toute la fenêtre : ${s}.`,
    period: (g, s, e) => `la période (${g === 'quarter' ? 'trimestre' : g === 'month' ? 'mois' : 'semaine'}) du ${s} au ${e}`,
    topDissatisfiers: 'Irritants qui pèsent sur le revenu',
    rankedByArr: (t, q) => `Thèmes dont les mentions négatives sont liées de façon fiable à du revenu à risque (IC à 95 % de l’ARR à risque au-dessus de zéro, q < ${q}, parmi ${t} thèmes testés), classés par revenu récurrent annuel (ARR) à risque qui leur est attribuable.`,
    noRevenueLink: (t, q) => `Aucun lien fiable avec le revenu : pour aucun des ${t} thèmes testés l’ARR à risque attribuable à ses mentions négatives n’est fiablement positif (IC à 95 % au-dessus de zéro et q < ${q}). Aucun thème n’est désigné comme irritant pesant sur le revenu.`,
    noRevenueAnalysis: 'L’analyse de l’attrition et du revenu ne figure pas dans ce traitement (pas d’historique de renouvellement) : aucun thème ne peut être désigné comme irritant pesant sur le revenu.',
    rankedByMentions: 'L’analyse du revenu à risque ne figure pas dans ce traitement : ces thèmes sont classés par nombre de réponses qui les mentionnent négativement.',
    arrAtRisk: (v, l, h, q, rank, f, a) => `ARR à risque : ${v} (IC à 95 % de ${l} à ${h} ; q ${q}) sur les ${a} comptes actifs qui l’ont mentionné négativement ; rang ${rank} par revenu, rang ${f} par fréquence des mentions négatives.`,
    npsImpact: (s, v, u, l, h, q, f, w, wo) => `Impact des mentions négatives sur le ${s} : ${v} ${u} (IC à 95 % de ${l} à ${h} ; q ${q}) ; mentionné négativement dans ${f} des réponses ; ${s} ${w} avec une mention négative contre ${wo} sans.`,
    churnLift: (lift, l, h, q, w, wo, a) => `Sur-risque d’attrition : ×${lift} (IC à 95 % de ${l} à ${h} ; q ${q}) ; attrition de ${w} chez les ${a} comptes avec une décision de renouvellement qui l’ont mentionné négativement contre ${wo} chez les autres.`,
    npsDrivers: (s) => `Principaux leviers du ${s}`,
    npsDriversIntro: (s, q) => `Thèmes dont les mentions négatives font baisser le ${s} de façon fiable (IC à 95 % sous zéro, q < ${q}), du plus fort impact au plus faible, avec leur lien au revenu.`,
    noNpsDrivers: (s, q) => `Aucun thème dont les mentions négatives font baisser le ${s} de façon fiable (IC à 95 % sous zéro, q < ${q}).`,
    impactUnit: { nps: 'points', csat: 'points', ces_ease: 'sur l’échelle de facilité 1–7 (sous zéro : moins de facilité)', ces_effort: 'sur l’échelle d’effort 1–7 (au-dessus de zéro : plus d’effort)' },
    effortDriversIntro: (q) => `Thèmes dont les mentions négatives ajoutent de l’effort de façon fiable, ce qui relève le CES (effort sur 1–7, plus bas = plus facile ; IC à 95 % au-dessus de zéro, q < ${q}), du plus fort impact au plus faible, avec leur lien au revenu.`,
    noEffortDrivers: (q) => `Aucun thème dont les mentions négatives ajoutent de l’effort de façon fiable (IC à 95 % de l’impact sur le CES au-dessus de zéro, q < ${q}).`,
    easeDriversIntro: (q) => `Thèmes dont les mentions négatives réduisent la facilité de façon fiable, ce qui abaisse le CES (facilité sur 1–7, plus haut = plus facile ; IC à 95 % sous zéro, q < ${q}), du plus fort impact au plus faible, avec leur lien au revenu.`,
    noEaseDrivers: (q) => `Aucun thème dont les mentions négatives réduisent la facilité de façon fiable (IC à 95 % de l’impact sur le CES sous zéro, q < ${q}).`,
    linkDissatisfier: (rank) => `Revenu : irritant n° ${rank} ci-dessus.`,
    linkNone: 'Revenu : aucun lien fiable avec le revenu.',
    linkLowerChurn: 'Revenu : associé à moins d’attrition, pas un risque pour le revenu.',
    linkNotAnalysed: 'Revenu : non analysé dans ce traitement.',
    noReliableLinkFor: (t) => `Aucun lien fiable avec le revenu pour : ${t}.`,
    arrBySegment: 'ARR à risque par segment',
    arrBySegmentNote: (q) => `La même estimation parmi les comptes actifs de chaque segment (les cases d’un thème s’additionnent en son ARR à risque ci-dessus), donnée seulement quand son IC à 95 % est au-dessus de zéro et q < ${q} sur l’ensemble des cases thème × segment.`,
    themeColumn: 'Thème',
    arrBySegmentCell: (v, l, h, q, a) => `${v} (${l} à ${h} ; q ${q} ; ${a} comptes)`,
    noReliableLinkIn: (segment) => `pas de lien fiable dans le segment ${segment}`,
    lowerChurnFor: (t) => `Associés à moins d’attrition (jamais comptés comme ARR à risque) : ${t}.`,
    negativeMentions: (r) => `Réponses avec une mention négative : ${r}.`,
    noVerbatims: 'Pas d’exemple de verbatim pour ce thème.',
    verbatimCite: (score, s, d) => `${score} · ${s} · ${d} (données personnelles masquées)`,
    noDissatisfiers: 'Aucune mention de thème dans ce traitement.',
    whatChanged: 'Ce qui a changé depuis la dernière période',
    noChange: 'Aucun test de variation dans ce traitement (pas de cellules de métriques).',
    noChangeTested: (g) => `Aucune variation n’a pu être testée (${g}) : chaque cellule ou sa période précédente est sous l’effectif minimal.`,
    noChangeSurvives: (tl, per, g, l, s, t) =>
      `Aucune des ${tl} variations testées pour la période (${g}) du ${per} ne résiste à un taux de fausses découvertes de ${l} (q-values de Benjamini–Hochberg ; ${s} sur ${t} variations de toutes les périodes y résistent) : aucune variation depuis la période précédente n’est étayée par les données.`,
    changesSurvive: (sl, tl, per, g, l, s, t) =>
      `${sl} des ${tl} variations testées pour la période (${g}) du ${per} résistent à un taux de fausses découvertes de ${l} (q-values de Benjamini–Hochberg par métrique et dimension, sur ${t} tests de toutes les périodes ; ${s} y résistent en tout) :`,
    change: (m, w, v, prev, c, p, q) => `${m} ${w} : ${v} (contre ${prev}, ${c} ; p = ${p}, q = ${q})`,
    overallWhere: 'global',
    responseRate: 'Taux de réponse',
    rate: (r, m, t, below, resp, inv) => `${r} ± ${m} (${resp} réponses pour ${inv} invitations) ; objectif ${t} — ${below ? 'sous l’objectif' : 'objectif atteint'}.`,
    data: 'Données, échantillons et méthode',
    freshness: (r, rev, ch) => `Dernière réponse : ${r}. Dernière période de revenu : ${rev}. Dernier renouvellement ou départ : ${ch}.`,
    samples: (r, v, a, q, f) => `${r} réponses depuis le ${f} (${v} avec un commentaire), ${a} comptes ; ${q} lignes d’entrée mises en quarantaine par la validation.`,
    classifier: 'Thèmes et tonalité produits par :',
    embeddedDefault: 'Le classifieur intégré par défaut a été utilisé (aucun modèle transformer installé) ; ses thèmes proviennent de mots-clés, libellés et exemples.',
    transformerUsed: 'Un modèle transformer local a été utilisé.',
    omitted: (c, r) => `${c} : ${r}`,
    chartsOmitted: 'Graphiques non produits pour ce traitement :',
    notAvailable: 'n.d.',
    runHistoryNote: (f) => `L’état des derniers traitements nocturnes (publiés, en échec ou arrêtés par un contrôle de qualité) est dans ${f}, à côté de ce rapport.`,
    emergingThemes: 'Thèmes émergents hors de la taxonomie',
    emergingIntro: 'Propositions qu’aucun thème ne couvre, regroupées et nommées par leur expression la plus distinctive ; classées par taille × part lue comme négative. Non mesurés contre une taxonomie : lisez les exemples avant d’agir. Pour suivre l’un d’eux comme thème, `ecoute themes promote` avec le dossier du traitement et son identifiant imprime l’entrée de taxonomie.',
    noEmergingThemes: 'Aucun groupe de propositions hors de la taxonomie n’est lu comme négatif.',
    emergingTheme: (name, clauses, negative, example, id) => `« ${name} » : ${clauses} propositions, ${negative} négatives ; p. ex. « ${example} » (${id})`,
    runHistoryTitle: 'Derniers traitements nocturnes (avant celui-ci)',
    noRunHistory: 'Aucun traitement antérieur dans ce dossier de sortie.',
    runHistoryHead: ['Au', 'Statut', 'Code de sortie', 'Début (UTC)', 'Secondes', 'Lignes acceptées / lues', 'Erreur'],
  },
};
