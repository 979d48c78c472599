import { describe, it, expect } from 'vitest';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { toConfigProblems } from '../../src/config/format-zod-issues.ts';

describe('classifyConfigSchema', () => {
  it('defaults everything to the embedded engine', () => {
    const c = classifyConfigSchema.parse(undefined);
    expect(c.sentiment).toEqual({ engine: 'embedded' });
    expect(c.topics).toEqual({ engine: 'embedded' });
    expect(c.domain_adaptation).toBe(true);
    expect(c.batch_size).toBe(256);
    expect(classifyConfigSchema.parse({})).toEqual(c);
  });

  it('takes a transformer model with fallback defaulting to fail', () => {
    const c = classifyConfigSchema.parse({ sentiment: { engine: 'transformer', model: 'xlm-sentiment' } });
    expect(c.sentiment).toEqual({ engine: 'transformer', model: 'xlm-sentiment', fallback: 'fail' });
    const d = classifyConfigSchema.parse({ topics: { engine: 'transformer', model: 'nli/mini', fallback: 'embedded' } });
    expect(d.topics).toEqual({ engine: 'transformer', model: 'nli/mini', fallback: 'embedded' });
  });

  it('reports every problem with its path', () => {
    const r = classifyConfigSchema.safeParse({
      sentiment: { engine: 'transformer' },
      topics: { engine: 'transformer', model: '../outside' },
      language: { engine: 'transformer' },
      batch_size: 0,
      extra: 1,
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const paths = toConfigProblems(r.error).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['sentiment.model', 'topics.model', 'language.engine', 'batch_size']));
    expect(toConfigProblems(r.error).some((p) => p.message.includes('extra'))).toBe(true);
  });

  it('rejects absolute model paths and unknown engines', () => {
    expect(classifyConfigSchema.safeParse({ sentiment: { engine: 'transformer', model: '/etc' } }).success).toBe(false);
    expect(classifyConfigSchema.safeParse({ sentiment: { engine: 'gpt' } }).success).toBe(false);
  });
});
