/**
 * What the previous published night read, per source, from its run-summary.json (`nightDir`: the real
 * folder of the night published before this run): the baseline of the max_row_change gate. No night, no
 * summary, or one that does not parse, means no baseline.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { SOURCE_NAMES, type SourceName } from '../config/pipeline-schema.ts';
import { readJsonIfValid } from '../util/read-json-if-valid.ts';

const previousSummarySchema = z.object({
  sources: z.array(z.object({ source: z.enum(SOURCE_NAMES), reconciliation: z.object({ rowsRead: z.number().int().min(0) }) })),
});

export function previousRowsRead(nightDir: string | undefined): Partial<Record<SourceName, number>> | undefined {
  if (nightDir === undefined) return undefined;
  const summary = readJsonIfValid(join(nightDir, 'run-summary.json'), previousSummarySchema);
  if (summary === undefined) return undefined;
  return Object.fromEntries(summary.sources.map((s) => [s.source, s.reconciliation.rowsRead]));
}
