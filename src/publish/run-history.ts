/**
 * The run log of an output folder, kept across nights: `history.jsonl`, one JSON line per run,
 * published, failed or gated. A line is appended in one write (O_APPEND), so a reader never sees half
 * of one; lines that do not parse are reported with their number, never dropped silently.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export const runStatusSchema = z.enum(['published', 'failed', 'gated']).describe('published: the night is current; gated: a quality gate stopped it (exit 3); failed: an error');

export const historyEntrySchema = z.object({
  runId: z.string().describe('also the folder name under runs/ or failed/'),
  pipeline: z.string().describe('pipeline name'),
  pipelineFile: z.string().describe('absolute path of the pipeline file'),
  pipelineSha256: z.string().describe('SHA-256 of the pipeline file as the run read it'),
  asOf: z.string(),
  startedAt: z.string().describe('ISO 8601, UTC'),
  endedAt: z.string(),
  status: runStatusSchema,
  exitCode: z.number().int(),
  error: z.string().nullable().describe('the message of a failed or gated run'),
  sources: z
    .array(z.object({ source: z.string(), rowsRead: z.number(), rowsAccepted: z.number(), rowsQuarantined: z.number() }))
    .describe('rows per source, when ingest finished'),
  gates: z.unknown().describe('gate results when the run checked gates, else null'),
  versions: z.record(z.string(), z.string()).describe('ecoute, duckdb, node'),
  engines: z.array(z.string()).describe('classification engines and models'),
  folder: z.string().nullable().describe('runs/<id> (published), failed/<id> (kept for inspection), or null'),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export interface History {
  readonly entries: HistoryEntry[];
  /** lines that could not be read, with their 1-based number */
  readonly problems: Array<{ line: number; message: string }>;
}

export function appendHistory(file: string, entry: HistoryEntry): void {
  appendFileSync(file, `${JSON.stringify(historyEntrySchema.parse(entry))}\n`);
}

export function readHistory(file: string): History {
  if (!existsSync(file)) return { entries: [], problems: [] };
  const entries: HistoryEntry[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problems.push({ line: i + 1, message: `not JSON: ${(e as Error).message}` });
        return;
      }
      const parsed = historyEntrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
      else problems.push({ line: i + 1, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
    });
  return { entries, problems };
}
