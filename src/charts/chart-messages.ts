/**
 * Every word a chart shows, in English and French: titles, axis titles, legend labels.
 * Spec builders take one language's texts and never hard-code wording, so a test compares
 * against these messages rather than copied strings.
 */
import { BENCHMARK_CHART_MESSAGES, type BenchmarkChartMessages } from './specs/benchmark-comparison-messages.ts';
import type { ScoreReading } from '../analyze/metrics/headline-metric.ts';

/** A score other than NPS as it is read: CSAT, CES as ease (higher is easier) or as effort (lower is easier). */
export type OtherScoreReading = Exclude<ScoreReading, 'nps'>;

export type ChartLang = 'en' | 'fr';

export interface ChartMessages {
  /** the trend chart's texts; `nps` is the score's axis and tooltip label */
  readonly npsTrend: { title: string; subtitle: string; period: string; nps: string; band: string; rise: string; fall: string; change: string; n: string; smallN: string };
  /** title and score label of the CSAT and CES trends (the rest as npsTrend); CES read as ease or as effort */
  readonly scoreTrend: Readonly<Record<OtherScoreReading, { title: string; score: string }>>;
  readonly npsBy: { title: (dimension: string) => string; subtitle: string; nps: string; n: string; suppressed: string };
  /** the wording of the breakdowns, theme impact and key drivers when the program's score is CSAT or CES (the rest as for NPS) */
  readonly scoreCharts: Readonly<Record<OtherScoreReading, ScoreChartTexts>>;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly responseRate: { title: string; subtitle: string; period: string; rate: string; target: string; invitations: string; responses: string; belowTarget: string; onTarget: string };
  readonly themeSentiment: { title: string; subtitle: string; share: string; theme: string; sentiment: string; mentions: string; labels: Readonly<Record<'negative' | 'neutral' | 'positive', string>> };
  readonly heatmap: { title: string; subtitle: string; segment: string; theme: string; negativeRate: string; mentionRate: string; commented: string };
  readonly themeImpact: { title: string; subtitle: string; impact: string; theme: string; frequency: string; npsWith: string; npsWithout: string; n: string };
  readonly driverQuadrant: { title: string; subtitle: string; importance: string; performance: string; driver: string; significant: string; notSignificant: string; quadrants: readonly [string, string, string, string] };
  readonly dissatisfiers: { title: string; subtitle: string; arrAtRisk: string; mentions: string; byArr: string; byFrequency: string; rank: string; theme: string };
  /** ARR at risk per segment × theme: the evidence of a cell says whether it is reliably above zero */
  readonly segmentArr: {
    title: string; subtitle: string; segment: string; theme: string; arrAtRisk: string; ciLow: string; ciHigh: string; accounts: string; qValue: string;
    evidence: string; reliable: string; notReliable: string; smallN: string;
  };
  readonly churnLift: { title: string; subtitle: string; lift: string; theme: string; churnWith: string; churnWithout: string; accounts: string; pValue: string };
  readonly benchmark: BenchmarkChartMessages;
}

export interface ScoreChartTexts {
  readonly byTitle: (dimension: string) => string;
  readonly bySubtitle: string;
  readonly impactTitle: string;
  readonly impactSubtitle: string;
  readonly impact: string;
  readonly with: string;
  readonly without: string;
  readonly driversSubtitle: string;
}

export const CHART_MESSAGES: Readonly<Record<ChartLang, ChartMessages>> = {
  en: {
    npsTrend: {
      title: 'NPS trend', subtitle: 'Shaded band: 95 % margin of error (clustered by account). Triangles: change from the previous period that survives the false-discovery rate (q-value).',
      period: 'Period', nps: 'NPS', band: '95 % CI', rise: 'Significant rise', fall: 'Significant fall', change: 'Change', n: 'Responses', smallN: 'Small sample',
    },
    scoreTrend: {
      csat: { title: 'CSAT trend', score: 'CSAT (% of 4–5)' },
      ces_ease: { title: 'CES trend', score: 'CES (ease, 1–7)' }, ces_effort: { title: 'CES trend', score: 'CES (effort, 1–7)' },
    },
    npsBy: {
      title: (d) => `NPS by ${d}`, subtitle: 'Bars: NPS with 95 % CI. Cells below the minimum sample size are suppressed.',
      nps: 'NPS', n: 'Responses', suppressed: 'suppressed (small n)',
    },
    scoreCharts: {
      csat: {
        byTitle: (d) => `CSAT by ${d}`, bySubtitle: 'Bars: CSAT (% of 4–5 answers) with 95 % CI (clustered by account). Cells below the minimum sample size are suppressed.',
        impactTitle: 'Theme impact on CSAT', impactSubtitle: 'CSAT points the theme costs or adds (CSAT − CSAT without the theme, in percentage points of satisfied answers), 95 % bootstrap CI.',
        impact: 'CSAT impact (points)', with: 'CSAT with theme', without: 'CSAT without theme',
        driversSubtitle: 'Importance: share of explained CSAT variance (relative weights). Performance: mean rating.',
      },
      ces_ease: {
        byTitle: (d) => `CES by ${d}`, bySubtitle: 'Bars: CES (ease on 1–7, higher is easier) with 95 % CI (clustered by account). Cells below the minimum sample size are suppressed.',
        impactTitle: 'Theme impact on CES', impactSubtitle: 'Ease the theme costs or adds (CES − CES without the theme, on the 1–7 scale; below zero: less ease), 95 % bootstrap CI.',
        impact: 'CES impact (ease, 1–7)', with: 'CES with theme', without: 'CES without theme',
        driversSubtitle: 'Importance: share of explained CES variance (relative weights). Performance: mean rating.',
      },
      ces_effort: {
        byTitle: (d) => `CES by ${d}`, bySubtitle: 'Bars: CES (effort on 1–7, lower is easier) with 95 % CI (clustered by account). Cells below the minimum sample size are suppressed.',
        impactTitle: 'Theme impact on CES', impactSubtitle: 'Effort the theme adds or removes (CES − CES without the theme, on the 1–7 scale; above zero: more effort), 95 % bootstrap CI.',
        impact: 'CES impact (effort, 1–7)', with: 'CES with theme', without: 'CES without theme',
        driversSubtitle: 'Importance: share of explained CES variance (relative weights). Performance: mean rating.',
      },
    },
    dimensions: { segment: 'segment', region: 'region', journey_stage: 'journey stage', owner: 'owner', touchpoint: 'touchpoint', channel: 'channel' },
    responseRate: {
      title: 'Response rate vs target', subtitle: 'Shaded band: 95 % CI. Dashed line: target.', period: 'Period', rate: 'Response rate', target: 'Target',
      invitations: 'Invitations', responses: 'Responses', belowTarget: 'Below target', onTarget: 'On target',
    },
    themeSentiment: {
      title: 'Sentiment of mentions per theme', subtitle: 'Share of each theme’s mentions; negative to the left of zero, positive to the right.',
      share: 'Share of mentions', theme: 'Theme', sentiment: 'Sentiment', mentions: 'Mentions',
      labels: { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' },
    },
    heatmap: {
      title: 'Negative mentions by segment and theme', subtitle: 'Share of a segment’s commented responses with a negative mention of the theme.',
      segment: 'Segment', theme: 'Theme', negativeRate: 'Negative mention rate', mentionRate: 'Mention rate', commented: 'Commented responses',
    },
    themeImpact: {
      title: 'Theme impact on NPS', subtitle: 'NPS points the theme costs or adds (NPS − NPS without the theme), 95 % bootstrap CI.',
      impact: 'Impact on NPS (points)', theme: 'Theme', frequency: 'Share of responses', npsWith: 'NPS with theme', npsWithout: 'NPS without theme', n: 'Responses mentioning',
    },
    driverQuadrant: {
      title: 'Importance vs performance of drivers', subtitle: 'Importance: share of explained NPS variance (relative weights). Performance: mean rating.',
      importance: 'Importance (share of R²)', performance: 'Performance (mean rating)', driver: 'Driver', significant: 'Beats noise', notSignificant: 'Not above noise',
      quadrants: ['Fix first', 'Keep up', 'Low priority', 'Possible overkill'],
    },
    dissatisfiers: {
      title: 'Revenue dissatisfiers: ARR at risk vs frequency', subtitle: 'Only themes whose ARR at risk is reliably above zero (95 % CI above 0, Benjamini–Hochberg q below the run’s level). Left: ARR at risk attributable to the theme. Right: the same themes by number of negative mentions.',
      arrAtRisk: 'ARR at risk', mentions: 'Mentions', byArr: 'Ranked by ARR at risk', byFrequency: 'Ranked by frequency', rank: 'Rank', theme: 'Theme',
    },
    segmentArr: {
      title: 'ARR at risk by segment and theme', subtitle: 'ARR at risk attributable to the theme among the segment’s active accounts that mention it negatively (churn model, as of the run date). Grey: not reliably above zero (95 % CI includes 0, or Benjamini–Hochberg q above the run’s level). Click a cell to read its verbatims.',
      segment: 'Segment', theme: 'Theme', arrAtRisk: 'ARR at risk', ciLow: '95 % CI, low', ciHigh: '95 % CI, high', accounts: 'Active accounts mentioning', qValue: 'q-value',
      evidence: 'Evidence', reliable: 'reliably above zero', notReliable: 'not reliably above zero', smallN: 'small sample',
    },
    churnLift: {
      title: 'Churn lift per theme', subtitle: 'Churn rate of the accounts with a renewal decision that mentioned the theme negatively ÷ that of the others, 95 % CI. Right of 1: more churn.',
      lift: 'Churn lift (×)', theme: 'Theme', churnWith: 'Churn rate, mentioning', churnWithout: 'Churn rate, not mentioning', accounts: 'Accounts with a renewal decision, mentioning', pValue: 'p-value',
    },
    benchmark: BENCHMARK_CHART_MESSAGES.en,
  },
  fr: {
    npsTrend: {
      title: 'Évolution du NPS', subtitle: 'Bande : marge d’erreur à 95 % (grappes par compte). Triangles : variation par rapport à la période précédente qui résiste au taux de fausses découvertes (q-value).',
      period: 'Période', nps: 'NPS', band: 'IC 95 %', rise: 'Hausse significative', fall: 'Baisse significative', change: 'Variation', n: 'Réponses', smallN: 'Petit échantillon',
    },
    scoreTrend: {
      csat: { title: 'Évolution du CSAT', score: 'CSAT (% de 4–5)' },
      ces_ease: { title: 'Évolution du CES', score: 'CES (facilité, 1–7)' }, ces_effort: { title: 'Évolution du CES', score: 'CES (effort, 1–7)' },
    },
    npsBy: {
      title: (d) => `NPS par ${d}`, subtitle: 'Barres : NPS avec IC à 95 %. Les cellules sous la taille minimale d’échantillon sont masquées.',
      nps: 'NPS', n: 'Réponses', suppressed: 'masqué (petit n)',
    },
    scoreCharts: {
      csat: {
        byTitle: (d) => `CSAT par ${d}`, bySubtitle: 'Barres : CSAT (% de réponses 4–5) avec IC à 95 % (grappes par compte). Les cellules sous la taille minimale d’échantillon sont masquées.',
        impactTitle: 'Impact des thèmes sur le CSAT', impactSubtitle: 'Points de CSAT que le thème coûte ou apporte (CSAT − CSAT sans le thème, en points de pourcentage de réponses satisfaites), IC bootstrap à 95 %.',
        impact: 'Impact sur le CSAT (points)', with: 'CSAT avec le thème', without: 'CSAT sans le thème',
        driversSubtitle: 'Importance : part de la variance du CSAT expliquée (poids relatifs). Performance : note moyenne.',
      },
      ces_ease: {
        byTitle: (d) => `CES par ${d}`, bySubtitle: 'Barres : CES (facilité sur 1–7, plus haut = plus facile) avec IC à 95 % (grappes par compte). Les cellules sous la taille minimale d’échantillon sont masquées.',
        impactTitle: 'Impact des thèmes sur le CES', impactSubtitle: 'Facilité que le thème retire ou apporte (CES − CES sans le thème, sur l’échelle 1–7 ; sous zéro : moins de facilité), IC bootstrap à 95 %.',
        impact: 'Impact sur le CES (facilité, 1–7)', with: 'CES avec le thème', without: 'CES sans le thème',
        driversSubtitle: 'Importance : part de la variance du CES expliquée (poids relatifs). Performance : note moyenne.',
      },
      ces_effort: {
        byTitle: (d) => `CES par ${d}`, bySubtitle: 'Barres : CES (effort sur 1–7, plus bas = plus facile) avec IC à 95 % (grappes par compte). Les cellules sous la taille minimale d’échantillon sont masquées.',
        impactTitle: 'Impact des thèmes sur le CES', impactSubtitle: 'Effort que le thème ajoute ou retire (CES − CES sans le thème, sur l’échelle 1–7 ; au-dessus de zéro : plus d’effort), IC bootstrap à 95 %.',
        impact: 'Impact sur le CES (effort, 1–7)', with: 'CES avec le thème', without: 'CES sans le thème',
        driversSubtitle: 'Importance : part de la variance du CES expliquée (poids relatifs). Performance : note moyenne.',
      },
    },
    dimensions: { segment: 'segment', region: 'région', journey_stage: 'étape du parcours', owner: 'responsable', touchpoint: 'point de contact', channel: 'canal' },
    responseRate: {
      title: 'Taux de réponse et objectif', subtitle: 'Bande : IC à 95 %. Pointillés : objectif.', period: 'Période', rate: 'Taux de réponse', target: 'Objectif',
      invitations: 'Invitations', responses: 'Réponses', belowTarget: 'Sous l’objectif', onTarget: 'Objectif atteint',
    },
    themeSentiment: {
      title: 'Tonalité des mentions par thème', subtitle: 'Part des mentions de chaque thème ; négatif à gauche de zéro, positif à droite.',
      share: 'Part des mentions', theme: 'Thème', sentiment: 'Tonalité', mentions: 'Mentions',
      labels: { negative: 'Négatif', neutral: 'Neutre', positive: 'Positif' },
    },
    heatmap: {
      title: 'Mentions négatives par segment et thème', subtitle: 'Part des réponses commentées du segment avec une mention négative du thème.',
      segment: 'Segment', theme: 'Thème', negativeRate: 'Taux de mentions négatives', mentionRate: 'Taux de mention', commented: 'Réponses commentées',
    },
    themeImpact: {
      title: 'Impact des thèmes sur le NPS', subtitle: 'Points de NPS que le thème coûte ou apporte (NPS − NPS sans le thème), IC bootstrap à 95 %.',
      impact: 'Impact sur le NPS (points)', theme: 'Thème', frequency: 'Part des réponses', npsWith: 'NPS avec le thème', npsWithout: 'NPS sans le thème', n: 'Réponses le mentionnant',
    },
    driverQuadrant: {
      title: 'Importance et performance des leviers', subtitle: 'Importance : part de la variance du NPS expliquée (poids relatifs). Performance : note moyenne.',
      importance: 'Importance (part du R²)', performance: 'Performance (note moyenne)', driver: 'Levier', significant: 'Au-dessus du bruit', notSignificant: 'Pas au-dessus du bruit',
      quadrants: ['À corriger en priorité', 'À maintenir', 'Faible priorité', 'Effort peut-être excessif'],
    },
    dissatisfiers: {
      title: 'Irritants à impact sur le revenu : ARR à risque et fréquence', subtitle: 'Seuls les thèmes dont l’ARR à risque est fiablement positif (IC à 95 % au-dessus de 0, q de Benjamini–Hochberg sous le seuil du traitement). À gauche : ARR à risque attribuable au thème. À droite : les mêmes thèmes par nombre de mentions négatives.',
      arrAtRisk: 'ARR à risque', mentions: 'Mentions', byArr: 'Classés par ARR à risque', byFrequency: 'Classés par fréquence', rank: 'Rang', theme: 'Thème',
    },
    segmentArr: {
      title: 'ARR à risque par segment et thème', subtitle: 'ARR à risque attribuable au thème parmi les comptes actifs du segment qui le mentionnent négativement (modèle d’attrition, à la date du traitement). Gris : pas fiablement positif (IC à 95 % contenant 0, ou q de Benjamini–Hochberg au-dessus du seuil du traitement). Cliquez sur une case pour lire ses verbatims.',
      segment: 'Segment', theme: 'Thème', arrAtRisk: 'ARR à risque', ciLow: 'IC 95 %, borne basse', ciHigh: 'IC 95 %, borne haute', accounts: 'Comptes actifs le mentionnant', qValue: 'q-valeur',
      evidence: 'Preuve', reliable: 'fiablement positif', notReliable: 'pas fiablement au-dessus de zéro', smallN: 'petit échantillon',
    },
    churnLift: {
      title: 'Sur-risque d’attrition par thème', subtitle: 'Taux d’attrition des comptes avec une décision de renouvellement qui mentionnent le thème négativement ÷ celui des autres, IC à 95 %. À droite de 1 : plus d’attrition.',
      lift: 'Sur-risque d’attrition (×)', theme: 'Thème', churnWith: 'Attrition, comptes le mentionnant', churnWithout: 'Attrition, autres comptes', accounts: 'Comptes le mentionnant', pValue: 'p-valeur',
    },
    benchmark: BENCHMARK_CHART_MESSAGES.fr,
  },
};
