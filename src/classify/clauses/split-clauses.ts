/**
 * Sentences, then clauses at contrast connectors, with character offsets into the text.
 *
 * "le produit est bien mais le support est injoignable"
 *   → [{text: 'le produit est bien', start: 0, end: 19}, {text: 'mais le support est injoignable', start: 20, end: 51}]
 *
 * The connector stays at the head of the clause it opens, so a clause read alone keeps its meaning;
 * `splitClauseSpans` also says which kind of connector opened each clause (for contrast weighting).
 */
import type { Clause, Language } from '../classifier-types.ts';
import { connectorPattern, NOT_CONTRAST_AFTER, NOT_CONTRAST_BEFORE, type ConnectorKind } from './contrast-connectors.ts';
import { EMOTICON_VALENCE } from '../embedded/emoji-lexicon.ts';

export interface ClauseSpan extends Clause {
  /** connector that opens the clause, if any */
  readonly connector: ConnectorKind | 'none';
  /** index of the sentence the clause belongs to */
  readonly sentence: number;
}

const SENTENCE_END = /[.!?…。]+["'”»)\]]*(?=\s|$)|\n+/g;
const LEADING_JUNK = /^[\s,;:–—\-–•*]+/;
const TRAILING_JUNK = /[\s,;:–—\-]+$/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Whether a piece of text starts with an ASCII emoticon (":(", ";)", "-_-"), whose punctuation is not junk. */
const EMOTICONS = [...EMOTICON_VALENCE.keys()];
const startsWithEmoticon = (piece: string): boolean => EMOTICONS.some((e) => piece.startsWith(e));

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const piece = text.slice(start, end);
  const spaces = /^\s*/.exec(piece)?.[0].length ?? 0;
  const lead = startsWithEmoticon(piece.slice(spaces)) ? spaces : (LEADING_JUNK.exec(piece)?.[0].length ?? 0);
  const trail = TRAILING_JUNK.exec(piece.slice(lead))?.[0].length ?? 0;
  return { start: start + lead, end: end - trail };
}

function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = (m.index ?? 0) + m[0].length;
    spans.push([from, to]);
    from = to;
  }
  if (from < text.length) spans.push([from, text.length]);
  return spans;
}

export function splitClauseSpans(text: string, language?: Language): ClauseSpan[] {
  const clauses: ClauseSpan[] = [];
  let sentenceIndex = 0;
  for (const [sStart, sEnd] of sentenceSpans(text)) {
    const sentence = text.slice(sStart, sEnd);
    if (!HAS_WORD.test(sentence) && !/\S/.test(sentence)) continue;
    // cut points: [offset in sentence, kind of the clause that starts there]
    const cuts: Array<[number, ConnectorKind | 'none']> = [[0, 'none']];
    const pattern = connectorPattern(language);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m !== null; m = pattern.exec(sentence)) {
      const at = m.index ?? 0;
      const kind: ConnectorKind | 'none' = m.groups?.adv ? 'adversative' : m.groups?.con ? 'concessive' : 'none';
      const before = sentence.slice(0, at);
      const after = sentence.slice(at + m[0].length);
      if (kind !== 'none' && (NOT_CONTRAST_BEFORE.test(before) || NOT_CONTRAST_AFTER.test(after))) continue;
      if (!HAS_WORD.test(before.slice(cuts[cuts.length - 1]?.[0] ?? 0))) {
        // connector at the head of the sentence (or right after a cut): no split, but remember its kind
        const last = cuts[cuts.length - 1] as [number, ConnectorKind | 'none'];
        if (kind !== 'none' && last[1] === 'none') last[1] = kind;
        continue;
      }
      if (!HAS_WORD.test(after)) continue; // "Great product though."
      cuts.push(m[0] === ';' ? [at + 1, 'none'] : [at, kind]);
    }
    // "Although X, Y": the concessive clause ends at its first comma, Y is the main clause
    for (let c = 0; c < cuts.length; c++) {
      const [from, kind] = cuts[c] as [number, ConnectorKind | 'none'];
      if (kind !== 'concessive') continue;
      const to = cuts[c + 1]?.[0] ?? sentence.length;
      const comma = sentence.indexOf(',', from);
      if (comma !== -1 && comma < to && HAS_WORD.test(sentence.slice(comma + 1, to))) cuts.splice(c + 1, 0, [comma + 1, 'none']);
    }
    for (let c = 0; c < cuts.length; c++) {
      const [from, kind] = cuts[c] as [number, ConnectorKind | 'none'];
      const to = cuts[c + 1]?.[0] ?? sentence.length;
      const span = trimSpan(text, sStart + from, sStart + to);
      if (span.end <= span.start) continue;
      const clauseText = text.slice(span.start, span.end);
      if (!/\S/.test(clauseText)) continue;
      clauses.push({ text: clauseText, start: span.start, end: span.end, connector: kind, sentence: sentenceIndex });
    }
    sentenceIndex++;
  }
  return clauses;
}

/** Clauses of a text (see module doc); empty for empty or whitespace-only text. */
export function splitClauses(text: string, language?: Language): Clause[] {
  return splitClauseSpans(text, language).map(({ text: t, start, end }) => ({ text: t, start, end }));
}
