/**
 * The pure parts of the queue, without Redis: Redis addresses and the ioredis options made of them, job ids, and the check a worker's result must pass before it enters the cache.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { connectRedis, parseRedisUrl, redactRedisUrl, redisOptions, REDIS_RECONNECT_ATTEMPTS } from '../../src/classify/queue/redis-url.ts';
import { chunkJobId, classifyJobSchema, resultsFor, textHash } from '../../src/classify/queue/classify-job.ts';
import { queueMessages } from '../../src/classify/queue/queue-messages.ts';
import { resolveQueueConfig } from '../../src/classify/queue/queue-config-schema.ts';

const KEY = { engine: 'embedded', model: 'lex', revision: 'r1', taxonomy_version: '2' };
const classification = (label: 'negative' | 'positive') => ({
  language: 'en',
  sentiment: { label, polarity: label === 'negative' ? -0.5 : 0.5, confidence: 0.75 },
  mentions: [{ themeId: 'billing', clause: { text: 'the invoice', start: 0, end: 11 }, score: 0.9, source: 'keyword', evidence: 'invoice', sentiment: { label, polarity: -0.5, confidence: 0.75 } }],
});

describe('Redis addresses', () => {
  it('reads host, port, database, credentials and TLS; refuses other schemes', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6390/2')).toEqual({ host: '127.0.0.1', port: 6390, db: 2, tls: false });
    expect(parseRedisUrl('rediss://u:p%40ss@cache.example')).toEqual({ host: 'cache.example', port: 6379, username: 'u', password: 'p@ss', tls: true });
    expect(() => parseRedisUrl('http://x:1')).toThrow(queueMessages.badRedisUrl('http://x:1'));
    expect(() => parseRedisUrl('redis://x:1/abc')).toThrow(queueMessages.badRedisUrl('redis://x:1/abc'));
    expect(redactRedisUrl('redis://u:secret@h:1')).toBe('redis://u:***@h:1');
  });

  it('makes ioredis options BullMQ accepts: no per-request retry limit, lazy connect, TLS for rediss, bounded reconnection', () => {
    const opts = redisOptions('rediss://u:pw@h:7000/3');
    expect(opts).toMatchObject({ host: 'h', port: 7000, db: 3, username: 'u', password: 'pw', tls: {}, maxRetriesPerRequest: null, lazyConnect: true });
    expect(redisOptions('redis://h:1').tls).toBeUndefined();
    const retry = opts.retryStrategy!;
    expect([1, 2, 10, 11].map((n) => retry(n))).toEqual([200, 400, 2000, REDIS_RECONNECT_ATTEMPTS < 11 ? null : 2000]);
  });

  it('an unreachable server is one clear error with its cause, after a single attempt', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const started = performance.now();
    await expect(connectRedis(`redis://:secret@127.0.0.1:${port}`)).rejects.toThrow(queueMessages.unreachable(`redis://:***@127.0.0.1:${port}`, `connect ECONNREFUSED 127.0.0.1:${port}`));
    expect(performance.now() - started).toBeLessThan(REDIS_RECONNECT_ATTEMPTS * 200);
  });

  it('--queue sets the address over the pipeline\'s settings, and a bad one is a usage error', () => {
    const fromPipeline = { redis: 'redis://a:1', chunk_size: 64, in_flight: 8, timeout_seconds: 5, fallback: 'local' as const };
    expect(resolveQueueConfig(fromPipeline, 'redis://b:2')).toEqual({ ...fromPipeline, redis: 'redis://b:2' });
    expect(resolveQueueConfig(undefined, 'redis://b:2')).toEqual({ redis: 'redis://b:2', chunk_size: 256, in_flight: 64, timeout_seconds: 60, fallback: 'fail' });
    expect(resolveQueueConfig(fromPipeline, undefined)).toBe(fromPipeline);
    expect(() => resolveQueueConfig(undefined, 'localhost:6379')).toThrow(/--queue: "localhost:6379" is not a Redis address/);
  });
});

describe('jobs and results', () => {
  const texts = ['the invoice is wrong', 'great support'];
  const hashes = texts.map(textHash);

  it('hashes texts with SHA-256 and derives the job id from the cache key and the hashes', () => {
    expect(hashes[0]).toBe(createHash('sha256').update('the invoice is wrong').digest('hex'));
    expect(chunkJobId(KEY, hashes)).toBe(chunkJobId({ ...KEY }, [...hashes]));
    expect(chunkJobId(KEY, hashes)).not.toBe(chunkJobId({ ...KEY, revision: 'r2' }, hashes));
    expect(chunkJobId(KEY, hashes)).not.toBe(chunkJobId(KEY, [...hashes].reverse()));
    expect(classifyJobSchema.safeParse({ spec: 'a'.repeat(64), key: KEY, hashes, texts: texts.slice(0, 1) }).success).toBe(false);
  });

  it('accepts a result only for exactly the chunk\'s texts, in order, and keeps fields it does not name', () => {
    const good = { hashes, results: [classification('negative'), { ...classification('positive'), extra: 1 }] };
    const ok = resultsFor(hashes, good);
    expect('results' in ok && ok.results.map((r) => r.sentiment.label)).toEqual(['negative', 'positive']);
    expect('results' in ok && (ok.results[1] as unknown as { extra: number }).extra).toBe(1);
    expect(resultsFor(hashes, { hashes: [...hashes].reverse(), results: good.results })).toEqual({ problem: `result 0 is for another text (hash ${hashes[1]!.slice(0, 12)}…)` });
    expect(resultsFor(hashes, { hashes: hashes.slice(0, 1), results: good.results.slice(0, 1) })).toEqual({ problem: '1 results for 2 texts' });
    const bad = resultsFor(hashes, { hashes, results: [classification('negative'), { ...classification('positive'), sentiment: { label: 'happy', polarity: 2, confidence: 1 } }] });
    expect('problem' in bad && bad.problem).toMatch(/^results\.1\.sentiment\.label: /);
  });
});
