import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { clusterClauses, REPRESENTATIVES, type UnmatchedClause } from '../../src/classify/discovery/cluster-clauses.ts';
import { distinctivePhrases, phraseDocumentFrequency } from '../../src/classify/discovery/distinctive-phrases.ts';
import { candidateKeywords, candidateToTheme } from '../../src/classify/discovery/promote-candidate.ts';
import type { StoredCandidate } from '../../src/classify/discovery/reconcile-candidates.ts';
import { byPriority, loadThemeCandidates, saveThemeCandidates } from '../../src/classify/discovery/theme-candidates-store.ts';
import { clausePhrases, isTopicalClause, tokenizeClause } from '../../src/classify/discovery/tokenize-clause.ts';

const en = (clause: string, i: number): UnmatchedClause => ({ clause, verbatim: `${clause} (#${i})`, language: 'en' });

/**
 * A generated set of short complaints as they come from social media: a large, mostly positive theme,
 * a smaller negative one, and noise that must never become a candidate (@handles, URLs, "Why?", thanks).
 */
function complaints(): UnmatchedClause[] {
  const out: UnmatchedClause[] = [];
  const who = ['the atm', 'the machine', 'the cash machine', 'atm'];
  const tail = ['of cash', 'again', 'today', 'twice', 'last night', 'this morning'];
  for (let i = 0; i < 24; i++) out.push(en(`${who[i % 4]} gave me the wrong amount ${tail[i % 6]}`, i));
  const praise = ['looks clean', 'is lovely', 'is simple', 'feels modern', 'is great', 'is beautiful', 'is clear'];
  for (let i = 0; i < 40; i++) out.push(en(`the mobile app design ${praise[i % 7]}`, 100 + i));
  const noise = ['@bank_help', 'Why?', 'http://t.co/AbC123', 'Thanks so much!!', 'so frustrating', 'www.example.com/help', '@bank 2019'];
  for (let i = 0; i < 70; i++) out.push(en(noise[i % noise.length] as string, 200 + i));
  return out;
}

describe('discovery worth reading', () => {
  it('reads no topic in @handles, URLs, e-mail addresses, numbers, question words, bare calls for help or emotion-only clauses', () => {
    for (const noise of ['@united', 'Why?', 'http://t.co/x1Y2', 'www.example.com', 'Thanks so much!!', 'so frustrating', '12345', 'jo@example.com', 'Pourquoi ?', 'Please help?', 'Can you help me?', 'What happened?', 'Aidez-moi svp']) {
      expect(isTopicalClause(tokenizeClause(noise)), noise).toBe(false);
    }
    expect(tokenizeClause('@united my bag never arrived http://t.co/abc').words).toEqual(['bag', 'arrived']);
    expect(isTopicalClause(tokenizeClause('late delivery'))).toBe(true);
    expect(tokenizeClause('can you help me with my refund').words).toEqual(['refund']);
  });

  it('finds the phrases a keyword would match: runs of 2-3 words with content words at both ends', () => {
    expect(clausePhrases('the ATM gave me the wrong amount of cash')).toEqual(['atm gave', 'wrong amount', 'amount of cash']);
    // an opinion word may open a phrase, but a phrase needs a topical word
    expect(clausePhrases('really bad')).toEqual([]);
  });

  it('scores phrases by how much more a cluster says them than all clauses do', () => {
    const members = [['wrong amount', 'amount of cash'], ['wrong amount', 'cash machine'], ['wrong amount of cash']];
    const df = phraseDocumentFrequency([...members, ['cash machine'], ['cash machine'], ['cash machine'], ['mobile app']]);
    // "wrong amount" is said by 2 members and nowhere else; "cash machine" by 1 member (under the floor of 2)
    expect(distinctivePhrases(members, df, 7)).toEqual(['wrong amount']);
    // at equal score the longer phrase is chosen, and a phrase inside or around a chosen one is not chosen again
    expect(distinctivePhrases([['wrong amount', 'wrong amount of cash'], ['wrong amount', 'wrong amount of cash']], new Map(), 10)).toEqual(['wrong amount of cash']);
    // nor its plural or singular
    expect(distinctivePhrases([['call backs', 'call back'], ['call backs', 'call back'], ['call back']], new Map(), 10)).toEqual(['call back']);
    // no phrase holds an elided article: "d'autres solutions" gives "autres solutions"
    expect(clausePhrases("Nous étudions d'autres solutions")).toEqual(['autres solutions']);
  });

  it('names candidates by phrases, ranks them by size × negativity, carries 5 examples, and leaves noise out', () => {
    const candidates = clusterClauses(complaints(), { minClusterSize: 3 });
    const terms = candidates.flatMap((c) => [...c.topTerms, ...c.phrases, c.name]).join(' ');
    expect(terms).not.toMatch(/bank|http|t\.co|why|thanks|frustrat|2019|example/);
    for (const c of candidates) for (const r of c.representatives) expect(r.clause).not.toMatch(/^@|http|^Why\?$|^Thanks/);
    const isCash = (c: { topTerms: readonly string[] }): boolean => c.topTerms.some((t) => t.startsWith('amount') || t.startsWith('gave'));
    const cash = candidates.filter(isCash);
    const app = candidates.filter((c) => !isCash(c));
    expect(cash.length).toBeGreaterThan(0);
    expect(app.length).toBeGreaterThan(0);
    // named by a phrase its clauses say (two or three words), and the phrase every cash complaint says is among them
    for (const c of candidates) {
      expect(c.name).toBe(c.phrases[0]);
      expect(c.name.split(' ').length).toBeGreaterThanOrEqual(2);
    }
    expect(cash.flatMap((c) => c.phrases)).toContain('wrong amount');
    // the negative theme is smaller but every one of its candidates comes first
    expect(cash.reduce((n, c) => n + c.size, 0)).toBeLessThan(app.reduce((n, c) => n + c.size, 0));
    for (const c of cash) expect(c.negativeShare).toBeGreaterThan(0.5);
    for (const c of app) expect(c.negativeShare).toBeLessThan(0.1);
    for (const c of candidates) expect(c.priority).toBeCloseTo(c.size * c.negativeShare, 3);
    expect(candidates.slice(0, cash.length).every(isCash)).toBe(true);
    expect(cash[0]!.representatives).toHaveLength(REPRESENTATIVES);
    expect(REPRESENTATIVES).toBe(5);
  });

  it('promotes phrases, not generic words', () => {
    const [cash] = clusterClauses(complaints(), { minClusterSize: 3 }); // the first: the negative theme
    const stored: StoredCandidate = { ...cash!, candidateId: 'cand_test', firstSeen: '2026-01-01', lastSeen: '2026-01-31', runs: 1 };
    const theme = candidateToTheme(stored);
    expect(theme.keywords.en.every((k) => k.includes(' '))).toBe(true);
    expect(theme.labels.en).toBe(cash!.name.charAt(0).toUpperCase() + cash!.name.slice(1));
    expect(theme.keywords.en).toEqual(cash!.phrases);
    expect(theme.examples).toHaveLength(5);
    expect(theme.description).toMatch(/% negative/);
    // a candidate with no phrase falls back to specific terms only: never "time", "day" or "hours"
    const generic: StoredCandidate = { ...stored, phrases: [], topTerms: ['time', 'hour', 'refund', 'day'], surfaceTerms: ['time', 'hours', 'refund', 'day'] };
    expect(candidateKeywords(generic)).toEqual(['refund']);
  });

  it('stores candidates ranked, and reads a table written before names and priorities without changing it', async () => {
    const db = await openDatabase();
    try {
      const found = clusterClauses(complaints(), { minClusterSize: 3 }).map((c, i): StoredCandidate => ({ ...c, candidateId: `cand_${String(9 - i)}`, firstSeen: '2026-01-01', lastSeen: '2026-01-02', runs: 1 }));
      await saveThemeCandidates(db.connection, [...found].reverse());
      const order = (await db.connection.runAndReadAll('SELECT candidate_id FROM theme_candidates')).getRows().map((r) => String(r[0]));
      const ranked = [...found].sort(byPriority);
      expect(ranked[0]!.negativeShare).toBeGreaterThan(0.5);
      expect(order).toEqual(ranked.map((c) => c.candidateId));
      expect((await loadThemeCandidates(db.connection)).map((c) => [c.candidateId, c.name, c.phrases, c.negativeShare])).toEqual(ranked.map((c) => [c.candidateId, c.name, c.phrases, c.negativeShare]));

      await db.connection.run('DROP TABLE theme_candidates');
      await db.connection.run(`CREATE TABLE theme_candidates (candidate_id VARCHAR PRIMARY KEY, top_terms VARCHAR[], surface_terms VARCHAR[], centroid VARCHAR, size INTEGER,
        cohesion DOUBLE, language VARCHAR, representatives VARCHAR, first_seen DATE, last_seen DATE, runs INTEGER)`);
      await db.connection.run(`INSERT INTO theme_candidates VALUES ('cand_old', ['refund', 'late'], ['refund', 'late'], '{}', 12, 0.5, 'en', '[]', DATE '2025-01-01', DATE '2025-01-31', 1)`);
      const [old] = await loadThemeCandidates(db.connection);
      expect([old!.name, old!.phrases, Number.isNaN(old!.negativeShare)]).toEqual(['refund / late', [], true]);
      const columns = (await db.connection.runAndReadAll("SELECT count(*) FROM information_schema.columns WHERE table_name = 'theme_candidates'")).getRows()[0]![0];
      expect(Number(columns)).toBe(11);
    } finally {
      db.close();
    }
  });
});
