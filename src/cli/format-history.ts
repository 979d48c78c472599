/** Human text for `ecoute history`: one line per run, newest last. */
import type { HistoryResult } from '../publish/history-command.ts';
import { formatTable } from './print-result.ts';

export function formatHistory(r: HistoryResult): string {
  if (r.entries.length === 0) return `${r.folder}: no run logged yet`;
  const rows = r.entries.map((e) => [
    e.asOf,
    e.status,
    e.exitCode,
    e.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    Math.round((Date.parse(e.endedAt) - Date.parse(e.startedAt)) / 100) / 10,
    e.sources.length === 0 ? '' : `${e.sources.reduce((n, s) => n + s.rowsAccepted, 0)}/${e.sources.reduce((n, s) => n + s.rowsRead, 0)} in ${e.sources.length} sources`,
    e.folder ?? '',
    e.error === null ? '' : (e.error.split('\n')[0] ?? '').slice(0, 80),
  ]);
  return [
    formatTable(['as of', 'status', 'exit', 'started (UTC)', 'seconds', 'rows accepted/read', 'folder', 'error'], rows),
    ...r.problems.map((p) => `history.jsonl line ${p.line}: ${p.message}`),
    `current: ${r.current ?? 'nothing published yet'}`,
  ].join('\n');
}
