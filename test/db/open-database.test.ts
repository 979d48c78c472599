import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';

async function setting(limits: Parameters<typeof openDatabase>[1], name: string): Promise<string> {
  const db = await openDatabase(':memory:', limits);
  try {
    const reader = await db.connection.runAndReadAll('SELECT current_setting($name)::VARCHAR', { name });
    return String(reader.getRows()[0]?.[0]);
  } finally {
    db.close();
  }
}

describe('openDatabase limits', () => {
  it('applies settings.memory_limit and settings.threads to the DuckDB instance', async () => {
    expect(await setting({ memoryLimit: '100MB', threads: 1 }, 'threads')).toBe('1');
    expect(await setting({ memoryLimit: '100MB', threads: 1 }, 'memory_limit')).toMatch(/^95\.3 MiB$/);
  });

  it('leaves DuckDB its defaults when the pipeline sets none', async () => {
    expect(await setting({}, 'memory_limit')).not.toMatch(/^95\.3 MiB$/);
  });

  it('a memory_limit that is not a size is a configuration problem with its path', () => {
    const parsed = parsePipelineText('name: x\nsources:\n  responses:\n    path: r.csv\n    columns: { submitted_at: d, nps: n }\nsettings: { memory_limit: lots, threads: 0 }\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining(['settings.memory_limit: expected a size such as 4GB or 512MB', expect.stringMatching(/^settings\.threads: /)]),
    );
  });
});
