/**
 * `kano_attributes`: penalty–reward analysis per attribute, in NPS points. Penalty = NPS of the
 * middle box − NPS of the bottom box, reward = NPS of the top box − NPS of the middle box, with
 * normal (Welch) intervals; basic / performance / excitement / low-impact categories.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { boxCutoffs, boxStatsFromNpsCounts, npsFromCounts, penaltyReward, zCritical, type AttributeBoxes, type NpsCounts } from '../stats/index.ts';
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
}

export async function computeKano(conn: DuckDBConnection, s: KanoSettings): Promise<TableRow[]> {
  const cut = boxCutoffs(s.scale.min, s.scale.max);
  const counts = await queryRows(conn, 'drivers/select-kano-box-counts', { bottom_max: cut.bottomMax, top_min: cut.topMin });
  const boxes = new Map<string, Record<'bottom' | 'middle' | 'top', NpsCounts>>();
  const zero: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const r of counts) {
    const attribute = str(r, 'attribute');
    const entry = boxes.get(attribute) ?? { bottom: zero, middle: zero, top: zero };
    entry[str(r, 'box') as 'bottom' | 'middle' | 'top'] = { promoters: num(r, 'promoters'), passives: num(r, 'passives'), detractors: num(r, 'detractors') };
    boxes.set(attribute, entry);
  }
  const inputs: AttributeBoxes[] = [...boxes].map(([attribute, b]) => ({
    attribute, bottom: boxStatsFromNpsCounts(b.bottom), middle: boxStatsFromNpsCounts(b.middle), top: boxStatsFromNpsCounts(b.top),
  }));
  const z = zCritical(s.level);
  const nps = (c: NpsCounts): number => npsFromCounts(c.promoters, c.passives, c.detractors);
  const size = (c: NpsCounts): number => c.promoters + c.passives + c.detractors;
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
