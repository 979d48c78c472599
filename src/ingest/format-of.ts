/** The reader to use for a source: its declared format, or one inferred from the file extension. */
export type SourceFormat = 'csv' | 'parquet' | 'jsonl';

export function formatOf(path: string, declared: SourceFormat | undefined): SourceFormat {
  if (declared !== undefined) return declared;
  const lower = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl';
  return 'csv';
}
