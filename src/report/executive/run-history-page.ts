/**
 * report/run-history-<lang>.html and .md: the last nights' status, a page beside the report (the
 * report itself depends only on the night's data, so a run from scratch reproduces it byte for byte).
 */
import type { RecentRun } from '../../publish/recent-runs.ts';
import type { ReportDocument } from './report-document.ts';
import { REPORT_MESSAGES, type ReportLang } from './report-messages.ts';

export function composeRunHistory(runs: readonly RecentRun[], pipeline: string, lang: ReportLang): ReportDocument {
  const m = REPORT_MESSAGES[lang];
  return {
    lang,
    title: `${m.runHistoryTitle} — ${pipeline}`,
    blocks: [
      { kind: 'h1', text: `${m.runHistoryTitle} — ${pipeline}` },
      runs.length === 0
        ? { kind: 'p', text: m.noRunHistory }
        : {
            kind: 'table',
            head: m.runHistoryHead,
            rows: runs.map((r) => [r.asOf, r.status, String(r.exitCode), r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), String(r.seconds), `${r.rowsAccepted} / ${r.rowsRead}`, r.error ?? '']),
          },
    ],
  };
}
