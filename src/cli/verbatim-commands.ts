/**
 * `ecoute classify`, `ecoute eval`, `ecoute models ...` and `ecoute themes promote`: the verbatim engine's commands.
 */
import type { Command } from 'commander';
import { classifyFile } from '../classify/pipeline/classify-file.ts';
import { evalFile } from '../classify/pipeline/eval-file.ts';
import { exportDomainModel } from '../classify/pipeline/load-domain-model.ts';
import { describeOutOfFold } from '../classify/pipeline/cross-fit-phase.ts';
import { addModel, listModels, pullModel, verifyModels } from '../models/index.ts';
import { promoteCandidate } from '../classify/discovery/promote-candidate.ts';
import { openDatabase } from '../db/open-database.ts';
import { lintPipelineTaxonomy } from '../classify/lint/lint-run-taxonomy.ts';
import { printResult, type Output } from './print-result.ts';
import { formatClassify, formatEval, formatLint, formatModels, formatVerify } from './format-verbatim.ts';
import { parseEngine, parseFallback, parseTask, parsePositiveInt, todayUtc } from './parse-args.ts';

interface EngineFlags {
  engine?: string;
  model?: string;
  fallback?: string;
  batchSize?: string;
  domainModel?: string;
  json?: boolean;
}

function engineChoice(o: EngineFlags): { engine: 'embedded' | 'transformer'; fallback: 'embedded' | 'fail'; model?: string; batchSize?: number; domainModel?: string } {
  return {
    engine: parseEngine(o.engine ?? 'embedded'),
    fallback: parseFallback(o.fallback ?? 'fail'),
    ...(o.model !== undefined ? { model: o.model } : {}),
    ...(o.batchSize !== undefined ? { batchSize: parsePositiveInt('--batch-size', o.batchSize) } : {}),
    ...(o.domainModel !== undefined ? { domainModel: o.domainModel } : {}),
  };
}

export function addVerbatimCommands(program: Command, out: Output): void {
  const engineOptions = (c: Command): Command =>
    c
      .option('--engine <engine>', 'embedded | transformer', 'embedded')
      .option('--model <dir>', 'transformer model directory (with --engine transformer)')
      .option('--fallback <mode>', 'embedded | fail: what to do when the model cannot load', 'fail')
      .option('--batch-size <n>', 'texts per batch')
      .option('--domain-model <run-dir|file>', 'apply the domain model of a run (or a file from `ecoute sentiment export-domain`) to the embedded sentiment engine')
      .option('--json', 'print the result as JSON');

  engineOptions(
    program
      .command('classify')
      .description('add language, sentiment and themes to every row of a CSV/Parquet/JSONL file')
      .requiredOption('--input <file>', 'input file')
      .requiredOption('--text-column <column>', 'column holding the text')
      .option('--out <file>', 'output file (.csv, .parquet, .jsonl)')
      .option('--taxonomy <file>', 'taxonomy YAML or a pipeline file, to match themes')
      .option('--redact', 'replace emails, phone numbers, IBANs and card numbers in the output text'),
  ).action(async (o: EngineFlags & { input: string; textColumn: string; out?: string; taxonomy?: string; redact?: boolean }) =>
    printResult(
      out,
      await classifyFile({ input: o.input, textColumn: o.textColumn, ...engineChoice(o), ...(o.out !== undefined ? { out: o.out } : {}), ...(o.taxonomy !== undefined ? { taxonomyFile: o.taxonomy } : {}), redact: o.redact === true, quiet: o.json === true }),
      o.json === true,
      formatClassify,
    ),
  );

  engineOptions(
    program
      .command('eval')
      .description("score the classifier against your own coded data: accuracy, macro-F1, confusion matrix")
      .requiredOption('--input <file>', 'input file')
      .requiredOption('--text-column <column>', 'column holding the text')
      .requiredOption('--label-column <column>', 'column holding the gold label')
      .option('--task <task>', 'sentiment | topics', 'sentiment')
      .option('--taxonomy <file>', 'taxonomy YAML or a pipeline file (task topics)'),
  ).action(async (o: EngineFlags & { input: string; textColumn: string; labelColumn: string; task: string; taxonomy?: string }) =>
    printResult(
      out,
      await evalFile({ input: o.input, textColumn: o.textColumn, labelColumn: o.labelColumn, task: parseTask(o.task), ...engineChoice(o), ...(o.taxonomy !== undefined ? { taxonomyFile: o.taxonomy } : {}), quiet: o.json === true }),
      o.json === true,
      formatEval,
    ),
  );

  const models = program.command('models').description('transformer model directories under models/ (manifest with SHA-256 of every file)');
  models
    .command('list')
    .option('--root <dir>', 'models folder', 'models')
    .option('--json', 'print as JSON')
    .action(async (o: { root: string; json?: boolean }) => printResult(out, await listModels(o.root), o.json === true, formatModels));
  models
    .command('add')
    .argument('<dir>', 'a Hugging Face-layout model directory (config.json, tokenizer files, onnx/model*.onnx)')
    .option('--root <dir>', 'models folder', 'models')
    .option('--id <id>', 'model id (default: the directory name)')
    .option('--revision <rev>', 'revision (default: a hash of the files)')
    .option('--replace', 'replace a model with the same id')
    .option('--json', 'print as JSON')
    .action(async (dir: string, o: { root: string; id?: string; revision?: string; replace?: boolean; json?: boolean }) =>
      printResult(out, await addModel(dir, o.root, { addedAt: todayUtc(), ...(o.id !== undefined ? { id: o.id } : {}), ...(o.revision !== undefined ? { revision: o.revision } : {}), replace: o.replace === true }), o.json === true, (m) => JSON.stringify(m, null, 2)),
    );
  models
    .command('pull')
    .argument('<hub-id>', 'Hugging Face model id, e.g. cardiffnlp/twitter-xlm-roberta-base-sentiment')
    .option('--revision <rev>', 'branch, tag or commit', 'main')
    .option('--root <dir>', 'models folder', 'models')
    .option('--json', 'print as JSON')
    .action(async (hubId: string, o: { revision: string; root: string; json?: boolean }) =>
      printResult(out, await pullModel(hubId, { modelsRoot: o.root, addedAt: todayUtc(), revision: o.revision }), o.json === true, (m) => JSON.stringify(m, null, 2)),
    );
  models
    .command('verify')
    .option('--root <dir>', 'models folder', 'models')
    .option('--json', 'print as JSON')
    .action(async (o: { root: string; json?: boolean }) => {
      const result = await verifyModels(o.root);
      printResult(out, result, o.json === true, formatVerify);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('sentiment')
    .description("the embedded sentiment engine's domain model")
    .command('export-domain')
    .description('write the cross-fitted domain model a run trained (one model per fold, out-of-fold accuracy) to a JSON file')
    .argument('<run-dir>', 'run output folder (holds ecoute.duckdb)')
    .requiredOption('--out <file>', 'JSON file to write')
    .option('--json', 'print the result as JSON')
    .action(async (runDir: string, o: { out: string; json?: boolean }) =>
      printResult(out, await exportDomainModel(runDir, o.out), o.json === true, (r) =>
        `${r.out}: ${r.models} domain model${r.models === 1 ? "" : "s"}${r.outOfFold === undefined ? "" : `; ${describeOutOfFold(r.outOfFold, r.models)}`}`,
      ),
    );

  const themes = program.command('themes').description('the taxonomy: lint it, promote candidate themes discovered among unmatched verbatims');
  themes
    .command('lint')
    .description('keywords that match common words or other themes, shared keywords, share of clauses per keyword (with the data of the last run)')
    .argument('<pipeline>', 'pipeline file')
    .option('--json', 'print as JSON')
    .action(async (pipeline: string, o: { json?: boolean }) => printResult(out, await lintPipelineTaxonomy(pipeline), o.json === true, formatLint));
  themes
    .command('promote')
    .argument('<run-dir>', 'run output folder (holds ecoute.duckdb)')
    .argument('<candidate-id>', 'candidate id, e.g. cand_1a2b3c4d')
    .option('--id <theme-id>', 'theme id for the taxonomy')
    .action(async (runDir: string, candidateId: string, o: { id?: string }) => {
      const db = await openDatabase(`${runDir}/ecoute.duckdb`);
      try {
        out.write(await promoteCandidate(db.connection, candidateId, o.id !== undefined ? { themeId: o.id } : {}));
      } finally {
        db.close();
      }
    });
}
