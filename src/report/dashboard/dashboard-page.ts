/**
 * dashboard/index.html: a static shell that loads the bundled vega, vega-lite and vega-embed from
 * vendor/, the payload as inert JSON, and app.js. The Content-Security-Policy allows scripts from
 * the dashboard folder only (Vega compiles its expressions with Function, hence 'unsafe-eval'),
 * no network connections, no frames, no plugins.
 */
import { jsonForScript, type DashboardPayload } from './dashboard-payload.ts';
import type { RecentRun } from '../../publish/recent-runs.ts';

/** The last nights' status, loaded beside the payload: the one file of the dashboard that depends on the folder's past. */
export const RUN_HISTORY_SCRIPT = 'run-history.js';

/** dashboard/run-history.js: sets window.ecouteRunHistory (JSON is a valid script expression; shown through textContent). */
export function runHistoryScript(runs: readonly RecentRun[]): string {
  return `window.ecouteRunHistory = ${JSON.stringify(runs, null, 1)};\n`;
}

export const VENDOR_SCRIPTS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'] as const;

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;background:#f4f5f7;color:#1d1d1d}
header{background:#1f3b57;color:white;padding:14px 24px;display:flex;flex-wrap:wrap;align-items:center;gap:24px}
header h1{font-size:20px;margin:0}header #as-of{opacity:.85;font-size:13px}#filters{display:flex;gap:16px;margin-left:auto}
.filter span{margin-right:6px;font-size:13px}.filter select{font-size:13px;padding:2px 4px}
main{padding:16px 24px}#charts{display:flex;flex-wrap:wrap;gap:16px}
.card{background:white;border:1px solid #dde1e6;border-radius:6px;padding:10px;min-width:300px}
.note{color:#666;font-size:12px;margin:4px 0 0}section.panel{background:white;border:1px solid #dde1e6;border-radius:6px;padding:10px 16px;margin-top:16px;overflow-x:auto}
h2{font-size:16px;margin:6px 0}table{border-collapse:collapse;font-size:12px;width:100%}td,th{border-bottom:1px solid #e6e6e6;padding:4px 6px;text-align:left;vertical-align:top}
td:last-child{white-space:pre-wrap;overflow-wrap:anywhere;max-width:520px}`;

/** `assets`: where vendor/, app.js and run-history.js are, relative to the page ('' beside it; '../' for owner pages). */
export function dashboardHtml(payload: DashboardPayload, assets = ''): string {
  return `<!DOCTYPE html>
<html lang="${payload.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ecoute</title>
<style>${STYLE}</style>
${VENDOR_SCRIPTS.map((s) => `<script src="${assets}vendor/${s}"></script>`).join('\n')}
</head>
<body>
<header><h1 id="title"></h1><span id="as-of"></span><div id="filters"></div></header>
<main>
<div id="charts"></div>
<section class="panel" id="callbacks"></section>
<section class="panel" id="examples"></section>
<section class="panel" id="history"></section>
<section class="panel" id="about"></section>
</main>
<script type="application/json" id="ecoute-data">${jsonForScript(payload)}</script>
<script src="${assets}${RUN_HISTORY_SCRIPT}"></script>
<script src="${assets}app.js"></script>
</body>
</html>
`;
}
