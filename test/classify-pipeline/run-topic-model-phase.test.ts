/**
 * The per-run topic model of a pipeline run (run-topic-model-phase.ts) against an independent computation:
 * the topic model trained on the run's distinct verbatims (trainTopicModelOnVerbatims, as the classify
 * command does) and applied by createEmbeddedTopicEngine through classifyVerbatims. The run trains on the
 * clause features it cached per text; both must give the same model (fingerprint) and the same mentions.
 */
import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase } from '../../src/classify/pipeline/run-classify-phase.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { classifyVerbatims, createEmbeddedSentimentEngine, createEmbeddedTopicEngine, EMBEDDED_TOPIC_MODEL, KEYWORD_TOPIC_MODEL } from '../../src/classify/embedded/index.ts';
import { compileTaxonomy } from '../../src/classify/embedded/compile-taxonomy.ts';
import { trainTopicModelOnVerbatims } from '../../src/classify/embedded/train-topic-model.ts';
import { toStoredMention } from '../../src/classify/pipeline/serialize-mentions.ts';
import { createRng, type Rng } from '../../src/util/random.ts';
import { loadResponses } from './fixtures.ts';

const taxonomy = taxonomySchema.parse({
  version: '3',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['delivery', 'parcel'], fr: ['livraison', 'colis'] }, examples: ['the courier never came to my door'] },
    { id: 'billing', labels: { en: 'Billing', fr: 'Facturation' }, keywords: { en: ['invoice', 'refund'], fr: ['facture', 'remboursement'] } },
  ],
});

// seeded clauses teach the model the other words of a theme ("courier", "tracking", "charged twice"),
// which then find the clauses said without a keyword
const SEEDED = [
  { heads: ['the parcel', 'my delivery', 'le colis', 'the parcel delivery'], tails: ['was lost by the courier, no tracking', 'never came, the courier lied about tracking', 'courier late, tracking introuvable', 'stuck, tracking page shows nothing'] },
  { heads: ['the invoice', 'the refund', 'la facture', 'my last invoice'], tails: ['charged me twice this month', 'is wrong, charged twice again', 'prélevé deux fois sans explication', 'shows a fee charged twice'] },
];
const UNSEEDED = ['the courier lost the tracking again', 'charged twice this month', 'suivi introuvable depuis une semaine', 'great people, friendly staff', 'the app is slow', 'ok'];

function seeded(rng: Rng, i: number): string {
  const theme = rng.pick(SEEDED);
  return `${rng.pick(theme.heads)} ${rng.pick(theme.tails)}. ${rng.pick(UNSEEDED)} (#${i % 150})`;
}

function rows(n: number): Array<{ id: string; verbatim: string; nps: number; account: string }> {
  const rng = createRng(21);
  return Array.from({ length: n }, (_, i) => ({
    id: `r${String(i).padStart(4, '0')}`,
    verbatim: rng.chance(0.2) ? rng.pick(UNSEEDED) : seeded(rng, i),
    nps: rng.int(11),
    account: `a${rng.int(40)}`,
  }));
}

async function mentionRows(conn: DuckDBConnection): Promise<unknown[]> {
  return (await conn.runAndReadAll('SELECT response_id, theme_id, clause_text, clause_start, clause_end, match_score, match_source, match_evidence, sentiment_label, polarity, model FROM theme_mentions ORDER BY ALL')).getRowObjectsJson();
}

describe('the topic model of a pipeline run, trained on cached clause features', () => {
  it('equals the model trained on the verbatims and its mentions equal classifyVerbatims with it', async () => {
    const data = rows(400);
    const db = await openDatabase();
    try {
      await loadResponses(db.connection, data);
      const r = await runClassifyPhase(db.connection, { config: classifyConfigSchema.parse({ domain_adaptation: false }), taxonomy, modelsRoot: 'models', runDate: '2024-06-01', discover: false, quiet: true });

      // independent: distinct verbatims with their counts, sorted as the classify command reads them
      const counts = new Map<string, number>();
      for (const d of data) counts.set(d.verbatim, (counts.get(d.verbatim) ?? 0) + 1);
      const texts = [...counts.keys()].sort();
      const model = trainTopicModelOnVerbatims(compileTaxonomy(taxonomy), taxonomy, texts, undefined, texts.map((t) => counts.get(t)!));
      expect(r.topicModel?.fingerprint).toBe(model.fingerprint);
      expect(r.topicModel?.stats).toEqual(model.stats);
      expect(r.notices).toContain(`topics: embedded topic model ${model.fingerprint} trained on ${model.stats.distinctClauses} distinct clauses of ${texts.length} distinct texts (${model.stats.seeded} seed-matched, ${model.stats.selfLabelled} self-labelled)`);
      expect(r.engines.find((e) => e.model === EMBEDDED_TOPIC_MODEL)?.description).toContain(`fingerprint ${model.fingerprint}`);
      // the cache key does not depend on the model
      expect(r.key.revision).not.toContain(model.fingerprint);

      const classified = await classifyVerbatims(texts, { sentiment: createEmbeddedSentimentEngine(), topics: createEmbeddedTopicEngine(taxonomy, { model }) });
      const byText = new Map(texts.map((t, i) => [t, classified[i]!]));
      const expected = data.flatMap((d) =>
        byText.get(d.verbatim)!.mentions.map((m) => {
          const s = toStoredMention(m);
          return { response_id: d.id, theme_id: s.theme_id, clause_text: s.clause_text, clause_start: s.clause_start, clause_end: s.clause_end, match_score: s.match_score, match_source: s.match_source, match_evidence: s.match_evidence, sentiment_label: s.sentiment_label, polarity: s.polarity, model: EMBEDDED_TOPIC_MODEL };
        }),
      );
      const got = await mentionRows(db.connection);
      expect(got.length).toBe(expected.length);
      expect(got).toEqual(expect.arrayContaining(expected));
      // the model found themes said without a keyword
      expect(got.some((m) => (m as { match_source: string }).match_source === 'model')).toBe(true);
      expect(r.mentionRows).toBe(expected.length);
    } finally {
      db.close();
    }
  }, 120_000);

  it('keeps to the seeds when too few clauses match one, and says so', async () => {
    const db = await openDatabase();
    try {
      await loadResponses(db.connection, [
        { id: 'r1', verbatim: 'the parcel was late', nps: 3 },
        { id: 'r2', verbatim: 'friendly staff', nps: 9 },
      ]);
      const r = await runClassifyPhase(db.connection, { config: classifyConfigSchema.parse({ domain_adaptation: false }), taxonomy, modelsRoot: 'models', runDate: '2024-06-01', discover: false, quiet: true });
      expect(r.topicModel).toBeUndefined();
      expect(r.notices).toContain('topics: no topic model, themes come from keyword, label and example matches only (1 distinct clauses match a keyword, label or example (needs 10))');
      expect(await mentionRows(db.connection)).toEqual([
        { response_id: 'r1', theme_id: 'delivery', clause_text: 'the parcel was late', clause_start: 0, clause_end: 19, match_score: 0.9, match_source: 'keyword', match_evidence: 'parcel', sentiment_label: 'negative', polarity: expect.any(Number), model: KEYWORD_TOPIC_MODEL },
      ]);
    } finally {
      db.close();
    }
  }, 60_000);
});
