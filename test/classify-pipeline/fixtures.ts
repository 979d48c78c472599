/**
 * Test fixtures: a canonical responses table filled with verbatims, and a counting classifier
 * double that honours the engine contract (it records every text it is asked to classify).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EngineInfo, SentimentEngine, TopicEngine, VerbatimClassification, SentimentResult } from '../../src/classify/classifier-types.ts';
import { runSqlFile } from '../../src/db/sql-file.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { runClassifyPhase, type ClassifyPhaseResult } from '../../src/classify/pipeline/run-classify-phase.ts';

export async function loadResponses(conn: DuckDBConnection, rows: ReadonlyArray<{ id: string; verbatim: string | null; nps?: number; submittedAt?: string; account?: string }>): Promise<void> {
  await runSqlFile(conn, 'ingest/create-canonical-tables');
  const appender = await conn.createAppender('responses');
  for (const r of rows) {
    appender.appendVarchar(r.id);
    appender.appendNull(); // contact_id
    if (r.account === undefined) appender.appendNull();
    else appender.appendVarchar(r.account); // account_id
    appender.appendVarchar(r.submittedAt ?? '2024-01-15 10:00:00');
    for (let i = 0; i < 4; i++) appender.appendNull(); // channel, survey_type, journey_stage, touchpoint
    if (r.nps === undefined) appender.appendNull();
    else appender.appendInteger(r.nps);
    appender.appendNull(); // csat
    appender.appendNull(); // ces
    if (r.verbatim === null) appender.appendNull();
    else appender.appendVarchar(r.verbatim);
    appender.appendNull(); // language
    appender.appendNull(); // duration
    appender.appendNull(); // truncated
    appender.appendNull(); // consent
    appender.appendNull(); // ratings
    appender.appendNull(); // quality_flags
    appender.appendNull(); // _source_file
    appender.appendNull(); // _line
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Loads the responses and runs the classify phase text-only (embedded engines, domain adaptation off), so a
 * test can then run the cross-fit phase itself with its own options.
 */
export async function classifyTextOnly(conn: DuckDBConnection, rows: Parameters<typeof loadResponses>[1]): Promise<ClassifyPhaseResult> {
  await loadResponses(conn, rows);
  return runClassifyPhase(conn, { config: classifyConfigSchema.parse({ domain_adaptation: false }), modelsRoot: 'models', runDate: '2024-06-01', quiet: true });
}

const info = (model: string, revision: string): EngineInfo => ({ engine: 'embedded', model, revision, description: `test double ${model}` });

function sentimentOf(text: string): SentimentResult {
  const t = text.toLowerCase();
  if (/(great|bien|super|love)/.test(t)) return { label: 'positive', polarity: 0.8, confidence: 0.9 };
  if (/(bad|nul|slow|lent|cher)/.test(t)) return { label: 'negative', polarity: -0.7, confidence: 0.85 };
  return { label: 'neutral', polarity: 0, confidence: 0.5 };
}

/** Keyword doubles: 'price' for prix/price/cher, 'support' for support/service. */
function themesOf(clause: string): Array<{ themeId: string; score: number }> {
  const t = clause.toLowerCase();
  const out: Array<{ themeId: string; score: number }> = [];
  if (/(prix|price|cher)/.test(t)) out.push({ themeId: 'price', score: 0.9 });
  if (/(support|service)/.test(t)) out.push({ themeId: 'support', score: 0.75 });
  return out;
}

export interface CountingClassifier {
  readonly engines: { sentiment: SentimentEngine; topics: TopicEngine };
  readonly seen: string[];
  classify(texts: readonly string[]): Promise<VerbatimClassification[]>;
}

export function countingClassifier(model = 'double', revision = '1'): CountingClassifier {
  const seen: string[] = [];
  const sentiment: SentimentEngine = { info: info(model, revision), classifySentiment: async (texts) => texts.map(sentimentOf) };
  const topics: TopicEngine = { info: info(model, revision), matchThemes: async (clauses) => clauses.map(themesOf) };
  return {
    engines: { sentiment, topics },
    seen,
    async classify(texts) {
      seen.push(...texts);
      return texts.map((text) => {
        const mentions = [];
        let start = 0;
        for (const part of text.split(/([,.;]|\bmais\b|\bbut\b)/)) {
          const end = start + part.length;
          const clauseText = part.trim();
          if (clauseText.length > 1) {
            const s = start + part.indexOf(clauseText);
            for (const m of themesOf(clauseText)) {
              mentions.push({ themeId: m.themeId, score: m.score, source: 'keyword' as const, evidence: m.themeId, clause: { text: clauseText, start: s, end: s + clauseText.length }, sentiment: sentimentOf(clauseText) });
            }
          }
          start = end;
        }
        return { language: /\b(le|la|est|trop|mais)\b/.test(text) ? 'fr' : 'en', sentiment: sentimentOf(text), mentions };
      });
    },
  };
}
