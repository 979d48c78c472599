import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/demo/generate-demo.ts';

const SCALE = 0.02;

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

describe('generateDemo determinism', () => {
  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoute-demo-det-'));
    try {
      const a = await generateDemo({ outDir: join(root, 'a'), seed: 7, scale: SCALE });
      const b = await generateDemo({ outDir: join(root, 'b'), seed: 7, scale: SCALE });
      const c = await generateDemo({ outDir: join(root, 'c'), seed: 8, scale: SCALE });
      const sa = snapshot(join(root, 'a'));
      const sb = snapshot(join(root, 'b'));
      expect([...sa.keys()]).toEqual([...sb.keys()]);
      for (const [name, bytes] of sa) expect(bytes.equals(sb.get(name) as Buffer), name).toBe(true);
      expect({ ...a, outDir: '' }).toEqual({ ...b, outDir: '' });
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      const sc = snapshot(join(root, 'c'));
      expect(sc.get('responses-2025-06.csv')?.equals(sa.get('responses-2025-06.csv') as Buffer)).toBe(false);
      expect(c.seed).toBe(8);
      // no temporary files are left behind
      expect([...sa.keys()].some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('summarises 24 monthly response files ending 2026-10 and the date range', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ecoute-demo-sum-'));
    try {
      const s = await generateDemo({ outDir: root, seed: 1, scale: SCALE });
      expect(s.dateRange).toEqual({ start: '2024-11-01', end: '2026-10-31' });
      const monthly = s.files.filter((f) => f.name.startsWith('responses-')).map((f) => f.name);
      expect(monthly).toHaveLength(24);
      expect(monthly[0]).toBe('responses-2024-11.csv');
      expect(monthly[23]).toBe('responses-2026-10.csv');
      expect(s.files.map((f) => f.name)).toEqual(expect.arrayContaining(['accounts.csv', 'contacts.csv', 'revenue.csv', 'churn.csv', 'invitations.csv', 'truth-mentions.csv']));
      expect(readdirSync(root)).toContain('ground-truth.json');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a non-integer seed and an out-of-range scale', async () => {
    await expect(generateDemo({ outDir: join(tmpdir(), 'never'), seed: 1.5 })).rejects.toThrow(/seed/);
    await expect(generateDemo({ outDir: join(tmpdir(), 'never'), seed: 1, scale: 0 })).rejects.toThrow(/scale/);
  });
});
