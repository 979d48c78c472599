/**
 * The `ecoute` command line. Each action is one line: parse, call one src/ function, print.
 * Exit codes: 0 ok, 1 error, 2 usage, 3 a quality gate failed (settings.gates; nothing published).
 */
import { Command, CommanderError } from 'commander';
import { runPipeline } from '../run/run-pipeline.ts';
import { DEFAULT_SAMPLE_ROWS, validatePipeline } from '../validate/check-sources.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { EcouteError, UsageError } from '../run/errors.ts';
import { ecouteVersion } from '../run/versions.ts';
import { printResult, stdoutOutput, type Output } from './print-result.ts';
import { formatRun } from './format-run.ts';
import { formatValidate, formatDemo } from './format-misc.ts';
import { parseAsOf, parsePositiveInt, parseSeed, todayUtc } from './parse-args.ts';
import { historyCommand } from '../publish/history-command.ts';
import { formatHistory } from './format-history.ts';
import { addVerbatimCommands } from './verbatim-commands.ts';
import { addReportCommands } from './report-commands.ts';

interface JsonFlag {
  json?: boolean;
}

export function buildProgram(out: Output, err: (text: string) => void): Command {
  const program = new Command('ecoute')
    .description('CX analytics pipeline: surveys, CRM and revenue in DuckDB; verbatims; drivers; dashboards')
    .addHelpText('after', '\nExit codes: 0 ok, 1 error (or validate found a source that would lose too many rows), 2 usage,\n3 a quality gate failed (settings.gates): nothing published, the run kept in <out>/failed/<as-of>/')
    .version(ecouteVersion())
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.write(t), writeErr: err });

  program
    .command('run')
    .description('run a pipeline: load, validate, check the quality gates (exit 3 when one fails), compute metrics, write outputs')
    .argument('<pipeline>', 'pipeline file, e.g. pipelines/demo.yaml')
    .option('--out <dir>', 'output folder (default: the pipeline output.dir)')
    .option('--as-of <date>', 'run date YYYY-MM-DD (default: today, UTC)')
    .option('--models <dir>', 'folder of transformer model directories', 'models')
    .option('--wait', 'wait for a run that holds the output folder instead of failing at once')
    .option('--json', 'print the run summary as JSON')
    .action(async (pipeline: string, o: JsonFlag & { out?: string; asOf?: string; models: string; wait?: boolean }) =>
      printResult(
        out,
        await runPipeline({ pipelineFile: pipeline, outDir: o.out, asOf: parseAsOf(o.asOf ?? todayUtc()), modelsRoot: o.models, wait: o.wait === true, log: o.json ? undefined : err }),
        o.json === true,
        formatRun,
      ),
    );

  program
    .command('demo')
    .description('generate the synthetic demo company (deterministic from the seed)')
    .option('--out <dir>', 'output folder', 'demo-data')
    .option('--seed <n>', 'random seed', '42')
    .option('--json', 'print the summary as JSON')
    .action(async (o: JsonFlag & { out: string; seed: string }) => printResult(out, await generateDemo({ outDir: o.out, seed: parseSeed(o.seed) }), o.json === true, formatDemo));

  program
    .command('validate')
    .description('check a pipeline, its source files, and a sample of rows through the run\'s checks and gates (exit 1 when a gate fails)')
    .argument('<pipeline>', 'pipeline file')
    .option('--sample <rows>', 'rows read from the head of each file', String(DEFAULT_SAMPLE_ROWS))
    .option('--as-of <date>', 'run date YYYY-MM-DD for the future-date check (default: today, UTC)')
    .option('--json', 'print the result as JSON')
    .action(async (pipeline: string, o: JsonFlag & { sample: string; asOf?: string }) => {
      const result = await validatePipeline(pipeline, { sampleRows: parsePositiveInt('--sample', o.sample), asOf: parseAsOf(o.asOf ?? todayUtc()) });
      printResult(out, result, o.json === true, formatValidate);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('history')
    .description('the run log of an output folder: every run, published, failed or gated, newest last')
    .argument('<pipeline>', 'pipeline file (its output.dir) or an output folder')
    .option('--limit <n>', 'last n runs', '30')
    .option('--json', 'print as JSON')
    .action((target: string, o: JsonFlag & { limit: string }) =>
      printResult(out, historyCommand(target, { limit: parsePositiveInt('--limit', o.limit) }), o.json === true, formatHistory),
    );

  addVerbatimCommands(program, out);
  addReportCommands(program, out);
  return program;
}

/** Runs the CLI and returns the exit code (bin/ecoute.js sets process.exitCode from it). */
export async function main(argv: readonly string[], out: Output = stdoutOutput, err: (text: string) => void = (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`)): Promise<number> {
  const program = buildProgram(out, err);
  process.exitCode = undefined; // a command sets it; one main() call is one command (tests call main several times)
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof EcouteError) {
      err(`error: ${e.message}`);
      return e.exitCode;
    }
    const error = e instanceof Error ? e : new Error(String(e));
    err(`error: ${process.env.ECOUTE_DEBUG ? (error.stack ?? error.message) : error.message}`);
    return 1;
  }
}

export { UsageError };
