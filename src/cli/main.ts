/**
 * The `ecoute` command line. Each action is one line: parse, call one src/ function, print.
 * Exit codes: 0 ok, 1 error, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { runPipeline } from '../run/run-pipeline.ts';
import { validatePipeline } from '../validate/check-sources.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { EcouteError, UsageError } from '../run/errors.ts';
import { ecouteVersion } from '../run/versions.ts';
import { printResult, stdoutOutput, type Output } from './print-result.ts';
import { formatRun } from './format-run.ts';
import { formatValidate, formatDemo } from './format-misc.ts';
import { parseAsOf, parseErasureTarget, parseSeed, todayUtc } from './parse-args.ts';
import { formatErase } from './format-erase.ts';
import { erasePerson } from '../erase/erase-person.ts';
import { userInfo } from 'node:os';
import { addVerbatimCommands } from './verbatim-commands.ts';
import { addReportCommands } from './report-commands.ts';

interface JsonFlag {
  json?: boolean;
}

export function buildProgram(out: Output, err: (text: string) => void): Command {
  const program = new Command('ecoute')
    .description('CX analytics pipeline: surveys, CRM and revenue in DuckDB; verbatims; drivers; dashboards')
    .version(ecouteVersion())
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.write(t), writeErr: err });

  program
    .command('run')
    .description('run a pipeline: load, validate, compute metrics, write outputs')
    .argument('<pipeline>', 'pipeline file, e.g. pipelines/demo.yaml')
    .option('--out <dir>', 'output folder (default: the pipeline output.dir)')
    .option('--as-of <date>', 'run date YYYY-MM-DD (default: today, UTC)')
    .option('--models <dir>', 'folder of transformer model directories', 'models')
    .option('--json', 'print the run summary as JSON')
    .action(async (pipeline: string, o: JsonFlag & { out?: string; asOf?: string; models: string }) =>
      printResult(
        out,
        await runPipeline({ pipelineFile: pipeline, outDir: o.out, asOf: parseAsOf(o.asOf ?? todayUtc()), modelsRoot: o.models, log: o.json ? undefined : err }),
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
    .description('check a pipeline definition and its source files without loading anything')
    .argument('<pipeline>', 'pipeline file')
    .option('--json', 'print the result as JSON')
    .action(async (pipeline: string, o: JsonFlag) => {
      const result = await validatePipeline(pipeline);
      printResult(out, result, o.json === true, formatValidate);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('erase')
    .description('right to erasure: put a person on the erasure list (applied by every later run), purge the published night, write an audit entry')
    .argument('<pipeline>', 'pipeline file')
    .option('--contact <id>', 'a contact id')
    .option('--account <id>', 'an account id (every row of the account)')
    .option('--email <address>', 'an email address (a contact id equal to it, and responses whose verbatim holds it)')
    .option('--by <name>', 'who asks for the erasure (default: the OS user)')
    .option('--out <dir>', 'output folder (default: the pipeline output.dir)')
    .option('--json', 'print the result as JSON')
    .action(async (pipeline: string, o: JsonFlag & { contact?: string; account?: string; email?: string; by?: string; out?: string }) =>
      printResult(
        out,
        await erasePerson({ pipelineFile: pipeline, outDir: o.out, ...parseErasureTarget(o), by: o.by ?? userInfo().username, at: new Date().toISOString(), log: o.json ? undefined : err }),
        o.json === true,
        formatErase,
      ),
    );

  addVerbatimCommands(program, out);
  addReportCommands(program, out);
  return program;
}

/** Runs the CLI and returns the exit code (bin/ecoute.js sets process.exitCode from it). */
export async function main(argv: readonly string[], out: Output = stdoutOutput, err: (text: string) => void = (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`)): Promise<number> {
  const program = buildProgram(out, err);
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
