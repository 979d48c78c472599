/**
 * Incremental classification benchmark: `npx tsx bench/classify-incremental-bench.ts [count]`
 *
 * 1. Full run: `count` responses (default 20,000; ~15 % duplicate texts, as real exports have)
 *    classified by the embedded engine with a 6-theme taxonomy into an empty cache.
 * 2. Nightly reruns: three times, 1 % new responses are added; only their texts are classified
 *    and their rows appended to the output tables (median of the three reported).
 * Prints both times (whole runClassifyPhase call: staging, classification, output tables, the topic
 * model and, unless DOMAIN=off, the cross-fitted domain model, both retrained on the night's data),
 * wall-clock and CPU (process user + system, all threads: less sensitive to a loaded machine), and
 * their ratio; the goal is a rerun ≤ 5 % of the full run.
 */
import { openDatabase } from '../src/db/open-database.ts';
import { runSqlFile } from '../src/db/sql-file.ts';
import { taxonomySchema } from '../src/config/taxonomy-schema.ts';
import { classifyConfigSchema } from '../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../src/classify/pipeline/run-classify-phase.ts';
import { createRng, type Rng } from '../src/util/random.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { cpus, loadavg } from 'node:os';

const COUNT = Number(process.argv[2] ?? 20_000);

const taxonomy = taxonomySchema.parse({
  version: '1',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['deliver*', 'parcel', 'shipping'], fr: ['livr*', 'colis'] } },
    { id: 'support', labels: { en: 'Support', fr: 'Support' }, keywords: { en: ['support', 'agent', 'customer service'], fr: ['support', 'conseiller', 'service client'] } },
    { id: 'price', labels: { en: 'Price', fr: 'Prix' }, keywords: { en: ['price', 'expensive', 'cost'], fr: ['prix', 'cher', 'tarif*'] } },
    { id: 'app', labels: { en: 'App', fr: 'Application' }, keywords: { en: ['app', 'website', 'login'], fr: ['appli*', 'site', 'connexion'] } },
    { id: 'billing', labels: { en: 'Billing', fr: 'Facturation' }, keywords: { en: ['invoice', 'bill*', 'refund'], fr: ['factur*', 'rembours*'] } },
    { id: 'quality', labels: { en: 'Quality', fr: 'Qualité' }, keywords: { en: ['quality', 'broken'], fr: ['qualit*', 'cass*'] } },
  ],
});

const SUBJECTS = ['The delivery', 'Your support team', 'The app', 'The invoice', 'The price', 'La livraison', 'Le service client', "L'application", 'La facture', 'Le prix', 'La qualité'];
const PREDICATES = ['was fast and easy', 'was late again', 'is way too expensive', 'keeps crashing', 'was very helpful', 'est vraiment nul', 'était parfait', 'est trop cher', 'est arrivé cassé', 'a été remboursé rapidement'];
const EXTRAS = ['Thanks!', 'Never again.', 'Merci.', 'À revoir.', '', ''];

function verbatim(rng: Rng, i: number): string {
  const parts = Array.from({ length: 1 + rng.int(3) }, () => `${rng.pick(SUBJECTS)} ${rng.pick(PREDICATES)}`);
  // ~15 % of texts repeat an earlier one exactly; the rest carry a unique detail
  return rng.chance(0.15) ? `${parts[0]}.` : `${parts.join(', ')}. ${rng.pick(EXTRAS)} (order ${i})`.trim();
}

async function insertResponses(conn: DuckDBConnection, from: number, to: number, rng: Rng): Promise<void> {
  const a = await conn.createAppender('responses');
  for (let i = from; i < to; i++) {
    a.appendVarchar(`r${String(i).padStart(8, '0')}`);
    a.appendNull();
    a.appendVarchar(`acc${rng.int(Math.max(1, Math.round(COUNT / 5)))}`);
    a.appendVarchar('2024-01-15 10:00:00');
    for (let k = 0; k < 4; k++) a.appendNull();
    a.appendInteger(rng.int(11));
    a.appendNull();
    a.appendNull();
    a.appendVarchar(verbatim(rng, i));
    for (let k = 0; k < 8; k++) a.appendNull(); // language, duration, truncated, consent, ratings, quality_flags, _source_file, _line
    a.endRow();
  }
  a.closeSync();
}

const db = await openDatabase();
const conn = db.connection;
await runSqlFile(conn, 'ingest/create-canonical-tables');
const rng = createRng(7);
await insertResponses(conn, 0, COUNT, rng);
// DOMAIN=off measures the text-only classification alone
const config = classifyConfigSchema.parse({ domain_adaptation: process.env.DOMAIN !== 'off', batch_size: 512 });
const classify = (runDate: string) => runClassifyPhase(conn, { config, taxonomy, modelsRoot: 'models', runDate, discover: false, quiet: true });

/** Wall-clock milliseconds and CPU seconds (user + system) of one call. */
async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; cpu: number; r: T }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1e6, r };
}

const { ms: fullMs, cpu: fullCpu, r: full } = await timed(() => classify('2024-06-01'));

// three nightly reruns, each adding 1 % new responses (later ids, as a daily export has); median reported
const fresh = Math.max(1, Math.round(COUNT * 0.01));
const reruns: Array<{ ms: number; cpu: number; r: typeof full }> = [];
for (let night = 0; night < 3; night++) {
  const from = COUNT + night * fresh;
  await insertResponses(conn, from, from + fresh, rng);
  reruns.push(await timed(() => classify(`2024-06-0${night + 2}`)));
}
reruns.sort((a, b) => a.ms - b.ms);
const { ms: rerunMs, r: rerun } = reruns[1]!;
const rerunCpu = [...reruns].sort((a, b) => a.cpu - b.cpu)[1]!.cpu;

const { ms: noopMs, r: noop } = await timed(() => classify('2024-06-09'));
db.close();

const row = (name: string, ms: number, r: typeof full): string =>
  `${name.padEnd(22)} ${ms.toFixed(0).padStart(8)} ms  distinct ${String(r.distinctTexts).padStart(7)}  cached ${String(r.cachedHits).padStart(7)}  new ${String(r.newlyClassified).padStart(7)}  ${r.rate.toFixed(0).padStart(6)} texts/s`;
console.log(`runClassifyPhase on ${COUNT} responses (${full.engines[0]?.description}; ${full.notices.join('; ')})`);
console.log(row('full run', fullMs, full));
console.log(row(`rerun (+${fresh} new, 1 %)`, rerunMs, rerun) + `  output tables ${rerun.outputTables}; 3 nights: ${reruns.map((x) => x.ms.toFixed(0)).sort((a, b) => Number(a) - Number(b)).join('/')} ms`);
console.log(row('rerun (nothing new)', noopMs, noop));
console.log(`CPU: full ${fullCpu.toFixed(1)} s, rerun ${rerunCpu.toFixed(1)} s (median): ${((rerunCpu / fullCpu) * 100).toFixed(2)} %`);
console.log(`rerun / full = ${((rerunMs / fullMs) * 100).toFixed(2)} % (goal ≤ 5 %); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
