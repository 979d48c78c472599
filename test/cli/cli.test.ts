import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';

function capture(): { out: Output; text: () => string; err: (t: string) => void; errors: () => string } {
  let text = '';
  let errors = '';
  return {
    out: { write: (t) => void (text += t) },
    text: () => text,
    err: (t) => void (errors += t),
    errors: () => errors,
  };
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-cli-'));
  writeFileSync(join(dir, 'responses.csv'), 'id,date,nps\nR1,2024-01-05,9\nR2,2024-01-06,3\nR3,2024-01-07,dix\n');
  writeFileSync(
    join(dir, 'p.yaml'),
    'name: cli\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, submitted_at: date, nps: nps }\n',
  );
  return dir;
}

describe('ecoute CLI', () => {
  it('runs a pipeline and prints the summary as JSON with --json (exit 0)', async () => {
    const dir = fixture();
    const c = capture();
    const code = await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--as-of', '2024-02-01', '--json'], c.out, c.err);
    expect(code).toBe(0);
    const result = JSON.parse(c.text()) as { summary: { sources: Array<{ reconciliation: { rowsRead: number; rowsAccepted: number; rowsQuarantined: number } }> } };
    expect(result.summary.sources[0]?.reconciliation).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsQuarantined: 1 });
    expect(readFileSync(join(dir, 'out', 'quarantine.csv'), 'utf8')).toContain('not_a_number');
  });

  it('prints a human table without --json', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--as-of', '2024-02-01'], c.out, c.err)).toBe(0);
    expect(c.text()).toMatch(/responses\s+1\s+3\s+2\s+1/);
  });

  it('exits 2 on usage errors: unknown command, bad --as-of', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'frobnicate'], c.out, c.err)).toBe(2);
    expect(await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--as-of', '31/12/2024'], c.out, c.err)).toBe(2);
    expect(c.errors()).toContain('--as-of expects YYYY-MM-DD');
  });

  it('exits 1 with every mistake of a broken pipeline file', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'bad.yaml'), 'name: "bad name!"\nsources:\n  responses:\n    columns: { nps: 3 }\nsettings: { min_n: -1 }\n');
    const c = capture();
    expect(await main(['node', 'ecoute', 'run', join(dir, 'bad.yaml'), '--as-of', '2024-02-01'], c.out, c.err)).toBe(1);
    const e = c.errors();
    expect(e).toContain('bad.yaml: name:');
    expect(e).toContain('bad.yaml: sources.responses.path:');
    expect(e).toContain('bad.yaml: sources.responses.columns.response_id:');
    expect(e).toContain('bad.yaml: sources.responses.columns.nps:');
    expect(e).toContain('bad.yaml: settings.min_n:');
  });

  it('validate reports a missing column without loading, exit 1', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'p2.yaml'), 'name: v\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, submitted_at: when, nps: nps }\n');
    const c = capture();
    expect(await main(['node', 'ecoute', 'validate', join(dir, 'p2.yaml'), '--json'], c.out, c.err)).toBe(1);
    const result = JSON.parse(c.text()) as { ok: boolean; checks: Array<{ problem?: string }> };
    expect(result.ok).toBe(false);
    expect(result.checks[0]?.problem).toContain('"when" not found');
  });
});
