/**
 * A file named as a source that is not an export of it (`/etc/passwd` as the responses export) stops the
 * run with "this does not look like a responses export", naming the file, and none of its lines reaches
 * quarantine.csv, the tables or the DuckDB file. Short files of bad rows, and re-exported duplicates,
 * are still quarantined row by row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceFileError } from '../../src/run/errors.ts';
import { sourceFileProblem } from '../../src/ingest/messages.ts';
import { MIN_RECORDS } from '../../src/validate/check-file-shapes.ts';
import { caught, createFixture, csvText, quarantined, reconciliation, responsesCsv, RESPONSES_COLUMNS, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'games:x:5:60:games:/usr/games:/usr/sbin/nologin',
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'alice:x:1000:1000:Alice Secret,,,:/home/alice:/bin/bash',
  'bob:x:1001:1001:Bob Hidden,Room 12,,:/home/bob:/bin/zsh',
].join('\n') + '\n';

/** Every file of a folder, recursively, with its bytes. */
function filesOf(dir: string): Array<{ path: string; bytes: Buffer }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

const passwdPipeline = (): string =>
  fx.pipeline({
    sources: {
      responses: {
        path: 'passwd',
        format: 'csv',
        csv: { delimiter: ':', header: false },
        columns: { response_id: 'column0', contact_id: 'column2', submitted_at: 'column5', nps: 'column6', verbatim: 'column4' },
      },
    },
  });

describe('a file that is not an export of its source', () => {
  it('a passwd-like file named as the responses export stops the run, naming the file; nothing of it is written', async () => {
    fx.write('passwd', PASSWD);
    passwdPipeline();
    const e = await caught(() => fx.run());
    expect(e).toBeInstanceOf(SourceFileError);
    const path = 'passwd'; // as the outputs name files: relative to the pipeline file
    expect((e as SourceFileError).file).toBe(path);
    expect(e.message).toBe(`${path}: ${sourceFileProblem.notAnExport('responses', 11, 'invalid_date')}`);
    expect(e.message).toContain('this does not look like a responses export');
    const leaked = filesOf(join(fx.dir, 'out')).filter((f) => f.bytes.includes('/usr/sbin/nologin') || f.bytes.includes('Alice Secret'));
    expect(leaked.map((f) => f.path)).toEqual([]);
  });

  it('over a previous night, the refused file changes neither its database nor its quarantine.csv', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'ok'], ['r2', 'c1', 'a1', 'not a date', '9', 'bad']]));
    fx.pipeline();
    const first = await fx.run();
    // the run log (history.jsonl) records the refused run; nothing else changes
    const unchanged = (f: { path: string }): boolean => !f.path.endsWith('run-timings.json') && !f.path.endsWith('history.jsonl');
    const before = filesOf(first.outDir).filter(unchanged);
    fx.write('passwd', PASSWD);
    passwdPipeline();
    await expect(fx.run()).rejects.toThrow('this does not look like a responses export');
    const after = filesOf(first.outDir).filter(unchanged);
    expect(after.map((f) => f.path)).toEqual(before.map((f) => f.path));
    after.forEach((f, i) => expect(f.bytes.equals(before[i]!.bytes), f.path).toBe(true));
    expect(after.some((f) => f.bytes.includes('/usr/sbin/nologin'))).toBe(false);
    const log = readFileSync(join(first.outDir, 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string; exitCode: number; folder: string | null });
    expect(log.at(-1)).toMatchObject({ status: 'gated', exitCode: 3, folder: null });
    expect(existsSync(join(first.outDir, 'failed'))).toBe(false);
  });

  it(`a file of fewer than ${MIN_RECORDS} records, all bad, is quarantined row by row`, async () => {
    const rows = Array.from({ length: MIN_RECORDS - 1 }, (_, i) => [`r${i}`, 'c1', 'a1', 'not a date', '9', 'x']);
    fx.write('responses.csv', responsesCsv(rows));
    fx.pipeline();
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([MIN_RECORDS - 1, 0, MIN_RECORDS - 1]);
    expect((await quarantined(result.outDir)).map((q) => q.reason)).toEqual(Array(MIN_RECORDS - 1).fill('invalid_date'));
  });

  it('a second export that repeats the first (all duplicates) is not refused: duplicates are well-formed records', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`r${i}`, `c${i}`, 'a1', '2024-05-01', '9', 'fine']);
    fx.write('exports/responses-1.csv', responsesCsv(rows));
    fx.write('exports/responses-2.csv', responsesCsv(rows));
    fx.pipeline({ sources: { responses: { path: 'exports/responses-*.csv', columns: { ...RESPONSES_COLUMNS } } } });
    const result = await fx.run();
    expect(await reconciliation(result)).toEqual([16, 8, 8]);
    expect(new Set((await quarantined(result.outDir)).map((q) => q.reason))).toEqual(new Set(['duplicate_id']));
  });

  it('a contacts file whose every id is blank stops too, with its most common problem', async () => {
    fx.write('contacts.csv', csvText([['contact', 'account'], ...Array.from({ length: 6 }, () => ['', ''])]));
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', 'ok']]));
    fx.pipeline({ sources: { contacts: { path: 'contacts.csv', columns: { contact_id: 'contact', account_id: 'account' } } } });
    const e = await caught(() => fx.run());
    expect(e.message).toBe(`contacts.csv: ${sourceFileProblem.notAnExport('contacts', 6, 'missing_id')}`);
  });
});
