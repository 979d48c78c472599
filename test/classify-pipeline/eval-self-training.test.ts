import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalFile } from '../../src/classify/pipeline/eval-file.ts';
import { classifyFile } from '../../src/classify/pipeline/classify-file.ts';
import { formatEval } from '../../src/cli/format-verbatim.ts';
import { deliveryComplaints } from '../classify-embedded/delivery-complaints.ts';

const csvOf = (rows: readonly (readonly [string, string])[]): string => `text,label\n${rows.map(([t, l]) => `"${t}",${l}`).join('\n')}\n`;

describe('ecoute eval / classify self-train the embedded sentiment engine on their input (no score read)', () => {
  const { sure, factual, questions } = deliveryComplaints(5);
  const rows: (readonly [string, string])[] = [
    ...sure.map((t) => [t, /terrible|awful|horrible|appalling/.test(t) ? 'negative' : 'positive'] as const),
    ...questions.map((t) => [t, 'neutral'] as const),
    ...factual.map((t) => [t, 'negative'] as const),
  ];

  it('scores factual complaints right that the lexicon alone leaves neutral, and says which engine did it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-eval-self-'));
    const csv = join(dir, 'complaints.csv');
    writeFileSync(csv, csvOf(rows));
    const self = await evalFile({ input: csv, textColumn: 'text', labelColumn: 'label', task: 'sentiment', quiet: true });
    const lexicon = await evalFile({ input: csv, textColumn: 'text', labelColumn: 'label', task: 'sentiment', quiet: true, selfTraining: false });
    // the lexicon alone gets every row but the 80 factual complaints
    expect(lexicon.accuracy).toBeCloseTo((rows.length - factual.length) / rows.length, 10);
    expect(self.accuracy).toBeGreaterThanOrEqual((rows.length - 0.1 * factual.length - 0.1 * questions.length) / rows.length);
    expect(self.engines[0]?.model).toBe('ecoute-embedded-lexicon+self');
    expect(self.engines[0]?.description).toContain(`self-trained on ${rows.length} distinct texts of this input`);
    expect(self.notices).toContain(`sentiment: the embedded engine self-trained on the ${rows.length} distinct texts of this input (see engine); --no-self-training for the lexicon alone`);
    expect(lexicon.engines[0]?.model).toBe('ecoute-embedded-lexicon');
    // the baseline beside the figure: what --no-self-training gives, from the verdicts the model recorded
    expect(self.lexiconAccuracy).toBeCloseTo(lexicon.accuracy, 12);
    expect(lexicon.lexiconAccuracy).toBeUndefined();
    const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
    expect(formatEval(self)).toContain(`accuracy ${pct(self.accuracy)} (majority class ${pct(self.majorityAccuracy)}, lexicon alone ${pct(lexicon.accuracy)})`);
    expect(lexicon.notices.join(' ')).not.toContain('self-trained');
  }, 60_000);

  it('is deterministic: the same file twice gives byte-identical output, and the rows in another order the same label per text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-classify-self-det-'));
    const csv = join(dir, 'complaints.csv');
    const reversed = join(dir, 'reversed.csv');
    writeFileSync(csv, csvOf(rows));
    writeFileSync(reversed, csvOf([...rows].reverse()));
    const outputs = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl'), join(dir, 'r.jsonl')] as const;
    await classifyFile({ input: csv, textColumn: 'text', out: outputs[0], quiet: true });
    await classifyFile({ input: csv, textColumn: 'text', out: outputs[1], quiet: true });
    await classifyFile({ input: reversed, textColumn: 'text', out: outputs[2], quiet: true });
    expect(readFileSync(outputs[1])).toEqual(readFileSync(outputs[0]));
    const labels = (file: string): Map<string, string> =>
      new Map(readFileSync(file, 'utf8').trim().split('\n').map((line) => {
        const row = JSON.parse(line) as { text: string; ecoute_sentiment: string };
        return [row.text, row.ecoute_sentiment];
      }));
    const forward = labels(outputs[0]);
    expect(forward.size).toBe(rows.length);
    expect(labels(outputs[2])).toEqual(forward);
  }, 60_000);

  it('keeps the lexicon alone on a small input and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-classify-self-small-'));
    const csv = join(dir, 'small.csv');
    writeFileSync(csv, csvOf(rows.slice(0, 40)));
    const r = await classifyFile({ input: csv, textColumn: 'text', quiet: true });
    expect(r.engines[0]?.model).toBe('ecoute-embedded-lexicon');
    expect(r.notices).toContain('sentiment: the lexicon alone, no self-trained model (40 distinct texts, self-training needs 500)');
  }, 60_000);
});
