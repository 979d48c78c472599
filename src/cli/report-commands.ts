/**
 * `ecoute drivers`, `ecoute report`, `ecoute dashboard`, `ecoute export` and `ecoute notebook render`:
 * read a finished run. Each action imports its module when it runs (see main.ts).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import type { ThemeLabels } from '../charts/theme-labels.ts';
import type { CallbackSettings } from '../report/callback/callback-config-schema.ts';
import { formatTable, type Output } from './print-result.ts';
import type { IoFor } from './command-io.ts';
import { parsePositiveInt, parseNonNegativeInt, parseDriversTarget, parseLang, parseExportFormat } from './parse-args.ts';
import { EcouteError, UsageError } from '../run/errors.ts';

/** --pipeline: the themes' display labels, the `callbacks:` settings and settings.dashboard of the pipeline file (none without it). */
async function fromPipeline(pipelineFile: string | undefined): Promise<{ themeLabels?: ThemeLabels; callbacks?: CallbackSettings; embedMaxVerbatims?: number }> {
  if (pipelineFile === undefined) return {};
  const [{ loadPipeline }, { themeLabelsFromTaxonomy }] = [await import('../config/load-pipeline.ts'), await import('../charts/theme-labels.ts')];
  const { pipeline } = loadPipeline(pipelineFile);
  return {
    callbacks: pipeline.callbacks, embedMaxVerbatims: pipeline.settings.dashboard.embed_max_verbatims,
    ...(pipeline.taxonomy === undefined ? {} : { themeLabels: themeLabelsFromTaxonomy(pipeline.taxonomy.themes) }),
  };
}

async function labelsFrom(pipelineFile: string | undefined): Promise<{ themeLabels?: ThemeLabels }> {
  const { themeLabels } = await fromPipeline(pipelineFile);
  return themeLabels === undefined ? {} : { themeLabels };
}

const formatFiles = (r: { files: string[] }): string => r.files.join('\n');

/** --per-owner: the key (the output folder's owner-pages.key unless --key-file) and the cells' minimum n. */
async function ownerOptions(runDir: string, keyFile: string | undefined, minN: string): Promise<{ ownerKey: Buffer; minN: number }> {
  const [{ loadOwnerKey }, { defaultOwnerKeyFile }] = [await import('../report/owners/owner-page-name.ts'), await import('../report/owners/default-owner-key-file.ts')];
  return { ownerKey: loadOwnerKey(keyFile ?? defaultOwnerKeyFile(runDir)).key, minN: parsePositiveInt('--min-n', minN) };
}

function parseNps(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new UsageError(`${flag}: expected a whole NPS score 0-10, got ${JSON.stringify(value)}`);
  return n;
}

export function addReportCommands(program: Command, _out: Output, io: IoFor): void {
  program
    .command('drivers')
    .description('print the ranked driver tables of a finished run')
    .argument('<pipeline>', 'pipeline file (reads <output.dir>/ecoute.duckdb) or a run folder')
    .option('--target <target>', 'nps | churn', 'nps')
    .option('--limit <n>', 'rows per table', '20')
    .option('--json', 'print as JSON')
    .action(async (target: string, o: { target: string; limit: string; json?: boolean }) => {
      const { driversCommand } = await import('../analyze/drivers/drivers-command.ts');
      const where = /\.ya?ml$/i.test(target) ? { pipelineFile: target } : { runDir: target };
      const result = await driversCommand({ ...where, target: parseDriversTarget(o.target), limit: parsePositiveInt('--limit', o.limit) });
      io(o).print(result, (r) =>
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
    .description('write the executive driver report (HTML and Markdown with SVG charts; PDF with --pdf) for a finished run')
    .argument('<run-dir>', 'run output folder')
    .option('--lang <lang>', 'fr | en', 'en')
    .option('--out <dir>', 'output folder (default: <run-dir>/report)')
    .option('--pipeline <file>', 'pipeline file, for the themes\' display labels')
    .option('--pdf', 'also print the report to report-<lang>.pdf with headless Chromium (needs playwright-core and a Chromium)')
    .option('--chromium <path>', 'Chromium executable for --pdf (default: $ECOUTE_CHROMIUM, then /usr/bin/chromium, chromium-browser, google-chrome)')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { lang: string; out?: string; pipeline?: string; pdf?: boolean; chromium?: string; json?: boolean }) => {
      if (o.chromium !== undefined && o.pdf !== true) throw new UsageError('--chromium: only with --pdf');
      const { buildReport } = await import('../report/executive/build-report.ts');
      const pdf = o.pdf === true ? { pdf: o.chromium !== undefined ? { chromium: o.chromium } : {} } : {};
      io(o).print(await buildReport(runDir, { lang: parseLang(o.lang), outDir: o.out ?? join(runDir, 'report'), ...(await labelsFrom(o.pipeline)), ...pdf }), formatFiles);
    });

  program
    .command('dashboard')
    .description('write the offline HTML dashboard (vega bundled, no network) for a finished run')
    .argument('<run-dir>', 'run output folder')
    .option('--out <dir>', 'output folder (default: <run-dir>/dashboard)')
    .option('--lang <lang>', 'fr | en', 'en')
    .option('--pipeline <file>', 'pipeline file, for the themes\' display labels, the call-back settings and settings.dashboard (default: those the run recorded)')
    .option('--embed-max-verbatims <n>', 'embed at most this many verbatims (default: the pipeline\'s settings.dashboard.embed_max_verbatims, else the run\'s, else 200000); a run with more is served by `ecoute serve`')
    .option('--per-owner', 'also write one dashboard per account owner (dashboard/owners/) and the administrator index')
    .option('--key-file <file>', 'secret key of the owner page names (default: owner-pages.key in the output folder; created when missing)')
    .option('--min-n <n>', 'minimum sample size of the owner pages\' cells', '30')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { out?: string; lang: string; pipeline?: string; embedMaxVerbatims?: string; perOwner?: boolean; keyFile?: string; minN: string; json?: boolean }) => {
      const { buildDashboard } = await import('../report/dashboard/build-dashboard.ts');
      const owners = o.perOwner === true ? await ownerOptions(runDir, o.keyFile, o.minN) : {};
      const embed = o.embedMaxVerbatims === undefined ? {} : { embedMaxVerbatims: parseNonNegativeInt('--embed-max-verbatims', o.embedMaxVerbatims) };
      io(o).print(await buildDashboard(runDir, { outDir: o.out ?? join(runDir, 'dashboard'), lang: parseLang(o.lang), ...(await fromPipeline(o.pipeline)), ...embed, ...owners }), formatFiles);
    });

  program
    .command('serve')
    .description('serve a run\'s dashboard and its explorer API from the run\'s database, read-only (for runs too large to embed their verbatims)')
    .argument('<run-dir>', 'run output folder (with its dashboard/)')
    .option('--host <address>', 'address to listen on; any address but 127.0.0.1 needs a token', '127.0.0.1')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--token <token>', 'every request must carry it (Authorization: Bearer, or ?token= once); default: ECOUTE_SERVE_TOKEN')
    .action(async (runDir: string, o: { host: string; port: string; token?: string }) => (await import('../serve/serve-command.ts')).serveCommand(runDir, o, (line) => _out.write(`${line}\n`)));

  program
    .command('notify')
    .description('post the run\'s new call-backs (callback-list.json) to a webhook, each once ever (a state file records what was delivered), with retries')
    .argument('<run-dir>', 'run output folder (the output folder, or one of its runs/<run-id>)')
    .requiredOption('--webhook <url>', 'http:// or https:// URL; one JSON POST per call-back: {type, pipeline, as_of, callback}')
    .option('--state <file>', 'delivered call-backs, one JSON line each (default: notified-callbacks.jsonl in the output folder)')
    .option('--retries <n>', 'retries of a call-back on a network error, a timeout, 5xx or 429', '3')
    .option('--retry-base-ms <n>', 'delay before the first retry, doubled before each next one', '500')
    .option('--timeout-ms <n>', 'give up an attempt after this long without an answer', '10000')
    .option('--with-contact-details', "add each contact's name, email and phone (restricted data, from the contacts source) to the payload as callback.contact")
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { webhook: string; state?: string; retries: string; retryBaseMs: string; timeoutMs: string; withContactDetails?: boolean; json?: boolean }) => {
      const [{ notifyCallbacks }, { formatNotify }, x] = [await import('../notify/notify-callbacks.ts'), await import('./format-misc.ts'), io(o)];
      const result = await notifyCallbacks(runDir, {
        webhook: o.webhook, retries: parseNonNegativeInt('--retries', o.retries), retryBaseMs: parseNonNegativeInt('--retry-base-ms', o.retryBaseMs),
        timeoutMs: parsePositiveInt('--timeout-ms', o.timeoutMs), log: x.log.phase, ...(o.state !== undefined ? { stateFile: o.state } : {}),
        withContactDetails: o.withContactDetails === true,
      });
      x.print(result, formatNotify);
    });

  program
    .command('export')
    .description('write the main tables of a finished run as Apache Arrow IPC files (one .arrow file per table)')
    .argument('<run-dir>', 'run output folder (holds ecoute.duckdb)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--format <format>', 'arrow (Arrow IPC file format)', 'arrow')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { out: string; format: string; json?: boolean }) => {
      parseExportFormat(o.format);
      const { exportArrowTables } = await import('../report/export-arrow.ts');
      io(o).print(await exportArrowTables(runDir, o.out), (r) => formatTable(['table', 'rows', 'file'], r.tables.map((t) => [t.table, t.rows, t.file])));
    });

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
      const [{ exportTestimonials }, { formatTestimonials, testimonialRuleMessage }] = [await import('../report/testimonials/export-testimonials.ts'), await import('./format-testimonials.ts')];
      const result = await exportTestimonials(runDir, {
        outDir: o.out, minNps: parseNps('--min-nps', o.minNps), limit: parsePositiveInt('--limit', o.limit), ...(o.lang !== undefined ? { lang: parseLang(o.lang) } : {}),
      });
      io(o).print(result, formatTestimonials);
      if (!result.rule.ok) throw new EcouteError(testimonialRuleMessage(result.rule));
    });

  program
    .command('notebook')
    .description('notebooks: Markdown with SQL and Vega-Lite blocks, run against a finished run')
    .command('render')
    .description('run a notebook\'s SQL and Vega-Lite blocks against a run; write it as HTML and Markdown')
    .argument('<file>', 'notebook, e.g. notebooks/churn-deep-dive.md')
    .requiredOption('--run <dir>', 'run output folder')
    .option('--out <dir>', 'output folder', 'out/notebooks')
    .option('--json', 'print as JSON')
    .action(async (file: string, o: { run: string; out: string; json?: boolean }) => {
      const { renderNotebook } = await import('../notebook/render-notebook.ts');
      io(o).print(await renderNotebook(file, { runDir: o.run, outDir: o.out }), formatFiles);
    });
}
