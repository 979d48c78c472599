/**
 * settings.dashboard.embed_max_verbatims through a real (small) run: past it the published dashboard has no
 * verbatims.js and run-summary.json says the explorer is served, with the count and the threshold; at or under
 * it (the default, 200,000) the verbatims are embedded. Either way the run writes explorer_rows (the explorer's
 * texts redacted and folded) into its database, and `ecoute serve` answers from it. A bad value is refused with
 * its path; `ecoute dashboard --embed-max-verbatims N` sets it for one build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';
import { main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';
import { DEFAULT_EMBED_MAX_VERBATIMS } from '../../src/config/pipeline-schema.ts';
import { serveRun } from '../../src/serve/serve-run.ts';
import { createFixture, queryOut, responsesCsv, type Fixture } from '../ingest/helpers.ts';

const quiet: Output = { write: () => undefined };
let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
  fx.write('responses.csv', responsesCsv([
    ['R1', 'C1', 'A1', '2024-06-01 10:00:00', '3', '"Très DÉÇU, écrivez à jean.dupont@example.fr"'],
    ['R2', 'C2', 'A2', '2024-06-02 10:00:00', '9', 'Great support'],
    ['R3', 'C3', 'A3', '2024-06-03 10:00:00', '7', 'Facture fausse'],
    ['R4', 'C4', 'A4', '2024-06-04 10:00:00', '8', ''],
  ]));
});
afterEach(() => fx.cleanup());

const summaryOf = (outDir: string): { dashboard: unknown; visuals: { explorer: unknown } } =>
  JSON.parse(readFileSync(join(outDir, 'run-summary.json'), 'utf8')) as { dashboard: unknown; visuals: { explorer: unknown } };

describe('settings.dashboard.embed_max_verbatims', () => {
  it('past it, the run embeds no verbatims and says the explorer is served; explorer_rows holds the redacted, folded texts', async () => {
    fx.pipeline({ settings: { dashboard: { embed_max_verbatims: 2 } } });
    const { outDir } = await fx.run();
    expect(existsSync(join(outDir, 'dashboard', 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'dashboard', 'verbatims.js'))).toBe(false);
    const summary = summaryOf(outDir);
    expect(summary.dashboard).toEqual({ embed_max_verbatims: 2 });
    expect(summary.visuals.explorer).toEqual({ mode: 'served', verbatims: 3, embed_max_verbatims: 2 });
    const rows = await queryOut(outDir, 'SELECT response_id, text, folded FROM explorer_rows ORDER BY response_id');
    expect(rows).toEqual([
      { response_id: 'R1', text: 'Très DÉÇU, écrivez à [email]', folded: 'tres decu, ecrivez a [email]' },
      { response_id: 'R2', text: 'Great support', folded: 'great support' },
      { response_id: 'R3', text: 'Facture fausse', folded: 'facture fausse' },
    ]);
    const server = await serveRun(outDir, { port: 0 });
    try {
      expect(server.explorer.source).toBe('table');
      const page = await server.explorer.page(new URLSearchParams('q=decu'));
      expect([page.n, page.rows[0]!.id, page.rows[0]!.text]).toEqual([1, 'R1', 'Très DÉÇU, écrivez à [email]']);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('by default (200,000), the run embeds its verbatims', async () => {
    fx.pipeline();
    const { outDir } = await fx.run();
    expect(existsSync(join(outDir, 'dashboard', 'verbatims.js'))).toBe(true);
    const summary = summaryOf(outDir);
    expect(summary.dashboard).toEqual({ embed_max_verbatims: DEFAULT_EMBED_MAX_VERBATIMS });
    expect(summary.visuals.explorer).toEqual({ mode: 'embedded', verbatims: 3, embed_max_verbatims: 200_000 });
    expect(await queryOut(outDir, 'SELECT count(*)::INTEGER AS n FROM explorer_rows')).toEqual([{ n: 3 }]);

    // `ecoute dashboard --embed-max-verbatims` over a run folder: below the count, served; a bad value, a usage error
    const out = join(fx.dir, 'cli-dash');
    expect(await main(['node', 'ecoute', 'dashboard', outDir, '--embed-max-verbatims', '2', '--out', out], quiet, () => undefined)).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'verbatims.js'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('"served":{"mode":"served","n":3,"max":2');
    let errors = '';
    expect(await main(['node', 'ecoute', 'dashboard', outDir, '--embed-max-verbatims', '-1', '--out', out], quiet, (t) => { errors += t; })).toBe(2);
    expect(errors).toMatch(/--embed-max-verbatims/);
  }, 120_000);

  it('refuses a value that is not a whole number, 0 or more, naming its path', () => {
    for (const value of ['-1', '1.5', 'many']) {
      const { problems } = parsePipelineText(`name: x\nsources:\n  responses:\n    path: r.csv\n    columns: { response_id: id, submitted_at: at }\nsettings:\n  dashboard:\n    embed_max_verbatims: ${value}\n`);
      expect(problems.map((p) => p.path), value).toEqual(['settings.dashboard.embed_max_verbatims']);
    }
  });
});
