/** The dashboard's own words (chart wording lives in src/charts/chart-messages.ts). */
export const DASHBOARD_MESSAGES = {
  en: {
    title: 'CX dashboard', asOf: 'Data as of', period: 'Period', segment: 'Segment', allPeriods: 'Whole period', allSegments: 'All segments',
    notFilteredPeriod: 'Not filtered by period.', notFilteredSegment: 'Not filtered by segment.', noRows: 'No data for this selection.',
    callbacks: 'Call-back list (48 hours)', callbackNote: 'Detractors, and passives with a negative theme mention, sorted by ARR at risk. Verbatims are PII-redacted.',
    examples: 'Example verbatims (negative mentions, PII-redacted)', omitted: 'Charts not drawn for this run', classifier: 'Classifier',
    columns: { due_by: 'Due by', status: 'Status', account: 'Account', owner: 'Owner', arr_at_risk: 'ARR at risk', nps: 'NPS', themes: 'Negative themes', verbatim: 'Verbatim', theme: 'Theme', date: 'Date' },
    noCallbacks: 'No detractor or passive with a negative mention in the call-back window.',
    history: 'Recent nightly runs (before this one)', noHistory: 'No earlier run is logged in this output folder.',
    historyColumns: { asOf: 'As of', status: 'Status', exitCode: 'Exit code', startedAt: 'Started (UTC)', seconds: 'Seconds', rows: 'Rows accepted / read', error: 'Error' },
  },
  fr: {
    title: 'Tableau de bord CX', asOf: 'Données au', period: 'Période', segment: 'Segment', allPeriods: 'Toute la période', allSegments: 'Tous les segments',
    notFilteredPeriod: 'Non filtré par période.', notFilteredSegment: 'Non filtré par segment.', noRows: 'Pas de données pour cette sélection.',
    callbacks: 'Liste de rappel (48 heures)', callbackNote: 'Détracteurs, et passifs avec une mention négative, triés par ARR à risque. Verbatims sans données personnelles.',
    examples: 'Exemples de verbatims (mentions négatives, données personnelles masquées)', omitted: 'Graphiques non produits pour ce traitement', classifier: 'Classifieur',
    columns: { due_by: 'À rappeler avant', status: 'Statut', account: 'Compte', owner: 'Responsable', arr_at_risk: 'ARR à risque', nps: 'NPS', themes: 'Thèmes négatifs', verbatim: 'Verbatim', theme: 'Thème', date: 'Date' },
    noCallbacks: 'Aucun détracteur ni passif avec une mention négative dans la fenêtre de rappel.',
    history: 'Derniers traitements nocturnes (avant celui-ci)', noHistory: 'Aucun traitement antérieur dans ce dossier de sortie.',
    historyColumns: { asOf: 'Au', status: 'Statut', exitCode: 'Code de sortie', startedAt: 'Début (UTC)', seconds: 'Secondes', rows: 'Lignes acceptées / lues', error: 'Erreur' },
  },
} as const;
export type DashboardLang = keyof typeof DASHBOARD_MESSAGES;
