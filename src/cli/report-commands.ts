/**
 * `ecoute drivers`, `ecoute report`, `ecoute dashboard` and `ecoute notebook render`: read a finished run.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { driversCommand } from '../analyze/drivers/drivers-command.ts';
import { buildReport } from '../report/executive/build-report.ts';
import { buildDashboard } from '../report/dashboard/build-dashboard.ts';
import { renderNotebook } from '../notebook/render-notebook.ts';
import { loadPipeline } from '../config/load-pipeline.ts';
import { themeLabelsFromTaxonomy, type ThemeLabels } from '../charts/theme-labels.ts';
import { printResult, formatTable, type Output } from './print-result.ts';
import { parsePositiveInt, parseDriversTarget, parseLang } from './parse-args.ts';
import { loadOwnerKey } from '../report/owners/owner-page-name.ts';
import { defaultOwnerKeyFile } from '../report/owners/default-owner-key-file.ts';
import { exportTestimonials } from '../report/testimonials/export-testimonials.ts';
import { formatTestimonials, testimonialRuleMessage } from './format-testimonials.ts';
import { EcouteError, UsageError } from '../run/errors.ts';

function labelsFrom(pipelineFile: string | undefined): { themeLabels?: ThemeLabels } {
  if (pipelineFile === undefined) return {};
  const { pipeline } = loadPipeline(pipelineFile);
  return pipeline.taxonomy === undefined ? {} : { themeLabels: themeLabelsFromTaxonomy(pipeline.taxonomy.themes) };
}

const formatFiles = (r: { files: string[] }): string => r.files.join('\n');

function parseNps(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new UsageError(`${flag}: expected a whole NPS score 0-10, got ${JSON.stringify(value)}`);
  return n;
}

export function addReportCommands(program: Command, out: Output): void {
  program
    .command('drivers')
    .description('print the ranked driver tables of a finished run')
    .argument('<pipeline>', 'pipeline file (reads <output.dir>/ecoute.duckdb) or a run folder')
    .option('--target <target>', 'nps | churn', 'nps')
    .option('--limit <n>', 'rows per table', '20')
    .option('--json', 'print as JSON')
    .action(async (target: string, o: { target: string; limit: string; json?: boolean }) => {
      const where = /\.ya?ml$/i.test(target) ? { pipelineFile: target } : { runDir: target };
      const result = await driversCommand({ ...where, target: parseDriversTarget(o.target), limit: parsePositiveInt('--limit', o.limit) });
      printResult(out, result, o.json === true, (r) =>
        r.tables
          .map((t) => {
            const cols = t.rows.length > 0 ? Object.keys(t.rows[0] ?? {}) : [];
            const cell = (v: unknown): string | number | null => (typeof v === 'number' ? Number(v.toPrecision(4)) : v === null || v === undefined ? null : String(v));
            return `${t.title}\n${cols.length === 0 ? '(no rows)' : formatTable(cols, t.rows.map((row) => cols.map((c) => cell(row[c]))))}`;
          })
          .join('\n\n'),
      );
    });

  program
    .command('report')
    .description('write the executive driver report (HTML and Markdown with SVG charts) for a finished run')
    .argument('<run-dir>', 'run output folder')
    .option('--lang <lang>', 'fr | en', 'en')
    .option('--out <dir>', 'output folder (default: <run-dir>/report)')
    .option('--pipeline <file>', 'pipeline file, for the themes\' display labels')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { lang: string; out?: string; pipeline?: string; json?: boolean }) =>
      printResult(out, await buildReport(runDir, { lang: parseLang(o.lang), outDir: o.out ?? join(runDir, 'report'), ...labelsFrom(o.pipeline) }), o.json === true, formatFiles),
    );

  program
    .command('dashboard')
    .description('write the offline HTML dashboard (vega bundled, no network) for a finished run')
    .argument('<run-dir>', 'run output folder')
    .option('--out <dir>', 'output folder (default: <run-dir>/dashboard)')
    .option('--lang <lang>', 'fr | en', 'en')
    .option('--pipeline <file>', 'pipeline file, for the themes\' display labels')
    .option('--per-owner', 'also write one dashboard per account owner (dashboard/owners/) and the administrator index')
    .option('--key-file <file>', 'secret key of the owner page names (default: owner-pages.key in the output folder; created when missing)')
    .option('--min-n <n>', 'minimum sample size of the owner pages\' cells', '30')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { out?: string; lang: string; pipeline?: string; perOwner?: boolean; keyFile?: string; minN: string; json?: boolean }) =>
      printResult(out, await buildDashboard(runDir, {
        outDir: o.out ?? join(runDir, 'dashboard'), lang: parseLang(o.lang), ...labelsFrom(o.pipeline),
        ...(o.perOwner === true ? { ownerKey: loadOwnerKey(o.keyFile ?? defaultOwnerKeyFile(runDir)).key, minN: parsePositiveInt('--min-n', o.minN) } : {}),
      }), o.json === true, formatFiles),
    );

  program
    .command('testimonials')
    .description('export consented promoter verbatims (PII-redacted) for review, and check the 20 % negative-testimonial rule')
    .argument('<run-dir>', 'run output folder')
    .option('--lang <lang>', 'fr | en: only testimonials in that language')
    .option('--min-nps <n>', 'lowest NPS of a testimonial', '9')
    .option('--limit <n>', 'testimonials a page shows (the rule is checked on them)', '12')
    .option('--out <dir>', 'output folder', 'testimonials')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { lang?: string; minNps: string; limit: string; out: string; json?: boolean }) => {
      const result = await exportTestimonials(runDir, {
        outDir: o.out, minNps: parseNps('--min-nps', o.minNps), limit: parsePositiveInt('--limit', o.limit), ...(o.lang !== undefined ? { lang: parseLang(o.lang) } : {}),
      });
      printResult(out, result, o.json === true, formatTestimonials);
      if (!result.rule.ok) throw new EcouteError(testimonialRuleMessage(result.rule));
    });

  program
    .command('notebook')
    .description('notebooks: Markdown with SQL and Vega-Lite blocks, run against a finished run')
    .command('render')
    .argument('<file>', 'notebook, e.g. notebooks/churn-deep-dive.md')
    .requiredOption('--run <dir>', 'run output folder')
    .option('--out <dir>', 'output folder', 'out/notebooks')
    .option('--json', 'print as JSON')
    .action(async (file: string, o: { run: string; out: string; json?: boolean }) =>
      printResult(out, await renderNotebook(file, { runDir: o.run, outDir: o.out }), o.json === true, formatFiles),
    );
}
