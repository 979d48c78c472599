import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { copyOfFixtureRun } from '../report/fixture-run.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { runCliChild } from './cli-child.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('ecoute themes candidates / promote', () => {
  it('lists the ranked candidates of a run, as a table or JSON, and promotes one to a valid theme', async () => {
    const run = await copyOfFixtureRun();
    dirs.push(run);
    const json = await runCliChild(['themes', 'candidates', run, '--top', '3', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const { candidates } = JSON.parse(json.stdout) as { candidates: Array<{ candidateId: string; name: string; priority: number; size: number }> };
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(3);
    // ranked by priority, then size
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [candidates[i - 1]!, candidates[i]!];
      expect(a.priority > b.priority || (a.priority === b.priority && a.size >= b.size)).toBe(true);
    }
    const table = await runCliChild(['themes', 'candidates', run, '--top', '3']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^rank\s+id\s+name\s+clauses\s+negative\s+priority\s+example/);
    for (const c of candidates) expect(table.stdout).toContain(c.candidateId);

    const promoted = await runCliChild(['themes', 'promote', run, candidates[0]!.candidateId, '--id', 'emerging_one']);
    expect(promoted.code, promoted.stderr).toBe(0);
    const [theme] = parse(promoted.stdout) as unknown[];
    const tax = taxonomySchema.parse({ version: '9', themes: [theme] });
    expect(tax.themes[0]!.id).toBe('emerging_one');
  });

  it('says what is wrong: a folder that is not a run (exit 1), a bad --top (exit 2)', async () => {
    const notRun = await runCliChild(['themes', 'candidates', '/nonexistent-run-dir']);
    expect(notRun.code).toBe(1);
    expect(notRun.stderr).toMatch(/ecoute\.duckdb: not found \(is \/nonexistent-run-dir a run directory\?\)/);
    const badTop = await runCliChild(['themes', 'candidates', '/nonexistent-run-dir', '--top', '0']);
    expect(badTop.code).toBe(2);
    expect(badTop.stderr).toMatch(/--top expects a positive integer/);
  });
});
