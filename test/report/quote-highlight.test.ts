import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown } from '../../src/report/executive/report-document.ts';
import { quotedVerbatim } from '../../src/report/executive/report-facts.ts';

describe('quotes highlight the clause that mentions the theme', () => {
  const row = { response_id: 'R1', verbatim: 'Great tool, but call me at 06 12 34 56 78: the invoice was wrong.', clause_start: 12, clause_end: 65, nps: 4, submitted: '2026-01-02', segment: 'SMB' };

  it('splits the verbatim at the clause offsets, each part redacted', () => {
    const v = quotedVerbatim(row);
    expect(v.highlight?.before).toBe('Great tool, ');
    expect(v.highlight?.clause.startsWith('but call me at ')).toBe(true);
    expect(v.highlight?.clause).not.toContain('06 12 34 56 78');
    expect(v.highlight?.clause.endsWith('the invoice was wrong.')).toBe(true);
    expect(v.highlight?.after).toBe('');
    // offsets outside the text: no highlight, the whole verbatim is quoted
    expect(quotedVerbatim({ ...row, clause_start: 50, clause_end: 500 }).highlight).toBeUndefined();
  });

  it('renders <mark> in HTML and bold in Markdown', () => {
    const doc = { lang: 'en' as const, title: 't', blocks: [{ kind: 'quote' as const, text: 'a b c', cite: 'NPS 4', highlight: { before: 'a ', clause: 'b <x>', after: ' c' } }] };
    expect(renderHtml(doc)).toContain('<blockquote>a <mark>b &lt;x&gt;</mark> c<cite>NPS 4</cite></blockquote>');
    expect(renderMarkdown(doc, 'svg')).toContain('> a **b &lt;x&gt;** c');
  });
});
