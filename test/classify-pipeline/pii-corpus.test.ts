/**
 * Recall of the PII redaction per kind on the corpus of test/classify-pipeline/pii-corpus.ts (goal ≥ 99 %
 * per kind), false positives on PII-free sentences full of numbers, and the DuckDB macro `redact_pii`
 * giving exactly the output of `redactPii` on every sentence of both corpora.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { redactPii } from '../../src/classify/pii/redact-pii.ts';
import { isIbanValid, isLuhnValid, isNirValid, type PiiKind } from '../../src/classify/pii/pii-patterns.ts';
import { piiCorpus, piiFreeCorpus, type PiiCase } from './pii-corpus.ts';
import { openRedactionDatabase, sqlRedact } from './sql-redact.ts';

const KINDS: readonly PiiKind[] = ['email', 'phone', 'iban', 'card', 'nir'];
const CORPUS = piiCorpus();
const CLEAN = piiFreeCorpus();

function recallTable(corpus: readonly PiiCase[], outputs: ReadonlyArray<string | null>): Map<PiiKind, { n: number; hit: number; misses: string[] }> {
  const table = new Map<PiiKind, { n: number; hit: number; misses: string[] }>(KINDS.map((k) => [k, { n: 0, hit: 0, misses: [] }]));
  corpus.forEach((c, i) => {
    const row = table.get(c.kind)!;
    row.n += 1;
    if (outputs[i] === c.expected) row.hit += 1;
    else row.misses.push(`${JSON.stringify(c.sentence)} -> ${JSON.stringify(outputs[i])}`);
  });
  return table;
}

function printTable(engine: string, table: ReadonlyMap<PiiKind, { n: number; hit: number; misses: string[] }>, falsePositives: number): void {
  const lines = [...table].map(([kind, r]) => `  ${kind.padEnd(6)} ${String(r.hit).padStart(4)} / ${String(r.n).padStart(4)}  ${((100 * r.hit) / r.n).toFixed(1)} %`);
  console.log(`PII recall (${engine}), ${CORPUS.length} strings:\n${lines.join('\n')}\n  false positives: ${falsePositives} of ${CLEAN.length} PII-free sentences with numbers`);
  for (const [kind, r] of table) for (const m of r.misses) console.log(`  missed ${kind}: ${m}`);
}

describe('PII corpus', () => {
  it('holds at least 300 PII strings of every promised kind, each with a valid checksum where it has one', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    for (const k of KINDS) expect(CORPUS.filter((c) => c.kind === k).length).toBeGreaterThanOrEqual(20);
    for (const c of CORPUS) {
      if (c.kind === 'iban') expect(isIbanValid(c.pii), c.pii).toBe(true);
      if (c.kind === 'card') expect(isLuhnValid(c.pii), c.pii).toBe(true);
      if (c.kind === 'nir') expect(isNirValid(c.pii), c.pii).toBe(true);
    }
    // the spacings people use: no-break and narrow no-break spaces, dots, dashes
    for (const ch of ['\u00A0', '\u202F', '.', '-']) for (const k of ['phone', 'iban', 'card', 'nir'] as const) {
      expect(CORPUS.some((c) => c.kind === k && c.pii.includes(ch)), `${k} with ${JSON.stringify(ch)}`).toBe(true);
    }
  });

  it('redactPii: recall ≥ 99 % per kind, no false positive', () => {
    const outputs = CORPUS.map((c) => redactPii(c.sentence));
    const table = recallTable(CORPUS, outputs);
    const falsePositives = CLEAN.filter((s) => redactPii(s) !== s);
    printTable('TypeScript', table, falsePositives.length);
    for (const s of falsePositives) console.log(`  false positive: ${JSON.stringify(s)} -> ${JSON.stringify(redactPii(s))}`);
    for (const [kind, r] of table) expect(r.hit / r.n, kind).toBeGreaterThanOrEqual(0.99);
    expect(falsePositives).toEqual([]);
  });

  describe('redact_pii DuckDB macro', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openRedactionDatabase();
    });
    afterAll(() => db.close());

    it('gives exactly the TypeScript output on every sentence of both corpora', async () => {
      const texts = [...CORPUS.map((c) => c.sentence), ...CLEAN];
      const sqlOut = await sqlRedact(db, texts);
      const tsOut = texts.map(redactPii);
      const differ = texts.flatMap((t, i) => (sqlOut[i] === tsOut[i] ? [] : [`${JSON.stringify(t)}: sql ${JSON.stringify(sqlOut[i])} ts ${JSON.stringify(tsOut[i])}`]));
      expect(differ).toEqual([]);
      const table = recallTable(CORPUS, sqlOut.slice(0, CORPUS.length));
      const falsePositives = CLEAN.filter((s, i) => sqlOut[CORPUS.length + i] !== s).length;
      printTable('DuckDB', table, falsePositives);
      for (const [kind, r] of table) expect(r.hit / r.n, kind).toBeGreaterThanOrEqual(0.99);
    });
  });
});
