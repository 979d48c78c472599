/**
 * A run's text-only sentiment adaptation at scale: N generated responses (FR/EN, embedded-bench's generator),
 * none scored, classified text-only; then the cross-fit phase, which finds too few scored verbatims and
 * self-trains on the run's distinct texts (self-trained-sentiment.ts). Prints the time to compute the text
 * features (shared with the domain model, kept per text from night to night) apart from the self-training
 * itself (distinct texts read in chunks, counted, fold models built, every response scored, overlay written),
 * wall clock and CPU, and the peak RSS. Run: npx tsx bench/self-training-bench.ts [count, default 100000]
 */
import { openDatabase } from '../src/db/open-database.ts';
import { runCrossFitPhase } from '../src/classify/pipeline/cross-fit-phase.ts';
import { updateSentimentFeatures } from '../src/classify/pipeline/sentiment-features-store.ts';
import { classifyTextOnly } from '../test/classify-pipeline/fixtures.ts';
import { generateVerbatims } from './embedded-bench.ts';

const seconds = (from: number): string => ((performance.now() - from) / 1000).toFixed(2);
const cpuSeconds = (from: NodeJS.CpuUsage): string => {
  const c = process.cpuUsage(from);
  return ((c.user + c.system) / 1e6).toFixed(2);
};

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const texts = generateVerbatims(n, 3);
  const db = await openDatabase();
  try {
    const conn = db.connection;
    let t = performance.now();
    const run = await classifyTextOnly(conn, texts.map((verbatim, i) => ({ id: `r${String(i).padStart(7, '0')}`, verbatim, account: `a${i % 5000}` })));
    console.log(`${n} responses, ${run.distinctTexts} distinct texts, classified text-only in ${seconds(t)} s`);
    t = performance.now();
    let cpu = process.cpuUsage();
    await updateSentimentFeatures(conn, run.key);
    console.log(`text features (hashes + lexicon sums, kept per text): ${seconds(t)} s wall, ${cpuSeconds(cpu)} CPU-s`);
    t = performance.now();
    cpu = process.cpuUsage();
    const phase = await runCrossFitPhase(conn, { runDate: '2024-06-01', key: run.key, sentiment: run.engines[0]!, enabled: true });
    console.log(`self-training (read, count, 5 fold models, score every response, overlay): ${seconds(t)} s wall, ${cpuSeconds(cpu)} CPU-s`);
    console.log(phase.notice);
    console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    db.close();
  }
}

await main();
