/** Words of the report's "How we compare" section, in English and French. */
import type { ReportLang } from './report-messages.ts';

export interface CompareMessages {
  readonly heading: string;
  readonly intro: (own: string, comparisons: string, level: string) => string;
  readonly gap: (own: string, competitor: string, gap: string, low: string, high: string, q: string, ownNps: string, compNps: string, nOwn: string, nComp: string, clear: boolean) => string;
  readonly latest: (quarter: string, gap: string, low: string, high: string) => string;
  readonly trend: (slope: string, low: string, high: string, q: string, quarters: string, clear: boolean) => string;
  readonly because: (competitor: string) => string;
  readonly attribute: (attribute: string, contribution: string, low: string, high: string, diff: string, meanOwn: string, meanComp: string) => string;
  readonly noAttribute: (competitor: string) => string;
  readonly referenceHeading: string;
  readonly reference: (brand: string, period: string, nps: string, n: string, source: string) => string;
  readonly referenceNote: string;
}

export const COMPARE_MESSAGES: Readonly<Record<ReportLang, CompareMessages>> = {
  en: {
    heading: 'How we compare',
    intro: (own, k, level) => `Benchmark panel: ${own} against each competitor. Each answer is its own cluster (panel members have no account); the gaps are own NPS − competitor NPS with 95 % intervals, and each q-value is Benjamini–Hochberg adjusted over the ${k} comparisons of the run (competitors × quarters × segments); a gap is reported as real when q < ${level}.`,
    gap: (own, c, gap, low, high, q, o, cn, no, nc, clear) => `${c}: ${own} ${clear ? 'differs by' : 'shows no reliable gap'} ${gap} points (95 % CI ${low} to ${high}, q ${q}); NPS ${o} (n = ${no}) against ${cn} (n = ${nc}).`,
    latest: (quarter, gap, low, high) => `Latest quarter (${quarter}): ${gap} points (95 % CI ${low} to ${high}).`,
    trend: (slope, low, high, q, quarters, clear) => `Trend of the gap: ${slope} points per quarter over ${quarters} quarters (95 % CI ${low} to ${high}, q ${q})${clear ? '' : ': no reliable trend'}.`,
    because: (c) => `Attributes that explain the gap with ${c} (importance × rating difference, NPS points, 95 % bootstrap CI):`,
    attribute: (a, ct, low, high, d, mo, mc) => `${a}: ${ct} points (${low} to ${high}); mean rating ${mo} against ${mc} (difference ${d})`,
    noAttribute: (c) => `No attribute explains the gap with ${c} reliably (every contribution's interval includes 0).`,
    referenceHeading: 'Published reference figures',
    reference: (b, p, nps, n, s) => `${b} (${p}): NPS ${nps}, n = ${n}, source: ${s}`,
    referenceNote: 'Reference points as published, without respondent-level data: shown for context, never tested against our figures.',
  },
  fr: {
    heading: 'Où nous situons-nous',
    intro: (own, k, level) => `Panel de benchmark : ${own} face à chaque concurrent. Chaque réponse est sa propre grappe (les panélistes n’ont pas de compte) ; les écarts sont NPS propre − NPS du concurrent avec IC à 95 %, et chaque q-valeur est ajustée (Benjamini–Hochberg) sur les ${k} comparaisons du traitement (concurrents × trimestres × segments) ; un écart est retenu quand q < ${level}.`,
    gap: (own, c, gap, low, high, q, o, cn, no, nc, clear) => `${c} : ${own} ${clear ? 's’écarte de' : 'ne montre pas d’écart fiable :'} ${gap} points (IC à 95 % ${low} à ${high}, q ${q}) ; NPS ${o} (n = ${no}) contre ${cn} (n = ${nc}).`,
    latest: (quarter, gap, low, high) => `Dernier trimestre (${quarter}) : ${gap} points (IC à 95 % ${low} à ${high}).`,
    trend: (slope, low, high, q, quarters, clear) => `Tendance de l’écart : ${slope} points par trimestre sur ${quarters} trimestres (IC à 95 % ${low} à ${high}, q ${q})${clear ? '' : ' : pas de tendance fiable'}.`,
    because: (c) => `Attributs qui expliquent l’écart avec ${c} (importance × écart de note, points de NPS, IC bootstrap à 95 %) :`,
    attribute: (a, ct, low, high, d, mo, mc) => `${a} : ${ct} points (${low} à ${high}) ; note moyenne ${mo} contre ${mc} (écart ${d})`,
    noAttribute: (c) => `Aucun attribut n’explique de façon fiable l’écart avec ${c} (l’intervalle de chaque contribution contient 0).`,
    referenceHeading: 'Chiffres de référence publiés',
    reference: (b, p, nps, n, s) => `${b} (${p}) : NPS ${nps}, n = ${n}, source : ${s}`,
    referenceNote: 'Points de référence tels que publiés, sans données individuelles : donnés pour contexte, jamais testés contre nos chiffres.',
  },
};
