/**
 * Quality of the embedded sentiment engine on real public data (read-only, from ../shared/data;
 * never copied into the repository, never used by tests). Run: npx tsx bench/embedded-eval.ts
 *
 *   (a) English clothing reviews: Rating 1-2 negative, 3 neutral, 4-5 positive (3 classes)
 *   (b) English NPS verbatims: 0-6 negative, 7-8 neutral, 9-10 positive (3 classes)
 *   (c) French Allociné TV-series reviews: binary (lower-cased, tokenised text)
 *
 * Each is scored with a tiny word-count baseline, the lexicon alone, and lexicon + domain model
 * trained on a disjoint split (seeded 50/50 split for (a) and (b); Allociné's own train.tsv for (c)).
 * Binary accuracy: sign of the polarity; a polarity of exactly 0 counts as an error.
 *
 *   (d) NPS verbatims and clothing reviews, all scored rows: the cross-fitted domain model as a run uses it
 *       (5 folds; the data has no customer ids, so each response is its own fold key), out-of-fold 3-class accuracy
 *   (e) Banking77 customer messages (no sentiment gold): share of texts with a polarity of exactly 0
 *   (f) Banking77 with an intent-derived proxy gold (banking77-sentiment-proxy.ts): problem reports negative,
 *       how-to questions neutral; the domain model trains on the set's own train split, scored on its test split
 */
import { existsSync } from 'node:fs';
import type { Language, SentimentEngine, SentimentLabel } from '../src/classify/classifier-types.ts';
import { createEmbeddedSentimentEngine, sentimentLabelFromScore, trainDomainModel } from '../src/classify/embedded/index.ts';
import { selfTrainOn } from '../src/classify/embedded/sentiment-engine.ts';
import { foldedWords } from '../src/classify/embedded/fold-text.ts';
import { scoreClassification } from '../src/classify/eval/score-classification.ts';
import { createRng } from '../src/util/random.ts';
import { crossFitDomain } from '../src/classify/embedded/cross-fit-domain.ts';
import { hashTokens, summarizeLexicon } from '../src/classify/embedded/domain-features.ts';
import { proxySentiment } from './banking77-sentiment-proxy.ts';
import { DATA, lit, readRows } from './shared-data.ts';


interface Labelled {
  readonly text: string;
  readonly label: SentimentLabel;
}

function split<T>(items: readonly T[], seed: number): { train: T[]; test: T[] } {
  const rng = createRng(seed);
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const half = Math.floor(items.length / 2);
  return { train: order.slice(0, half).map((i) => items[i] as T), test: order.slice(half).map((i) => items[i] as T) };
}

/** Honest tiny baseline: counts of a few common opinion words, no negation, no weights. */
const BASE_POS = new Set('good great love excellent perfect nice happy best amazing awesome recommend easy helpful beautiful comfortable bon bonne bien excellent parfait super génial genial aime adore top merci magnifique drole meilleur'.split(' ').flatMap((w) => foldedWords(w)));
const BASE_NEG = new Set('bad poor terrible awful worst disappointed horrible waste never problem slow not mauvais nul nulle pire horrible decu decevant probleme lent pas jamais ennuyeux dommage'.split(' ').flatMap((w) => foldedWords(w)));
function baseline(text: string): number {
  let s = 0;
  for (const w of foldedWords(text)) s += BASE_POS.has(w) ? 1 : BASE_NEG.has(w) ? -1 : 0;
  return Math.sign(s);
}

const toBinary = (polarity: number): string => (polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral');
const toThree = (polarity: number): string => (polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral');

interface Row {
  dataset: string;
  method: string;
  n: number;
  accuracy: number;
  macroF1: number;
  majority: number;
  perSecond: number;
  /** recall per gold label, e.g. "negative 61 % · neutral 12 % · positive 95 %" */
  recall: string;
}

async function evaluate(dataset: string, binary: boolean, train: Labelled[], test: Labelled[], language: Language): Promise<Row[]> {
  const gold = test.map((t) => t.label);
  const texts = test.map((t) => t.text);
  const langs = test.map(() => language);
  const rows: Row[] = [];
  const add = (method: string, predicted: string[], seconds: number): void => {
    const s = scoreClassification(gold, predicted);
    const recall = s.perLabel
      .filter((l) => l.support > 0)
      .map((l) => `${l.label} ${Math.round(100 * l.recall)} %`)
      .join(' · ');
    rows.push({ dataset, method, n: s.n, accuracy: s.accuracy, macroF1: s.macroF1, majority: s.majorityAccuracy, perSecond: texts.length / Math.max(seconds, 1e-9), recall });
  };
  let t0 = performance.now();
  const base = texts.map(baseline);
  add('baseline: tiny word count (no rules)', base.map((p) => (binary ? toBinary(p) : toThree(p))), (performance.now() - t0) / 1000);
  const run = async (engine: SentimentEngine, method: string, trainingSeconds = 0): Promise<void> => {
    t0 = performance.now();
    const res = await engine.classifySentiment(texts, langs);
    const secs = (performance.now() - t0) / 1000 + trainingSeconds;
    add(method, res.map((r) => (binary ? toBinary(r.polarity) : r.label)), secs);
  };
  await run(createEmbeddedSentimentEngine(), 'embedded lexicon only');
  t0 = performance.now();
  // text only: trained on the texts being scored (no label, no score), as `ecoute classify|eval` does on its input
  const selfTrained = selfTrainOn(texts, langs);
  const selfSecs = (performance.now() - t0) / 1000;
  // its texts/s include the training: the model is trained on the very texts it labels
  await run(createEmbeddedSentimentEngine({ selfTrained }), `lexicon + self-trained, text only (${selfSecs.toFixed(1)} s)`, selfSecs);
  t0 = performance.now();
  const model = trainDomainModel(train.map((t) => t.text), train.map((t) => t.label), { languages: train.map(() => language) });
  const trainSecs = (performance.now() - t0) / 1000;
  await run(createEmbeddedSentimentEngine({ domain: model }), `lexicon + domain model (${train.length} train, ${trainSecs.toFixed(1)} s)`);
  return rows;
}

async function main(): Promise<void> {
  const clothingPath = `${DATA}/womens_clothing_reviews/Womens Clothing E-Commerce Reviews.csv`;
  const npsPath = `${DATA}/nps_verbatims_textsummary/text_data.csv`;
  const allocine = `${DATA}/allocine_tvseries_fr`;
  if (!existsSync(clothingPath)) throw new Error(`data not found under ${DATA} (set ECOUTE_SHARED_DATA)`);
  const rows: Row[] = [];

  const clothing = (await readRows(`select "Review Text" as text, "Rating" as rating from read_csv(${lit(clothingPath)}, header = true, all_varchar = true) where trim(coalesce("Review Text", '')) <> ''`)).map(
    (r) => ({ text: r.text as string, label: sentimentLabelFromScore(Number(r.rating), 'rating5') }),
  );
  const c = split(clothing, 42);
  rows.push(...(await evaluate('clothing reviews EN (3-class)', false, c.train, c.test, 'en')));

  const nps = (await readRows(`select text, NPS_SCORE as score from read_csv(${lit(npsPath)}, header = true, all_varchar = true) where NPS_SCORE is not null and trim(coalesce(text, '')) <> ''`)).map((r) => ({
    text: r.text as string,
    label: sentimentLabelFromScore(Number(r.score), 'nps'),
  }));
  const n = split(nps, 42);
  rows.push(...(await evaluate('NPS verbatims EN (3-class)', false, n.train, n.test, 'en')));

  const tsv = async (file: string): Promise<Labelled[]> =>
    (await readRows(`select column0 as label, column1 as text from read_csv(${lit(`${allocine}/${file}`)}, delim = '\t', header = false, quote = '', escape = '', all_varchar = true)`)).map((r) => ({
      text: r.text as string,
      label: r.label === '1' ? 'positive' : 'negative',
    }));
  rows.push(...(await evaluate('Allociné FR (binary)', true, await tsv('train.tsv'), await tsv('test.tsv'), 'fr')));

  const intents = await readRows(`select split, text, label from read_csv(${lit(`${DATA}/banking77_intents/banking77.csv`)}, header = true, all_varchar = true)`);
  const proxy = (part: string): Labelled[] =>
    intents.flatMap((r) => {
      const label = r.split === part ? proxySentiment(r.label as string) : undefined;
      return label === undefined ? [] : [{ text: r.text as string, label }];
    });
  rows.push(...(await evaluate('Banking77 EN, intent proxy', false, proxy('train'), proxy('test'), 'en')));

  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`.padStart(8);
  let t0 = performance.now();
  const outOfFold = (name: string, rows: readonly Labelled[]): void => {
    const start = performance.now();
    const fit = crossFitDomain(rows.map((r, i) => ({ id: String(i).padStart(6, '0'), group: String(i), textHash: String(i), hashes: hashTokens(r.text), lexicon: summarizeLexicon(r.text, 'en'), label: r.label })));
    const o = fit.set.outOfFold;
    console.log(`${name}, cross-fitted domain model (5 folds): out-of-fold 3-class accuracy ${pct(o.accuracy)} on n = ${o.n} (majority "${o.majorityLabel}" ${pct(o.majorityAccuracy)}, lexicon alone ${pct(o.lexiconAccuracy)}; ${((performance.now() - start) / 1000).toFixed(1)} s)`);
  };
  outOfFold('NPS verbatims EN', nps);
  outOfFold('clothing reviews EN', clothing);
  const banking = (await readRows(`select text from read_csv(${lit(`${DATA}/banking77_intents/banking77.csv`)}, header = true, all_varchar = true)`)).map((r) => r.text as string);
  t0 = performance.now();
  const bank = await createEmbeddedSentimentEngine().classifySentiment(banking, banking.map(() => 'en'));
  const zero = bank.filter((r) => r.polarity === 0).length;
  const neg = bank.filter((r) => r.label === 'negative').length;
  console.log(`Banking77 EN customer messages (no sentiment gold), n = ${banking.length}: polarity exactly 0 for ${pct(zero / banking.length)}, negative ${pct(neg / banking.length)} (${Math.round(banking.length / ((performance.now() - t0) / 1000))} texts/s)`);
  console.log(`${'dataset'.padEnd(30)} ${'method'.padEnd(48)} ${'n'.padStart(6)} ${'accuracy'.padStart(8)} ${'macro-F1'.padStart(8)} ${'majority'.padStart(8)} ${'texts/s'.padStart(9)}  recall by gold label`);
  for (const r of rows) {
    console.log(`${r.dataset.padEnd(30)} ${r.method.padEnd(48)} ${String(r.n).padStart(6)} ${pct(r.accuracy)} ${pct(r.macroF1)} ${pct(r.majority)} ${Math.round(r.perSecond).toString().padStart(9)}  ${r.recall}`);
  }
}

await main();
