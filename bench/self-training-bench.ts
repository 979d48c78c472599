/**
 * A run's text-only sentiment adaptation at scale: N generated responses (FR/EN, embedded-bench's generator),
 * none scored, classified text-only; then the cross-fit phase, which finds too few scored verbatims and
 * self-trains on the run's distinct texts (self-trained-sentiment.ts). Prints the time to compute the text
 * features (shared with the domain model, kept per text from night to night) apart from the self-training
 * itself (distinct texts read in chunks, counted, fold models built, every response scored, overlay written),
 * wall clock and CPU, and the peak RSS. Then the mention sentiment of a run (self-train-clause-sentiment.ts):
 * the same responses classified with the demo taxonomy, the clause step timed on its own (distinct clauses read,
 * hashed, counted, fold models built, every clause scored, clause_sentiment written).
 * With CLAUSES_FROM=clothing the clause step runs on the clothing reviews of ../shared/data instead (real
 * reviews, far more distinct clauses than the generator's), repeated up to the count.
 * Run: npx tsx bench/self-training-bench.ts [count, default 100000]
 */
import { openDatabase } from '../src/db/open-database.ts';
import { runCrossFitPhase } from '../src/classify/pipeline/cross-fit-phase.ts';
import { updateSentimentFeatures } from '../src/classify/pipeline/sentiment-features-store.ts';
import { runClassifyPhase } from '../src/classify/pipeline/run-classify-phase.ts';
import { cacheKeyParams } from '../src/classify/pipeline/cache-key.ts';
import { selfTrainClauseSentiment } from '../src/classify/pipeline/self-train-clause-sentiment.ts';
import { loadPipeline } from '../src/config/load-pipeline.ts';
import { classifyTextOnly, loadResponses } from '../test/classify-pipeline/fixtures.ts';
import { generateVerbatims } from './embedded-bench.ts';
import { DATA, lit, readRows } from './shared-data.ts';

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
  } finally {
    db.close();
  }
  await clauseStep(n, texts);
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

async function clauseStep(n: number, generated: readonly string[]): Promise<void> {
  let texts = generated;
  if (process.env.CLAUSES_FROM === 'clothing') {
    const reviews = (await readRows(`select "Review Text" as text from read_csv(${lit(`${DATA}/womens_clothing_reviews/Womens Clothing E-Commerce Reviews.csv`)}, header = true, all_varchar = true) where trim(coalesce("Review Text", '')) <> ''`)).map((r) => r.text as string);
    texts = Array.from({ length: n }, (_, i) => reviews[i % reviews.length] as string);
  }
  const pipeline = loadPipeline('pipelines/demo.yaml').pipeline;
  const db = await openDatabase();
  try {
    const conn = db.connection;
    await loadResponses(conn, texts.map((verbatim, i) => ({ id: `r${String(i).padStart(7, '0')}`, verbatim, account: `a${i % 5000}` })));
    let t = performance.now();
    // domain adaptation off: the run keeps the lexicon's mention sentiment, and the clause step is timed below on its own
    const run = await runClassifyPhase(conn, { config: { ...pipeline.classify, domain_adaptation: false }, taxonomy: pipeline.taxonomy, modelsRoot: 'models', runDate: '2024-06-01', quiet: true, discover: false });
    console.log(`\n${process.env.CLAUSES_FROM === 'clothing' ? 'clothing reviews' : 'the same responses'}, ${run.distinctTexts} distinct texts, classified with the demo taxonomy in ${seconds(t)} s`);
    t = performance.now();
    const cpu = process.cpuUsage();
    const r = await selfTrainClauseSentiment(conn, { sql: 'classify/select-sentiment-clauses', params: cacheKeyParams(run.key), of: 'this run' });
    console.log(`mention sentiment self-training (distinct clauses read, hashed, 5 fold models, every clause scored, written): ${seconds(t)} s wall, ${cpuSeconds(cpu)} CPU-s`);
    console.log(r.notice);
  } finally {
    db.close();
  }
}

await main();
