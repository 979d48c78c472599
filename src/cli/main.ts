/**
 * The `ecoute` command line. Each action is one line: parse, call one src/ function, print.
 * Exit codes: 0 ok, 1 error, 2 usage, 3 a quality gate failed (settings.gates; nothing published).
 *
 * Every command's module is imported inside its action (`await import(...)`), so `ecoute --help`
 * loads commander and this file's few small helpers, not DuckDB or the transformer engine.
 * Conventions: results on stdout (a table, or JSON with --json: the format never depends on a
 * terminal); a timestamped line per phase on stderr (--quiet: errors only, --verbose: details);
 * with --json an error is JSON on stdout too (describe-error.ts).
 */
import { Command, Option } from 'commander';
import { UsageError } from '../run/errors.ts';
import { ecouteVersion } from '../run/versions.ts';
import { stdoutOutput, type Output } from './print-result.ts';
import { parseAsOf, parseErasureTarget, parsePositiveInt, parseSeed, todayUtc } from './parse-args.ts';
import { DEFAULT_SAMPLE_ROWS } from '../validate/sample-rows.ts';
import { addVerbatimCommands } from './verbatim-commands.ts';
import { addReportCommands } from './report-commands.ts';
import { createCliLog, parseLogLevel } from './cli-log.ts';
import { createCommandIo, type IoFor } from './command-io.ts';
import { describeError, errorJson } from './describe-error.ts';

interface JsonFlag {
  json?: boolean;
}

/** `jsonErrors`: commander's own usage messages are not printed (main() prints them as the JSON error). */
export function buildProgram(out: Output, err: (text: string) => void, now: () => Date = () => new Date(), jsonErrors = false): Command {
  const program = new Command('ecoute')
    .description('CX analytics pipeline: surveys, CRM and revenue in DuckDB; verbatims; drivers; dashboards')
    .addOption(new Option('--quiet', 'print nothing but errors (no log lines on stderr, no table on stdout; --json still prints its JSON)').conflicts('verbose'))
    .addOption(new Option('--verbose', 'more log lines: counts per source, engines, notices, and the stack of an unexpected error'))
    .addHelpText('after', '\nOutput: results on stdout (a table, or JSON with --json); one timestamped log line per phase on stderr.\nWith --json an error is JSON on stdout too: {"error": {"code", "message", "file", "path"}}.\nExit codes: 0 ok, 1 error (or validate found a source that would lose too many rows), 2 usage,\n3 a quality gate failed (settings.gates): nothing published, the run kept in <out>/failed/<as-of>/')
    .version(ecouteVersion())
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.write(t), writeErr: err, outputError: (t, write) => (jsonErrors ? undefined : write(t)) });
  const io: IoFor = (o) => createCommandIo(out, createCliLog(parseLogLevel(program.opts<{ quiet?: boolean; verbose?: boolean }>()), err, now), o.json === true);

  program
    .command('run')
    .description('run a pipeline: load, validate, check the quality gates (exit 3 when one fails), compute metrics, write outputs')
    .argument('<pipeline>', 'pipeline file, e.g. pipelines/demo.yaml')
    .option('--out <dir>', 'output folder (default: the pipeline output.dir)')
    .option('--as-of <date>', 'run date YYYY-MM-DD (default: today, UTC)')
    .option('--models <dir>', 'folder of transformer model directories', 'models')
    .option('--wait', 'wait for a run that holds the output folder instead of failing at once')
    .option('--queue <url>', 'classify on `ecoute worker` processes through this Redis (sets classify.queue.redis)')
    .option('--json', 'print the run summary as JSON')
    .action(async (pipeline: string, o: JsonFlag & { out?: string; asOf?: string; models: string; wait?: boolean; queue?: string }) => {
      const [{ runPipelineBounded }, { formatRun }, x] = [await import('../run/run-in-worker.ts'), await import('./format-run.ts'), io(o)];
      x.print(
        await runPipelineBounded({
          pipelineFile: pipeline, outDir: o.out, asOf: parseAsOf(o.asOf ?? todayUtc()), modelsRoot: o.models, wait: o.wait === true, log: x.log.phase, detail: x.log.detail, quiet: x.silent,
          ...(o.queue !== undefined ? { queue: o.queue } : {}),
        }),
        formatRun,
      );
    });

  program
    .command('demo')
    .description('generate the synthetic demo company (deterministic from the seed)')
    .option('--out <dir>', 'output folder', 'demo-data')
    .option('--seed <n>', 'random seed', '42')
    .option('--json', 'print the summary as JSON')
    .action(async (o: JsonFlag & { out: string; seed: string }) => {
      const [{ generateDemo }, { formatDemo }] = [await import('../demo/generate-demo.ts'), await import('./format-misc.ts')];
      io(o).print(await generateDemo({ outDir: o.out, seed: parseSeed(o.seed) }), formatDemo);
    });

  program
    .command('validate')
    .description('check a pipeline, its source files, and a sample of rows through the run\'s checks and gates (exit 1 when a gate fails)')
    .argument('<pipeline>', 'pipeline file')
    .option('--sample <rows>', 'rows read from the head of each file', String(DEFAULT_SAMPLE_ROWS))
    .option('--as-of <date>', 'run date YYYY-MM-DD for the future-date check (default: today, UTC)')
    .option('--json', 'print the result as JSON')
    .action(async (pipeline: string, o: JsonFlag & { sample: string; asOf?: string }) => {
      const [{ validatePipeline }, { formatValidate }] = [await import('../validate/check-sources.ts'), await import('./format-misc.ts')];
      const result = await validatePipeline(pipeline, { sampleRows: parsePositiveInt('--sample', o.sample), asOf: parseAsOf(o.asOf ?? todayUtc()) });
      io(o).print(result, formatValidate);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('history')
    .description('the run log of an output folder: every run, published, failed or gated, newest last')
    .argument('<pipeline>', 'pipeline file (its output.dir) or an output folder')
    .option('--limit <n>', 'last n runs', '30')
    .option('--json', 'print as JSON')
    .action(async (target: string, o: JsonFlag & { limit: string }) => {
      const [{ historyCommand }, { formatHistory }] = [await import('../publish/history-command.ts'), await import('./format-history.ts')];
      io(o).print(historyCommand(target, { limit: parsePositiveInt('--limit', o.limit) }), formatHistory);
    });

  program
    .command('worker')
    .description('classify verbatims for runs that use classify.queue or --queue (Redis, BullMQ); runs until SIGINT/SIGTERM')
    .requiredOption('--redis <url>', 'Redis address, e.g. redis://10.0.0.5:6379')
    .option('--concurrency <n>', 'chunks processed at the same time', '1')
    .option('--models <dir>', 'folder of transformer model directories', 'models')
    .option('--lock-duration-ms <n>', 'lock of a chunk in progress; a dead worker\'s chunk is retried after it expires', '30000')
    .option('--stalled-interval-ms <n>', 'how often to look for chunks of dead workers', '30000')
    .action(async (o: { redis: string; concurrency: string; models: string; lockDurationMs: string; stalledIntervalMs: string }) => {
      const { workerCommand } = await import('../classify/queue/worker-command.ts');
      await workerCommand({
        redis: o.redis, concurrency: parsePositiveInt('--concurrency', o.concurrency), modelsRoot: o.models,
        lockDurationMs: parsePositiveInt('--lock-duration-ms', o.lockDurationMs), stalledIntervalMs: parsePositiveInt('--stalled-interval-ms', o.stalledIntervalMs), log: err,
      });
    });

  program
    .command('erase')
    .description('right to erasure: put a person on the erasure list (applied by every later run), purge the published night, write an audit entry')
    .argument('<pipeline>', 'pipeline file')
    .option('--contact <id>', 'a contact id')
    .option('--account <id>', 'an account id (every row of the account)')
    .option('--email <address>', 'an email address: the contact whose email (contacts source) it is, with all their rows; a contact id equal to it; responses whose verbatim holds it')
    .option('--by <name>', 'who asks for the erasure (default: the OS user)')
    .option('--out <dir>', 'output folder (default: the pipeline output.dir)')
    .option('--wait', 'wait for a run that holds the output folder instead of failing at once')
    .option('--json', 'print the result as JSON')
    .action(async (pipeline: string, o: JsonFlag & { contact?: string; account?: string; email?: string; by?: string; out?: string; wait?: boolean }) => {
      const [{ erasePerson }, { formatErase }, { userInfo }, x] = [await import('../erase/erase-person.ts'), await import('./format-erase.ts'), await import('node:os'), io(o)];
      x.print(await erasePerson({ pipelineFile: pipeline, outDir: o.out, ...parseErasureTarget(o), by: o.by ?? userInfo().username, at: new Date().toISOString(), wait: o.wait === true, log: x.log.phase }), formatErase);
    });

  addVerbatimCommands(program, out, io);
  addReportCommands(program, out, io);
  return program;
}

/** Runs the CLI and returns the exit code (bin/ecoute.js sets process.exitCode from it). */
export async function main(
  argv: readonly string[],
  out: Output = stdoutOutput,
  err: (text: string) => void = (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  now: () => Date = () => new Date(),
): Promise<number> {
  const json = argv.slice(2).includes('--json');
  const program = buildProgram(out, err, now, json);
  process.exitCode = undefined; // a command sets it; one main() call is one command (tests call main several times)
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    const described = describeError(e);
    if (json) out.write(errorJson(described));
    else if (code === undefined || typeof code !== 'string' || !code.startsWith('commander.')) {
      const verbose = argv.includes('--verbose') || process.env.ECOUTE_DEBUG !== undefined;
      err(`error: ${verbose && described.stack !== undefined ? described.stack : described.body.message}`);
    }
    return described.exitCode;
  }
}

export { UsageError };
