/** Words of the "How we compare" panel, in English and French. */
export interface BenchmarkChartMessages {
  readonly title: string;
  readonly subtitle: string;
  readonly nps: string;
  readonly brand: string;
  readonly n: string;
  readonly kind: string;
  readonly own: string;
  readonly competitor: string;
  readonly reference: string;
  readonly source: string;
}

export const BENCHMARK_CHART_MESSAGES: Readonly<Record<'en' | 'fr', BenchmarkChartMessages>> = {
  en: {
    title: 'How we compare', subtitle: 'Benchmark panel: NPS per brand with 95 % margin (each answer its own cluster). Diamonds: published reference figures, shown as given, not tested.',
    nps: 'NPS', brand: 'Brand', n: 'Answers', kind: 'Figure', own: 'Our brand', competitor: 'Competitor', reference: 'Published reference (not tested)', source: 'Source',
  },
  fr: {
    title: 'Où nous situons-nous', subtitle: 'Panel de benchmark : NPS par marque avec marge à 95 % (chaque réponse est sa propre grappe). Losanges : chiffres de référence publiés, tels quels, non testés.',
    nps: 'NPS', brand: 'Marque', n: 'Réponses', kind: 'Chiffre', own: 'Notre marque', competitor: 'Concurrent', reference: 'Référence publiée (non testée)', source: 'Source',
  },
};
