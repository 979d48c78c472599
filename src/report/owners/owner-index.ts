/**
 * dashboard/owners/index.html: the administrator's list of owner pages (owner, accounts with answers, link).
 * Static HTML with every value escaped, no script.
 */
import type { DashboardLang } from '../dashboard/dashboard-messages.ts';
import { OWNER_MESSAGES } from './owner-messages.ts';
import { escapeHtml } from '../executive/report-document.ts';
import type { OwnerPage } from './write-owner-dashboards.ts';


export function ownerIndexHtml(pages: readonly OwnerPage[], lang: DashboardLang, pipeline: string, asOf: string): string {
  const t = OWNER_MESSAGES[lang];
  const rows = pages.map((p) => `<tr><td>${escapeHtml(p.owner)}</td><td>${p.accounts}</td><td><a href="${escapeHtml(p.file)}">${escapeHtml(p.file)}</a></td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.indexTitle)}</title>
<style>body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style>
</head>
<body>
<h1>${escapeHtml(t.indexTitle)}</h1>
<p>${escapeHtml(pipeline)} · ${escapeHtml(asOf)}</p>
<p>${escapeHtml(t.indexIntro)}</p>
<table>
<thead><tr><th>${escapeHtml(t.owner)}</th><th>${escapeHtml(t.accounts)}</th><th>${escapeHtml(t.page)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
