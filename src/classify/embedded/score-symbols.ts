/**
 * Valence carried by symbols rather than words: emoji and emoticons, "n/10"-style and "n étoiles / stars"
 * ratings (mapped linearly to -3..+3), and exclamation marks, which emphasise whatever sentiment the
 * clause already has (+0.292 per "!", at most four, as in VADER).
 */
import { EMOJI_OR_EMOTICON, emojiValence } from './emoji-lexicon.ts';

/** Running sums of one clause (valences ≥ 0 go to positive, < 0 to negative). */
export interface ClauseSums {
  sum: number;
  positive: number;
  negative: number;
  hits: number;
}

const EXCLAMATION_STEP = 0.292;
const RATING = /(?<![\d.,])(\d{1,2}(?:[.,]\d)?)\s*(?:\/|sur|out of)\s*(5|10|20)(?![\d])/gi;
const STARS = /(?<![\d.,])([0-5](?:[.,]5)?)\s*(?:[ée]toiles?|stars?)(?![\p{L}])/giu;
const MAY_HAVE_EMOJI = /[^\x00-\x7f]|[:;=<^xX_-][\-')(DPp/|\]\[@3_^]/;

function addValence(out: ClauseSums, v: number): void {
  out.sum += v;
  if (v > 0) out.positive += v;
  else out.negative += v;
  out.hits++;
}

/** Add the symbols of a clause's text to its sums. */
export function addSymbols(text: string, out: ClauseSums): void {
  if (MAY_HAVE_EMOJI.test(text)) {
    for (const m of text.matchAll(EMOJI_OR_EMOTICON)) {
      const v = emojiValence(m[0]);
      if (v === 0) continue;
      out.sum += v;
      if (v > 0) out.positive += v;
      else out.negative += v;
      out.hits++;
    }
  }
  if (/\d/.test(text)) {
    for (const m of text.matchAll(RATING)) {
      const ratio = Math.min(1, Number((m[1] as string).replace(',', '.')) / Number(m[2]));
      addValence(out, (ratio - 0.5) * 6);
    }
    for (const m of text.matchAll(STARS)) addValence(out, (Number((m[1] as string).replace(',', '.')) / 5 - 0.5) * 6);
  }
  if (out.sum !== 0 && text.includes('!')) {
    let bangs = 0;
    for (let k = 0; k < text.length && bangs < 4; k++) if (text.charCodeAt(k) === 33) bangs++;
    out.sum += Math.sign(out.sum) * EXCLAMATION_STEP * bangs;
  }
}

