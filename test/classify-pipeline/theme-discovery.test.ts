import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { parse } from 'yaml';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { classifyResponses } from '../../src/classify/pipeline/classify-responses.ts';
import { discoverThemes, unmatchedClauses, type SplitClauses } from '../../src/classify/discovery/discover-themes.ts';
import { promoteCandidate, UnknownCandidateError } from '../../src/classify/discovery/promote-candidate.ts';
import { clusterClauses, chooseK } from '../../src/classify/discovery/cluster-clauses.ts';
import { candidateIdFor } from '../../src/classify/discovery/reconcile-candidates.ts';
import { stemToken } from '../../src/classify/discovery/stem-token.ts';
import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { createRng } from '../../src/util/random.ts';
import { countingClassifier, loadResponses } from './fixtures.ts';

/** Splits on , . ; like the counting classifier double (the real splitter is the embedded engine's). */
const splitOnPunctuation: SplitClauses = (text) => {
  const out = [];
  const re = /[^,.;!?]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t.length > 0) out.push({ text: t, start: m.index + lead, end: m.index + lead + t.length });
  }
  return out;
};

function verbatims(seed: number, n: number, offset: number): Array<{ id: string; verbatim: string }> {
  const rng = createRng(seed);
  const app = ["l'application plante à la connexion", "l'appli plante encore au démarrage", 'application bloquée, connexion impossible', "l'application se ferme à la connexion"];
  const delivery = ['the parcel arrived late', 'delivery was late and the parcel damaged', 'parcel delivery late again', 'late delivery of my parcel'];
  const matched = ['le prix est trop cher', 'great support service'];
  return Array.from({ length: n }, (_, i) => {
    const parts = [rng.pick(app), rng.pick(matched)];
    if (rng.chance(0.5)) parts[0] = rng.pick(delivery);
    const who = ['Marc', 'Julie', 'Sam', 'Lea'][i % 4];
    return { id: `r${String(offset + i).padStart(4, '0')}`, verbatim: `${parts.join(', ')}. ${who} (mail ${who.toLowerCase()}@example.com)` };
  });
}

describe('theme discovery', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openDatabase();
  });
  afterEach(() => db.close());

  async function nightlyRun(runDate: string) {
    const c = countingClassifier();
    await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    return discoverThemes(db.connection, { runDate, splitClauses: splitOnPunctuation, minClusterSize: 4 });
  }

  it('finds unmatched themes, dated by their clauses, with ids a later night and a fresh database find again', async () => {
    const june1 = verbatims(1, 60, 0).map((r) => ({ ...r, submittedAt: '2024-05-20 09:00:00' }));
    await loadResponses(db.connection, june1);
    const first = await nightlyRun('2024-06-01');
    expect(first.unmatchedClauses).toBeGreaterThanOrEqual(60);
    const terms = first.seen.map((c) => c.topTerms.slice(0, 4).join(' '));
    expect(terms.some((t) => /applic|connexion|plant/.test(t))).toBe(true);
    expect(terms.some((t) => /parcel|late|deliv/.test(t))).toBe(true);
    for (const c of first.seen) {
      expect(c.candidateId).toMatch(/^cand_[0-9a-f]{8}(_\d+)?$/);
      // up to 5 distinct verbatims (this generator repeats some verbatims word for word)
      expect(c.representatives.length).toBeGreaterThanOrEqual(Math.min(3, c.size));
      expect(c.representatives.length).toBeLessThanOrEqual(5);
      expect(new Set(c.representatives.map((r) => r.verbatim)).size).toBe(c.representatives.length);
      for (const r of c.representatives) expect(r.verbatim).not.toMatch(/@example\.com/);
      expect([c.firstSeen, c.lastSeen, c.runs]).toEqual(['2024-05-20', '2024-05-20', 1]);
    }
    // no cluster made of the matched themes' clauses
    expect(first.all.every((c) => !c.topTerms.includes('prix'))).toBe(true);

    // next night: new responses of June, same themes in a different mix, plus a brand-new theme
    const june2 = [
      ...verbatims(2, 40, 100).map((r) => ({ ...r, submittedAt: '2024-06-01 18:00:00' })),
      ...Array.from({ length: 12 }, (_, i) => ({ id: `z${i}`, verbatim: `facture erronée, remboursement attendu depuis ${i + 2} semaines`, submittedAt: '2024-06-01 18:00:00' })),
    ];
    await loadResponses(db.connection, june2);
    const second = await nightlyRun('2024-06-02');
    for (const old of first.seen) {
      const again = second.all.find((c) => c.candidateId === old.candidateId);
      expect(again, `candidate ${old.candidateId} (${old.topTerms.join(' ')}) found again`).toBeDefined();
      expect([again!.firstSeen, again!.lastSeen, again!.runs]).toEqual(['2024-05-20', '2024-06-01', 2]);
    }
    const fresh = second.seen.filter((c) => c.firstSeen === '2024-06-01');
    expect(fresh.some((c) => c.topTerms.some((t) => /factur|rembours/.test(t)))).toBe(true);

    // a rerun changes nothing, and a fresh database with the same responses finds the same candidates
    const rerun = await nightlyRun('2024-06-02');
    expect(rerun.all).toEqual(second.all);
    const scratch = await openDatabase();
    try {
      await loadResponses(scratch.connection, [...june1, ...june2]);
      const c = countingClassifier();
      await classifyResponses(scratch.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
      const fromScratch = await discoverThemes(scratch.connection, { runDate: '2024-06-02', splitClauses: splitOnPunctuation, minClusterSize: 4 });
      expect(fromScratch.all).toEqual(second.all);
    } finally {
      scratch.close();
    }
  });

  it('streams the verbatims: past maxClauses it clusters the very clauses clusterClauses samples from the whole list', async () => {
    const rows = verbatims(3, 80, 0).map((r, i) => ({ ...r, submittedAt: `2024-05-${String(1 + (i % 28)).padStart(2, '0')} 09:00:00` }));
    await loadResponses(db.connection, rows);
    const c = countingClassifier();
    await classifyResponses(db.connection, { engines: c.engines, classify: c.classify, taxonomyVersion: '1', quiet: true });
    // the whole list, built here apart: every verbatim in id order, its clauses that overlap no mention span
    const spans = new Map<string, Array<[number, number]>>();
    const mentions = await db.connection.runAndReadAll('SELECT response_id, clause_start, clause_end FROM theme_mentions');
    for (const [id, s, e] of mentions.getRows()) spans.set(String(id), [...(spans.get(String(id)) ?? []), [Number(s), Number(e)]]);
    const languages = new Map((await db.connection.runAndReadAll('SELECT response_id, language FROM verbatim_sentiment')).getRows().map(([id, l]) => [String(id), String(l)]));
    const whole = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).flatMap((r) =>
      unmatchedClauses(splitOnPunctuation(r.verbatim), spans.get(r.id) ?? []).map((cl) => ({ clause: cl.text, verbatim: r.verbatim, language: languages.get(r.id) as 'fr' | 'en', date: r.submittedAt.slice(0, 10) })),
    );
    const maxClauses = 45;
    expect(whole.length).toBeGreaterThan(2 * maxClauses); // a stride of 3 or more: the second pass runs
    const expected = clusterClauses(whole, { maxClauses, minClusterSize: 4 });
    const found = await discoverThemes(db.connection, { runDate: '2024-06-01', splitClauses: splitOnPunctuation, minClusterSize: 4, maxClauses });
    expect(found.unmatchedClauses).toBe(whole.length);
    expect(expected.length).toBeGreaterThan(0);
    const key = (x: { topTerms: readonly string[] }): string => x.topTerms.join(' ');
    const byTerms = <T extends { topTerms: readonly string[] }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(byTerms(found.seen).map((x) => [x.topTerms, x.size, x.cohesion, x.representatives])).toEqual(byTerms(expected).map((x) => [x.topTerms, x.size, x.cohesion, x.representatives]));
    // within maxClauses, one pass: the same candidates as without a limit
    const unlimited = await discoverThemes(db.connection, { runDate: '2024-06-01', splitClauses: splitOnPunctuation, minClusterSize: 4 });
    expect(byTerms(unlimited.seen).map((x) => [x.topTerms, x.size])).toEqual(byTerms(clusterClauses(whole, { minClusterSize: 4 })).map((x) => [x.topTerms, x.size]));
  });

  it('promotes a candidate to a valid taxonomy theme snippet', async () => {
    await loadResponses(db.connection, verbatims(1, 60, 0));
    const { seen } = await nightlyRun('2024-06-01');
    const app = seen.find((c) => c.topTerms.some((t) => /applic|connexion/.test(t)))!;
    const yaml = await promoteCandidate(db.connection, app.candidateId, { themeId: 'app_crash', labelEn: 'App crashes' });
    expect(yaml.startsWith('- id: app_crash\n')).toBe(true);
    const [theme] = parse(yaml) as unknown[];
    const tax = taxonomySchema.parse({ version: '2', themes: [{ id: 'price', labels: { en: 'Price' } }, theme] });
    const promoted = tax.themes[1]!;
    expect(promoted.labels).toEqual({ en: 'App crashes' });
    expect(promoted.examples).toHaveLength(5);
    expect(promoted.keywords.fr.length).toBeGreaterThan(0);
    expect(promoted.keywords.fr.join(' ')).toMatch(/applic|connexion|plant/);
    const indented = await promoteCandidate(db.connection, app.candidateId, { indent: 4 });
    expect(indented.split('\n').filter((l) => l.length > 0).every((l) => l.startsWith('    '))).toBe(true);
    await expect(promoteCandidate(db.connection, 'cand_nope')).rejects.toBeInstanceOf(UnknownCandidateError);
  });
});

describe('discovery building blocks', () => {
  it('keeps only clauses that overlap no mention', () => {
    const clauses = splitOnPunctuation('le prix, la livraison. ok');
    expect(unmatchedClauses(clauses, [[0, 7]]).map((c) => c.text)).toEqual(['la livraison', 'ok']);
  });
  it('stems French and English inflections together', () => {
    expect(stemToken('livraisons')).toBe(stemToken('livraison'));
    expect(stemToken('delays')).toBe(stemToken('delay'));
    expect(stemToken('remboursement')).toBe('rembours');
  });
  it('chooses k from the number of clauses and is deterministic', () => {
    expect(chooseK(2, 20)).toBe(1);
    expect(chooseK(200, 20)).toBe(10);
    expect(chooseK(100000, 20)).toBe(20);
    const input = Array.from({ length: 30 }, (_, i) => ({ clause: i % 2 === 0 ? `wifi signal lost ${i}` : `invoice wrong amount ${i}`, verbatim: `v${i}`, language: 'en' as const }));
    const a = clusterClauses(input, { minClusterSize: 3 });
    const b = clusterClauses(input, { minClusterSize: 3 });
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(2);
    expect(candidateIdFor(['b', 'a', 'c', 'd'])).toBe(candidateIdFor(['a', 'b', 'c', 'x']));
  });
});
