/** The dashboard's own words (chart wording lives in src/charts/chart-messages.ts). */
import { BREAKDOWN_DIMENSIONS, breakdownChartId } from '../../charts/chart-catalog.ts';
import type { HeadlineMetric } from '../../analyze/metrics/headline-metric.ts';

export const DASHBOARD_MESSAGES = {
  en: {
    title: 'CX dashboard', asOf: 'Data as of', period: 'Period', segment: 'Segment', allPeriods: 'Whole period', allSegments: 'All segments',
    customRange: 'Custom range…', from: 'From', to: 'To', all: 'All', reset: 'Reset filters',
    filterNames: { period: 'period', custom: 'custom date range', segment: 'segment', region: 'region', journey_stage: 'journey stage', touchpoint: 'touchpoint', survey_type: 'survey type', arr_band: 'ARR band', language: 'language' },
    notDrawn: 'Not drawn for this run:', moreCharts: 'More charts', examples: 'Example verbatims (PII-redacted)',
    owners: {
      title: 'NPS by account owner', note: 'The five best and five worst owners by NPS, with the 95 % interval (clustered by account) and the number of answers. Click a column to sort, an owner to read their accounts\' verbatims.',
      owner: 'Owner', ci: '95 % CI', suppressed: 'too few answers', smallN: 'small n', showAll: 'Show all {n} owners', showTop: 'Show the top and bottom five',
      unranked: '{n} owners have too few answers to be ranked (flagged "small n").',
    },
    chartNames: {
      'nps-trend': 'NPS trend', 'csat-trend': 'CSAT trend', 'ces-trend': 'CES trend', 'nps-by-segment': 'NPS by segment', 'nps-by-region': 'NPS by region', 'nps-by-journey-stage': 'NPS by journey stage', 'nps-by-owner': 'NPS by owner',
      'response-rate': 'Response rate', 'theme-sentiment': 'Theme sentiment', 'segment-theme-heatmap': 'Negative mentions by segment and theme', 'theme-impact': 'Theme impact on NPS',
      'driver-quadrant': 'Key drivers', 'dissatisfier-ranking': 'Revenue dissatisfiers', 'churn-lift': 'Churn lift by theme',
      'segment-theme-arr-at-risk': 'ARR at risk by segment and theme',
    } as Record<string, string>,
    notFiltered: 'Not filtered by {filters}:', noRows: 'No data for this selection.',
    whyNotFiltered: {
      default: 'this chart is computed for the whole run.',
      'nps-trend': 'NPS cells are computed per period for the whole run and per segment only.',
      'csat-trend': 'CSAT cells are computed per period for the whole run and per segment only.',
      'ces-trend': 'CES cells are computed per period for the whole run and per segment only.',
      'nps-by-segment': 'NPS cells are computed per period and per segment only.', 'nps-by-region': 'NPS cells are computed per period and per region only.',
      'nps-by-journey-stage': 'NPS cells are computed per period and per journey stage only.', 'nps-by-owner': 'NPS cells are computed per period and per owner only.',
      'response-rate': 'response rates are computed per period for the whole run and per segment only.',
      'theme-impact': 'theme impact is estimated on the whole period (per segment only), with account resampling.',
      'driver-quadrant': 'key drivers are estimated on the whole run.',
      'dissatisfier-ranking': 'ARR at risk comes from the churn model fitted on the whole run; use the explorer (sorted by ARR) for a selection.',
      'segment-theme-arr-at-risk': 'ARR at risk is as of the run date: the active accounts and their feedback in the churn window before it, scored by the churn model fitted on the whole run.',
      'churn-lift': 'churn lifts come from the churn model fitted on the whole run.',
    },
    callbacks: 'Call-back list (48 hours)', callbackNote: 'Detractors, and passives with a negative theme mention, sorted by ARR at risk. Verbatims are PII-redacted. The five with the most ARR at risk are shown; the whole selection downloads as CSV.',
    callbackCount: '{n} call-backs in this selection (of {total}): {overdue} overdue, {open} open, {called} called back. Top {top} by ARR at risk:',
    exports: { label: 'Download {name} as {format}', group: 'Downloads: {name}' },
    noCallbacksSelected: 'No call-back in this selection.', omitted: 'Charts not drawn for this run', classifier: 'Classifier',
    columns: { due_by: 'Due by', status: 'Status', account: 'Account', owner: 'Owner', arr_at_risk: 'ARR at risk', nps: 'NPS', themes: 'Negative themes', verbatim: 'Verbatim', theme: 'Theme', date: 'Date' },
    noCallbacks: 'No detractor or passive with a negative mention in the call-back window.',
    history: 'Recent nightly runs (before this one)', noHistory: 'No earlier run is logged in this output folder.',
    historyColumns: { asOf: 'As of', status: 'Status', exitCode: 'Exit code', startedAt: 'Started (UTC)', seconds: 'Seconds', rows: 'Rows accepted / read', error: 'Error' },
  },
  fr: {
    title: 'Tableau de bord CX', asOf: 'Données au', period: 'Période', segment: 'Segment', allPeriods: 'Toute la période', allSegments: 'Tous les segments',
    customRange: 'Dates choisies…', from: 'Du', to: 'Au', all: 'Tous', reset: 'Réinitialiser les filtres',
    filterNames: { period: 'période', custom: 'dates choisies', segment: 'segment', region: 'région', journey_stage: 'étape du parcours', touchpoint: 'point de contact', survey_type: 'type d’enquête', arr_band: 'tranche d’ARR', language: 'langue' },
    notDrawn: 'Non produit pour ce traitement :', moreCharts: 'Autres graphiques', examples: 'Exemples de verbatims (données personnelles masquées)',
    owners: {
      title: 'NPS par responsable de compte', note: 'Les cinq meilleurs et les cinq moins bons responsables par NPS, avec l’intervalle à 95 % (par grappe de comptes) et le nombre de réponses. Cliquez sur une colonne pour trier, sur un responsable pour lire les verbatims de ses comptes.',
      owner: 'Responsable', ci: 'IC 95 %', suppressed: 'trop peu de réponses', smallN: 'petit n', showAll: 'Afficher les {n} responsables', showTop: 'Afficher les cinq premiers et derniers',
      unranked: '{n} responsables ont trop peu de réponses pour être classés (« petit n »).',
    },
    chartNames: {
      'nps-trend': 'Évolution du NPS', 'csat-trend': 'Évolution du CSAT', 'ces-trend': 'Évolution du CES', 'nps-by-segment': 'NPS par segment', 'nps-by-region': 'NPS par région', 'nps-by-journey-stage': 'NPS par étape du parcours', 'nps-by-owner': 'NPS par responsable',
      'response-rate': 'Taux de réponse', 'theme-sentiment': 'Tonalité par thème', 'segment-theme-heatmap': 'Mentions négatives par segment et thème', 'theme-impact': 'Impact des thèmes sur le NPS',
      'driver-quadrant': 'Leviers', 'dissatisfier-ranking': 'Irritants qui coûtent du revenu', 'churn-lift': 'Effet des thèmes sur l’attrition',
      'segment-theme-arr-at-risk': 'ARR à risque par segment et thème',
    } as Record<string, string>,
    notFiltered: 'Non filtré par {filters} :', noRows: 'Pas de données pour cette sélection.',
    whyNotFiltered: {
      default: 'ce graphique est calculé sur tout le traitement.',
      'nps-trend': 'les cellules NPS sont calculées par période pour tout le traitement et par segment seulement.',
      'csat-trend': 'les cellules CSAT sont calculées par période pour tout le traitement et par segment seulement.',
      'ces-trend': 'les cellules CES sont calculées par période pour tout le traitement et par segment seulement.',
      'nps-by-segment': 'les cellules NPS sont calculées par période et par segment seulement.', 'nps-by-region': 'les cellules NPS sont calculées par période et par région seulement.',
      'nps-by-journey-stage': 'les cellules NPS sont calculées par période et par étape du parcours seulement.', 'nps-by-owner': 'les cellules NPS sont calculées par période et par responsable seulement.',
      'response-rate': 'les taux de réponse sont calculés par période pour tout le traitement et par segment seulement.',
      'theme-impact': 'l’impact des thèmes est estimé sur toute la période (par segment seulement), avec rééchantillonnage des comptes.',
      'driver-quadrant': 'les leviers sont estimés sur tout le traitement.',
      'dissatisfier-ranking': 'l’ARR à risque vient du modèle d’attrition ajusté sur tout le traitement ; pour une sélection, utilisez l’explorateur (tri par ARR).',
      'segment-theme-arr-at-risk': 'l’ARR à risque est celui de la date du traitement : les comptes actifs et leurs retours dans la fenêtre d’attrition qui la précède, notés par le modèle d’attrition ajusté sur tout le traitement.',
      'churn-lift': 'les effets sur l’attrition viennent du modèle ajusté sur tout le traitement.',
    },
    callbacks: 'Liste de rappel (48 heures)', callbackNote: 'Détracteurs, et passifs avec une mention négative, triés par ARR à risque. Verbatims sans données personnelles. Les cinq avec le plus d’ARR à risque sont affichés ; toute la sélection se télécharge en CSV.',
    callbackCount: '{n} rappels dans cette sélection (sur {total}) : {overdue} en retard, {open} à faire, {called} rappelés. Les {top} premiers par ARR à risque :',
    exports: { label: 'Télécharger « {name} » en {format}', group: 'Téléchargements : {name}' },
    noCallbacksSelected: 'Aucun rappel dans cette sélection.', omitted: 'Graphiques non produits pour ce traitement', classifier: 'Classifieur',
    columns: { due_by: 'À rappeler avant', status: 'Statut', account: 'Compte', owner: 'Responsable', arr_at_risk: 'ARR à risque', nps: 'NPS', themes: 'Thèmes négatifs', verbatim: 'Verbatim', theme: 'Thème', date: 'Date' },
    noCallbacks: 'Aucun détracteur ni passif avec une mention négative dans la fenêtre de rappel.',
    history: 'Derniers traitements nocturnes (avant celui-ci)', noHistory: 'Aucun traitement antérieur dans ce dossier de sortie.',
    historyColumns: { asOf: 'Au', status: 'Statut', exitCode: 'Code de sortie', startedAt: 'Début (UTC)', seconds: 'Secondes', rows: 'Lignes acceptées / lues', error: 'Erreur' },
  },
} as const;
export type DashboardLang = keyof typeof DASHBOARD_MESSAGES;

type DashboardText = (typeof DASHBOARD_MESSAGES)[DashboardLang];
/** The dashboard's words for a program whose headline score is `metric`, with `score` its name in the owners' table. */
export type DashboardScoreText = Omit<DashboardText, 'owners'> & { readonly owners: { readonly [K in keyof DashboardText['owners']]: string }; readonly score: string };

/**
 * The dashboard's words for a program led by `metric`: as they are for NPS; for CSAT or CES, the owners'
 * panel, the breakdowns (csat-by-segment …) and the theme impact name the program's score instead of NPS.
 */
export function dashboardText(lang: DashboardLang, metric: HeadlineMetric): DashboardScoreText {
  const base = DASHBOARD_MESSAGES[lang];
  const name = metric.toUpperCase();
  if (metric === 'nps') return { ...base, score: name };
  const named = (s: string): string => s.replaceAll('NPS', name);
  const byName = (table: Readonly<Record<string, string>>): Record<string, string> => ({
    ...table,
    ...Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [breakdownChartId(metric, d), named(table[breakdownChartId('nps', d)] ?? '')])),
  });
  return {
    ...base,
    score: name,
    owners: { ...base.owners, title: named(base.owners.title), note: named(base.owners.note) },
    chartNames: { ...byName(base.chartNames), 'theme-impact': named(base.chartNames['theme-impact'] ?? '') },
    whyNotFiltered: { ...base.whyNotFiltered, ...byName(base.whyNotFiltered) } as DashboardText['whyNotFiltered'],
  };
}
