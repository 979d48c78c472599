/**
 * Mention sentiment self-trained on a run's own clauses (src/classify/pipeline/self-train-clause-sentiment.ts):
 * factual delivery complaints said without an opinion word ("the parcel sat at the depot in York") share
 * their words with the complaints the lexicon is sure of, so their theme mentions read negative; the lexicon's
 * sure verdicts stand; domain adaptation off, or too few clauses, keeps the lexicon's mention sentiment.
 */
import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../src/db/open-database.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase, type ClassifyPhaseResult } from '../../src/classify/pipeline/run-classify-phase.ts';
import { loadResponses } from './fixtures.ts';
import { mentionComplaints, mentionTaxonomy, type MentionKind } from './mention-complaints.ts';

const taxonomy = mentionTaxonomy;
const responses = mentionComplaints;
type Kind = MentionKind;

async function mentions(conn: DuckDBConnection): Promise<Map<string, { theme: string; label: string; polarity: number }>> {
  const rows = (await conn.runAndReadAll('SELECT response_id, theme_id, sentiment_label, polarity FROM theme_mentions ORDER BY ALL')).getRows();
  return new Map(rows.map((r) => [String(r[0]), { theme: String(r[1]), label: String(r[2]), polarity: Number(r[3]) }]));
}

async function run(rows: ReturnType<typeof responses>, domainAdaptation = true): Promise<{ result: ClassifyPhaseResult; mentions: Awaited<ReturnType<typeof mentions>>; dump: string }> {
  const db = await openDatabase();
  try {
    await loadResponses(db.connection, rows);
    const result = await runClassifyPhase(db.connection, { config: classifyConfigSchema.parse({ domain_adaptation: domainAdaptation }), taxonomy, modelsRoot: 'models', runDate: '2024-06-01', quiet: true, discover: false });
    const dump = JSON.stringify((await db.connection.runAndReadAll('SELECT * FROM theme_mentions ORDER BY ALL')).getRowsJson());
    return { result, mentions: await mentions(db.connection), dump };
  } finally {
    db.close();
  }
}

const labelsOf = (rows: ReturnType<typeof responses>, found: Awaited<ReturnType<typeof mentions>>, kind: Kind): string[] => rows.filter((r) => r.kind === kind).map((r) => found.get(r.id)?.label ?? 'no mention');

describe("mention sentiment self-trained on a run's clauses", () => {
  it('reads factual complaints as negative, keeps the sure verdicts, and says what it learned from', async () => {
    const rows = responses();
    const { result, mentions: found } = await run(rows);
    // the lexicon finds no opinion in the factual clauses: without self-training they are neutral (next test)
    const factual = labelsOf(rows, found, 'factual');
    expect(factual.length).toBe(80);
    expect(factual.filter((l) => l === 'negative').length).toBeGreaterThanOrEqual(72);
    expect(labelsOf(rows, found, 'sure').every((l) => l === 'negative')).toBe(true);
    expect(labelsOf(rows, found, 'praise').every((l) => l === 'positive')).toBe(true);
    // a lean of the lexicon on a clause stands, though the clause says the complaints' words
    expect(labelsOf(rows, found, 'lukewarm')).toEqual(Array(40).fill('positive'));
    // questions say nothing of the delivery words: they stay neutral
    expect(labelsOf(rows, found, 'question').filter((l) => l === 'neutral').length).toBeGreaterThanOrEqual(150);
    // 700 theme clauses and the six "We live in <town>" sentences; neutral: those, the questions and the factual clauses
    expect(result.mentionSentiment?.clauses).toBe(706);
    expect(result.mentionSentiment?.pseudoLabels).toEqual([260, 246, 160]);
    expect(result.mentionSentiment?.relabelled).toBeGreaterThanOrEqual(72);
    expect(result.notices.join('\n')).toMatch(/^mention sentiment: a sentiment model self-trained on 706 distinct clauses of this run \(no scores: the lexicon's sure verdicts as labels, 260 negative, 246 neutral without any opinion word, 160 positive; cross-fitted in 5 folds\); a clause the lexicon calls neutral \(\|polarity\| < 0\.15\) takes the label of the fold model that never saw it; \d+ of the 706 clauses changed label$/m);
  }, 120_000);

  it('keeps the lexicon with domain adaptation off', async () => {
    const rows = responses();
    const { result, mentions: found } = await run(rows, false);
    expect(labelsOf(rows, found, 'factual').every((l) => l === 'neutral')).toBe(true);
    expect(result.mentionSentiment).toBeUndefined();
    expect(result.notices.join('\n')).not.toMatch(/mention sentiment/);
  }, 120_000);

  it('publishes the same theme_mentions whatever the order of the rows', async () => {
    const rows = responses();
    const a = await run(rows);
    const b = await run([...rows].reverse());
    expect(b.dump).toBe(a.dump);
  }, 120_000);

  it('keeps the lexicon and says why when the run has too few clauses', async () => {
    const rows = responses().filter((_, i) => i % 6 === 0);
    const { result, mentions: found } = await run(rows);
    expect(result.mentionSentiment).toBeUndefined();
    expect(labelsOf(rows, found, 'factual').every((l) => l === 'neutral')).toBe(true);
    // 117 theme clauses and at most six "We live in <town>" sentences
    expect(result.notices.join('\n')).toMatch(/^mention sentiment: the lexicon's, not self-trained \(1(1[7-9]|2[0-3]) distinct clauses, self-training needs 500\)$/m);
  }, 120_000);
});
