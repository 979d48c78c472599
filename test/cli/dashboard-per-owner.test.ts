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
    fx.write('accounts.csv', csvText([['id', 'name', 'owner'], ['A0', 'Acme', 'Ann Lee'], ['A1', 'Beta', 'Ann Lee'], ['A2', 'Gamma', 'Bob Roy'], ['A3', 'Delta', 'Bob Roy']]));
    fx.pipeline({ sources: { accounts: { path: 'accounts.csv', columns: { account_id: 'id', name: 'name', owner: 'owner' } } } });
    const doc = parse(readFileSync(fx.pipelineFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(fx.pipelineFile, stringify({ ...doc, output: { per_owner: {} } }));
    night = (await fx.run('out')).nightDir;
  }, 120_000);
  afterAll(() => fx?.cleanup());

  it('the pipeline setting writes the owner pages and the key in the output folder', () => {
    const pages = readdirSync(join(night, 'dashboard', 'owners')).sort();
    expect(pages.length).toBe(3); // two owners + index.html
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
