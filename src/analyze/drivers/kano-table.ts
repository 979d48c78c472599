/**
 * `kano_attributes`: penalty–reward analysis per attribute, in points of the driver score. Penalty =
 * score of the middle box − score of the bottom box, reward = score of the top box − score of the
 * middle box, with normal (Welch) intervals; basic / performance / excitement / low-impact categories.
 * For CES (a mean) the outcome is the CES read so that higher is better (`worse`): CES itself when higher is
 * easier (penalty = the ease a poor rating costs), −CES when lower is easier (penalty = the effort a poor
 * rating adds); nps_bottom … hold each box's mean CES.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { boxCutoffs, boxStatsFromNpsCounts, meanOfSums, npsOfClassCounts, penaltyReward, zCritical, type AttributeBoxes, type BoxStats, type NpsCounts } from '../stats/index.ts';
import type { HeadlineMetric } from '../metrics/headline-metric.ts';
import { queryRows, num, str } from './read-rows.ts';
import type { TableColumns, TableRow } from './write-rows.ts';

export const KANO_COLUMNS: TableColumns = {
  attribute: 'VARCHAR', n_bottom: 'BIGINT', n_middle: 'BIGINT', n_top: 'BIGINT',
  nps_bottom: 'DOUBLE', nps_middle: 'DOUBLE', nps_top: 'DOUBLE',
  penalty: 'DOUBLE', penalty_ci_low: 'DOUBLE', penalty_ci_high: 'DOUBLE',
  reward: 'DOUBLE', reward_ci_low: 'DOUBLE', reward_ci_high: 'DOUBLE',
  category: 'VARCHAR', bottom_max: 'DOUBLE', top_min: 'DOUBLE', small_n: 'BOOLEAN',
};

export interface KanoSettings {
  readonly scale: { readonly min: number; readonly max: number };
  readonly level: number;
  readonly minN: number;
  /** the driver score (default nps) */
  readonly metric?: HeadlineMetric;
  /** which way the score gets worse (worseDirection): −1 (default) a lower score, +1 a higher one (CES read as effort) */
  readonly worse?: -1 | 1;
}

/** A box's three sums of the score (select-kano-box-counts.sql), named for a share's classes. */
type Sums = NpsCounts;

interface BoxModel {
  /** the penalty-reward outcome: higher is better */
  readonly stats: (c: Sums) => BoxStats;
  readonly score: (c: Sums) => number;
  readonly size: (c: Sums) => number;
}

const SHARE_BOXES: BoxModel = {
  stats: boxStatsFromNpsCounts,
  score: (c) => npsOfClassCounts(c.promoters, c.passives, c.detractors),
  size: (c) => c.promoters + c.passives + c.detractors,
};
/** CES: (Σ score, Σ score², n); the outcome −worse · CES, so higher is better (−CES when lower is easier) */
function meanBoxes(worse: -1 | 1): BoxModel {
  return {
    stats: (c) => ({ n: c.detractors, sum: -worse * c.promoters, sumSquares: c.passives }),
    score: (c) => meanOfSums(c.promoters, c.passives, c.detractors),
    size: (c) => c.detractors,
  };
}

export async function computeKano(conn: DuckDBConnection, s: KanoSettings): Promise<TableRow[]> {
  const model = s.metric === 'ces' ? meanBoxes(s.worse ?? -1) : SHARE_BOXES;
  const cut = boxCutoffs(s.scale.min, s.scale.max);
  const counts = await queryRows(conn, 'drivers/select-kano-box-counts', { bottom_max: cut.bottomMax, top_min: cut.topMin });
  const boxes = new Map<string, Record<'bottom' | 'middle' | 'top', NpsCounts>>();
  const zero: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const r of counts) {
    const attribute = str(r, 'attribute');
    const entry = boxes.get(attribute) ?? { bottom: zero, middle: zero, top: zero };
    entry[str(r, 'box') as 'bottom' | 'middle' | 'top'] = { promoters: num(r, 'sum_1'), passives: num(r, 'sum_2'), detractors: num(r, 'sum_3') };
    boxes.set(attribute, entry);
  }
  const inputs: AttributeBoxes[] = [...boxes].map(([attribute, b]) => ({
    attribute, bottom: model.stats(b.bottom), middle: model.stats(b.middle), top: model.stats(b.top),
  }));
  const z = zCritical(s.level);
  const { score: nps, size } = model;
  return penaltyReward(inputs, { level: s.level, minBoxSize: s.minN }).map((e) => {
    const b = boxes.get(e.attribute) ?? { bottom: zero, middle: zero, top: zero };
    return {
      attribute: e.attribute, n_bottom: size(b.bottom), n_middle: size(b.middle), n_top: size(b.top),
      nps_bottom: nps(b.bottom), nps_middle: nps(b.middle), nps_top: nps(b.top),
      penalty: e.penalty, penalty_ci_low: e.penalty - z * e.penaltyStandardError, penalty_ci_high: e.penalty + z * e.penaltyStandardError,
      reward: e.reward, reward_ci_low: e.reward - z * e.rewardStandardError, reward_ci_high: e.reward + z * e.rewardStandardError,
      category: e.category, bottom_max: cut.bottomMax, top_min: cut.topMin,
      small_n: Math.min(size(b.bottom), size(b.middle), size(b.top)) < s.minN,
    };
  });
}
