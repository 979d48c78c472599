/** The notebooks in notebooks/ render against a real run, so they never rot; hostile text stays text. */
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNotebook } from '../../src/notebook/render-notebook.ts';
import { parseNotebook, NotebookError } from '../../src/notebook/parse-notebook.ts';
import { fixtureRun } from './fixture-run.ts';

const NOTEBOOKS = fileURLToPath(new URL('../../notebooks/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'ecoute-notebooks-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('notebooks', () => {
  const files = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.md'));
  it('there are at least the churn deep-dive and the theme explorer', () => {
    expect(files).toEqual(expect.arrayContaining(['churn-deep-dive.md', 'theme-explorer.md']));
  });
  for (const f of files) {
    it(`${f} renders against a run`, async () => {
      const result = await renderNotebook(join(NOTEBOOKS, f), { runDir: await fixtureRun(), outDir: out });
      const html = readFileSync(result.files[0]!, 'utf8');
      expect(html).toContain('<table>');
      expect(html).not.toMatch(/<script|<img /i);
      expect(readFileSync(result.files[1]!, 'utf8').length).toBeGreaterThan(100);
      if (f === 'theme-explorer.md') {
        expect(html).toContain('&lt;img src=x onerror=');
        expect(html).not.toContain('jane.doe@example.com');
      }
    });
  }
  it('reports malformed blocks with their line', () => {
    expect(() => parseNotebook('x\n```sql\nselect 1\n```\n', 'nb.md')).toThrow(NotebookError);
    expect(() => parseNotebook('```sql name=a\nselect 1\n', 'nb.md')).toThrow(/nb.md:1: block not closed/);
    expect(parseNotebook('# T\n\n```sql name=a\nselect 1\n```\n```vega-lite data=a\n{}\n```\n').map((c) => c.kind)).toEqual(['markdown', 'sql', 'vega-lite']);
  });
  it('cannot change the run', async () => {
    const nb = join(out, 'write.md');
    (await import('node:fs')).writeFileSync(nb, '```sql name=x\nDELETE FROM responses\n```\n');
    await expect(renderNotebook(nb, { runDir: await fixtureRun(), outDir: out })).rejects.toThrow(/read-only|read only/i);
  });
});
