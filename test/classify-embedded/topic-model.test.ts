import { describe, expect, it } from 'vitest';
import { taxonomySchema, type Taxonomy } from '../../src/config/taxonomy-schema.ts';
import { compileTaxonomy } from '../../src/classify/embedded/compile-taxonomy.ts';
import { createEmbeddedTopicEngine, createKeywordTopicEngine } from '../../src/classify/embedded/topic-engine.ts';
import { trainTopicModel, trainTopicModelOnVerbatims, TopicModelError } from '../../src/classify/embedded/train-topic-model.ts';
import { parseMentions, serializeMentions } from '../../src/classify/pipeline/serialize-mentions.ts';
import { strongestTheme } from '../../src/classify/pipeline/topic-gold.ts';
import { TIE_STEP } from '../../src/classify/embedded/clause-themes.ts';
import { classifyVerbatims, createEmbeddedSentimentEngine } from '../../src/classify/embedded/index.ts';
import { createRng, type Rng } from '../../src/util/random.ts';

const themesOf = async (taxonomy: Taxonomy, clause: string): Promise<string[]> =>
  ((await createKeywordTopicEngine(taxonomy).matchThemes([clause], ['en']))[0] ?? []).map((m) => m.themeId);

describe('phrase matching', () => {
  // three multi-word labels share the common word "customer"; no keywords, no examples
  const shared = taxonomySchema.parse({
    themes: [
      { id: 'service', labels: { en: 'Customer service' } },
      { id: 'success', labels: { en: 'Customer success' } },
      { id: 'data', labels: { en: 'Customer data' } },
      { id: 'waits', labels: { en: 'Waiting time' }, keywords: { en: ['on hold', 'queue'] } },
    ],
  });

  it('never half-matches a multi-word label by a shared common word', async () => {
    expect(await themesOf(shared, 'the customer was not happy')).toEqual([]);
    expect(await themesOf(shared, 'customer called twice about it')).toEqual([]);
    expect(await themesOf(shared, 'a service we use for data')).toEqual([]);
  });

  it('matches a label as a phrase, inflected, and only that label', async () => {
    expect(await themesOf(shared, 'Customer Service never called back')).toEqual(['service']);
    expect(await themesOf(shared, 'our customer data was lost')).toEqual(['data']);
    expect(await themesOf(shared, 'the waiting time is long')).toEqual(['waits']);
  });

  it('matches a multi-word keyword only as a whole phrase', async () => {
    expect(await themesOf(shared, 'I was put on hold for an hour')).toEqual(['waits']);
    expect(await themesOf(shared, 'hold on, I was on the phone')).toEqual([]);
  });
});

describe('provenance', () => {
  const taxonomy = taxonomySchema.parse({
    themes: [
      { id: 'billing', labels: { en: 'Billing errors' }, keywords: { en: ['invoic*'] }, examples: ['we were charged twice for one order'] },
      { id: 'delivery', labels: { en: 'Delivery' }, keywords: { en: ['parcel'] } },
    ],
  });

  it('says what matched each mention: keyword (as written), label or example', async () => {
    const [kw, label, example] = await createKeywordTopicEngine(taxonomy).matchThemes(
      ['the invoices are wrong', 'so many billing errors', 'they charged us twice for the same order'],
      ['en', 'en', 'en'],
    );
    expect(kw).toEqual([{ themeId: 'billing', score: 0.9, source: 'keyword', evidence: 'invoic*' }]);
    expect(label).toEqual([{ themeId: 'billing', score: 0.85, source: 'label', evidence: 'Billing errors' }]);
    expect(example?.[0]).toMatchObject({ themeId: 'billing', source: 'example', evidence: 'we were charged twice for one order' });
  });

  it('stores the provenance with each mention (match_source, match_evidence)', async () => {
    const [r] = await classifyVerbatims(['The parcel came late.'], { sentiment: createEmbeddedSentimentEngine(), topics: createKeywordTopicEngine(taxonomy) }, ['en']);
    expect(JSON.parse(serializeMentions(r!.mentions))).toEqual([
      { theme_id: 'delivery', clause_text: 'The parcel came late.', clause_start: 0, clause_end: 21, match_score: 0.9, match_source: 'keyword', match_evidence: 'parcel', sentiment_label: r!.mentions[0]!.sentiment.label, polarity: Math.round(r!.mentions[0]!.sentiment.polarity * 1e6) / 1e6 },
    ]);
  });
});

// A generated support-desk dataset: 'delays' is NEVER written with its keywords ("delay", "late"); only its
// label ("Waiting time", which nobody writes either) and two example phrases seed it. Other themes are
// written with their keywords most of the time. The model must learn delays from the examples and the
// company the clauses keep.
const GEN_TAXONOMY = taxonomySchema.parse({
  themes: [
    { id: 'delays', labels: { en: 'Waiting time' }, keywords: { en: ['delay*', 'late'] }, examples: ['we waited two hours and nobody came', 'still waiting for the technician after three hours'] },
    { id: 'billing', labels: { en: 'Billing' }, keywords: { en: ['invoice*', 'bill'] }, examples: ['the invoice was wrong'] },
    { id: 'staff', labels: { en: 'Staff attitude' }, keywords: { en: ['rude', 'staff'] }, examples: ['the agent was rude to me'] },
  ],
});

const pick = <T,>(rng: Rng, items: readonly T[]): T => rng.pick(items);

function delayClause(rng: Rng): string {
  const n = pick(rng, ['two', 'three', 'four', 'five', 'six']);
  const unit = pick(rng, ['hours', 'days', 'weeks']);
  return pick(rng, [
    `we waited ${n} ${unit} and nobody came`,
    `still waiting for the technician after ${n} ${unit}`,
    `the technician never came, we waited ${n} ${unit}`,
    `nobody came for ${n} ${unit}`,
    `waited all day at home and nobody turned up`,
    `${n} ${unit} waiting for someone to come`,
    `the technician did not turn up after ${n} ${unit} of waiting`,
  ]);
}

function otherClause(rng: Rng): { text: string; theme: string } {
  const r = rng.next();
  if (r < 0.3) return { theme: 'billing', text: pick(rng, ['the invoice was wrong again', 'my bill doubled this month', 'an invoice for a service I cancelled', 'charged twice on my bill', 'the bill has an extra fee']) };
  if (r < 0.6) return { theme: 'staff', text: pick(rng, ['the staff were rude', 'a rude agent hung up on me', 'staff in the shop ignored us', 'the agent was rude and unhelpful', 'staff were rude on the phone']) };
  return { theme: 'none', text: pick(rng, ['thanks for nothing', 'I have been a customer for ten years', 'my husband set it up', 'overall it is fine', 'I moved house in March', 'please call me back']) };
}

function generate(seed: number, count: number): Array<{ text: string; theme: string }> {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => (rng.chance(0.3) ? { text: delayClause(rng), theme: 'delays' } : otherClause(rng)));
}

describe('topic model', () => {
  const data = generate(5, 1500);
  const texts = data.map((d) => d.text);

  it('recovers a theme expressed only without its keywords (recall ≥ 0.8, precision ≥ 0.9)', async () => {
    const tax = compileTaxonomy(GEN_TAXONOMY);
    const keywordOnly = (await createKeywordTopicEngine(GEN_TAXONOMY).matchThemes(texts, texts.map(() => 'en'))).map((m) => m.some((x) => x.themeId === 'delays'));
    const model = trainTopicModelOnVerbatims(tax, GEN_TAXONOMY, texts, texts.map(() => 'en'));
    const found = await createEmbeddedTopicEngine(GEN_TAXONOMY, { model }).matchThemes(texts, texts.map(() => 'en'));
    const predicted = found.map((m) => m.some((x) => x.themeId === 'delays'));
    const truth = data.map((d) => d.theme === 'delays');
    const tp = predicted.filter((p, i) => p && truth[i]).length;
    const recall = tp / truth.filter(Boolean).length;
    const precision = tp / predicted.filter(Boolean).length;
    const keywordRecall = keywordOnly.filter((p, i) => p && truth[i]).length / truth.filter(Boolean).length;
    // measured at the time of writing (n = 455 delay clauses of 1,500): the keyword engine (its examples'
    // similarity) recalls 0.71; the model recalls 0.85 with precision 1.00
    expect(keywordRecall).toBeLessThan(0.75);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(keywordRecall + 0.1);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    // what the model found says so
    const modelOnly = found.flat().filter((m) => m.source === 'model');
    expect(modelOnly.length).toBeGreaterThan(0);
    expect(modelOnly.every((m) => m.evidence === '' && m.score >= 0.5 && m.score <= 0.6)).toBe(true);
    // and it does not invent themes for the off-topic clauses
    const offTopic = found.filter((_, i) => data[i]!.theme === 'none').flat();
    expect(offTopic.length).toBeLessThanOrEqual(0.1 * data.filter((d) => d.theme === 'none').length);
  });

  it('is deterministic: same clauses in any order → same model and byte-identical mentions', async () => {
    const tax = compileTaxonomy(GEN_TAXONOMY);
    const clauses = texts.map((text) => ({ text, language: 'en' as const }));
    const a = trainTopicModel(tax, GEN_TAXONOMY, clauses);
    const b = trainTopicModel(tax, GEN_TAXONOMY, [...clauses].reverse());
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(Buffer.from(b.softmax.weights.buffer).equals(Buffer.from(a.softmax.weights.buffer))).toBe(true);
    const sentiment = createEmbeddedSentimentEngine();
    const run = async (m: typeof a): Promise<string> =>
      (await classifyVerbatims(texts.slice(0, 300), { sentiment, topics: createEmbeddedTopicEngine(GEN_TAXONOMY, { model: m }) })).map((r) => serializeMentions(r.mentions)).join('\n');
    expect(await run(b)).toBe(await run(a));
    // counts are part of the training data: one more occurrence, or a new clause, changes the model
    expect(trainTopicModel(tax, GEN_TAXONOMY, [...clauses, clauses[0]!]).fingerprint).not.toBe(a.fingerprint);
    const other = trainTopicModel(tax, GEN_TAXONOMY, [...clauses, { text: 'the invoice came with a new fee', language: 'en' }]);
    expect(other.fingerprint).not.toBe(a.fingerprint);
    expect(createEmbeddedTopicEngine(GEN_TAXONOMY, { model: other }).info.revision).not.toBe(createEmbeddedTopicEngine(GEN_TAXONOMY, { model: a }).info.revision);
  });

  it('orders seeds of several themes at the same score by the model, not by their ids', async () => {
    const model = trainTopicModelOnVerbatims(compileTaxonomy(GEN_TAXONOMY), GEN_TAXONOMY, texts, texts.map(() => 'en'));
    // "bill" (billing) and "staff" (staff) each match once; the rest of the clause reads like the staff clauses
    const clause = 'staff at the bill desk hung up on me and ignored us';
    const [seedsOnly] = await createKeywordTopicEngine(GEN_TAXONOMY).matchThemes([clause], ['en']);
    const [withModel] = await createEmbeddedTopicEngine(GEN_TAXONOMY, { model }).matchThemes([clause], ['en']);
    expect(seedsOnly?.map((m) => m.themeId)).toEqual(['billing', 'staff']); // same score: the ids' order
    expect(withModel?.map((m) => m.themeId)).toEqual(['staff', 'billing']);
    // the order is in the scores, so it survives storage (serialized mentions are sorted by clause, then theme id)
    expect(withModel?.[0]?.score).toBe(seedsOnly !== undefined ? 0.6 + 0.4 * (seedsOnly[0]?.score ?? 0) : NaN);
    expect(withModel?.[1]?.score).toBeCloseTo((withModel?.[0]?.score ?? 0) - TIE_STEP, 10);
    const [stored] = await classifyVerbatims([clause], { sentiment: createEmbeddedSentimentEngine(), topics: createEmbeddedTopicEngine(GEN_TAXONOMY, { model }) });
    const parsed = parseMentions(serializeMentions(stored?.mentions ?? []));
    expect(parsed.map((m) => m.theme_id)).toEqual(['billing', 'staff']);
    expect(strongestTheme(parsed)).toBe('staff');
  });

  it('never gives a model mention to a theme no clause or example supports', async () => {
    const withGhost = taxonomySchema.parse({ themes: [...GEN_TAXONOMY.themes, { id: 'ghost', labels: { en: 'Quantum entanglement' }, keywords: { en: ['zzyzx'] } }] });
    const odd = [...texts, 'rarewordone rarewordtwo rarewordthree rarewordfour', 'glorp vlinder snarf quibble'];
    const model = trainTopicModelOnVerbatims(compileTaxonomy(withGhost), withGhost, odd, odd.map(() => 'en'));
    expect(model.stats.seedsPerTheme.ghost).toBe(0);
    const found = (await createEmbeddedTopicEngine(withGhost, { model }).matchThemes(odd, odd.map(() => 'en'))).flat();
    expect(found.filter((m) => m.themeId === 'ghost')).toEqual([]);
    expect(found.some((m) => m.source === 'model')).toBe(true);
  });

  it('refuses to train on too few seed matches, and the engine then keeps to its seeds', () => {
    const tax = compileTaxonomy(GEN_TAXONOMY);
    expect(() => trainTopicModel(tax, GEN_TAXONOMY, [{ text: 'the invoice was wrong', language: 'en' }])).toThrow(TopicModelError);
    expect(createEmbeddedTopicEngine(GEN_TAXONOMY).info.model).toBe(createKeywordTopicEngine(GEN_TAXONOMY).info.model);
  });
});
