/**
 * The demo's competitive benchmark: a blind panel survey (every month, each panel member rates one brand
 * they use: ours or one of three competitors) and two published reference figures. One gap is planted:
 * Northwind Cloud's support is rated a full point above ours (and above the others), every other attribute
 * is drawn from the same distribution for every brand, except Altaïr Logiciels' value for money (−0.5).
 * LTR follows the demo's key-driver model (computeNps), so the support lead shows as an NPS lead.
 * Its own seeded random stream: the rest of the demo is unchanged by it.
 *   benchmark.csv, reference-scores.csv, benchmark-ground-truth.json
 */
import { join } from 'node:path';
import { createRng, type Rng } from '../util/random.ts';
import { ATTRIBUTES, ATTRIBUTE_WEIGHTS, RATING_COLUMNS, computeNps, npsBand, toObservedRatings, type Attribute, type Ratings } from './nps-model.ts';
import { SEGMENTS } from './company-model.ts';
import { WINDOW_MONTHS, monthStart, daysInMonth, formatIsoDate, DAY_MS } from './demo-calendar.ts';
import { createCsvFileWriter, writeTextFileAtomic } from './write-file-atomic.ts';

export const OWN_BRAND = 'Ecoute Demo SaaS';
export interface BenchmarkBrand {
  readonly brand: string;
  readonly role: 'own' | 'competitor';
  /** rating points added to the brand's attribute ratings */
  readonly shift: Readonly<Partial<Record<Attribute, number>>>;
}
export const BENCHMARK_BRANDS: readonly BenchmarkBrand[] = [
  { brand: OWN_BRAND, role: 'own', shift: {} },
  { brand: 'Northwind Cloud', role: 'competitor', shift: { support: 1.0 } },
  { brand: 'Brightdesk', role: 'competitor', shift: {} },
  { brand: 'Altaïr Logiciels', role: 'competitor', shift: { value: -0.5 } },
];
/** The planted gap the "How we compare" section must find. */
export const PLANTED_BENCHMARK_GAP = { competitor: 'Northwind Cloud', attribute: 'support' as Attribute, rating_points: 1.0 };

export const BENCHMARK_HEADER = ['Response ID', 'Date', 'Brand', 'Role', 'NPS', 'Segment', ...ATTRIBUTES.map((a) => RATING_COLUMNS[a])] as const;
export const REFERENCE_HEADER = ['Brand', 'Period', 'NPS', 'N', 'Source'] as const;
const REFERENCE_ROWS = [
  ['B2B SaaS industry (Europe)', '2025', '29', '2400', 'synthetic industry panel (demo)'],
  ['Northwind Cloud', '2025', '41', '', 'synthetic press release (demo)'],
] as const;

const BASE = 3.6;
const LOADING = 0.75;
const NOISE = 0.6;
const SEED_SALT = 0x0b3c_4a11;

function drawRatings(rng: Rng, shift: BenchmarkBrand['shift']): Ratings {
  const s = rng.normal();
  const latent = {} as Ratings;
  for (const a of ATTRIBUTES) latent[a] = BASE + LOADING * s + (shift[a] ?? 0) + NOISE * rng.normal();
  return toObservedRatings(rng, latent);
}

function pickSegment(rng: Rng): string {
  const u = rng.next();
  return u < 0.2 ? SEGMENTS[0]!.segment : u < 0.55 ? SEGMENTS[1]!.segment : SEGMENTS[2]!.segment;
}

export function generateBenchmark(outDir: string, seed: number, scale: number): { files: Array<[string, number]> } {
  const rng = createRng((seed ^ SEED_SALT) >>> 0);
  const perMonth = Math.max(12, Math.round(100 * scale));
  const csv = createCsvFileWriter(join(outDir, 'benchmark.csv'), BENCHMARK_HEADER);
  const tally = new Map<string, { n: number; promoters: number; detractors: number; ratings: Record<string, number> }>();
  let seq = 0;
  for (let m = 0; m < WINDOW_MONTHS; m++) {
    for (const b of BENCHMARK_BRANDS) {
      for (let i = 0; i < perMonth; i++) {
        const ratings = drawRatings(rng, b.shift);
        const nps = computeNps(rng, ratings);
        const at = monthStart(m) + rng.int(daysInMonth(m)) * DAY_MS;
        seq++;
        csv.writeRow([`BM-${String(seq).padStart(6, '0')}`, formatIsoDate(at), b.brand, b.role, String(nps), pickSegment(rng), ...ATTRIBUTES.map((a) => String(ratings[a]))]);
        let t = tally.get(b.brand);
        if (t === undefined) tally.set(b.brand, (t = { n: 0, promoters: 0, detractors: 0, ratings: Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) }));
        t.n++;
        if (npsBand(nps) === 'promoter') t.promoters++;
        if (npsBand(nps) === 'detractor') t.detractors++;
        for (const a of ATTRIBUTES) t.ratings[a]! += ratings[a];
      }
    }
  }
  // two rows the validation must quarantine: an unknown role and an NPS of 11
  csv.writeRow(['BM-DIRTY-1', formatIsoDate(monthStart(0)), 'Brightdesk', 'partner', '8', 'SMB', ...ATTRIBUTES.map(() => '3')]);
  csv.writeRow(['BM-DIRTY-2', formatIsoDate(monthStart(0)), 'Brightdesk', 'competitor', '11', 'SMB', ...ATTRIBUTES.map(() => '3')]);
  const rows = csv.close();
  const ref = createCsvFileWriter(join(outDir, 'reference-scores.csv'), REFERENCE_HEADER);
  for (const r of REFERENCE_ROWS) ref.writeRow([...r]);
  const refRows = ref.close();
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  const truth = {
    description: 'Competitive benchmark of the demo: planted brand shifts on the attribute ratings (rating points), LTR from the demo key-driver model',
    own_brand: OWN_BRAND,
    planted_gap: PLANTED_BENCHMARK_GAP,
    ltr_points_per_rating_point: ATTRIBUTE_WEIGHTS,
    answers_per_brand_per_month: perMonth,
    quarantined_rows: { 'BM-DIRTY-1': 'invalid_value role', 'BM-DIRTY-2': 'out_of_range nps' },
    brands: BENCHMARK_BRANDS.map((b) => {
      const t = tally.get(b.brand)!;
      return {
        brand: b.brand, role: b.role, planted_rating_shift: b.shift, answers: t.n,
        observed_nps: r4((100 * (t.promoters - t.detractors)) / t.n),
        observed_mean_ratings: Object.fromEntries(ATTRIBUTES.map((a) => [a, r4(t.ratings[a]! / t.n)])),
      };
    }),
    reference_scores: REFERENCE_ROWS.map(([brand, period, nps, n, source]) => ({ brand, period, nps: Number(nps), n: n === '' ? null : Number(n), source })),
  };
  writeTextFileAtomic(join(outDir, 'benchmark-ground-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return { files: [['benchmark.csv', rows], ['reference-scores.csv', refRows]] };
}
