import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalFile } from '../../src/classify/pipeline/eval-file.ts';
import type { VerbatimClassification } from '../../src/classify/classifier-types.ts';

// A fixed classifier: the polarity is read from the text, the label is always "neutral".
const fixed = async (texts: readonly string[]): Promise<VerbatimClassification[]> =>
  texts.map((t) => ({ language: 'en', sentiment: { label: 'neutral', polarity: Number(t.split(' ')[1]), confidence: 0.5 }, mentions: [] }));

describe('evalFile on binary gold labels', () => {
  it('predicts by the sign of the polarity, and a polarity of 0 is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-eval-binary-'));
    const csv = join(dir, 'binary.csv');
    writeFileSync(csv, 'text,label\n"p 0.1",1\n"p -0.2",0\n"p 0.3",0\n"p 0",1\n');
    const r = await evalFile({ input: csv, textColumn: 'text', labelColumn: 'label', task: 'sentiment', quiet: true, classify: fixed });
    expect(r.labelMapping).toContain('sign of the polarity');
    // 0.1 → positive (gold positive: right), -0.2 → negative (right), 0.3 → positive (gold negative: wrong), 0 → neutral (wrong)
    expect(r.accuracy).toBeCloseTo(0.5, 10);
  });

  it('keeps three classes when the gold labels have a neutral', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-eval-3class-'));
    const csv = join(dir, 'three.csv');
    writeFileSync(csv, 'text,label\n"p 0.1",neutral\n"p -0.2",negative\n');
    const r = await evalFile({ input: csv, textColumn: 'text', labelColumn: 'label', task: 'sentiment', quiet: true, classify: fixed });
    expect(r.accuracy).toBeCloseTo(0.5, 10);
  });
});
