/**
 * `ecoute classify`, `ecoute eval`, `ecoute models ...` and `ecoute themes promote`: the verbatim engine's commands.
 * Each action imports its module when it runs (see main.ts).
 */
import type { Command } from 'commander';
import type { Output } from './print-result.ts';
import type { IoFor } from './command-io.ts';
import { parseEngine, parseFallback, parseTask, parsePositiveInt, todayUtc } from './parse-args.ts';

interface EngineFlags {
  engine?: string;
  model?: string;
  fallback?: string;
  batchSize?: string;
  domainModel?: string;
  /** commander's --no-self-training */
  selfTraining?: boolean;
  json?: boolean;
}

function engineChoice(o: EngineFlags): { engine: 'embedded' | 'transformer'; fallback: 'embedded' | 'fail'; model?: string; batchSize?: number; domainModel?: string; selfTraining: boolean } {
  return {
    engine: parseEngine(o.engine ?? 'embedded'),
    fallback: parseFallback(o.fallback ?? 'fail'),
    ...(o.model !== undefined ? { model: o.model } : {}),
    ...(o.batchSize !== undefined ? { batchSize: parsePositiveInt('--batch-size', o.batchSize) } : {}),
    ...(o.domainModel !== undefined ? { domainModel: o.domainModel } : {}),
    selfTraining: o.selfTraining !== false,
  };
}

export function addVerbatimCommands(program: Command, out: Output, io: IoFor): void {
  const engineOptions = (c: Command): Command =>
    c
      .option('--engine <engine>', 'embedded | transformer (the transformer engine is an optional dependency)', 'embedded')
      .option('--model <dir>', 'transformer model directory (with --engine transformer)')
      .option('--fallback <mode>', 'embedded | fail: what to do when the model cannot load', 'fail')
      .option('--batch-size <n>', 'texts per batch')
      .option('--domain-model <run-dir|file>', 'apply the domain model of a run (or a file from `ecoute sentiment export-domain`) to the embedded sentiment engine')
      .option('--no-self-training', "embedded sentiment: the lexicon alone, without the model self-trained on the input's texts (its sure verdicts as labels; no score is read)")
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
  ).action(async (o: EngineFlags & { input: string; textColumn: string; out?: string; taxonomy?: string; redact?: boolean }) => {
    const [{ classifyFile }, { formatClassify }, x] = [await import('../classify/pipeline/classify-file.ts'), await import('./format-verbatim.ts'), io(o)];
    x.print(
      await classifyFile({ input: o.input, textColumn: o.textColumn, ...engineChoice(o), ...(o.out !== undefined ? { out: o.out } : {}), ...(o.taxonomy !== undefined ? { taxonomyFile: o.taxonomy } : {}), redact: o.redact === true, quiet: x.silent }),
      formatClassify,
    );
  });

  engineOptions(
    program
      .command('eval')
      .description("score the classifier against your own coded data: accuracy, macro-F1, confusion matrix")
      .requiredOption('--input <file>', 'input file')
      .requiredOption('--text-column <column>', 'column holding the text')
      .requiredOption('--label-column <column>', 'column holding the gold label')
      .option('--task <task>', 'sentiment | topics', 'sentiment')
      .option('--taxonomy <file>', 'taxonomy YAML or a pipeline file (task topics)'),
  ).action(async (o: EngineFlags & { input: string; textColumn: string; labelColumn: string; task: string; taxonomy?: string }) => {
    const [{ evalFile }, { formatEval }, x] = [await import('../classify/pipeline/eval-file.ts'), await import('./format-verbatim.ts'), io(o)];
    x.print(
      await evalFile({ input: o.input, textColumn: o.textColumn, labelColumn: o.labelColumn, task: parseTask(o.task), ...engineChoice(o), ...(o.taxonomy !== undefined ? { taxonomyFile: o.taxonomy } : {}), quiet: x.silent }),
      formatEval,
    );
  });

  const models = program.command('models').description('transformer model directories under models/ (manifest with SHA-256 of every file)');
  models
    .command('list')
    .description('the models of the models folder: id, task, revision, size, labels')
    .option('--root <dir>', 'models folder', 'models')
    .option('--json', 'print as JSON')
    .action(async (o: { root: string; json?: boolean }) => {
      const [{ listModels }, { formatModels }] = [await import('../models/index.ts'), await import('./format-verbatim.ts')];
      io(o).print(await listModels(o.root), formatModels);
    });
  models
    .command('add')
    .description('copy a local model directory into the models folder and write its manifest (SHA-256 of every file)')
    .argument('<dir>', 'a Hugging Face-layout model directory (config.json, tokenizer files, onnx/model*.onnx)')
    .option('--root <dir>', 'models folder', 'models')
    .option('--id <id>', 'model id (default: the directory name)')
    .option('--revision <rev>', 'revision (default: a hash of the files)')
    .option('--replace', 'replace a model with the same id')
    .option('--json', 'print as JSON')
    .action(async (dir: string, o: { root: string; id?: string; revision?: string; replace?: boolean; json?: boolean }) => {
      const [{ addModel }, { formatModel }] = [await import('../models/index.ts'), await import('./format-verbatim.ts')];
      io(o).print(await addModel(dir, o.root, { addedAt: todayUtc(), ...(o.id !== undefined ? { id: o.id } : {}), ...(o.revision !== undefined ? { revision: o.revision } : {}), replace: o.replace === true }), formatModel);
    });
  models
    .command('pull')
    .description('download a model from the Hugging Face hub into the models folder, with its manifest')
    .argument('<hub-id>', 'Hugging Face model id, e.g. cardiffnlp/twitter-xlm-roberta-base-sentiment')
    .option('--revision <rev>', 'branch, tag or commit', 'main')
    .option('--root <dir>', 'models folder', 'models')
    .option('--endpoint <url>', 'hub or mirror address (default: $HF_ENDPOINT, then https://huggingface.co)')
    .option('--json', 'print as JSON')
    .action(async (hubId: string, o: { revision: string; root: string; endpoint?: string; json?: boolean }) => {
      const [{ pullModel }, { formatModel }] = [await import('../models/index.ts'), await import('./format-verbatim.ts')];
      io(o).print(await pullModel(hubId, { modelsRoot: o.root, addedAt: todayUtc(), revision: o.revision, ...pullEndpoint(o.endpoint), log: (m) => process.stderr.write(`${m}\n`) }), formatModel);
    });
  models
    .command('verify')
    .description('check every file of every model against the SHA-256 of its manifest (exit 1 on a mismatch)')
    .option('--root <dir>', 'models folder', 'models')
    .option('--json', 'print as JSON')
    .action(async (o: { root: string; json?: boolean }) => {
      const [{ verifyModels }, { formatVerify }] = [await import('../models/index.ts'), await import('./format-verbatim.ts')];
      const result = await verifyModels(o.root);
      io(o).print(result, formatVerify);
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
    .action(async (runDir: string, o: { out: string; json?: boolean }) => {
      const [{ exportDomainModel }, { describeOutOfFold }] = [await import('../classify/pipeline/load-domain-model.ts'), await import('../classify/pipeline/cross-fit-phase.ts')];
      io(o).print(await exportDomainModel(runDir, o.out), (r) =>
        `${r.out}: ${r.models} domain model${r.models === 1 ? '' : 's'}${r.outOfFold === undefined ? '' : `; ${describeOutOfFold(r.outOfFold, r.models)}`}`,
      );
    });

  const themes = program.command('themes').description('the taxonomy: lint it, list and promote candidate themes discovered among unmatched verbatims');
  themes
    .command('lint')
    .description('keywords that match common words or other themes, shared keywords, share of clauses per keyword (with the data of the last run)')
    .argument('<pipeline>', 'pipeline file')
    .option('--json', 'print as JSON')
    .action(async (pipeline: string, o: { json?: boolean }) => {
      const [{ lintPipelineTaxonomy }, { formatLint }] = [await import('../classify/lint/lint-run-taxonomy.ts'), await import('./format-verbatim.ts')];
      io(o).print(await lintPipelineTaxonomy(pipeline), formatLint);
    });
  themes
    .command('candidates')
    .description('list the candidate themes a run discovered among the clauses no theme matched, by priority (size × negative share)')
    .argument('<run-dir>', 'run output folder (holds ecoute.duckdb)')
    .option('--top <n>', 'candidates listed at most (default 20)')
    .option('--json', 'print as JSON')
    .action(async (runDir: string, o: { top?: string; json?: boolean }) => {
      const top = o.top === undefined ? 20 : parsePositiveInt('--top', o.top);
      const [{ openRun }, { loadThemeCandidates }, { formatCandidates }] = [
        await import('../charts/open-run.ts'),
        await import('../classify/discovery/theme-candidates-store.ts'),
        await import('./format-verbatim.ts'),
      ];
      const run = await openRun(runDir);
      try {
        const candidates = (await loadThemeCandidates(run.db.connection)).slice(0, top);
        io(o).print({ runDir, candidates }, formatCandidates);
      } finally {
        run.close();
      }
    });
  themes
    .command('promote')
    .description('print a discovered candidate theme as a taxonomy entry to paste into the pipeline file')
    .argument('<run-dir>', 'run output folder (holds ecoute.duckdb)')
    .argument('<candidate-id>', 'candidate id, e.g. cand_1a2b3c4d (see `ecoute themes candidates`)')
    .option('--id <theme-id>', 'theme id for the taxonomy')
    .action(async (runDir: string, candidateId: string, o: { id?: string }) => {
      const [{ openRun }, { promoteCandidate }] = [await import('../charts/open-run.ts'), await import('../classify/discovery/promote-candidate.ts')];
      const run = await openRun(runDir);
      try {
        out.write(await promoteCandidate(run.db.connection, candidateId, o.id !== undefined ? { themeId: o.id } : {}));
      } finally {
        run.close();
      }
    });
}

/** --endpoint, else $HF_ENDPOINT (the variable the hub's own clients read), else the library default. */
function pullEndpoint(flag: string | undefined): { baseUrl?: string } {
  const url = flag ?? process.env.HF_ENDPOINT;
  return url !== undefined && url !== '' ? { baseUrl: url } : {};
}
