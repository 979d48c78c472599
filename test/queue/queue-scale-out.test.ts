/**
 * Classification on two `ecoute worker` processes through a real redis-server (BullMQ), against
 * the same run in one process: one worker is SIGKILLed in the middle of its first chunk, the chunk
 * is retried on the other (stalled-job check), and every output file of the night is byte-identical
 * to the single-process run. Also: a worker with another model refuses the jobs, and a run with no
 * live worker fails with a clear message (or, with fallback: local, classifies here).
 * Skipped, saying so, only when redis-server is not installed (CI installs it: .ci/run).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { queueMessages } from '../../src/classify/queue/queue-messages.ts';
import { connectRedis } from '../../src/classify/queue/redis-url.ts';
import { findRedisServer, startRedis, startWorker, type WorkerProcess } from './redis-harness.ts';

const REDIS = findRedisServer();
if (REDIS === undefined) console.warn('queue suite skipped: redis-server is not installed (apt-get install redis-server)');

const WORDS = {
  subject: ['the delivery', 'support', 'the invoice', 'the app', 'the price', 'la livraison', 'le support', 'la facture', "l'appli", 'the agent'],
  verdict: ['was late', 'was great', 'is too expensive', 'crashed again', 'was very helpful', 'était en retard', 'est super', 'est trop chère', 'plante', 'was fine'],
  tail: ['', ' and I am unhappy', ', thanks', ' again this month', ', merci', ' — never again', ' but ok', ' et rien ne change'],
};

/** 420 responses, about 400 distinct texts (2 chunks of 256): seeded, so every run reads the same file. */
function responsesCsv(): string {
  let x = 12_345;
  const next = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const rows = ['id,date,nps,comment'];
  for (let i = 1; i <= 420; i++) {
    const text = `${WORDS.subject[next(10)]} ${WORDS.verdict[next(10)]}${WORDS.tail[next(8)]} #${next(9)}`;
    const day = String(1 + next(28)).padStart(2, '0');
    rows.push(`${i},2024-05-${day},${next(11)},"${text}"`);
  }
  return `${rows.join('\n')}\n`;
}

function pipelineYaml(queue: string): string {
  return `name: queue_run
sources:
  responses:
    path: responses.csv
    columns: { response_id: id, submitted_at: date, nps: nps, verbatim: comment }
taxonomy:
  version: '3'
  themes:
    - { id: delivery, labels: { en: Delivery, fr: Livraison }, keywords: { en: [delivery, late], fr: [livraison, retard] } }
    - { id: billing, labels: { en: Billing, fr: Facturation }, keywords: { en: [invoice, price, expensive], fr: [facture, chère] } }
    - { id: support, labels: { en: Support, fr: Support }, keywords: { en: [support, agent], fr: [support] } }
classify:
  sentiment: { engine: transformer, model: tiny-sentiment }
${queue}`;
}

/**
 * Every file of a published night, by path, except run-timings.json (wall-clock timings by design),
 * .manifest.json (the run id, which carries the start time, and the hash of run-timings.json) and
 * ecoute.duckdb (its pages are not byte-stable; its tables are compared through their exports).
 */
function nightFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!['run-timings.json', '.manifest.json', 'ecoute.duckdb'].includes(name)) out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

async function cacheCounts(dbFile: string): Promise<{ rows: number; distinct: number }> {
  const db = await openDatabase(dbFile);
  try {
    const r = (await db.connection.runAndReadAll('SELECT count(*)::INTEGER AS n, count(DISTINCT text_hash)::INTEGER AS d FROM classification_cache')).getRowObjectsJson()[0];
    return { rows: Number(r?.n), distinct: Number(r?.d) };
  } finally {
    db.close();
  }
}

async function flushRedis(url: string): Promise<void> {
  const c = await connectRedis(url);
  await c.flushall();
  await c.quit();
}

async function stopAll(workers: readonly WorkerProcess[]): Promise<void> {
  await Promise.all(
    workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).map((w) => {
      const exited = new Promise((r) => w.child.once('exit', r));
      w.child.kill('SIGKILL');
      return exited;
    }),
  );
}

describe.skipIf(REDIS === undefined)('classification on workers through Redis (BullMQ)', () => {
  let dir: string;
  /** the single-process night of the first test, the reference of the others */
  let localNight: string;
  let redis: { url: string; stop: () => void };
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecoute-queue-'));
    redis = await startRedis(REDIS as string);
    await writeTinyModel(join(dir, 'models', 'tiny-sentiment'), 'sentiment', { hidden: 128, layers: 4, seed: 1 });
    await writeTinyModel(join(dir, 'other-models', 'tiny-sentiment'), 'sentiment', { hidden: 128, layers: 4, seed: 2 });
    writeFileSync(join(dir, 'responses.csv'), responsesCsv());
    writeFileSync(join(dir, 'local.yaml'), pipelineYaml(''));
    writeFileSync(join(dir, 'strict.yaml'), pipelineYaml(`  queue: { redis: "${redis.url}", timeout_seconds: 2 }\n`));
    writeFileSync(join(dir, 'lenient.yaml'), pipelineYaml(`  queue: { redis: "${redis.url}", timeout_seconds: 2, fallback: local }\n`));
  }, 60_000);

  afterAll(() => {
    for (const w of workers) w.child.kill('SIGKILL');
    redis?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const run = (pipeline: string, out: string, queue?: string) =>
    runPipeline({ pipelineFile: join(dir, pipeline), outDir: join(dir, out), asOf: '2024-06-01', modelsRoot: join(dir, 'models'), ...(queue !== undefined ? { queue } : {}) });

  it('two workers, one killed mid-chunk: same outputs as one process, nothing lost or doubled', async () => {
    // worker A takes both chunks at once and is killed as soon as it starts one; B, started
    // after, finds them stalled (A's locks expire after 4 s) and classifies them
    const a = startWorker(redis.url, join(dir, 'models'), ['--concurrency', '2']);
    workers.push(a);
    await a.waitFor(/worker ready/);
    const pending = run('local.yaml', 'out-queue', redis.url);
    await a.waitFor(/chunk \w+ started/);
    a.child.kill('SIGKILL');
    const b = startWorker(redis.url, join(dir, 'models'));
    workers.push(b);
    const queued = await pending;
    expect(a.log()).not.toMatch(/chunk \w+ done/); // killed before finishing any chunk
    const local = await run('local.yaml', 'out-local');
    localNight = local.nightDir;

    const work = queued.classifyWork;
    expect(work.newlyClassified).toBe(local.classifyWork.newlyClassified);
    expect(work.queue?.chunks).toBe(Math.ceil(local.classifyWork.newlyClassified / 256));
    expect(work.queue?.remote).toBe(work.queue?.chunks);
    expect(work.queue?.local).toBe(0);
    expect(work.queue?.stalled).toBeGreaterThanOrEqual(1);
    expect(b.log()).toMatch(/chunk \w+ done/);

    const cache = await cacheCounts(join(queued.nightDir, 'ecoute.duckdb'));
    expect(cache).toEqual({ rows: local.classifyWork.newlyClassified, distinct: local.classifyWork.newlyClassified });

    const q = nightFiles(queued.nightDir);
    const l = nightFiles(local.nightDir);
    expect([...q.keys()]).toEqual([...l.keys()]);
    expect(q.size).toBeGreaterThan(10);
    for (const [name, bytes] of l) expect(q.get(name)?.equals(bytes), name).toBe(true);
    b.child.kill('SIGTERM'); // a graceful stop
    expect(await new Promise((r) => b.child.once('exit', r))).toBe(0);
  }, 110_000);

  it('a worker with another model revision refuses the jobs, and the run says why', async () => {
    await stopAll(workers);
    await flushRedis(redis.url);
    const other = startWorker(redis.url, join(dir, 'other-models'));
    workers.push(other);
    await other.waitFor(/worker ready/);
    await expect(run('local.yaml', 'out-refused', redis.url)).rejects.toThrow(/refused: the job needs transformer\+embedded tiny-sentiment\+\S+ revision/);
    expect(other.log()).toMatch(/refused: the job needs .* this worker has transformer\+embedded/);
  }, 60_000);

  it('no live worker within the timeout: a clear error, or local classification when the pipeline allows it', async () => {
    await stopAll(workers);
    await flushRedis(redis.url);
    const started = performance.now();
    await expect(run('strict.yaml', 'out-strict')).rejects.toThrow(queueMessages.noWorker(redis.url, 2, 1).split(' (')[0]!);
    expect(performance.now() - started).toBeLessThan(30_000);
    const lenient = await run('lenient.yaml', 'out-lenient');
    expect(lenient.classifyWork.queue?.local).toBe(lenient.classifyWork.queue?.chunks);
    const a = nightFiles(lenient.nightDir);
    const b = nightFiles(localNight);
    for (const [name, bytes] of b) expect(a.get(name)?.equals(bytes), name).toBe(true);
  }, 60_000);
});
