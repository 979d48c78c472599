import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { createFixture, csvText, defaultResponses, responsesCsv, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

/** Every output file that must not change between runs, by name. */
function outputBytes(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of ['run-summary.json', 'quarantine.csv']) files.set(name, readFileSync(join(outDir, name)));
  for (const name of readdirSync(join(outDir, 'tables')).sort()) files.set(`tables/${name}`, readFileSync(join(outDir, 'tables', name)));
  return files;
}

function writeInputs(f: Fixture): void {
  const rows: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const nps = i % 13 === 0 ? '11' : String(i % 11);
    rows.push([`r${i}`, `c${i % 17}`, `a${i % 5}`, `2024-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`, nps, i % 7 === 0 ? '"bien, merci"' : 'ok']);
  }
  rows.push(['r5', 'c5', 'a1', '2024-05-05', '7', 'dup id']);
  rows.push(['r99', 'c99', 'a9', '2024-05-05', '7', '"open']);
  f.write('responses.csv', responsesCsv(rows));
  f.write('accounts.csv', csvText([['account_id', 'segment'], ['a0', 'SMB'], ['a1', 'Mid'], ['a2', 'SMB'], ['a3', 'Ent'], ['a4', 'Mid']]));
  f.pipeline({ sources: { responses: defaultResponses(), accounts: { path: 'accounts.csv', columns: { account_id: 'account_id', segment: 'segment' } } }, settings: { min_n: 5 } });
}

describe('determinism', () => {
  it('two runs of the same inputs give byte-identical summary, quarantine and tables', async () => {
    writeInputs(fx);
    const a = outputBytes((await fx.run('out-a')).outDir);
    const b = outputBytes((await fx.run('out-b')).outDir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBeGreaterThan(8);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect(a.get('quarantine.csv')?.toString().split('\n').length).toBeGreaterThan(5);
  });

  it('quarantine.csv is tables/quarantine.csv: the same redacted rows, in file order (source, file, line)', async () => {
    writeInputs(fx);
    const out = (await fx.run('out')).outDir;
    const top = readFileSync(join(out, 'quarantine.csv'), 'utf8');
    expect(readFileSync(join(out, 'tables', 'quarantine.csv'), 'utf8')).toBe(top);
    // the records' first lines (a raw row may hold a line break)
    const lines = top.trim().split('\n').slice(1).filter((l) => /^[a-z_]+,[^,]+,\d+,/.test(l)).map((l) => l.split(','));
    expect(lines.length).toBeGreaterThan(4);
    const keys = lines.map(([source, file, line]) => [source ?? '', file ?? '', Number(line)] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
  });

  it('the same inputs in another folder give the same run-summary.json', async () => {
    writeInputs(fx);
    const other = createFixture();
    try {
      cpSync(fx.dir, other.dir, { recursive: true });
      const a = await fx.run('out');
      const b = await runPipeline({ pipelineFile: other.pipelineFile, outDir: join(other.dir, 'out'), asOf: '2024-06-30' });
      expect(readFileSync(join(b.outDir, 'run-summary.json'), 'utf8')).toBe(readFileSync(join(a.outDir, 'run-summary.json'), 'utf8'));
    } finally {
      other.cleanup();
    }
  });
});
