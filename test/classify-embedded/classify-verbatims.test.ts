import { describe, expect, it } from 'vitest';
import type { SentimentEngine, TopicEngine } from '../../src/classify/classifier-types.ts';
import { classifyVerbatims, cleanText, createEmbeddedSentimentEngine, createEmbeddedTopicEngine, MAX_TEXT_CHARS } from '../../src/classify/embedded/index.ts';
import { TAXONOMY } from './fixtures.ts';

const engines = { sentiment: createEmbeddedSentimentEngine(), topics: createEmbeddedTopicEngine(TAXONOMY) };

describe('classifyVerbatims', () => {
  it('gives positive product and negative support on the French mixed example', async () => {
    const text = 'le produit est bien mais le support est injoignable';
    const [r] = await classifyVerbatims([text], engines);
    expect(r?.language).toBe('fr');
    expect(r?.sentiment.label).toBe('negative');
    const byTheme = Object.fromEntries((r?.mentions ?? []).map((m) => [m.themeId, m]));
    expect(Object.keys(byTheme).sort()).toEqual(['product', 'support']);
    expect(byTheme.product?.sentiment.label).toBe('positive');
    expect(byTheme.support?.sentiment.label).toBe('negative');
    expect(text.slice(byTheme.support?.clause.start, byTheme.support?.clause.end)).toBe('mais le support est injoignable');
  });

  it('handles empty, whitespace, emoji-only and replacement-character text', async () => {
    const res = await classifyVerbatims(['', '   \n ', '😡😡😡', 'd\uFFFDcevant \uFFFD\uFFFD nul', '\uFFFD'], engines);
    expect(res[0]).toEqual({ language: 'other', sentiment: { label: 'neutral', polarity: 0, confidence: 1 }, mentions: [] });
    expect(res[1]?.mentions).toEqual([]);
    expect(res[2]?.sentiment.label).toBe('negative');
    expect(res[3]?.sentiment.label).toBe('negative');
    expect(res[4]?.sentiment.label).toBe('neutral');
  });

  it('strips HTML, decodes entities and maps clause offsets to the original text', async () => {
    const html = '<div><p>Le produit est g&eacute;nial&nbsp;!</p><script>alert("nul")</script><br/>Mais le <b>support</b> est injoignable.</div>';
    const [r] = await classifyVerbatims([html], engines);
    const support = r?.mentions.find((m) => m.themeId === 'support');
    expect(support?.clause.text).toBe('Mais le support est injoignable.');
    expect(html.slice(support?.clause.start, support?.clause.end)).toBe('Mais le <b>support</b> est injoignable.');
    const product = r?.mentions.find((m) => m.themeId === 'product');
    expect(product?.clause.text).toBe('Le produit est génial !');
    expect(product?.sentiment.label).toBe('positive');
    expect(cleanText(html)).not.toContain('alert');
  });

  it('bounds the work on a 100 kB verbatim', async () => {
    const big = 'The delivery was late and the support agent was rude. '.repeat(1900);
    expect(big.length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    const [r] = await classifyVerbatims([big], engines);
    expect(performance.now() - t0).toBeLessThan(5000); // generous: shared CI machines
    expect(r?.sentiment.label).toBe('negative');
    expect(Math.max(...(r?.mentions ?? []).map((m) => m.clause.end))).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('handles mixed-language verbatims with per-clause themes', async () => {
    const [r] = await classifyVerbatims(['Livraison rapide. But the invoice was wrong.'], engines);
    expect(r?.mentions.map((m) => m.themeId).sort()).toEqual(['billing', 'delivery']);
  });

  it('uses given languages and works with any engine pair', async () => {
    const calls: string[][] = [];
    const sentiment: SentimentEngine = {
      info: { engine: 'transformer', model: 'fake', revision: '1', description: 'fake' },
      async classifySentiment(texts) {
        calls.push([...texts]);
        return texts.map((t) => ({ label: t.includes('bad') ? 'negative' : 'positive', polarity: t.includes('bad') ? -1 : 1, confidence: 1 }));
      },
    };
    const topics: TopicEngine = {
      info: { engine: 'transformer', model: 'fake', revision: '1', description: 'fake' },
      async matchThemes(clauses) {
        return clauses.map((c) => (c.includes('support') ? [{ themeId: 'support', score: 0.7 }] : []));
      },
    };
    const [r] = await classifyVerbatims(['good product but bad support'], { sentiment, topics }, ['en']);
    expect(r?.language).toBe('en');
    expect(r?.mentions).toEqual([{ themeId: 'support', clause: { text: 'but bad support', start: 13, end: 28 }, score: 0.7, source: 'embedding', evidence: '', sentiment: { label: 'negative', polarity: -1, confidence: 1 } }]);
    expect(calls).toEqual([['good product but bad support'], ['but bad support']]);
  });
});
