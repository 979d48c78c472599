/**
 * computeBenchmark — the "How we compare" phase: reads the benchmark answers, computes each brand's NPS per
 * quarter and segment with its respondent-level margin, the gap with each competitor (interval, q-value),
 * the trend of each gap and the attribute key-driver comparison, and writes them as tables:
 *   benchmark_nps, benchmark_gaps, benchmark_gap_trend, benchmark_attribute_gaps, benchmark_reference.
 * Nothing is written when the run has no benchmark answers (the section and the panel are then omitted), and
 * the tables of an earlier night (the run's database starts as a copy of it) are dropped first.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../../db/sql-file.ts';
import { queryRows, num, str, optionalStr } from '../drivers/read-rows.ts';
import { writeRows } from '../drivers/write-rows.ts';
import type { BenchmarkAnswer } from './benchmark-answer.ts';
import { brandCells, gapCells, ownBrand } from './brand-gaps.ts';
import { gapTrends } from './gap-trend.ts';
import { attributeGaps } from './attribute-gaps.ts';

export const BENCHMARK_TABLES = ['benchmark_nps', 'benchmark_gaps', 'benchmark_gap_trend', 'benchmark_attribute_gaps', 'benchmark_reference'] as const;

export interface BenchmarkSummary {
  readonly computed: boolean;
  /** why nothing was computed */
  readonly reason?: string;
  readonly answers: number;
  readonly ownBrand?: string;
  readonly competitors: number;
  readonly gaps: number;
  /** gaps with q < fdr_level */
  readonly gapsFound: number;
  readonly referenceFigures: number;
}

export interface BenchmarkOptions {
  readonly seed: number;
  readonly minN: number;
  readonly fdrLevel: number;
  /** bootstrap resamples of the attribute comparison (default 400) */
  readonly replicates?: number;
}

function toAnswer(r: Record<string, unknown>): BenchmarkAnswer {
  const ratings = Array.isArray(r.ratings) ? r.ratings.map((x) => (x === null || x === undefined ? null : Number(x))) : [];
  return { brand: str(r, 'brand'), role: r.role === 'own' ? 'own' : 'competitor', quarter: str(r, 'quarter'), segment: optionalStr(r, 'segment'), score: num(r, 'score'), ratings };
}

export async function computeBenchmark(conn: DuckDBConnection, opts: BenchmarkOptions): Promise<BenchmarkSummary> {
  await runSqlFile(conn, 'benchmark/drop-benchmark-tables'); // the previous night's comparison is not tonight's
  const answers = (await queryRows(conn, 'benchmark/select-benchmark-answers')).map(toAnswer);
  const referenceFigures = Number((await conn.runAndReadAll('SELECT count(*) FROM reference_scores')).getRows()[0]?.[0] ?? 0);
  const none = (reason: string): BenchmarkSummary => ({ computed: false, reason, answers: answers.length, competitors: 0, gaps: 0, gapsFound: 0, referenceFigures });
  if (answers.length === 0) return none('no benchmark answers');
  const { own, owns, competitors } = ownBrand(answers);
  if (own === undefined) return none(owns.length === 0 ? 'no answer is about our own brand (role own)' : `several brands have role own: ${owns.join(', ')}`);
  if (competitors.length === 0) return none('no answer is about a competitor');
  const attributes = (await queryRows(conn, 'benchmark/select-benchmark-attributes')).map((r) => str(r, 'attribute'));
  const cells = brandCells(answers, opts.minN);
  const gaps = gapCells(cells, own, competitors);
  const trends = gapTrends(gaps);
  const drivers = attributeGaps(answers, { own, competitors, attributes, seed: opts.seed, replicates: opts.replicates ?? 400, minN: opts.minN });

  await writeRows(conn, 'benchmark_nps', {
    brand: 'VARCHAR', role: 'VARCHAR', period: 'VARCHAR', segment: 'VARCHAR', n: 'BIGINT', nps: 'DOUBLE', se: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', small_n: 'BOOLEAN',
  }, cells.map((c) => ({ brand: c.brand, role: c.role, period: c.period, segment: c.segment, n: c.n, nps: c.nps, se: c.se, ci_low: c.low, ci_high: c.high, small_n: c.smallN })));
  await writeRows(conn, 'benchmark_gaps', {
    own_brand: 'VARCHAR', competitor: 'VARCHAR', period: 'VARCHAR', segment: 'VARCHAR', n_own: 'BIGINT', n_competitor: 'BIGINT', own_nps: 'DOUBLE', competitor_nps: 'DOUBLE',
    gap: 'DOUBLE', se: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', p_value: 'DOUBLE', q_value: 'DOUBLE', comparisons: 'BIGINT', significant: 'BOOLEAN', small_n: 'BOOLEAN',
  }, gaps.map((g) => ({
    own_brand: own, competitor: g.competitor, period: g.period, segment: g.segment, n_own: g.nOwn, n_competitor: g.nCompetitor, own_nps: g.ownNps, competitor_nps: g.competitorNps,
    gap: g.gap, se: g.se, ci_low: g.low, ci_high: g.high, p_value: g.pValue, q_value: g.qValue, comparisons: gaps.length, significant: g.qValue < opts.fdrLevel, small_n: g.smallN,
  })));
  await writeRows(conn, 'benchmark_gap_trend', {
    competitor: 'VARCHAR', quarters: 'BIGINT', first_quarter: 'VARCHAR', last_quarter: 'VARCHAR', slope_per_quarter: 'DOUBLE', se: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', p_value: 'DOUBLE', q_value: 'DOUBLE', significant: 'BOOLEAN',
  }, trends.map((t) => ({
    competitor: t.competitor, quarters: t.quarters, first_quarter: t.firstQuarter, last_quarter: t.lastQuarter, slope_per_quarter: t.slope, se: t.se, ci_low: t.low, ci_high: t.high,
    p_value: t.pValue, q_value: t.qValue, significant: t.qValue < opts.fdrLevel,
  })));
  await writeRows(conn, 'benchmark_attribute_gaps', {
    competitor: 'VARCHAR', attribute: 'VARCHAR', n_own: 'BIGINT', n_competitor: 'BIGINT', mean_own: 'DOUBLE', mean_competitor: 'DOUBLE',
    difference: 'DOUBLE', difference_ci_low: 'DOUBLE', difference_ci_high: 'DOUBLE', importance: 'DOUBLE', importance_ci_low: 'DOUBLE', importance_ci_high: 'DOUBLE',
    contribution: 'DOUBLE', contribution_ci_low: 'DOUBLE', contribution_ci_high: 'DOUBLE', clear: 'BOOLEAN',
  }, drivers.map((d) => ({
    competitor: d.competitor, attribute: d.attribute, n_own: d.nOwn, n_competitor: d.nCompetitor, mean_own: d.meanOwn, mean_competitor: d.meanCompetitor,
    difference: d.difference, difference_ci_low: d.differenceLow, difference_ci_high: d.differenceHigh, importance: d.importance, importance_ci_low: d.importanceLow,
    importance_ci_high: d.importanceHigh, contribution: d.contribution, contribution_ci_low: d.contributionLow, contribution_ci_high: d.contributionHigh, clear: d.clear,
  })));
  await runSqlFile(conn, 'benchmark/create-benchmark-reference');
  return {
    computed: true, answers: answers.length, ownBrand: own, competitors: competitors.length, gaps: gaps.length,
    gapsFound: gaps.filter((g) => g.qValue < opts.fdrLevel).length, referenceFigures,
  };
}
