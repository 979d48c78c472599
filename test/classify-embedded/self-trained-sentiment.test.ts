import { describe, expect, it } from 'vitest';
import { createEmbeddedSentimentEngine, selfTrainOn } from '../../src/classify/embedded/sentiment-engine.ts';
import { CONFIDENT, lexiconOfPolarity, MIN_TEXTS, SelfTrainingError, selfTrainedScore, selfTrainedVerdict, textItem, trainSelfTrainedSentiment } from '../../src/classify/embedded/self-trained-sentiment.ts';
import { summarizeLexicon } from '../../src/classify/embedded/domain-features.ts';
import { createRng } from '../../src/util/random.ts';
import { deliveryComplaints as dataset } from './delivery-complaints.ts';

const labelsOf = async (texts: readonly string[], engine: ReturnType<typeof createEmbeddedSentimentEngine>): Promise<string[]> =>
  (await engine.classifySentiment(texts, texts.map(() => 'en'))).map((r) => r.label);

describe('self-trained sentiment (text only, no score)', () => {
  const { sure, factual, questions } = dataset(11);
  const all = [...sure, ...questions, ...factual];

  it('the generated texts are what they claim: the lexicon is sure of the opinions and finds nothing in the rest', () => {
    for (const t of sure) expect(Math.abs(summarizeLexicon(t, 'en').polarity), t).toBeGreaterThanOrEqual(CONFIDENT);
    for (const t of [...factual, ...questions]) expect(summarizeLexicon(t, 'en').hits, t).toBe(0);
  });

  it('reads factual complaints as negative from the words sure complaints share, and leaves questions neutral', async () => {
    const model = selfTrainOn(all, all.map(() => 'en'));
    expect(model.texts).toBe(all.length);
    expect(model.pseudoLabels).toEqual([260, 240, 160]);
    const lexiconOnly = await labelsOf(factual, createEmbeddedSentimentEngine());
    expect(lexiconOnly.every((l) => l === 'neutral')).toBe(true);
    const engine = createEmbeddedSentimentEngine({ selfTrained: model });
    const factualLabels = await labelsOf(factual, engine);
    expect(factualLabels.filter((l) => l === 'negative').length).toBeGreaterThanOrEqual(0.9 * factual.length);
    const questionLabels = await labelsOf(questions, engine);
    expect(questionLabels.filter((l) => l === 'neutral').length).toBeGreaterThanOrEqual(0.9 * questions.length);
    // the lexicon's sure verdicts stand
    expect(await labelsOf(sure, engine)).toEqual(await labelsOf(sure, createEmbeddedSentimentEngine()));
  });

  it('labels only the texts it was trained on: a clause or an unseen text keeps the lexicon verdict', async () => {
    const model = selfTrainOn(all, all.map(() => 'en'));
    const unseen = 'the parcel sat at the depot in Leeds, order 9999';
    expect(selfTrainedVerdict(model, unseen, 'en').label).toBe('neutral');
    expect((await labelsOf([unseen], createEmbeddedSentimentEngine({ selfTrained: model })))[0]).toBe('neutral');
  });

  it('scores each text with the fold model that never saw it: its own pseudo-label changes nothing', () => {
    // a factual text is pseudo-labelled neutral (no opinion word): trained with or without it, its fold model is the same
    const target = factual[0] as string;
    const withTarget = selfTrainOn(all, all.map(() => 'en'));
    const rest = all.filter((t) => t !== target);
    const without = selfTrainOn(rest, rest.map(() => 'en'));
    const item = textItem(target, 'en');
    expect(selfTrainedScore(withTarget, item)).toEqual(selfTrainedScore(without, item));
    expect(selfTrainedScore(withTarget, item).label).toBe('negative');
  });

  it('keeps the lexicon verdict of a text none of whose words its fold model has seen (a phrase said only there)', () => {
    // its own fold never counts it, so every one of its words is unknown to the model that reads it
    const stock = 'nada mas zilch';
    const withStock = [...all, stock];
    const model = selfTrainOn(withStock, withStock.map(() => 'en'));
    expect(summarizeLexicon(stock, 'en').hits).toBe(0);
    expect(selfTrainedVerdict(model, stock, 'en')).toEqual({ label: 'neutral', polarity: 0, confidence: 0.6 });
  });

  it('is deterministic: the same texts in another order give the same model and verdicts', async () => {
    const a = selfTrainOn(all, all.map(() => 'en'));
    const rng = createRng(3);
    const shuffled = [...all];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    const b = selfTrainOn(shuffled, shuffled.map(() => 'en'));
    expect(b.fingerprint).toBe(a.fingerprint);
    const ea = createEmbeddedSentimentEngine({ selfTrained: a });
    const eb = createEmbeddedSentimentEngine({ selfTrained: b });
    expect(await eb.classifySentiment(all, all.map(() => 'en'))).toEqual(await ea.classifySentiment(all, all.map(() => 'en')));
    expect(ea.info.model).toBe('ecoute-embedded-lexicon+self');
    expect(ea.info.revision).toBe(eb.info.revision);
    expect(ea.info.description).toContain(`self-trained on ${all.length} distinct texts of this input`);
  });

  it('reads a clause known by its polarity alone: exactly 0 only when the lexicon found no evidence', () => {
    // a run caches each clause's polarity, not its hit count (self-train-clause-sentiment.ts relies on this)
    const cases: Array<[string, 'en' | 'fr' | undefined, 'none' | 'some']> = [
      ['the parcel sat at the depot in York', 'en', 'none'],
      ['is the courier any good?', 'en', 'none'], // praise in a question scores nothing (irrealis)
      ['could the parcel be any better?', 'en', 'none'],
      ['nothing special', 'en', 'none'],
      ['le colis est resté au dépôt de Lyon pendant une semaine', 'fr', 'none'],
      ['great product but terrible support', 'en', 'some'], // praise and criticism that cancel lean negative
      ['bien mais cher', 'fr', 'some'],
      ['not bad', 'en', 'some'],
      ['it was fine', 'en', 'some'],
      ['pas terrible', 'fr', 'some'],
      ['👍', undefined, 'some'],
    ];
    for (const [text, language, evidence] of cases) {
      const lex = summarizeLexicon(text, language);
      expect({ text, hits: lex.hits > 0 ? 'some' : 'none' }).toEqual({ text, hits: evidence });
      expect({ text, hits: lexiconOfPolarity(lex.polarity).hits }).toEqual({ text, hits: lex.hits > 0 ? 1 : 0 });
    }
  });

  it('refuses too few texts, and a dataset the lexicon is sure of in one class only', () => {
    expect(() => trainSelfTrainedSentiment(all.slice(0, MIN_TEXTS - 1).map((text) => ({ text, language: 'en' })))).toThrow(
      new SelfTrainingError(`${MIN_TEXTS - 1} distinct texts, self-training needs ${MIN_TEXTS}`),
    );
    const oneSided = Array.from({ length: 600 }, (_, i) => ({ text: `terrible delay number ${i}`, language: 'en' as const }));
    expect(() => trainSelfTrainedSentiment(oneSided)).toThrow(/sure of too few texts to learn from \(600 negative, 0 neutral, 0 positive/);
  });

  it('a domain model, when given, wins over the self-trained one', async () => {
    const model = selfTrainOn(all, all.map(() => 'en'));
    const { trainDomainModel } = await import('../../src/classify/embedded/domain-model.ts');
    const domain = trainDomainModel(['great', 'awful', 'great stuff', 'awful stuff'], ['positive', 'negative', 'positive', 'negative']);
    expect(createEmbeddedSentimentEngine({ domain, selfTrained: model }).info.model).toBe('ecoute-embedded-lexicon+domain');
  });
});
