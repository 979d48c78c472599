/**
 * `ecoute notebook render <file> --run <run-dir> [--out DIR]`: executes a notebook's SQL blocks
 * against the run's DuckDB file (attached read-only: a notebook cannot change a run), draws its
 * Vega-Lite blocks to SVG with the named results as data, and writes <name>.html (self-contained,
 * no script) and <name>.md (results as tables, charts as SVG files beside it). Every text cell of
 * a result is PII-redacted before it leaves DuckDB.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { openRun } from '../charts/open-run.ts';
import { renderSvg } from '../charts/compile-spec.ts';
import type { ChartRow, ChartValue } from '../charts/spec-base.ts';
import { redactPii } from '../classify/pii/redact-pii.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { renderHtml, renderMarkdown, type Block } from '../report/executive/report-document.ts';
import { NotebookError, parseNotebook } from './parse-notebook.ts';

const MAX_TABLE_ROWS = 50;

function cellValue(v: unknown): ChartValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return redactPii(typeof v === 'string' ? v : JSON.stringify(v));
}

export async function renderNotebook(file: string, opts: { runDir: string; outDir: string }): Promise<{ files: string[]; cells: number }> {
  const name = basename(file).replace(/\.md$/, '');
  const cells = parseNotebook(readFileSync(file, 'utf8'), file);
  const run = await openRun(opts.runDir);
  const results = new Map<string, ChartRow[]>();
  const blocks: Block[] = [];
  const svgs: Array<{ id: string; svg: string }> = [];
  try {
    for (const cell of cells) {
      if (cell.kind === 'markdown') {
        for (const para of cell.text.split(/\n\s*\n/)) {
          const heading = /^(#{1,3})\s+(.*)$/.exec(para.trim());
          blocks.push(heading ? { kind: (['h1', 'h2', 'h3'] as const)[heading[1]!.length - 1]!, text: heading[2]! } : { kind: 'p', text: para.replace(/\s*\n\s*/g, ' ').trim() });
        }
      } else if (cell.kind === 'sql') {
        let rows: ChartRow[];
        try {
          const reader = await run.db.connection.runAndReadAll(cell.sql, /\$as_of\b/.test(cell.sql) ? { as_of: run.summary.asOf } : {});
          rows = reader.getRowObjectsJson().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cellValue(v)])));
        } catch (e) {
          throw new NotebookError(`${file}:${cell.line}: query ${cell.name} failed: ${(e as Error).message}`);
        }
        results.set(cell.name, rows);
        const head = rows.length > 0 ? Object.keys(rows[0]!) : [];
        blocks.push({ kind: 'note', text: `${cell.name}: ${rows.length} rows${rows.length > MAX_TABLE_ROWS ? ` (first ${MAX_TABLE_ROWS} shown)` : ''}` });
        blocks.push({ kind: 'table', head, rows: rows.slice(0, MAX_TABLE_ROWS).map((r) => head.map((h) => (r[h] === null ? '' : typeof r[h] === 'number' ? String(Math.round((r[h] as number) * 1000) / 1000) : String(r[h])))) });
      } else {
        const data = results.get(cell.data);
        if (data === undefined) throw new NotebookError(`${file}:${cell.line}: no sql block named ${cell.data} before this chart`);
        let spec: TopLevelSpec;
        try {
          spec = { ...(JSON.parse(cell.spec) as TopLevelSpec), data: { values: data } } as TopLevelSpec;
        } catch (e) {
          throw new NotebookError(`${file}:${cell.line}: invalid JSON: ${(e as Error).message}`);
        }
        const { svg, warnings } = await renderSvg(spec);
        if (warnings.length > 0) throw new NotebookError(`${file}:${cell.line}: chart warnings: ${warnings.join('; ')}`);
        const id = `${name}-${svgs.length + 1}`;
        svgs.push({ id, svg });
        blocks.push({ kind: 'chart', id, title: cell.data, svg });
      }
    }
  } finally {
    run.close();
  }
  const doc = { lang: 'en' as const, title: name, blocks };
  const files = [join(opts.outDir, `${name}.html`), join(opts.outDir, `${name}.md`)];
  writeFileAtomic(files[0]!, renderHtml(doc));
  writeFileAtomic(files[1]!, renderMarkdown(doc, `${name}-svg`));
  for (const s of svgs) {
    const path = join(opts.outDir, `${name}-svg`, `${s.id}.svg`);
    writeFileAtomic(path, `${s.svg}\n`);
    files.push(path);
  }
  return { files, cells: cells.length };
}
