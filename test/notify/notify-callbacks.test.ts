/**
 * `ecoute notify` against a local webhook (node:http on 127.0.0.1, port 0): the new call-backs are
 * posted once ever (a second notify posts nothing), 503 twice then 200 is delivered after retries, an
 * always-500 webhook fails with a clear message and a non-zero exit keeping only what was delivered in
 * the state file, a 400 is not retried, and only http(s) URLs are accepted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notifyCallbacks, NotifyError } from '../../src/notify/notify-callbacks.ts';
import { NOTIFIED_CALLBACKS_FILE } from '../../src/notify/notified-state.ts';
import { main } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import type { Output } from '../../src/cli/print-result.ts';

interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: { type: string; pipeline: string; as_of: string; callback: { response_id: string; verbatim: string | null } };
}

type Answer = (n: number, received: Received) => number;
const servers: Server[] = [];

/** A webhook answering the status `answer` gives for its n-th request (from 1), recording every request. */
async function webhook(answer: Answer): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => void (text += c));
    req.on('end', () => {
      const r: Received = { path: req.url ?? '', headers: req.headers, body: JSON.parse(text) as Received['body'] };
      received.push(r);
      const status = answer(received.length, r);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `status ${status} from the test webhook` : 'ok');
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/secret-token`, received };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

const ROWS = [
  { response_id: 'R1', account_id: 'A1', owner: 'Ana', assignee: 'Ana', status: 'open', nps: 2, verbatim: 'call me on [phone]' },
  { response_id: 'R2', account_id: 'A2', owner: 'Bo', assignee: 'Bo', status: 'overdue', nps: 5, verbatim: 'invoices wrong' },
  { response_id: 'R3', account_id: 'A3', owner: null, assignee: null, status: 'open', nps: null, verbatim: null },
];

/** An output folder (marked as ecoute's) with one published night holding a call-back list of `rows`. */
function outputFolder(rows: ReadonlyArray<Record<string, unknown>> = ROWS): { out: string; night: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'ecoute-notify-')), 'out');
  const night = join(out, 'runs', '2026-11-01-20261205T000000Z-abcdef');
  mkdirSync(night, { recursive: true });
  writeFileSync(join(out, '.ecoute-output'), '');
  writeFileSync(join(night, 'run-summary.json'), JSON.stringify({ pipeline: 'demo', asOf: '2026-11-01' }));
  writeFileSync(join(night, 'callback-list.json'), JSON.stringify({ asOf: '2026-11-01', windowDays: 14, dueAfterHours: 48, rows }));
  return { out, night };
}

const stateIds = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { response_id: string }).response_id) : [];

const FAST = { retryBaseMs: 1, timeoutMs: 5000 } as const;

describe('ecoute notify', () => {
  it('posts each new call-back once, in list order; a second notify posts nothing', async () => {
    const hook = await webhook(() => 200);
    const { out, night } = outputFolder();
    const first = await notifyCallbacks(night, { webhook: hook.url, ...FAST });
    expect(first.delivered).toEqual(['R1', 'R2', 'R3']);
    expect(first).toMatchObject({ callbacks: 3, alreadyNotified: 0, alreadyCalled: 0, asOf: '2026-11-01', webhook: `${new URL(hook.url).origin}/…`, stateFile: join(out, NOTIFIED_CALLBACKS_FILE) });
    expect(hook.received.map((r) => r.body.callback.response_id)).toEqual(['R1', 'R2', 'R3']);
    expect(hook.received[0]!.body).toEqual({ type: 'ecoute.callback', pipeline: 'demo', as_of: '2026-11-01', callback: ROWS[0] });
    expect(hook.received[0]!.headers['content-type']).toBe('application/json');
    expect(hook.received[0]!.headers['idempotency-key']).toBe('ecoute-callback-R1');
    expect(hook.received[0]!.path).toBe('/hooks/secret-token');
    expect(stateIds(join(out, NOTIFIED_CALLBACKS_FILE))).toEqual(['R1', 'R2', 'R3']);
    expect(existsSync(join(out, `${NOTIFIED_CALLBACKS_FILE}.lock`))).toBe(false);

    const second = await notifyCallbacks(night, { webhook: hook.url, ...FAST });
    expect(second.delivered).toEqual([]);
    expect(second.alreadyNotified).toBe(3);
    expect(hook.received).toHaveLength(3);
    // the output folder itself reads the same state (its fixed links point at the current night)
    writeFileSync(join(out, 'run-summary.json'), JSON.stringify({ pipeline: 'demo', asOf: '2026-11-02' }));
    writeFileSync(join(out, 'callback-list.json'), JSON.stringify({ asOf: '2026-11-02', rows: [...ROWS, { response_id: 'R4', verbatim: 'new tonight' }] }));
    const next = await notifyCallbacks(out, { webhook: hook.url, ...FAST });
    expect(next.delivered).toEqual(['R4']);
    expect(stateIds(join(out, NOTIFIED_CALLBACKS_FILE))).toEqual(['R1', 'R2', 'R3', 'R4']);
  });

  it('does not post a call-back the followups source shows made (in time or late)', async () => {
    const hook = await webhook(() => 200);
    const rows = [...ROWS, { response_id: 'R5', status: 'called_in_time', verbatim: 'done' }, { response_id: 'R6', status: 'called_late', verbatim: 'done late' }];
    const { out, night } = outputFolder(rows);
    const result = await notifyCallbacks(night, { webhook: hook.url, ...FAST });
    expect(result.delivered).toEqual(['R1', 'R2', 'R3']);
    expect(result).toMatchObject({ callbacks: 5, alreadyNotified: 0, alreadyCalled: 2 });
    expect(hook.received.map((r) => r.body.callback.response_id)).toEqual(['R1', 'R2', 'R3']);
    expect(stateIds(join(out, NOTIFIED_CALLBACKS_FILE))).toEqual(['R1', 'R2', 'R3']);
  });

  it('delivers after retries when the webhook answers 503 twice, then 200', async () => {
    const hook = await webhook((n) => (n <= 2 ? 503 : 200));
    const { night } = outputFolder([ROWS[0]!]);
    const logs: string[] = [];
    const result = await notifyCallbacks(night, { webhook: hook.url, ...FAST, log: (m) => logs.push(m) });
    expect(result.delivered).toEqual(['R1']);
    expect(hook.received).toHaveLength(3);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toMatch(/^posting 1 new call-backs of 2026-11-01 to http:\/\/127\.0\.0\.1:\d+\/… \(0 of 1 notified before\)$/);
    expect(logs[1]).toMatch(/answered 503 .*retrying in 1 ms \(retry 1 of 3\)/);
    expect(logs[2]).toMatch(/retrying in 2 ms \(retry 2 of 3\)/);
    expect(logs.join('\n')).not.toContain('secret-token');
  });

  it('fails with a clear message after the retries when the webhook always answers 500, keeping only what was delivered', async () => {
    // the first call-back is accepted, every later request fails
    const hook = await webhook((n) => (n === 1 ? 200 : 500));
    const { out, night } = outputFolder();
    const failed = notifyCallbacks(night, { webhook: hook.url, retries: 2, ...FAST });
    await expect(failed).rejects.toBeInstanceOf(NotifyError);
    await expect(failed).rejects.toThrow(/call-back R2 not delivered \(3 attempts; last: answered 500 Internal Server Error: status 500 from the test webhook\); 1 of 3 new call-backs delivered before it/);
    expect(hook.received.map((r) => r.body.callback.response_id)).toEqual(['R1', 'R2', 'R2', 'R2']);
    const state = join(out, NOTIFIED_CALLBACKS_FILE);
    expect(stateIds(state)).toEqual(['R1']);
    await expect(failed).rejects.not.toThrow(/secret-token/);

    // the CLI: non-zero exit, the message on stderr; a rerun against a healthy webhook sends only the rest
    const c = capture();
    const code = await main(['node', 'ecoute', 'notify', night, '--webhook', hook.url, '--retries', '1', '--retry-base-ms', '1'], c.out, c.err);
    expect(code).toBe(1);
    expect(c.errors()).toContain('call-back R2 not delivered (2 attempts; last: answered 500');
    const healthy = await webhook(() => 200);
    const ok = capture();
    expect(await main(['node', 'ecoute', 'notify', night, '--webhook', healthy.url, '--json'], ok.out, ok.err)).toBe(0);
    expect(JSON.parse(ok.text())).toMatchObject({ delivered: ['R2', 'R3'], alreadyNotified: 1, callbacks: 3 });
    expect(stateIds(state)).toEqual(['R1', 'R2', 'R3']);
  });

  it('does not retry a 400, and retries a connection refused', async () => {
    const hook = await webhook(() => 400);
    const { out, night } = outputFolder();
    await expect(notifyCallbacks(night, { webhook: hook.url, ...FAST })).rejects.toThrow(/call-back R1 not delivered \(1 attempt; last: answered 400 Bad Request/);
    expect(hook.received).toHaveLength(1);
    expect(stateIds(join(out, NOTIFIED_CALLBACKS_FILE))).toEqual([]);

    const gone = await webhook(() => 200);
    const url = gone.url;
    await new Promise((ok) => servers.pop()!.close(ok));
    await expect(notifyCallbacks(night, { webhook: url, retries: 2, ...FAST })).rejects.toThrow(/R1 not delivered \(3 attempts; last: fetch failed \(ECONNREFUSED\)\)/);
  });

  it('accepts only http:// and https:// URLs (usage error, exit 2), and needs --state outside an output folder', async () => {
    const { night } = outputFolder();
    for (const bad of ['ftp://127.0.0.1/x', 'file:///etc/passwd', 'not a url']) {
      const c = capture();
      expect(await main(['node', 'ecoute', 'notify', night, '--webhook', bad], c.out, c.err)).toBe(2);
      expect(c.errors()).toContain('--webhook: expected an http:// or https:// URL');
    }
    const loose = mkdtempSync(join(tmpdir(), 'ecoute-notify-loose-'));
    writeFileSync(join(loose, 'run-summary.json'), JSON.stringify({ pipeline: 'demo', asOf: '2026-11-01' }));
    writeFileSync(join(loose, 'callback-list.json'), JSON.stringify({ asOf: '2026-11-01', rows: ROWS }));
    await expect(notifyCallbacks(loose, { webhook: 'http://127.0.0.1:9/', ...FAST })).rejects.toThrow(/give the state file with --state/);
    const hook = await webhook(() => 204);
    const state = join(loose, 'sent.jsonl');
    expect((await notifyCallbacks(loose, { webhook: hook.url, stateFile: state, ...FAST })).delivered).toHaveLength(3);
    expect(stateIds(state)).toEqual(['R1', 'R2', 'R3']);
    writeFileSync(state, '{"response_id": "R1"\n');
    await expect(notifyCallbacks(loose, { webhook: hook.url, stateFile: state, ...FAST })).rejects.toThrow(/sent\.jsonl: line 1: not JSON/);
  });

  it('--with-contact-details adds each contact\'s name, email and phone from the run\'s database; without it the payload has the id alone', async () => {
    const rows = [{ response_id: 'R1', contact_id: 'C1', verbatim: 'x' }, { response_id: 'R2', contact_id: 'C-unknown', verbatim: 'y' }, { response_id: 'R3', contact_id: null, verbatim: 'z' }];
    const { night } = outputFolder(rows);
    const db = await openDatabase(join(night, 'ecoute.duckdb'));
    try {
      await runSqlFile(db.connection, 'ingest/create-canonical-tables');
      await db.connection.run("INSERT INTO contacts (contact_id, account_id, name, email, phone) VALUES ('C1', 'A1', 'Zoé Rappel', 'zoe.rappel@example', '+33199001234')");
      await db.connection.run("INSERT INTO field_problems (source, row_id, field, reason_code) VALUES ('contacts', 'C1', 'email', 'invalid_email')");
    } finally {
      db.close();
    }
    const plain = await webhook(() => 200);
    await notifyCallbacks(night, { webhook: plain.url, stateFile: join(night, 'plain.jsonl'), ...FAST });
    expect(plain.received.map((r) => r.body.callback)).toEqual(rows);
    expect(JSON.stringify(plain.received)).not.toContain('Zoé');

    const hook = await webhook(() => 200);
    const c = capture();
    expect(await main(['node', 'ecoute', 'notify', night, '--webhook', hook.url, '--state', join(night, 'details.jsonl'), '--with-contact-details'], c.out, c.err)).toBe(0);
    expect(hook.received.map((r) => (r.body.callback as unknown as { contact: unknown }).contact)).toEqual([
      { name: 'Zoé Rappel', email: 'zoe.rappel@example', phone: '+33199001234', flags: ['invalid_email'] },
      null,
      null,
    ]);
  });

  it('--with-contact-details on a run without contact details is an error naming what to map', async () => {
    const { night } = outputFolder();
    const db = await openDatabase(join(night, 'ecoute.duckdb'));
    try {
      await runSqlFile(db.connection, 'ingest/create-canonical-tables');
      await db.connection.run("INSERT INTO contacts (contact_id, account_id) VALUES ('C1', 'A1')");
    } finally {
      db.close();
    }
    const hook = await webhook(() => 200);
    await expect(notifyCallbacks(night, { webhook: hook.url, withContactDetails: true, ...FAST })).rejects.toThrow(/--with-contact-details: this run holds no contact details \(map name, email or phone/);
    expect(hook.received).toEqual([]);
  });
});

function capture(): { out: Output; text: () => string; err: (t: string) => void; errors: () => string } {
  let text = '';
  let errors = '';
  return { out: { write: (t) => void (text += t) }, text: () => text, err: (t) => void (errors += t), errors: () => errors };
}
