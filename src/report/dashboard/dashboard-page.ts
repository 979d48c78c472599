/**
 * dashboard/index.html: a static shell that loads the bundled vega, vega-lite and vega-embed from
 * vendor/, the payload as inert JSON, and app.js. The Content-Security-Policy allows scripts from
 * the dashboard folder only (Vega compiles its expressions with Function, hence 'unsafe-eval'),
 * no network connections, no frames, no plugins. The page of a served run (payload.explorer.served)
 * loads no verbatims.js and may connect to its own origin only (`ecoute serve`'s API).
 */
import { jsonForScript, type DashboardPayload } from './dashboard-payload.ts';
import type { RecentRun } from '../../publish/recent-runs.ts';
import type { ExplorerColumns } from '../explorer/explorer-columns.ts';
import { HELPERS_SCRIPT } from './browser-helpers-app.ts';
import { DERIVED_ROWS_SCRIPT } from './derived-rows-app.ts';
import { CALLBACK_PANEL_SCRIPT } from './callback-panel-app.ts';
import { OWNER_TABLE_SCRIPT } from './owner-table-app.ts';
import { LOOP_PANEL_SCRIPT } from './loop-panel-app.ts';

/** The last nights' status, loaded beside the payload: the one file of the dashboard that depends on the folder's past. */
export const RUN_HISTORY_SCRIPT = 'run-history.js';

/** dashboard/run-history.js: sets window.ecouteRunHistory (JSON is a valid script expression; shown through textContent). */
export function runHistoryScript(runs: readonly RecentRun[]): string {
  return `window.ecouteRunHistory = ${JSON.stringify(runs, null, 1)};\n`;
}

/** The verbatim explorer: its data (every verbatim, columnar, shared by every language) and its script. */
export const VERBATIMS_SCRIPT = 'verbatims.js';
export const EXPLORER_SCRIPT = 'explorer.js';

/** The dashboard page of a language: index.html in English, index-<lang>.html otherwise. */
export function dashboardFile(lang: string): string {
  return lang === 'en' ? 'index.html' : `index-${lang}.html`;
}

/** dashboard/verbatims.js: sets window.ecouteVerbatims to the explorer's columns (JSON is a valid script expression). */
export function verbatimsScript(columns: ExplorerColumns): string {
  return `window.ecouteVerbatims = ${JSON.stringify(columns)};\n`;
}

export const VENDOR_SCRIPTS = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'] as const;

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The policy of a served run's pages (and `ecoute serve`'s header): they may also ask the explorer's API of their own origin. */
export const SERVED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

/** What a served run's page adds to the style: its CSV link drawn as the export buttons, its "run ecoute serve" message. */
const SERVED_STYLE = `
.exports a.export{font-size:11px;padding:1px 6px;border:1px solid #c5ccd3;border-radius:3px;background:#f7f8fa;color:#1f3b57;text-decoration:none}
p.unavailable{background:#fff6e0;border:1px solid #f0d9a0;border-radius:4px;padding:8px 10px;font-size:13px}`;

const STYLE = `body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;background:#f4f5f7;color:#1d1d1d}
header{background:#1f3b57;color:white;padding:14px 24px;display:flex;flex-wrap:wrap;align-items:center;gap:24px}
header h1{font-size:20px;margin:0}header #as-of{opacity:.85;font-size:13px}#filters{display:flex;flex-wrap:wrap;gap:8px 14px;margin-left:auto;align-items:center}
.filter span{margin-right:6px;font-size:13px}.filter select{font-size:13px;padding:2px 4px}
main{padding:16px 24px}#charts,#charts-more{display:flex;flex-wrap:wrap;gap:16px}
.card{background:white;border:1px solid #dde1e6;border-radius:6px;padding:10px;min-width:300px}
.note{color:#666;font-size:12px;margin:4px 0 0}section.panel{background:white;border:1px solid #dde1e6;border-radius:6px;padding:10px 16px;margin-top:16px;overflow-x:auto}
h2{font-size:16px;margin:6px 0}table{border-collapse:collapse;font-size:12px;width:100%}td,th{border-bottom:1px solid #e6e6e6;padding:4px 6px;text-align:left;vertical-align:top}
td:last-child{white-space:pre-wrap;overflow-wrap:anywhere;max-width:520px}
#languages a{color:white;margin-left:8px;font-size:13px}.card[data-drill] .chart{cursor:pointer}
.explorer-filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:8px 0}.explorer-filters select,.explorer-filters input{font-size:13px}
#explorer-search{min-width:320px;padding:3px 6px}ol.verbatims{list-style:none;padding:0;margin:0}li.verbatim-item{border-bottom:1px solid #e6e6e6;padding:6px 0}
.verbatim-item .meta{color:#555;font-size:12px}.verbatim-item p.verbatim{margin:3px 0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:13px}
mark.clause{background:#ffe3b3}mark.hit{background:#bfe3ff}mark.clause.hit{background:#c9f0c0}
.tag{display:inline-block;font-size:11px;border-radius:3px;padding:1px 5px;margin:0 4px 2px 0;background:#eef1f4}.tag.negative{background:#f6d5d1}.tag.positive{background:#d3ecd9}.tag.dim{opacity:.5}
table.owners{width:auto}th.sortable{cursor:pointer;user-select:none}td.num{text-align:right;font-variant-numeric:tabular-nums}td.flag{color:#b35c00}tr.gap td{border-top:2px dashed #bbb}
button.link{background:none;border:none;padding:0;color:#1f5f9f;cursor:pointer;font:inherit;text-decoration:underline}.card.omitted h3{font-size:15px;margin:4px 0}
.panel-row{display:flex;gap:16px;align-items:flex-start}.panel-row>section.panel{flex:1 1 0;min-width:0}#owners{flex:0 0 auto;max-width:520px}
.pager{display:flex;gap:12px;align-items:center;margin-top:8px}.count{font-size:13px;margin:4px 0}
.exports{display:flex;gap:4px;justify-content:flex-end;float:right;margin-left:8px}.exports button{font-size:11px;padding:1px 6px;border:1px solid #c5ccd3;border-radius:3px;background:#f7f8fa;color:#1f3b57;cursor:pointer}
.exports button:disabled{opacity:.4;cursor:default}.card .exports{float:none}`;

/** `assets`: where vendor/, app.js and run-history.js are, relative to the page ('' beside it; '../' for owner pages). */
/** `explorer`: whether the page embeds the verbatim explorer (every verbatim of the run): never on an owner's page. */
export function dashboardHtml(payload: DashboardPayload, assets = '', explorer = true): string {
  const served = payload.explorer.served !== undefined;
  return `<!DOCTYPE html>
<html lang="${payload.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${served ? SERVED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ecoute</title>
<style>${STYLE}${served ? SERVED_STYLE : ''}</style>
${VENDOR_SCRIPTS.map((s) => `<script src="${assets}vendor/${s}"></script>`).join('\n')}
</head>
<body>
<header><h1 id="title"></h1><span id="as-of"></span><span id="languages"></span><div id="filters"></div></header>
<main>
<div id="charts"></div>
<div class="panel-row"><section class="panel" id="owners"></section>
<section class="panel" id="callbacks"></section></div>
${explorer ? '<section class="panel" id="explorer"></section>\n' : ''}${payload.loop !== null ? '<section class="panel" id="loop"></section>\n' : ''}<section class="panel" id="more-charts"><h2></h2><div id="charts-more"></div></section>
<section class="panel" id="history"></section>
<section class="panel" id="about"></section>
</main>
<script type="application/json" id="ecoute-data">${jsonForScript(payload)}</script>
<script src="${assets}${RUN_HISTORY_SCRIPT}"></script>
<script src="${assets}${HELPERS_SCRIPT}"></script>
${explorer ? `${served ? '' : `<script src="${assets}${VERBATIMS_SCRIPT}"></script>\n`}<script src="${assets}${EXPLORER_SCRIPT}"></script>\n` : ''}<script src="${assets}${DERIVED_ROWS_SCRIPT}"></script>
<script src="${assets}${CALLBACK_PANEL_SCRIPT}"></script>
${payload.loop !== null ? `<script src="${assets}${LOOP_PANEL_SCRIPT}"></script>\n` : ''}<script src="${assets}${OWNER_TABLE_SCRIPT}"></script>
<script src="${assets}app.js"></script>
</body>
</html>
`;
}
