import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { pipelineSchema } from '../../src/config/pipeline-schema.ts';
import { THEMES } from '../../src/demo/theme-catalog.ts';
import { CLAUSES_EN } from '../../src/demo/clause-bank-en.ts';
import { CLAUSES_FR } from '../../src/demo/clause-bank-fr.ts';
import { RESPONSE_HEADER } from '../../src/demo/response-row.ts';
import { ACCOUNTS_HEADER, CONTACTS_HEADER } from '../../src/demo/generate-demo.ts';
import { CHURN_HEADER, INVITATION_HEADER, REVENUE_HEADER } from '../../src/demo/simulate-company.ts';

const file = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));
const parsed = pipelineSchema.safeParse(parse(readFileSync(file, 'utf8')));

describe('pipelines/demo.yaml', () => {
  it('is valid against the pipeline schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  it('points at demo-data/ next to the repo root and parses the survey tool dates', () => {
    const p = parsed.data!;
    expect(p.sources.responses.path).toBe('../demo-data/responses-*.csv');
    expect(p.sources.responses.date_formats).toEqual(['%d/%m/%Y %H:%M']);
    expect(p.settings.speeder_seconds).toBe(15);
    expect(p.output.dir).toBe('../out/demo') /* relative to the pipeline file */;
  });

  it('maps every exported column', () => {
    const s = parsed.data!.sources;
    const mapped = (cols: Record<string, unknown>): string[] =>
      Object.values(cols).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as Record<string, string>)));
    expect(mapped(s.responses.columns).sort()).toEqual([...RESPONSE_HEADER].sort());
    expect(mapped(s.accounts!.columns).sort()).toEqual([...ACCOUNTS_HEADER].sort());
    expect(mapped(s.contacts!.columns).sort()).toEqual([...CONTACTS_HEADER].sort());
    expect(mapped(s.revenue!.columns).sort()).toEqual([...REVENUE_HEADER].sort());
    expect(mapped(s.churn!.columns).sort()).toEqual([...CHURN_HEADER].sort());
    expect(mapped(s.invitations!.columns).sort()).toEqual([...INVITATION_HEADER].sort());
  });

  it('declares exactly the generated themes, with examples taken from their clause banks', () => {
    const themes = parsed.data!.taxonomy!.themes;
    expect(themes.map((t) => t.id)).toEqual(THEMES.map((t) => t.id));
    for (const t of themes) {
      const bank = [CLAUSES_EN[t.id], CLAUSES_FR[t.id]].flatMap((b) => [...(b?.negative ?? []), ...(b?.positive ?? [])]);
      for (const example of t.examples) expect(bank, `${t.id}: ${example}`).toContain(example);
      expect(t.keywords.en.length).toBeGreaterThan(2);
      expect(t.keywords.fr.length).toBeGreaterThan(2);
      expect(t.labels.en).toBe(THEMES.find((x) => x.id === t.id)?.labels.en);
    }
  });
});
