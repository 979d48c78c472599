/**
 * Notebook format: Markdown with two kinds of executable fenced blocks.
 *   ```sql name=churn_by_band        a read-only query on the run's DuckDB file; its result is shown
 *   ...                              as a table and kept under that name
 *   ```
 *   ```vega-lite data=churn_by_band  a Vega-Lite spec (JSON) drawn with that result as its data
 *   {...}
 *   ```
 * Everything else is Markdown prose, kept as text.
 */
export type Cell =
  | { readonly kind: 'markdown'; readonly text: string }
  | { readonly kind: 'sql'; readonly name: string; readonly sql: string; readonly line: number }
  | { readonly kind: 'vega-lite'; readonly data: string; readonly spec: string; readonly line: number };

export class NotebookError extends Error {}

export function parseNotebook(text: string, file = 'notebook'): Cell[] {
  const cells: Cell[] = [];
  const lines = text.split(/\r?\n/);
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.join('').trim().length > 0) cells.push({ kind: 'markdown', text: prose.join('\n').trim() });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(sql|vega-lite)\s+(name|data)=([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(lines[i]!);
    if (open === null) {
      if (/^```(sql|vega-lite)\b/.test(lines[i]!)) throw new NotebookError(`${file}:${i + 1}: expected \`\`\`sql name=<id> or \`\`\`vega-lite data=<id>`);
      prose.push(lines[i]!);
      continue;
    }
    const [, lang, key, id] = open as unknown as [string, string, string, string];
    if ((lang === 'sql') !== (key === 'name')) throw new NotebookError(`${file}:${i + 1}: sql blocks take name=, vega-lite blocks take data=`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) body.push(lines[j++]!);
    if (j >= lines.length) throw new NotebookError(`${file}:${i + 1}: block not closed`);
    flush();
    cells.push(lang === 'sql' ? { kind: 'sql', name: id, sql: body.join('\n'), line: i + 1 } : { kind: 'vega-lite', data: id, spec: body.join('\n'), line: i + 1 });
    i = j;
  }
  flush();
  return cells;
}
