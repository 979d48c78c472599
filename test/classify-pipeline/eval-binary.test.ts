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

describe('gold labels with a few unreadable values', () => {
  it('skips fewer than 5 % unreadable labels and says so; refuses more', async () => {
    const { mapGoldSentiment, GoldLabelError } = await import('../../src/classify/pipeline/map-gold-labels.ts');
    const scores = Array.from({ length: 98 }, (_, i) => String(i % 11));
    const few = mapGoldSentiment([...scores, 'dix', '7-8']);
    expect(few.scheme).toBe('nps');
    expect(few.unreadable).toEqual(['dix', '7-8']);
    expect(few.labels[98]).toBeUndefined();
    expect(few.labels[9]).toBe('positive');
    expect(() => mapGoldSentiment([...scores.slice(0, 90), ...Array.from({ length: 10 }, () => 'dix')])).toThrow(GoldLabelError);
  });

  it('evalFile scores only the readable rows and counts the others as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-eval-unreadable-'));
    const csv = join(dir, 'nps.csv');
    const lines = Array.from({ length: 40 }, (_, i) => `"p ${i % 2 === 0 ? 0.5 : -0.5}",${i % 2 === 0 ? 10 : 0}`);
    writeFileSync(csv, `text,nps\n${lines.join('\n')}\n"p 0.5",dix\n`);
    const r = await evalFile({ input: csv, textColumn: 'text', labelColumn: 'nps', task: 'sentiment', quiet: true, classify: fixed });
    expect(r.rows).toBe(40);
    expect(r.skipped).toBe(1);
    expect(r.labelMapping).toContain('1 row with an unreadable label skipped ("dix")');
  });
});

describe('numeric gold labels with a few out-of-scale values', () => {
  it('keeps the scale most values fit and skips the outliers', async () => {
    const { mapGoldSentiment } = await import('../../src/classify/pipeline/map-gold-labels.ts');
    const scores = Array.from({ length: 99 }, (_, i) => String(i % 11));
    const m = mapGoldSentiment([...scores, '15']);
    expect(m.scheme).toBe('nps');
    expect(m.unreadable).toEqual(['15']);
    expect(m.labels[99]).toBeUndefined();
  });
});
