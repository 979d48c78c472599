/**
 * A report as plain blocks (headings, paragraphs, lists, quotes, charts), rendered to HTML and to
 * Markdown by two small functions, so both carry exactly the same content.
 */
export type Block =
  | { readonly kind: 'h1' | 'h2' | 'h3' | 'p' | 'note'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'quote'; readonly text: string; readonly cite: string; readonly highlight?: { readonly before: string; readonly clause: string; readonly after: string } }
  | { readonly kind: 'chart'; readonly id: string; readonly title: string; readonly svg: string }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> };

export interface ReportDocument {
  readonly lang: 'en' | 'fr';
  readonly title: string;
  readonly blocks: readonly Block[];
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Markdown text with every character that could start emphasis, a link, code or HTML escaped. */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  // block syntax only matters at the start of a line
  return inline.replace(/^(\s*)(?:([#+-])|(\d+)([.)]))/, (_, space: string, mark?: string, digits?: string, dot?: string) =>
    mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${dot}`);
}

const STYLE = `body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#1d1d1d;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1.05em;margin-bottom:.3em}
.note{color:#555;font-size:.9em}blockquote{margin:.4em 0 .4em 1em;padding:.3em .8em;border-left:3px solid #c0392b;background:#faf6f5;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote cite{display:block;color:#666;font-size:.85em;font-style:normal;margin-top:.2em}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left}
@page{size:A4}@media print{body{max-width:none;margin:0;padding:0}figure,blockquote,tr{break-inside:avoid}h2,h3{break-after:avoid}figure svg{max-height:240mm}}`;

export function renderHtml(doc: ReportDocument): string {
  const body = doc.blocks.map((b) => {
    switch (b.kind) {
      case 'h1': case 'h2': case 'h3': return `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`;
      case 'p': return `<p>${escapeHtml(b.text)}</p>`;
      case 'note': return `<p class="note">${escapeHtml(b.text)}</p>`;
      case 'list': return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
      case 'quote': {
        const h = b.highlight;
        const body = h === undefined ? escapeHtml(b.text) : `${escapeHtml(h.before)}<mark>${escapeHtml(h.clause)}</mark>${escapeHtml(h.after)}`;
        return `<blockquote>${body}<cite>${escapeHtml(b.cite)}</cite></blockquote>`;
      }
      case 'chart': return `<figure id="chart-${escapeHtml(b.id)}" class="chart" aria-label="${escapeHtml(b.title)}">${b.svg}</figure>`;
      case 'table': return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
    }
  });
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** Markdown with charts as image links to `<svgDir>/<id>.svg`. */
export function renderMarkdown(doc: ReportDocument, svgDir: string): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'h1': out.push(`# ${escapeMarkdown(b.text)}`); break;
      case 'h2': out.push(`## ${escapeMarkdown(b.text)}`); break;
      case 'h3': out.push(`### ${escapeMarkdown(b.text)}`); break;
      case 'p': out.push(escapeMarkdown(b.text)); break;
      case 'note': out.push(`*${escapeMarkdown(b.text)}*`); break;
      case 'list': out.push(b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n')); break;
      case 'quote': {
        const h = b.highlight;
        const body = h === undefined || h.clause.trim() === '' ? escapeMarkdown(b.text) : `${escapeMarkdown(h.before)}**${escapeMarkdown(h.clause)}**${escapeMarkdown(h.after)}`;
        out.push(`> ${body}\n>\n> — ${escapeMarkdown(b.cite)}`);
        break;
      }
      case 'chart': out.push(`![${escapeMarkdown(b.title)}](${svgDir}/${b.id}.svg)`); break;
      case 'table':
        out.push([`| ${b.head.map(escapeMarkdown).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`)].join('\n'));
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
