/**
 * TopicEngine on a transformer model directory, by what the directory holds:
 * - an embedding model: each clause is embedded (mean-pooled, normalised) and compared with each
 *   theme's prototypes (labels, description, examples); score = best cosine, kept above `threshold`;
 * - an NLI model: zero-shot, each clause is the premise and "This text is about {label}." the
 *   hypothesis; score = softmax(entailment, contradiction)[entailment], kept above `threshold`.
 *
 * @example
 *   const topics = await loadTransformerTopics('models/minilm', taxonomy);
 *   await topics.matchThemes(['the parcel arrived two weeks late']); // [[{ themeId: 'delivery', score: 0.82 }]]
 */
import { join } from 'node:path';
import type { Language, TopicEngine } from '../classifier-types.ts';
import type { Taxonomy } from '../../config/taxonomy-schema.ts';
import { taskFromConfig } from './detect-model-task.ts';
import { describeModel } from './engine-info.ts';
import { batchOptions, type TransformerEngineOptions } from './engine-options.ts';
import { dot, embedTexts } from './embed-texts.ts';
import { loadModelRuntime, type ModelRuntime } from './load-model-runtime.ts';
import { readModelConfig } from './model-directory.ts';
import { ModelLoadError, modelLoadMessages } from './model-load-error.ts';
import { encodeTexts, runBatched } from './run-batched.ts';
import { nliHypothesis, themePrototypes } from './theme-texts.ts';

export interface TransformerTopicOptions extends TransformerEngineOptions {
  /** minimum score for a theme to be reported, default 0.45 (embedding) / 0.5 (NLI) */
  readonly threshold?: number;
}

type ThemeScores = Array<Array<{ themeId: string; score: number }>>;

export async function loadTransformerTopics(modelDir: string, taxonomy: Taxonomy, opts: TransformerTopicOptions = {}): Promise<TopicEngine> {
  const configFile = join(modelDir, 'config.json');
  const config = await readModelConfig(configFile);
  const task = taskFromConfig(config);
  if (task === 'sentiment') {
    throw new ModelLoadError(configFile, `${configFile}: this is a text classifier; topics need an embedding (feature-extraction) or NLI model`);
  }
  return task === 'nli' ? loadNliTopics(modelDir, taxonomy, config.id2label ?? {}, opts) : loadEmbeddingTopics(modelDir, taxonomy, opts);
}

async function loadEmbeddingTopics(modelDir: string, taxonomy: Taxonomy, opts: TransformerTopicOptions): Promise<TopicEngine> {
  const runtime = await loadModelRuntime(modelDir, 'encoder', opts);
  const batching = batchOptions(opts);
  const threshold = opts.threshold ?? 0.45;
  const owners: number[] = [];
  const texts: string[] = [];
  taxonomy.themes.forEach((theme, t) => {
    for (const text of themePrototypes(theme)) {
      owners.push(t);
      texts.push(text);
    }
  });
  const prototypes = await embedTexts(runtime, texts, batching);
  const info = await describeModel(runtime.directory, 'topic (embedding similarity)');
  return {
    info,
    async matchThemes(clauses: readonly string[]): Promise<ThemeScores> {
      const vectors = await embedTexts(runtime, clauses, batching);
      return vectors.map((v) => {
        const best = new Array<number>(taxonomy.themes.length).fill(0);
        prototypes.forEach((p, k) => {
          const t = owners[k] ?? 0;
          best[t] = Math.max(best[t] ?? 0, dot(v, p));
        });
        return keepAbove(taxonomy, best, threshold);
      });
    },
  };
}

async function loadNliTopics(modelDir: string, taxonomy: Taxonomy, id2label: Record<string, string>, opts: TransformerTopicOptions): Promise<TopicEngine> {
  const entries = Object.entries(id2label);
  const find = (prefix: string): number => Number(entries.find(([, l]) => l.toLowerCase().startsWith(prefix))?.[0] ?? -1);
  const entail = find('entail');
  const contra = find('contradict');
  if (entail < 0 || contra < 0) throw new ModelLoadError(join(modelDir, 'config.json'), modelLoadMessages.notNli(join(modelDir, 'config.json')));
  const runtime = await loadModelRuntime(modelDir, 'classifier', opts);
  const batching = batchOptions(opts);
  const threshold = opts.threshold ?? 0.5;
  const info = await describeModel(runtime.directory, 'topic (zero-shot NLI)');
  return {
    info,
    async matchThemes(clauses: readonly string[], languages?: readonly Language[]): Promise<ThemeScores> {
      const scores = await entailmentScores(runtime, taxonomy, clauses, languages, entail, contra, batching);
      const T = taxonomy.themes.length;
      return clauses.map((_, i) => keepAbove(taxonomy, scores.slice(i * T, (i + 1) * T), threshold));
    },
  };
}

async function entailmentScores(
  runtime: ModelRuntime,
  taxonomy: Taxonomy,
  clauses: readonly string[],
  languages: readonly Language[] | undefined,
  entail: number,
  contra: number,
  batching: { batchSize: number; concurrency: number },
): Promise<number[]> {
  const premises: string[] = [];
  const hypotheses: string[] = [];
  clauses.forEach((clause, i) => {
    for (const theme of taxonomy.themes) {
      premises.push(clause);
      hypotheses.push(nliHypothesis(theme, languages?.[i]));
    }
  });
  const items = encodeTexts(runtime, premises, hypotheses);
  return runBatched(runtime, items, 'logits', batching, (output) => {
    const C = output.dims[1] ?? 0;
    const out: number[] = [];
    for (let r = 0; r < (output.dims[0] ?? 0); r++) {
      const e = output.data[r * C + entail] ?? 0;
      const c = output.data[r * C + contra] ?? 0;
      out.push(1 / (1 + Math.exp(c - e)));
    }
    return out;
  });
}

function keepAbove(taxonomy: Taxonomy, scores: readonly number[], threshold: number): Array<{ themeId: string; score: number }> {
  const out: Array<{ themeId: string; score: number }> = [];
  taxonomy.themes.forEach((theme, t) => {
    const score = Math.max(0, Math.min(1, scores[t] ?? 0));
    if (score >= threshold) out.push({ themeId: theme.id, score });
  });
  return out.sort((a, b) => b.score - a.score || a.themeId.localeCompare(b.themeId));
}
