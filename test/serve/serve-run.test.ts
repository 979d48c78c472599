/**
 * `ecoute serve` on the fixture run (127.0.0.1, port 0): static files with their types and the CSP, no way out
 * of the dashboard folder, GET/HEAD only; the explorer API's counts and first page against the embedded
 * explorer's own columns (verbatims.js, redacted and folded in JS) for several filters, an accent-folded search
 * among them — answered from the run's explorer_rows, and the same from a copy of the database without it (a run
 * written before it) or changed since; PII neither shown nor searchable; the CSV of a selection; the derived
 * charts' rows against the browser's own derived-rows.js run on verbatims.js; the token; the database read-only.
 */
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitVisuals } from '../../src/report/dashboard/emit-visuals.ts';
import { serveRun, type RunServer } from '../../src/serve/serve-run.ts';
import { foldSearchText, SEARCH_APOSTROPHES } from '../../src/report/explorer/fold-search-text.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import type { ExplorerColumns } from '../../src/report/explorer/explorer-columns.ts';
import { UsageError } from '../../src/run/errors.ts';
import { copyOfFixtureRun, FIXTURE_AS_OF } from '../report/fixture-run.ts';
import { runCliChild } from '../cli/cli-child.ts';
import { DERIVED_CHARTS, DERIVED_ROWS_JS } from '../../src/report/dashboard/derived-rows-app.ts';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request (fetch would normalise `..` away), path sent as is. */
function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const SENTIMENTS = ['negative', 'neutral', 'positive'];
type Filters = Record<string, string>;

/** The embedded explorer's selection for these filters, computed on verbatims.js (newest first). */
function expected(data: ExplorerColumns, f: Filters): string[] {
  return expectedIndices(data, f).map((i) => data.id[i]!);
}

function expectedIndices(data: ExplorerColumns, f: Filters): number[] {
  const words = foldSearchText(f.q ?? '').split(/\s+/).filter((w) => w.length > 0);
  const out: number[] = [];
  for (let i = 0; i < data.n; i++) {
    const dims = Object.entries(data.dims).every(([d, col]) => !f[d] || col.values[col.codes[i]!] === f[d]);
    if (!dims) continue;
    const nps = data.nps[i];
    const category = nps === null || nps === undefined ? 'none' : nps <= 6 ? 'detractor' : nps <= 8 ? 'passive' : 'promoter';
    if (f.nps_category && category !== f.nps_category) continue;
    if (f.theme || f.sentiment) {
      let found = false;
      for (let j = data.mention.offsets[i]!; j < data.mention.offsets[i + 1]!; j++) {
        if ((!f.theme || data.themes[data.mention.theme[j]!] === f.theme) && (!f.sentiment || SENTIMENTS[data.mention.sentiment[j]!] === f.sentiment)) found = true;
      }
      if (!found) continue;
    }
    const day = new Date(data.day[i]! * 86_400_000).toISOString().slice(0, 10);
    if ((f.from && day < f.from) || (f.to && day > f.to)) continue;
    const text = foldSearchText(data.text[i]!);
    if (!words.every((w) => text.includes(w))) continue;
    out.push(i);
  }
  return out;
}

type Row = Record<string, unknown>;
/** The rows derived-rows.js (the dashboard's browser code) computes from the embedded columns, theme labels left out. */
function browserDerivedRows(chart: string, data: ExplorerColumns, rows: number[]): Row[] {
  const sandbox: { window: { ecouteDerivedRows?: Record<string, (d: ExplorerColumns, r: number[], label: (id: string) => string) => Row[]> } } = { window: {} };
  runInNewContext(DERIVED_ROWS_JS, sandbox);
  const computed = sandbox.window.ecouteDerivedRows![chart]!(data, rows, (id) => id);
  return (JSON.parse(JSON.stringify(computed)) as Row[]).map(({ theme: _theme, ...rest }) => rest);
}

/** A copy of a run's database and summary that may be changed (the fixture's are links to a published, read-only file). */
function writableRunCopy(runDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-serve-older-'));
  for (const name of ['ecoute.duckdb', 'run-summary.json']) {
    cpSync(join(runDir, name), join(dir, name), { dereference: true });
    chmodSync(join(dir, name), 0o644);
  }
  cpSync(join(runDir, 'dashboard'), join(dir, 'dashboard'), { recursive: true });
  return dir;
}

async function changeDatabase(dir: string, sql: string): Promise<void> {
  const db = await openDatabase(join(dir, 'ecoute.duckdb'));
  try {
    await db.connection.run(sql);
    await db.connection.run('CHECKPOINT');
  } finally {
    db.close();
  }
}

describe('ecoute serve', () => {
  let runDir: string;
  let server: RunServer;
  /** the same run's database without explorer_rows (a run written before it) */
  let older: RunServer;
  let olderDir: string;
  let data: ExplorerColumns;
  let dbHash: string;
  const hash = (): string => createHash('sha256').update(readFileSync(join(runDir, 'ecoute.duckdb'))).digest('hex');

  beforeAll(async () => {
    runDir = await copyOfFixtureRun();
    await emitVisuals(runDir, { asOf: FIXTURE_AS_OF, langs: ['en'] });
    const script = readFileSync(join(runDir, 'dashboard', 'verbatims.js'), 'utf8');
    data = JSON.parse(script.slice(script.indexOf('{'), script.lastIndexOf('}') + 1)) as ExplorerColumns;
    dbHash = hash();
    server = await serveRun(runDir, { port: 0 });
    olderDir = writableRunCopy(runDir);
    await changeDatabase(olderDir, 'DROP TABLE explorer_rows');
    older = await serveRun(olderDir, { port: 0 });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await older?.close();
    if (olderDir) rmSync(olderDir, { recursive: true, force: true });
  });

  it('answers from the run\'s explorer_rows; a database without it, from redacting as it goes (and says so)', () => {
    expect(server.explorer.source).toBe('table');
    expect(server.explorer.sourceReason).toBeNull();
    expect(older.explorer.source).toBe('redacting');
    expect(older.explorer.sourceReason).toMatch(/has no explorer_rows table \(a run written before it\)/);
    expect(older.explorer.meta).toEqual(server.explorer.meta);
  });

  it('gives the embedded explorer\'s total and filter values (meta: count and every dimension\'s dictionary)', () => {
    expect(server.explorer.meta.n).toBe(data.n);
    for (const [d, col] of Object.entries(data.dims)) expect(server.explorer.meta.dims[d as keyof typeof data.dims]).toEqual(col.values);
  });

  it('serves the dashboard on 127.0.0.1 with content types and the pages\' policy (connections to itself allowed)', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const [path, type] of [['/', 'text/html'], ['/index.html', 'text/html'], ['/app.js', 'text/javascript'], ['/vendor/vega.min.js', 'text/javascript']] as const) {
      const res = await raw(server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    }
    expect((await raw(server.url, '/')).body).toContain('id="ecoute-data"');
    const head = await raw(server.url, '/app.js', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('never leaves the dashboard folder nor lists it, and answers GET and HEAD only', async () => {
    for (const path of ['/../ecoute.duckdb', '/%2e%2e/ecoute.duckdb', '/%2E%2E%2Fecoute.duckdb', '/..%2fecoute.duckdb', '//etc/passwd', '/%2fetc%2fpasswd', '/vendor/', '/vendor', '/..\\ecoute.duckdb', '/%00', '/%zz', 'http://127.0.0.1/../ecoute.duckdb']) {
      const res = await raw(server.url, path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('DUCK');
      expect(res.body).not.toContain('root:');
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await raw(server.url, '/index.html', { method });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
  });

  const api = async (f: Filters, path = '/api/explorer', url = server.url): Promise<Reply> => raw(url, `${path}?${new URLSearchParams(f).toString()}`);

  it.each<Filters>([
    {},
    { theme: 'billing_errors', sentiment: 'negative' },
    { q: 'decu' },
    { q: 'DÉÇU' },
    { q: 'invoice wrong' },
    { segment: 'SMB', nps_category: 'detractor' },
    { sentiment: 'positive', from: '2026-01-01', to: '2026-06-30' },
    { arr_band: 'under 25k', nps_category: 'promoter' },
    { arr_band: 'unknown' },
    { language: 'fr', q: 'factur' },
  ])('counts and pages verbatims as the embedded explorer does: %o', async (f) => {
    const want = expected(data, f);
    for (const url of [server.url, older.url]) {
      const res = await api({ ...f, page_size: '7' }, '/api/explorer', url);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body) as { n: number; rows: Array<{ id: string; text: string }> };
      expect(body.n).toBe(want.length);
      expect(body.rows.map((r) => r.id)).toEqual(want.slice(0, 7));
      expect(body.rows.map((r) => r.text)).toEqual(want.slice(0, 7).map((id) => data.text[data.id.indexOf(id)]));
      const page2 = JSON.parse((await api({ ...f, page_size: '7', page: '2' }, '/api/explorer', url)).body) as { rows: Array<{ id: string }> };
      expect(page2.rows.map((r) => r.id)).toEqual(want.slice(7, 14));
    }
  });

  it.each<Filters>([
    {},
    { segment: 'SMB' },
    { segment: 'Enterprise', from: '2026-05-01', to: '2026-09-30' },
    { region: 'France', arr_band: '100k-500k' },
    { language: 'fr', journey_stage: 'onboarding' },
    { segment: 'no such segment' },
  ])('gives the derived charts\' rows the browser computes from embedded verbatims, field for field and in order: %o', async (f) => {
    const rows = expectedIndices(data, f);
    expect(rows.length > 0).toBe(f.segment !== 'no such segment');
    for (const chart of DERIVED_CHARTS) {
      const want = browserDerivedRows(chart, data, rows);
      for (const url of [server.url, older.url]) {
        const res = await api({ chart, ...f }, '/api/explorer/derived', url);
        expect(res.status, res.body).toBe(200);
        const body = JSON.parse(res.body) as { chart: string; rows: Row[] };
        expect(body.chart).toBe(chart);
        expect(body.rows).toEqual(want);
      }
    }
    if (f.segment === 'SMB') expect(browserDerivedRows('theme-sentiment', data, rows)).not.toEqual(browserDerivedRows('theme-sentiment', data, expectedIndices(data, {})));
  });

  it('refuses a derived chart it does not know, with 400 naming it', async () => {
    for (const chart of ['', 'nps-trend', '../x']) {
      const res = await api({ chart }, '/api/explorer/derived');
      expect(res.status).toBe(400);
      expect(res.body).toContain('chart');
    }
  });

  it('answers from redacting when the database changed after the run (explorer_rows no longer matches it)', async () => {
    const dir = writableRunCopy(runDir);
    try {
      await changeDatabase(dir, "UPDATE responses SET verbatim = 'Zyxwvé changed after the run, write to a.b@example.org' WHERE response_id = (SELECT max(response_id) FROM responses WHERE verbatim IS NOT NULL AND trim(verbatim) <> '')");
      const changed = await serveRun(dir, { port: 0 });
      try {
        expect(changed.explorer.source).toBe('redacting');
        expect(changed.explorer.sourceReason).toMatch(/explorer_rows differs from the run's verbatims on 1 rows/);
        const body = JSON.parse((await api({ q: 'zyxwve' }, '/api/explorer', changed.url)).body) as { n: number; rows: Array<{ text: string }> };
        expect(body.n).toBe(1);
        expect(body.rows[0]!.text).toBe('Zyxwvé changed after the run, write to [email]');
      } finally {
        await changed.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds accented verbatims without accents, and the search is not trivially everything', async () => {
    const folded = JSON.parse((await api({ q: 'decu' })).body) as { n: number; rows: Array<{ text: string }> };
    expect(folded.n).toBeGreaterThan(0);
    expect(folded.n).toBeLessThan(data.n);
    expect(folded.rows.some((r) => /déçu/i.test(r.text))).toBe(true);
  });

  it('shows verbatims PII-redacted and does not let a search find what redaction removed', async () => {
    const body = JSON.parse((await api({ q: 'onerror' })).body) as { n: number; rows: Array<{ id: string; text: string; mentions: Array<{ theme: string; from: number }> }> };
    expect(body.rows.map((r) => r.id)).toEqual(['RSP-XSS-2']);
    expect(body.rows[0]!.text).toContain('[email]');
    expect(body.rows[0]!.text).not.toContain('jane.doe');
    expect(body.rows[0]!.mentions[0]!.theme).toBe('billing_errors');
    expect(JSON.parse((await api({ q: 'jane.doe@example.com' })).body).n).toBe(0);
    expect(JSON.parse((await api({ q: 'example.com' })).body).n).toBe(0);
  });

  it('sorts by ARR and NPS as the explorer does (missing last)', async () => {
    const rows = (JSON.parse((await api({ sort: 'arr-desc', page_size: '100' })).body) as { rows: Array<{ arr: number | null }> }).rows;
    const arrs = rows.map((r) => r.arr).filter((a): a is number => a !== null);
    expect(arrs).toEqual([...arrs].sort((a, b) => b - a));
    const low = (JSON.parse((await api({ sort: 'nps-asc', page_size: '5' })).body) as { rows: Array<{ nps: number | null }> }).rows;
    expect(low[0]!.nps).toBe(Math.min(...data.nps.filter((v): v is number => v !== null)));
  });

  it('refuses a bad query with 400 naming the parameter, and pages over 100', async () => {
    for (const [f, name] of [[{ sort: 'random' }, 'sort'], [{ page_size: '500' }, 'page_size'], [{ from: 'yesterday' }, 'from'], [{ unknown: '1' }, 'unknown']] as const) {
      for (const path of ['/api/explorer', '/api/explorer.csv', '/api/explorer/derived']) {
        const res = await api(path.endsWith('derived') ? { chart: 'theme-sentiment', ...f } : f, path);
        if (path.endsWith('derived') && name === 'page_size') continue; // a derived chart has no page
        expect(res.status, `${path} ${name}`).toBe(400);
        expect(res.body).toContain(name);
      }
    }
  });

  it('answers a page and both derived charts asked at once, each as when asked alone', async () => {
    const asks = [api({ segment: 'SMB' }), api({ chart: 'theme-sentiment', segment: 'SMB' }, '/api/explorer/derived'), api({ chart: 'segment-theme-heatmap', segment: 'SMB' }, '/api/explorer/derived'), api({ q: 'decu' })];
    const together = (await Promise.all(asks)).map((r) => r.body);
    const alone: string[] = [];
    for (const [f, path] of [[{ segment: 'SMB' }, '/api/explorer'], [{ chart: 'theme-sentiment', segment: 'SMB' }, '/api/explorer/derived'], [{ chart: 'segment-theme-heatmap', segment: 'SMB' }, '/api/explorer/derived'], [{ q: 'decu' }, '/api/explorer']] as const) {
      alone.push((await api(f, path)).body);
    }
    expect(together).toEqual(alone);
  });

  it('exports the selection as CSV (BOM, header, one line a verbatim, redacted, formula-safe cells)', async () => {
    const f = { theme: 'billing_errors', sentiment: 'negative' };
    const res = await api(f, '/api/explorer.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\ufeffresponse_id,date,nps,csat,ces,nps_category,segment,region,owner,journey_stage,touchpoint,survey_type,language,arr_band,arr,themes,verbatim\r\n')).toBe(true);
    const want = expected(data, f);
    const ids = res.body.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(ids).toEqual(want);
    expect((await api(f, '/api/explorer.csv', older.url)).body).toBe(res.body);
    expect(res.body).toContain('[email]');
    expect(res.body).not.toContain('jane.doe');
    expect(res.body).toContain('billing_errors:negative');
  });

  it('keeps the database read-only: a write through the server\'s connection fails, the file is unchanged', async () => {
    const conn = server.explorer.database.connection;
    await expect(conn.run("INSERT INTO responses (response_id) VALUES ('X')")).rejects.toThrow(/read-only/);
    await expect(conn.run('CREATE TABLE run.main.intruder AS SELECT 1 AS a')).rejects.toThrow(/read-only/);
    await expect(conn.run('DROP TABLE responses')).rejects.toThrow(/read-only/);
    expect(hash()).toBe(dbHash);
  });

  it('needs a token to bind beyond loopback (refused before listening), and enforces one when given', async () => {
    await expect(serveRun(runDir, { host: '0.0.0.0', port: 0 })).rejects.toThrow(UsageError);
    await expect(serveRun(runDir, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
    const guarded = await serveRun(runDir, { port: 0, token: 's3cret-token' });
    try {
      expect((await raw(guarded.url, '/index.html')).status).toBe(401);
      expect((await raw(guarded.url, '/api/explorer')).status).toBe(401);
      expect((await raw(guarded.url, '/index.html', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await raw(guarded.url, '/index.html?token=s3cret-tokem')).status).toBe(401);
      expect((await raw(guarded.url, '/api/explorer', { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
      const first = await raw(guarded.url, '/index.html?token=s3cret-token');
      expect(first.status).toBe(200);
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect((await raw(guarded.url, '/app.js', { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('the command refuses a non-loopback host without a token: exit 2 and a clear message', async () => {
    const r = await runCliChild(['serve', runDir, '--host', '0.0.0.0', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a token \(--token TOKEN or ECOUTE_SERVE_TOKEN\)/);
  }, 60_000);
});

describe('the explorer\'s search folding', () => {
  it('is the same in DuckDB (explorer_fold) as in TypeScript, every apostrophe of SEARCH_APOSTROPHES included', async () => {
    const db = await openDatabase();
    try {
      await runSqlFile(db.connection, 'serve/create-explorer-fold-macro');
      const texts = [...Object.keys(SEARCH_APOSTROPHES).map((a) => `l${a}avis`), 'Déçue’S', 'ÉCRIVEZ À Zoë', 'plain ascii'];
      for (const t of texts) {
        const folded = (await db.connection.runAndReadAll('SELECT explorer_fold($t) AS f', { t })).getRowObjectsJson()[0]!.f;
        expect(folded, t).toBe(foldSearchText(t));
      }
    } finally {
      db.close();
    }
  });
});
