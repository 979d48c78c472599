/**
 * The explorer's columns, checked by hand on four verbatims: PII redacted before anything is kept,
 * the matched clause located in the redacted text (not at its raw offset), dictionary codes,
 * mentions as compressed rows in the verbatims' order, ARR bands, the match source (the topics
 * engine's match_source when the table has it, else the engine), and mentions of unknown responses dropped.
 */
import { describe, expect, it } from 'vitest';
import { buildExplorerColumns, locateClause, type ExplorerMentionRow, type ExplorerVerbatimRow } from '../../src/report/explorer/explorer-columns.ts';

const base = { csat: null, ces: null, region: 'EMEA', owner: 'Ana', journey_stage: 'renewal', touchpoint: 'Email', survey_type: 'relational', language: 'fr' } as const;
const ROWS: ExplorerVerbatimRow[] = [
  { ...base, response_id: 'R3', day: '2026-10-31', nps: 2, segment: 'SMB', arr: 12_000.4, verbatim: 'Écrivez à jean.dupont@example.fr : la facture est fausse' },
  { ...base, response_id: 'R2', day: '2026-10-30', nps: 9, segment: 'Enterprise', arr: 250_000, verbatim: 'Support rapide, merci' },
  { ...base, response_id: 'R1', day: '1970-01-02', nps: null, segment: 'Enterprise', arr: null, verbatim: 'Déçue par le délai' },
  { ...base, response_id: 'R0', day: '2026-01-01', nps: 7, segment: '(unknown)', arr: 100_000, verbatim: 'rien à signaler' },
];
const MENTIONS: ExplorerMentionRow[] = [
  // raw offset 35 in the unredacted text; 15 characters earlier once the email is redacted
  { response_id: 'R3', theme_id: 'billing', sentiment_label: 'negative', clause_text: 'la facture est fausse', clause_start: 35, match_source: 'keyword', match_evidence: 'facture' },
  { response_id: 'R2', theme_id: 'support', sentiment_label: 'positive', clause_text: 'Support rapide', clause_start: 0, engine: 'embedded' },
  { response_id: 'R1', theme_id: 'delivery', sentiment_label: 'negative', clause_text: 'un texte absent', clause_start: 0, match_source: 'model', match_evidence: '0.81' },
  { response_id: 'R1', theme_id: 'billing', sentiment_label: null, clause_text: 'délai', clause_start: 12, engine: 'embedded' },
  { response_id: 'R-NOT-A-VERBATIM', theme_id: 'billing', sentiment_label: 'negative', clause_text: 'x', engine: 'embedded' },
];

describe('buildExplorerColumns', () => {
  const data = buildExplorerColumns(ROWS, MENTIONS, { arrBands: [25_000, 100_000] });

  it('keeps every verbatim, in order, PII-redacted', () => {
    expect(data.n).toBe(4);
    expect(data.id).toEqual(['R3', 'R2', 'R1', 'R0']);
    expect(data.text[0]).toBe('Écrivez à [email] : la facture est fausse');
    expect(JSON.stringify(data)).not.toContain('jean.dupont');
    expect(data.day).toEqual([20_757, 20_756, 1, 20_454]);
    expect(data.nps).toEqual([2, 9, null, 7]);
    expect(data.arr).toEqual([12_000, 250_000, null, 100_000]);
  });

  it('codes repeated strings in sorted dictionaries, ARR in bands', () => {
    expect(data.dims.segment.values).toEqual(['(unknown)', 'Enterprise', 'SMB']);
    expect(data.dims.segment.codes).toEqual([2, 1, 1, 0]);
    expect(data.dims.arr_band.values).toEqual(['under 25k', '25k-100k', '100k and over', 'unknown']);
    expect(data.dims.arr_band.codes).toEqual([0, 2, 3, 2]);
    expect(data.dims.arr_band.codes.map((c) => data.dims.arr_band.values[c])).toEqual(['under 25k', '100k and over', 'unknown', '100k and over']);
  });

  it('stores mentions as compressed rows with the clause located in the redacted text', () => {
    expect(data.mention.offsets).toEqual([0, 1, 2, 4, 4]);
    expect(data.themes).toEqual(['billing', 'delivery', 'support']);
    expect(data.mention.theme).toEqual([0, 2, 1, 0]);
    expect(data.mention.sentiment).toEqual([0, 2, 0, -1]);
    const [from, to] = [data.mention.from[0]!, data.mention.to[0]!];
    expect(data.text[0]!.slice(from, to)).toBe('la facture est fausse');
    expect(from).toBe(20);
    expect([data.mention.from[1], data.mention.to[1]]).toEqual([0, 14]);
    expect([data.mention.from[2], data.mention.to[2]]).toEqual([-1, -1]);
    expect(data.text[2]!.slice(data.mention.from[3]!, data.mention.to[3]!)).toBe('délai');
    expect(data.sources).toEqual(['embedded', 'keyword', 'model']);
    expect(data.mention.source.map((s) => data.sources[s])).toEqual(['keyword', 'embedded', 'model', 'embedded']);
    expect(data.mention.evidence).toEqual(['facture', null, '0.81', null]);
  });

  it('rejects a date that is not YYYY-MM-DD with the value named', () => {
    expect(() => buildExplorerColumns([{ ...ROWS[0]!, day: '31/10/2026' }], [], { arrBands: [1] })).toThrow(/"31\/10\/2026"/);
  });
});

describe('locateClause', () => {
  it('takes the occurrence nearest the recorded start, then one ignoring case', () => {
    expect(locateClause('ok ok ok', 'ok', 4)).toEqual([3, 5]);
    expect(locateClause('ok ok ok', 'ok', 9)).toEqual([6, 8]);
    expect(locateClause('abc ok', 'ok', 0)).toEqual([4, 6]);
    expect(locateClause('Très BIEN', 'très bien', null)).toEqual([0, 9]);
    expect(locateClause('abc', '', 0)).toEqual([-1, -1]);
  });
});
