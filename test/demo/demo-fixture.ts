/** Test helper: generates a demo company once into a temp folder and reads its files back. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, type DemoSummary } from '../../src/demo/generate-demo.ts';
import type { GroundTruth } from '../../src/demo/build-ground-truth.ts';
import { readCsv, type CsvRecord } from './read-demo-csv.ts';

export interface ResponseRow extends CsvRecord {
  readonly file: string;
}

export interface DemoFixture {
  readonly dir: string;
  readonly summary: DemoSummary;
  readonly truth: GroundTruth;
  read(name: string): CsvRecord[];
  responses(): ResponseRow[];
  cleanup(): void;
}

export async function createDemoFixture(seed: number, scale: number): Promise<DemoFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-demo-'));
  const summary = await generateDemo({ outDir: dir, seed, scale });
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
  const cache = new Map<string, CsvRecord[]>();
  const read = (name: string): CsvRecord[] => {
    let records = cache.get(name);
    if (records === undefined) cache.set(name, (records = readCsv(join(dir, name)).records));
    return records;
  };
  return {
    dir,
    summary,
    truth,
    read,
    responses: () =>
      summary.files.filter((f) => f.name.startsWith('responses-')).flatMap((f) => read(f.name).map((r) => ({ ...r, file: f.name }))),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** "07/03/2025 09:41" → UTC ms, or undefined when it is not a real date in that format. */
export function parseFrenchDateTime(s: string): number | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(s);
  if (m === null) return undefined;
  const [d, mo, y, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(t);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 && back.getUTCFullYear() === y && h < 24 && mi < 60 ? t : undefined;
}

export const RATING_HEADERS = ['Rating - Ease of use', 'Rating - Support', 'Rating - Value for money', 'Rating - Reliability', 'Rating - Onboarding'];
