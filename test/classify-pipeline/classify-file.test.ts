import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyFile } from '../../src/classify/pipeline/classify-file.ts';
import { evalFile } from '../../src/classify/pipeline/eval-file.ts';
import { mapGoldSentiment, GoldLabelError } from '../../src/classify/pipeline/map-gold-labels.ts';
import { goldForPrediction, predictedTheme } from '../../src/classify/pipeline/topic-gold.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { InputFileError } from '../../src/classify/pipeline/table-file.ts';
import { TaxonomyFileError } from '../../src/classify/pipeline/load-taxonomy-file.ts';

const TAXONOMY = `version: "1"
themes:
  - id: delivery
    labels: { en: Delivery, fr: Livraison }
    keywords: { en: [delivery, parcel, shipping], fr: [livraison, colis] }
  - id: price
    labels: { en: Price, fr: Prix }
    keywords: { en: [price, expensive], fr: [prix, cher] }
`;

const csvCell = (s: string): string => `"${s.replaceAll('"', '""')}"`;

describe('classifyFile and evalFile', () => {
  let dir: string;
  let csv: string;
  let taxonomyFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecoute-classify-file-'));
    csv = join(dir, 'reviews.csv');
    taxonomyFile = join(dir, 'taxonomy.yaml');
    writeFileSync(taxonomyFile, TAXONOMY);
    const rows: Array<[string, string, string, string]> = [
      ['1', 'Great product, I love it! Fast delivery.', '5', 'delivery'],
      ['2', 'Terrible, the parcel arrived broken and late.', '1', 'delivery'],
      ['3', 'Way too expensive for what it is, very disappointed.', '2', 'price'],
      ['4', 'Excellent, parfait, je recommande.', '5', 'none'],
      ['5', 'Le colis est arrivé en retard, très déçu.', '1', 'delivery'],
      ['6', 'Great product, I love it! Fast delivery.', '4', 'delivery'],
      ['7', '', '3', 'none'],
      ['8', 'Horrible service, never again. Write to jo@example.com', '1', 'none'],
      ['9', 'Le prix est trop cher, nul.', '1', 'price'],
      ['10', 'Very happy, wonderful quality, thank you!', '5', 'none'],
    ];
    writeFileSync(csv, ['id,comment,stars,theme', ...rows.map((r) => [r[0], csvCell(r[1]), r[2], r[3]].join(','))].join('\n') + '\n');
  });

  it('adds the classification columns to a CSV, in file order, classifying each distinct text once', async () => {
    const out = join(dir, 'out.csv');
    const r = await classifyFile({ input: csv, textColumn: 'comment', out, taxonomyFile, quiet: true, redact: true });
    expect(r).toMatchObject({ rows: 10, distinctTexts: 8, newlyClassified: 8, out });
    expect(r.engines.map((e) => e.engine)).toEqual(['embedded', 'embedded']);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
    const db = await openDatabase();
    const rows = (await db.connection.runAndReadAll('SELECT * FROM read_csv($p)', { p: out })).getRowObjectsJson();
    db.close();
    expect(rows.map((x) => String(x.id))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'comment', 'stars', 'theme', 'ecoute_language', 'ecoute_sentiment', 'ecoute_polarity', 'ecoute_confidence', 'ecoute_themes', 'ecoute_mentions']);
    expect(rows[1]!.ecoute_sentiment).toBe('negative');
    expect(rows[9]!.ecoute_sentiment).toBe('positive');
    expect(rows[4]!.ecoute_language).toBe('fr');
    expect(String(rows[1]!.ecoute_themes)).toContain('delivery');
    expect(String(rows[8]!.ecoute_themes)).toContain('price');
    expect(rows[6]!.ecoute_sentiment).toBeNull(); // blank text: no classification
    expect(String(rows[7]!.comment)).toContain('[email]');
  });

  it('redacts the clauses quoted in the mentions too', async () => {
    const input = join(dir, 'pii.csv');
    writeFileSync(input, 'comment\n"The delivery was late again, write to jo@example.com or call +33 6 12 34 56 78"\n');
    const out = join(dir, 'pii-out.csv');
    await classifyFile({ input, textColumn: 'comment', out, taxonomyFile, quiet: true, redact: true });
    const text = (await import('node:fs')).readFileSync(out, 'utf8');
    expect(text).toContain('delivery'); // the theme was found, so a clause is quoted in ecoute_mentions
    expect(text).not.toContain('jo@example.com');
    expect(text).not.toContain('12 34 56 78');
    expect(text).toContain('[email]');
  });

  it('writes Parquet and returns records when no output is asked', async () => {
    const pq = join(dir, 'out.parquet');
    await classifyFile({ input: csv, textColumn: 'comment', out: pq, quiet: true });
    const back = await classifyFile({ input: pq, textColumn: 'comment', quiet: true }).catch((e: unknown) => e);
    expect(back).toBeInstanceOf(InputFileError); // already classified: columns would clash
    const r = await classifyFile({ input: csv, textColumn: 'comment', quiet: true });
    expect(r.records).toHaveLength(10);
    expect(r.records![0]!.ecoute_themes).toBe(''); // no taxonomy: no themes
  });

  it('survives hostile column names and output paths', async () => {
    const hostile = join(dir, "it's hostile.csv");
    const column = 'te"xt); DROP TABLE classify_input; --';
    writeFileSync(hostile, `id,"${column.replaceAll('"', '""')}"\n1,"Great delivery, thanks"\n2,"'); DROP TABLE x; --"\n`);
    const out = join(dir, "o'ut.csv");
    const r = await classifyFile({ input: hostile, textColumn: column, out, quiet: true, redact: true });
    expect(r.rows).toBe(2);
    expect(existsSync(out)).toBe(true);
  });

  it('names the columns when the text column is missing', async () => {
    await expect(classifyFile({ input: csv, textColumn: 'text', quiet: true })).rejects.toThrow(/no text column "text" \(columns: "id", "comment", "stars", "theme"\)/);
  });

  it('reports taxonomy problems with their paths', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'taxonomy:\n  themes:\n    - id: Bad Id\n      labels: {}\n');
    const e = await classifyFile({ input: csv, textColumn: 'comment', taxonomyFile: bad, quiet: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TaxonomyFileError);
    expect((e as Error).message).toMatch(/bad\.yaml: taxonomy\.themes\.0\.id: expected a lower_snake_case theme id/);
    expect((e as Error).message).toMatch(/taxonomy\.themes\.0\.labels/);
  });

  it('evaluates sentiment against star ratings, with the mapping said', async () => {
    const r = await evalFile({ input: csv, textColumn: 'comment', labelColumn: 'stars', task: 'sentiment', quiet: true });
    expect(r.rows).toBe(9);
    expect(r.skipped).toBe(1);
    expect(r.labelMapping).toMatch(/1-5 stars/);
    expect(r.labels).toEqual(expect.arrayContaining(['negative', 'positive']));
    const total = r.confusion.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(9);
    const diagonal = r.labels.reduce((s, _, i) => s + r.confusion[i]![i]!, 0);
    expect(r.accuracy).toBeCloseTo(diagonal / 9, 10);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.macroF1).toBeGreaterThan(0);
  });

  it('evaluates topics against theme ids', async () => {
    const r = await evalFile({ input: csv, textColumn: 'comment', labelColumn: 'theme', task: 'topics', taxonomyFile, quiet: true });
    expect(r.rows).toBe(9);
    expect(r.labels).toEqual(expect.arrayContaining(['delivery', 'none', 'price']));
    expect(r.accuracy).toBeGreaterThanOrEqual(0.6);
    // micro precision / recall of the theme predictions, recomputed here from the confusion matrix
    const at = (l: string): number => r.labels.indexOf(l);
    const themes = r.labels.filter((l) => l !== 'none');
    const hits = themes.reduce((n, l) => n + (r.confusion[at(l)]?.[at(l)] ?? 0), 0);
    const predictedThemes = themes.reduce((n, l) => n + r.confusion.reduce((m, row) => m + (row[at(l)] ?? 0), 0), 0);
    const goldThemes = themes.reduce((n, l) => n + (r.confusion[at(l)] ?? []).reduce((m, x) => m + x, 0), 0);
    expect(r.themes).toMatchObject({ hits, predictedThemes, goldThemes });
    expect(r.themes!.precision).toBeCloseTo(hits / predictedThemes, 10);
    expect(r.themes!.recall).toBeCloseTo(hits / goldThemes, 10);
    await expect(evalFile({ input: csv, textColumn: 'comment', labelColumn: 'theme', task: 'topics', quiet: true })).rejects.toThrow(/taxonomy/);
  });
});

describe('gold label mapping', () => {
  it('reads names, signed, binary, stars and NPS scales', () => {
    expect(mapGoldSentiment(['Positive', 'neg', 'Neutre', 'négatif'])).toMatchObject({ scheme: 'names', labels: ['positive', 'negative', 'neutral', 'negative'] });
    expect(mapGoldSentiment(['-1', '0', '1'])).toMatchObject({ scheme: 'signed', labels: ['negative', 'neutral', 'positive'] });
    expect(mapGoldSentiment(['0', '1', '1'])).toMatchObject({ scheme: 'binary', labels: ['negative', 'positive', 'positive'] });
    expect(mapGoldSentiment(['1', '2', '3', '4', '5'])).toMatchObject({ scheme: 'stars', labels: ['negative', 'negative', 'neutral', 'positive', 'positive'] });
    expect(mapGoldSentiment(['0', '6', '7', '8', '9', '10'])).toMatchObject({ scheme: 'nps', labels: ['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive'] });
  });
  it('refuses what it cannot read', () => {
    expect(() => mapGoldSentiment(['happy', 'sad'])).toThrow(GoldLabelError);
    expect(() => mapGoldSentiment(['1', '42'])).toThrow(/fit no known scale/);
  });
  it('scores topics single-label against multi-theme cells', () => {
    const mentions = JSON.stringify([
      { theme_id: 'price', match_score: 0.5 },
      { theme_id: 'delivery', match_score: 0.9 },
    ]);
    expect(predictedTheme(mentions)).toBe('delivery');
    expect(predictedTheme('[]')).toBe('none');
    expect(goldForPrediction('price;delivery', 'delivery')).toBe('delivery');
    expect(goldForPrediction('price;delivery', 'none')).toBe('price');
    expect(goldForPrediction('', 'none')).toBe('none');
  });
});
