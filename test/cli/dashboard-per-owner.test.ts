/**
 * `ecoute dashboard <run-dir> --per-owner`: the key file is created once in the output folder (mode 600) and
 * reused, so page names are stable from one call to the next; a run folder outside an output folder needs
 * --key-file (usage error, exit 2); the pipeline setting output.per_owner writes the pages in every run.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';
import { createFixture, csvText, type Fixture } from '../ingest/helpers.ts';
import { stringify, parse } from 'yaml';

const quiet: Output = { write: () => undefined };

describe('ecoute dashboard --per-owner', () => {
  let fx: Fixture;
  let night: string;
  beforeAll(async () => {
    fx = createFixture();
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], ...Array.from({ length: 12 }, (_, i) => [`R${i}`, `C${i}`, `A${i % 4}`, `2024-05-${String(i + 1).padStart(2, '0')}`, String(i % 11), `comment ${i}`])]));
    fx.write('accounts.csv', csvText([['id', 'name', 'owner'], ['A0', 'Acme', 'Ann Lee'], ['A1', 'Beta', 'Ann Lee'], ['A2', 'Gamma', 'Bob Roy'], ['A3', 'Delta', 'Bob Roy'], ['A4', 'Epsilon', 'Cid Park']]));
    fx.pipeline({ sources: { accounts: { path: 'accounts.csv', columns: { account_id: 'id', name: 'name', owner: 'owner' } } } });
    const doc = parse(readFileSync(fx.pipelineFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(fx.pipelineFile, stringify({ ...doc, output: { per_owner: {} } }));
    night = (await fx.run('out')).nightDir;
  }, 120_000);
  afterAll(() => fx?.cleanup());

  it('the pipeline setting writes the owner pages and the key in the output folder', () => {
    const pages = readdirSync(join(night, 'dashboard', 'owners')).sort();
    expect(pages.length).toBe(4); // three owners (Cid Park's account has no answer) + index.html
    const index = readFileSync(join(night, 'dashboard', 'owners', 'index.html'), 'utf8');
    const listed = [...index.matchAll(/<tr><td>([^<]+)<\/td><td>(\d+)<\/td><td><a href="([0-9a-f]+\.html)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(listed.map(([owner, accounts]) => [owner, accounts])).toEqual([['Ann Lee', '2'], ['Bob Roy', '2'], ['Cid Park', '0']]);
    // each page holds its owner's verbatims only
    const bob = readFileSync(join(night, 'dashboard', 'owners', listed[1]![2]!), 'utf8');
    for (const i of [2, 3, 6, 7, 10, 11]) expect(bob).toMatch(new RegExp(`comment ${i}(?![0-9])`));
    for (const i of [0, 1, 4, 5, 8, 9]) expect(bob).not.toMatch(new RegExp(`comment ${i}(?![0-9])`));
    expect(statSync(join(fx.dir, 'out', 'owner-pages.key')).mode & 0o777).toBe(0o600);
  });

  it('the CLI reuses the key: the same names again; outside an output folder it asks for --key-file', async () => {
    const before = readdirSync(join(night, 'dashboard', 'owners')).sort();
    const out = join(fx.dir, 'cli-dash');
    expect(await main(['node', 'ecoute', 'dashboard', night, '--per-owner', '--out', out], quiet, () => undefined)).toBe(0);
    expect(readdirSync(join(out, 'owners')).sort()).toEqual(before);
    let errors = '';
    expect(await main(['node', 'ecoute', 'dashboard', fx.dir, '--per-owner', '--out', join(fx.dir, 'x')], quiet, (t) => { errors += t; })).toBe(2);
    expect(errors).toMatch(/--key-file/);
  });
});
