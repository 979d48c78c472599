/**
 * Quality of the embedded topic engines on real public data (read-only, from ../shared/data; never copied
 * into the repository, never used by tests) and on the demo company's ground truth.
 * Run: npx tsx bench/topics-eval.ts            (after `npm run demo` for the demo section)
 *
 * Each labelled set has ONE taxonomy in bench/taxonomies/<set>.yaml, written before any result was seen and
 * not tuned afterwards (banking77 and clothing also a second one by another hand, <set>-second.yaml, stop 24), with a `gold` map from the published labels to its theme ids ('none' = no theme).
 * Single-label scoring, as `ecoute eval`: a text's prediction is its strongest mention, or 'none'.
 * micro-F1 is over theme predictions (a 'none' prediction is a miss, a wrong theme is a miss and a false alarm);
 * macro-F1 is the mean F1 of the gold themes. Methods:
 *   (a) keywords    the keyword engine (classify.topics.engine: keywords): keywords, label phrases, examples
 *   (b) substring   plain case-insensitive substring match of the keywords (most hits wins)
 *   (c) model       the default embedded engine: seeds + topic model trained on the set's own texts (no labels)
 * Demo: multi-label, per theme precision and recall of "the response mentions the theme" (accepted responses
 * only), keyword engine and model engine, against demo-data/truth-text-mentions.csv (what each comment's text
 * states) and, beside it, demo-data/truth-mentions.csv (what its respondent experienced; the two differ on
 * generic praise such as "the product is great", written by respondents with an ease-of-use experience, and
 * on "the API is limited and badly documented", which also states documentation).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { openDatabase } from '../src/db/open-database.ts';
import { querySqlFile } from '../src/db/sql-file.ts';
import { selectThemeQuotes } from '../src/report/executive/theme-quotes.ts';
import { taxonomySchema, type Taxonomy } from '../src/config/taxonomy-schema.ts';
import type { TopicEngine } from '../src/classify/classifier-types.ts';
import { compileTaxonomy } from '../src/classify/embedded/compile-taxonomy.ts';
import { createEmbeddedTopicEngine, createKeywordTopicEngine } from '../src/classify/embedded/topic-engine.ts';
import { trainTopicModelOnVerbatims } from '../src/classify/embedded/train-topic-model.ts';
import { classifyVerbatims, createEmbeddedSentimentEngine } from '../src/classify/embedded/index.ts';
import { parseMentions, serializeMentions } from '../src/classify/pipeline/serialize-mentions.ts';
import { strongestTheme, NO_THEME } from '../src/classify/pipeline/topic-gold.ts';
import { scoreClassification } from '../src/classify/eval/score-classification.ts';
import { themeMicroScore } from '../src/classify/eval/theme-micro-score.ts';
import { DATA, lit, readRows } from './shared-data.ts';

const DEMO = resolve(process.env.ECOUTE_DEMO_DATA ?? 'demo-data');
const DEMO_RUN = resolve(process.env.ECOUTE_DEMO_RUN ?? 'out/demo/current');

interface BenchTaxonomy {
  readonly taxonomy: Taxonomy;
  /** published label → theme id or 'none' */
  readonly gold: ReadonlyMap<string, string>;
}

function loadBenchTaxonomy(name: string): BenchTaxonomy {
  const doc = parse(readFileSync(resolve('bench/taxonomies', `${name}.yaml`), 'utf8')) as { taxonomy: unknown; gold: Record<string, string[]> };
  const gold = new Map<string, string>();
  for (const [theme, labels] of Object.entries(doc.gold)) for (const l of labels) gold.set(l, theme);
  return { taxonomy: taxonomySchema.parse(doc.taxonomy), gold };
}

const sentiment = createEmbeddedSentimentEngine();

/**
 * Every mention of each verbatim as the product stores it: classifyVerbatims, then the mentions serialized and
 * parsed back as the classification cache keeps them (sorted by clause and theme id), so this bench scores
 * what `ecoute eval` and a run read, not the engine's in-memory order.
 */
async function mentionsOf(engine: TopicEngine, texts: readonly string[]): Promise<Array<Array<{ theme_id: string; match_score: number }>>> {
  const classified = await classifyVerbatims(texts, { sentiment, topics: engine });
  return classified.map((c) => parseMentions(serializeMentions(c.mentions)));
}

function substringBaseline(taxonomy: Taxonomy, texts: readonly string[]): string[] {
  const keys = taxonomy.themes.map((t) => [...t.keywords.en, ...t.keywords.fr].map((k) => k.replace(/\*$/, '').toLowerCase()));
  return texts.map((text) => {
    const lower = text.toLowerCase();
    let best = NO_THEME;
    let hits = 0;
    taxonomy.themes.forEach((t, i) => {
      const h = keys[i]!.filter((k) => lower.includes(k)).length;
      if (h > hits || (h === hits && h > 0 && t.id < best)) [best, hits] = [t.id, h];
    });
    return best;
  });
}

interface Row {
  readonly set: string;
  readonly method: string;
  readonly n: number;
  readonly microF1: number;
  readonly macroF1: number;
  readonly noTheme: number;
  readonly seconds: number;
}

function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const themes = scoreClassification(gold, predicted).perLabel.filter((l) => l.support > 0 && l.label !== NO_THEME);
  return themes.length === 0 ? 0 : themes.reduce((a, l) => a + l.f1, 0) / themes.length;
}

async function evaluateSet(set: string, name: string, texts: readonly string[], labels: readonly string[]): Promise<Row[]> {
  const { taxonomy, gold: map } = loadBenchTaxonomy(name);
  const gold = labels.map((l) => map.get(l) ?? NO_THEME);
  const rows: Row[] = [];
  const add = (method: string, predicted: string[], seconds: number): void => {
    rows.push({ set, method, n: texts.length, microF1: themeMicroScore(gold, predicted, NO_THEME).f1, macroF1: macroF1(gold, predicted), noTheme: predicted.filter((p) => p === NO_THEME).length / texts.length, seconds });
  };
  let t0 = performance.now();
  add('(a) keywords', (await mentionsOf(createKeywordTopicEngine(taxonomy), texts)).map(strongestTheme), (performance.now() - t0) / 1000);
  t0 = performance.now();
  add('(b) substring', substringBaseline(taxonomy, texts), (performance.now() - t0) / 1000);
  t0 = performance.now();
  const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, texts);
  const trained = (performance.now() - t0) / 1000;
  add(`(c) model (trained ${trained.toFixed(1)} s)`, (await mentionsOf(createEmbeddedTopicEngine(taxonomy, { model }), texts)).map(strongestTheme), (performance.now() - t0) / 1000);
  return rows;
}

async function demoSection(): Promise<void> {
  if (!existsSync(`${DEMO}/truth-mentions.csv`)) {
    console.log(`\ndemo: ${DEMO}/truth-mentions.csv not found (run \`npm run demo\` first)`);
    return;
  }
  const truth = JSON.parse(readFileSync(`${DEMO}/ground-truth.json`, 'utf8')) as {
    data_quality: { dirty_row_locations: Array<{ response_id: string }>; speeders: { response_ids: string[] }; straight_liners: { response_ids: string[] } };
  };
  const excluded = new Set([...truth.data_quality.dirty_row_locations.map((d) => d.response_id), ...truth.data_quality.speeders.response_ids, ...truth.data_quality.straight_liners.response_ids]);
  const rows = (await readRows(`select "Response ID" as id, "Comment" as text from read_csv(${lit(`${DEMO}/responses-*.csv`)}, header = true, all_varchar = true) where trim(coalesce("Comment", '')) <> ''`)).filter(
    (r) => r.id !== null && !excluded.has(r.id),
  );
  const goldOf = async (file: string): Promise<Set<string>> =>
    new Set((await readRows(`select response_id, theme_id from read_csv(${lit(`${DEMO}/${file}`)}, header = true, all_varchar = true)`)).map((r) => `${r.response_id}\u0001${r.theme_id}`));
  // what each comment's text states (truth-text-mentions.csv) and what its respondent experienced (truth-mentions.csv):
  // they differ only on the phrasings listed in the generator's STATED_THEMES (generic praise, a clause naming two themes)
  const golds = [['text', await goldOf('truth-text-mentions.csv')], ['experience', await goldOf('truth-mentions.csv')]] as const;
  const pipeline = parse(readFileSync('pipelines/demo.yaml', 'utf8')) as { taxonomy: unknown };
  const taxonomy = taxonomySchema.parse(pipeline.taxonomy);
  const texts = rows.map((r) => r.text as string);
  const t0 = performance.now();
  const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, texts);
  console.log(`\ndemo: ${texts.length} accepted verbatims, ${golds[0][1].size} (text) / ${golds[1][1].size} (experience) true (response, theme) pairs; model trained in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${model.stats.distinctClauses} distinct clauses`);
  console.log(`${'theme'.padEnd(24)} ${'method'.padEnd(10)} ${'truth'.padEnd(10)} ${'true'.padStart(6)} ${'found'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`);
  for (const [method, engine] of [['keywords', createKeywordTopicEngine(taxonomy)], ['model', createEmbeddedTopicEngine(taxonomy, { model })]] as const) {
    const found = await mentionsOf(engine, texts);
    for (const [truthName, gold] of golds) {
      for (const theme of taxonomy.themes) {
        let tp = 0;
        let predicted = 0;
        let actual = 0;
        rows.forEach((r, i) => {
          const p = found[i]!.some((m) => m.theme_id === theme.id);
          const g = gold.has(`${r.id}\u0001${theme.id}`);
          if (p) predicted++;
          if (g) actual++;
          if (p && g) tp++;
        });
        console.log(`${theme.id.padEnd(24)} ${method.padEnd(10)} ${truthName.padEnd(10)} ${String(actual).padStart(6)} ${String(predicted).padStart(6)} ${(tp / Math.max(1, predicted)).toFixed(3).padStart(9)} ${(tp / Math.max(1, actual)).toFixed(3).padStart(7)}`);
      }
    }
  }
  await reportQuotesSection(golds[0][1]);
}

/**
 * The report's quotes (selectThemeQuotes, as the executive report calls it, with 3 and
 * 20 per theme) checked against the text truth: is each quote's response one whose text states the theme?
 * Then the sentiment the run gave each true mention it found, against the truth's sentiment.
 * Needs the demo run (`npm run demo`) in out/demo/current (or ECOUTE_DEMO_RUN).
 */
async function reportQuotesSection(gold: ReadonlySet<string>): Promise<void> {
  const database = join(DEMO_RUN, 'ecoute.duckdb');
  if (!existsSync(database)) {
    console.log(`\nreport quotes: ${database} not found (run \`npm run demo\` first)`);
    return;
  }
  const db = await openDatabase(database, { readOnly: true });
  try {
    const asOf = (JSON.parse(readFileSync(join(DEMO_RUN, 'run-summary.json'), 'utf8')) as { asOf: string }).asOf;
    for (const perTheme of [3, 20]) {
      const quotes = await selectThemeQuotes(db.connection, asOf, perTheme);
      const off = quotes.filter((q) => !gold.has(`${String(q.response_id)}\u0001${String(q.theme_id)}`));
      console.log(`report quotes, ${perTheme} per theme (as of ${asOf}): ${quotes.length - off.length} of ${quotes.length} on their theme by the text truth`);
      for (const q of off) console.log(`  off: ${String(q.theme_id)} ← ${String(q.response_id)}`);
    }
    const pairs = await querySqlFile(db.connection, 'bench/mention-sentiment-vs-truth', { truth: join(DEMO, 'truth-text-mentions.csv') });
    const total = pairs.reduce((n, p) => n + Number(p.pairs), 0);
    const right = pairs.filter((p) => p.truth === p.found).reduce((n, p) => n + Number(p.pairs), 0);
    const cells = pairs.map((p) => `${String(p.truth)}→${String(p.found)} ${Number(p.pairs)}`).join(', ');
    console.log(`mention sentiment of the run (the label of each true pair's strongest mention) against the text truth: ${((100 * right) / Math.max(total, 1)).toFixed(1)} % of ${total} pairs (${cells})`);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) throw new Error(`data not found under ${DATA} (set ECOUTE_SHARED_DATA)`);
  const only = process.argv[2];
  const rows: Row[] = [];
  const want = (s: string): boolean => only === undefined || only === s;
  if (want('banking77')) {
    const r = await readRows(`select text, label from read_csv(${lit(`${DATA}/banking77_intents/banking77.csv`)}, header = true, all_varchar = true) where trim(coalesce(text, '')) <> ''`);
    rows.push(...(await evaluateSet('banking77 intents → 9 groups', 'banking77', r.map((x) => x.text as string), r.map((x) => x.label as string))));
    rows.push(...(await evaluateSet('banking77, second taxonomy (7)', 'banking77-second', r.map((x) => x.text as string), r.map((x) => x.label as string))));
  }
  if (want('telco')) {
    const r = await readRows(`select "Churn Reason" as text, "Churn Category" as label from read_csv(${lit(`${DATA}/ibm_telco_churn_extended/Telco_customer_churn_status.csv`)}, header = true, all_varchar = true) where trim(coalesce("Churn Reason", '')) <> ''`);
    rows.push(...(await evaluateSet('telco churn reasons', 'telco-churn-reasons', r.map((x) => x.text as string), r.map((x) => x.label as string))));
  }
  if (want('clothing')) {
    const r = await readRows(`select "Review Text" as text, "Department Name" as label from read_csv(${lit(`${DATA}/womens_clothing_reviews/Womens Clothing E-Commerce Reviews.csv`)}, header = true, all_varchar = true) where trim(coalesce("Review Text", '')) <> '' and coalesce("Department Name", '') <> ''`);
    rows.push(...(await evaluateSet('clothing reviews → departments', 'clothing-departments', r.map((x) => x.text as string), r.map((x) => x.label as string))));
    rows.push(...(await evaluateSet('clothing, second taxonomy', 'clothing-departments-second', r.map((x) => x.text as string), r.map((x) => x.label as string))));
  }
  if (want('nps')) {
    const r = await readRows(`select text, SURVEY_SUB_TYPE as label from read_csv(${lit(`${DATA}/nps_verbatims_textsummary/text_data.csv`)}, header = true, all_varchar = true) where trim(coalesce(text, '')) <> ''`);
    rows.push(...(await evaluateSet('NPS verbatims → journey stage', 'nps-journey', r.map((x) => x.text as string), r.map((x) => x.label as string))));
  }
  console.log(`${'set'.padEnd(32)} ${'method'.padEnd(30)} ${'n'.padStart(6)} ${'micro-F1'.padStart(8)} ${'macro-F1'.padStart(8)} ${'no theme'.padStart(8)} ${'seconds'.padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.set.padEnd(32)} ${r.method.padEnd(30)} ${String(r.n).padStart(6)} ${r.microF1.toFixed(3).padStart(8)} ${r.macroF1.toFixed(3).padStart(8)} ${`${(100 * r.noTheme).toFixed(0)} %`.padStart(8)} ${r.seconds.toFixed(1).padStart(7)}`);
  }
  if (only === undefined || only === 'demo') await demoSection();
}

await main();
