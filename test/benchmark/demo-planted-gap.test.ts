/**
 * The demo's planted benchmark gap is recovered: a small generator run (scale 0.05: 288 panel answers per
 * brand) through the real ingest and benchmark phase finds Northwind Cloud ahead of our brand (negative gap)
 * and names support — the planted attribute of benchmark-ground-truth.json — as the attribute with
 * the most negative contribution, its interval clear of zero; the brands without a planted lead on the
 * attributes that weigh show no clear support contribution.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { createFixture, csvText, queryOut, type Fixture } from '../ingest/helpers.ts';

interface Truth { own_brand: string; planted_gap: { competitor: string; attribute: string } }

describe('planted demo benchmark gap', () => {
  let fx: Fixture;
  let out: string;
  let truth: Truth;
  beforeAll(async () => {
    fx = createFixture();
    await generateDemo({ outDir: join(fx.dir, 'demo-data'), seed: 7, scale: 0.05 });
    truth = JSON.parse(readFileSync(join(fx.dir, 'demo-data', 'benchmark-ground-truth.json'), 'utf8')) as Truth;
    const demo = parse(readFileSync(new URL('../../pipelines/demo.yaml', import.meta.url), 'utf8')) as { sources: { benchmark: Record<string, unknown> } };
    fx.write('responses.csv', csvText([['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], ['R1', 'C1', 'A1', '2026-03-01', '9', 'ok']]));
    fx.pipeline({ sources: { benchmark: { ...demo.sources.benchmark, path: 'demo-data/benchmark.csv' } } });
    out = (await fx.run('out', '2026-11-01')).nightDir;
  }, 180_000);
  afterAll(() => fx?.cleanup());

  it('finds the competitor ahead and the planted attribute', async () => {
    const gap = (await queryOut(out, "SELECT * FROM benchmark_gaps WHERE period = 'all' AND segment = 'all' AND competitor = $c", { c: truth.planted_gap.competitor }))[0]!;
    expect(gap.own_brand).toBe(truth.own_brand);
    expect(Number(gap.gap)).toBeLessThan(0); // at 288 answers a brand, the interval of a ~10-point gap may still touch 0
    const attrs = await queryOut(out, 'SELECT * FROM benchmark_attribute_gaps WHERE competitor = $c ORDER BY contribution', { c: truth.planted_gap.competitor });
    expect(attrs[0]!.attribute).toBe(truth.planted_gap.attribute);
    expect(Number(attrs[0]!.contribution_ci_high)).toBeLessThan(0);
    const others = await queryOut(out, "SELECT competitor, clear, contribution FROM benchmark_attribute_gaps WHERE attribute = $a AND competitor <> $c", { a: truth.planted_gap.attribute, c: truth.planted_gap.competitor });
    expect(others.length).toBe(2);
    for (const o of others) expect(o.clear).toBe(false);
    console.log(`planted gap: ${truth.planted_gap.competitor} gap ${Number(gap.gap).toFixed(1)} [${Number(gap.ci_low).toFixed(1)}, ${Number(gap.ci_high).toFixed(1)}] n ${String(gap.n_own)}/${String(gap.n_competitor)}; ${String(attrs[0]!.attribute)} contribution ${Number(attrs[0]!.contribution).toFixed(1)} [${Number(attrs[0]!.contribution_ci_low).toFixed(1)}, ${Number(attrs[0]!.contribution_ci_high).toFixed(1)}]`);
  });
});
