/**
 * Keeps the text-only features of the domain model (hashTokens + lexicon sums, see domain-features.ts)
 * per distinct verbatim text in `sentiment_features`, so a nightly run computes them for new texts only.
 *
 *   response_text_hashes ─anti-join─▶ sentiment_features_todo ─chunks─▶ clean, hash, score (JS) ─appender─▶ sentiment_features
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Language } from '../classifier-types.ts';
import { runSqlFile, querySqlFile } from '../../db/sql-file.ts';
import { cleanText } from '../embedded/clean-text.ts';
import { LEXICON_VERSION } from '../embedded/compile-lexicon.ts';
import { hashTokens, summarizeLexicon } from '../embedded/domain-features.ts';
import { detectLanguage } from '../language/detect-language.ts';
import { cacheKeyParams, type CacheKey } from './cache-key.ts';

const CHUNK = 2048;
const LANGUAGES: ReadonlySet<string> = new Set(['fr', 'en', 'other']);

/** Hashes as little-endian UINTEGER bytes, and back. */
export function packHashes(hashes: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(hashes.length * 4);
  const view = new DataView(bytes.buffer);
  hashes.forEach((h, i) => view.setUint32(i * 4, h, true));
  return bytes;
}

export function unpackHashes(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: Math.floor(bytes.byteLength / 4) }, (_, i) => view.getUint32(i * 4, true));
}

/** Computes the missing features of the run's texts; returns how many texts were new. */
export async function updateSentimentFeatures(conn: DuckDBConnection, key: CacheKey): Promise<number> {
  await runSqlFile(conn, 'classify/create-sentiment-features');
  await runSqlFile(conn, 'classify/stage-unfeatured-texts', { ...cacheKeyParams(key), lexicon_version: LEXICON_VERSION });
  const [count] = await querySqlFile(conn, 'classify/stage-unfeatured-texts-count');
  const todo = Number(count?.n ?? 0);
  if (todo === 0) return 0;
  const appender = await conn.createAppender('sentiment_features');
  try {
    for (let after = 0; after < todo; after += CHUNK) {
      const rows = await querySqlFile(conn, 'classify/read-unfeatured-chunk', { after, upto: after + CHUNK });
      for (const row of rows) {
        const text = cleanText(String(row.text));
        const stored = typeof row.language === 'string' && LANGUAGES.has(row.language) ? (row.language as Language) : undefined;
        const lex = summarizeLexicon(text, stored ?? detectLanguage(text));
        appender.appendVarchar(String(row.text_hash));
        appender.appendVarchar(LEXICON_VERSION);
        appender.appendBlob(packHashes(hashTokens(text)));
        appender.appendDouble(lex.polarity);
        appender.appendDouble(lex.positive);
        appender.appendDouble(lex.negative);
        appender.appendInteger(lex.hits);
        appender.endRow();
      }
      appender.flushSync();
    }
  } finally {
    appender.closeSync();
  }
  return todo;
}
