/**
 * `ecoute erase` at the command line on a tiny pipeline: usage errors (exit 2), the request recorded
 * with the identifier hashed (the id itself is nowhere in the list or the audit), a damaged erasure list
 * refused with its file and line, and the next run dropping the person's rows at ingest.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, appendFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';
import { ERASURE_LIST_FILE } from '../../src/erase/erasure-list.ts';
import { isUnchanged, readNightManifest } from '../../src/publish/freeze-night.ts';
import { openDatabase } from '../../src/db/open-database.ts';

function capture(): { out: Output; text: () => string; err: (t: string) => void; errors: () => string } {
  let text = '';
  let errors = '';
  return { out: { write: (t) => void (text += t) }, text: () => text, err: (t) => void (errors += t), errors: () => errors };
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-erase-'));
  writeFileSync(
    join(dir, 'responses.csv'),
    'id,contact,date,nps,comment\nR1,C-KEEP,2024-01-05,9,great\nR2,C-GONE,2024-01-06,3,awful service write to gone@example.org\nR3,C-GONE,2024-01-07,dix,bad\nR4,C-KEEP,2024-01-08,7,fine\n',
  );
  writeFileSync(join(dir, 'p.yaml'), 'name: erase\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, contact_id: contact, submitted_at: date, nps: nps, verbatim: comment }\n');
  return dir;
}

const run = async (dir: string): Promise<{ code: number; json: unknown; errors: string }> => {
  const c = capture();
  const code = await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--as-of', '2024-02-01', '--json'], c.out, c.err);
  // with --json an error is JSON on stdout: `errors` holds stderr and that error's message
  const json = c.text().trimStart().startsWith('{') ? (JSON.parse(c.text()) as { error?: { message: string } }) : undefined;
  return { code, json: code === 0 ? json : undefined, errors: c.errors() + (json?.error?.message ?? '') };
};

describe('ecoute erase (CLI)', () => {
  it('asks for exactly one of --contact, --account, --email (exit 2)', async () => {
    const dir = fixture();
    for (const args of [[], ['--contact', 'a', '--email', 'b@c.d'], ['--email', 'not-an-address'], ['--contact', '  ']]) {
      const c = capture();
      expect(await main(['node', 'ecoute', 'erase', join(dir, 'p.yaml'), '--out', join(dir, 'out'), ...args], c.out, c.err), args.join(' ')).toBe(2);
    }
  });

  it('records the request hashed, purges the night, and the next run drops the rows at ingest as erased', async () => {
    const dir = fixture();
    expect((await run(dir)).code).toBe(0);
    const c = capture();
    const code = await main(['node', 'ecoute', 'erase', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--contact', 'C-GONE', '--by', 'dpo', '--json'], c.out, c.err);
    expect(code).toBe(0);
    const result = JSON.parse(c.text()) as { by: string; nights: Array<{ removed: Record<string, number> }> };
    expect(result.by).toBe('dpo');
    expect(result.nights[0]?.removed).toMatchObject({ responses: 1, quarantine: 1 });
    const list = readFileSync(join(dir, 'out', ERASURE_LIST_FILE), 'utf8');
    const audit = readFileSync(join(dir, 'out', 'erasure-audit.jsonl'), 'utf8');
    expect(list).not.toContain('C-GONE');
    expect(audit).not.toContain('C-GONE');
    expect(JSON.parse(list.trim()).hash).toBe(createHash('sha256').update('ecoute-erasure-v1:contact:C-GONE').digest('hex'));

    const again = await run(dir);
    const rec = (again.json as { summary: { sources: Array<{ reconciliation: Record<string, number> }> } }).summary.sources[0]?.reconciliation;
    expect(rec).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsQuarantined: 0, rowsErased: 2 });
  });

  it('purges every kept night (runs/ and failed/) under the lock, and freezes each again with a manifest of the purged files', async () => {
    const dir = fixture();
    expect((await run(dir)).code).toBe(0);
    expect((await run(dir)).code).toBe(0); // two nights kept under runs/
    // a gated run kept for inspection without its database (its raw quarantine names the contact)
    mkdirSync(join(dir, 'out', 'failed', '2024-02-01-gated'), { recursive: true });
    writeFileSync(join(dir, 'out', 'failed', '2024-02-01-gated', 'quarantine.csv'), 'raw\nR3,C-GONE,2024-01-07,dix,bad\n');
    const c = capture();
    expect(await main(['node', 'ecoute', 'erase', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--contact', 'C-GONE', '--json'], c.out, c.err)).toBe(0);
    const result = JSON.parse(c.text()) as { nights: Array<{ dir: string; removed: Record<string, number>; folderRemoved?: boolean }> };
    const runs = readdirSync(join(dir, 'out', 'runs')).sort();
    expect(runs).toHaveLength(2);
    expect(result.nights.map((n) => n.dir)).toEqual([...runs.map((r) => join('runs', r)), join('failed', '2024-02-01-gated')]);
    expect(result.nights.at(-1)?.folderRemoved).toBe(true);
    expect(readdirSync(join(dir, 'out', 'failed'))).toEqual([]);
    for (const r of runs) {
      const night = join(dir, 'out', 'runs', r);
      expect(result.nights.find((n) => n.dir === join('runs', r))?.removed).toMatchObject({ responses: 1, quarantine: 1 });
      const manifest = readNightManifest(night)!;
      expect(manifest.runId).toBe(r);
      for (const f of manifest.files) {
        expect(await isUnchanged(night, f.path, manifest), f.path).toBe(true);
        expect(statSync(join(night, f.path)).mode & 0o222, f.path).toBe(0); // read-only again
      }
      const db = await openDatabase(join(night, 'ecoute.duckdb'));
      try {
        expect((await db.connection.runAndReadAll("SELECT count(*) FROM responses WHERE contact_id = 'C-GONE'")).getRows()[0]?.[0]).toBe(0n);
      } finally {
        db.close();
      }
    }
  });

  it('an email erases the responses whose verbatim holds it, whatever its case', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'erase', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--email', 'Gone@Example.ORG', '--json'], c.out, c.err)).toBe(0);
    expect((JSON.parse(c.text()) as { nights: unknown[] }).nights).toEqual([]); // nothing published yet: recorded only
    const rec = ((await run(dir)).json as { summary: { sources: Array<{ reconciliation: Record<string, number> }> } }).summary.sources[0]?.reconciliation;
    expect(rec).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsQuarantined: 1, rowsErased: 1 });
  });

  it('a damaged erasure list stops the run naming its file and line', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'erase', join(dir, 'p.yaml'), '--out', join(dir, 'out'), '--account', 'A1'], c.out, c.err)).toBe(0);
    appendFileSync(join(dir, 'out', ERASURE_LIST_FILE), '{"kind": "contact", "hash": "nothex"}\n');
    const r = await run(dir);
    expect(r.code).toBe(1);
    expect(r.errors).toContain(`${join(dir, 'out', ERASURE_LIST_FILE)}: line 2: hash:`);
  });
});
