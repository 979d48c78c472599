import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextWithOffsets, MAX_TEXT_CHARS } from '../../src/classify/embedded/index.ts';

describe('cleanText', () => {
  it('leaves clean text untouched (same string, no offset table)', () => {
    const r = cleanTextWithOffsets('Très bien, merci !');
    expect(r.text).toBe('Très bien, merci !');
    expect(r.originStart).toBeUndefined();
  });

  it('strips tags, decodes entities, collapses whitespace and keeps line breaks', () => {
    expect(cleanText('  <p>Fish &amp; chips&#39;s &#xE9;t&eacute;</p><p>next</p>  ')).toBe("Fish & chips's été\nnext");
    expect(cleanText('a\t\t b \r\n\r\n c')).toBe('a b\nc');
    expect(cleanText('I <3 it, 2 < 3 &unknown; ok')).toBe('I <3 it, 2 < 3 &unknown; ok');
    expect(cleanText('<style>p{color:red}</style>ok')).toBe('ok');
  });

  it('drops replacement, control and zero-width characters', () => {
    expect(cleanText('d\uFFFDcu\u0000\u200B !')).toBe('dcu !');
  });

  it('caps the length at a word boundary and is idempotent', () => {
    const long = 'word '.repeat(5000);
    const once = cleanText(long);
    expect(once.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(once.endsWith('word')).toBe(true);
    expect(cleanText(once)).toBe(once);
  });
});
