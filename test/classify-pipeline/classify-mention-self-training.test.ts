/**
 * `ecoute classify --taxonomy` with the self-trained sentiment engine relabels its mentions with a model
 * self-trained on their clauses (self-train-command-mentions.ts), as a run does: the factual delivery
 * complaints' mentions read negative; --no-self-training keeps the lexicon's.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { classifyFile } from '../../src/classify/pipeline/classify-file.ts';
import { mentionComplaints, mentionTaxonomy, type MentionKind } from './mention-complaints.ts';

interface StoredMention {
  readonly theme_id: string;
  readonly clause_text: string;
  readonly sentiment_label: string;
}

describe('ecoute classify self-trains the sentiment of its mentions on their clauses', () => {
  const rows = mentionComplaints();
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-classify-mentions-'));
  const csv = join(dir, 'complaints.csv');
  writeFileSync(csv, `id,text\n${rows.map((r) => `${r.id},"${r.verbatim}"`).join('\n')}\n`);
  const taxonomyFile = join(dir, 'taxonomy.yaml');
  writeFileSync(taxonomyFile, stringify(mentionTaxonomy));

  const delivery = (records: readonly Record<string, unknown>[], kind: MentionKind): string[] =>
    records.flatMap((r, i) => (rows[i]!.kind === kind ? (JSON.parse(String(r.ecoute_mentions)) as StoredMention[]).filter((m) => m.theme_id === 'delivery').map((m) => m.sentiment_label) : []));

  it('reads the factual complaints negative and keeps the sure verdicts; --no-self-training keeps the lexicon', async () => {
    const self = await classifyFile({ input: csv, textColumn: 'text', taxonomyFile, quiet: true });
    const lexicon = await classifyFile({ input: csv, textColumn: 'text', taxonomyFile, quiet: true, selfTraining: false });
    const factualSelf = delivery(self.records ?? [], 'factual');
    expect(factualSelf.length).toBe(80);
    expect(factualSelf.filter((l) => l === 'negative').length).toBeGreaterThanOrEqual(72);
    expect(delivery(lexicon.records ?? [], 'factual').every((l) => l === 'neutral')).toBe(true);
    expect(delivery(self.records ?? [], 'sure').every((l) => l === 'negative')).toBe(true);
    expect(delivery(self.records ?? [], 'praise').every((l) => l === 'positive')).toBe(true);
    expect(delivery(self.records ?? [], 'lukewarm')).toEqual(Array(40).fill('positive'));
    // 700 theme clauses: the "We live in <town>" sentences mention no theme
    expect(self.notices.join('\n')).toMatch(/^mention sentiment: a sentiment model self-trained on 700 distinct clauses of this input \(no scores: the lexicon's sure verdicts as labels, 260 negative, 240 neutral without any opinion word, 160 positive; cross-fitted in 5 folds\).*; \d+ of the 700 clauses changed label$/m);
    expect(self.engines.at(-1)?.description).toContain("each mention's sentiment self-trained on the 700 distinct clauses of this input (no scores)");
    expect(lexicon.notices.join('\n')).not.toMatch(/mention sentiment/);
    // only the sentiment moved: the same mentions, in the same order, with the same clauses and themes
    const shape = (records: readonly Record<string, unknown>[]): string => JSON.stringify(records.map((r) => (JSON.parse(String(r.ecoute_mentions)) as StoredMention[]).map((m) => [m.theme_id, m.clause_text])));
    expect(shape(self.records ?? [])).toBe(shape(lexicon.records ?? []));
  }, 120_000);
});
