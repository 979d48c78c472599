/**
 * Valence of emoji and ASCII emoticons, on the lexicon's -4..+4 scale.
 * Emoticons only count at a word boundary (so "http://" is not a frown).
 */
export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([
  ['😍', 3.0], ['🥰', 3.0], ['😘', 2.2], ['❤', 2.8], ['❤️', 2.8], ['💕', 2.5], ['💖', 2.5], ['💗', 2.5], ['💯', 2.2],
  ['😀', 2.0], ['😃', 2.0], ['😄', 2.2], ['😁', 2.2], ['😆', 2.0], ['😊', 2.2], ['☺', 2.0], ['☺️', 2.0], ['🙂', 1.2],
  ['😉', 1.2], ['😎', 1.5], ['🤩', 2.8], ['🥳', 2.5], ['🎉', 2.2], ['👍', 2.0], ['👍🏻', 2.0], ['👍🏼', 2.0], ['👍🏽', 2.0],
  ['👌', 2.0], ['👏', 2.0], ['🙌', 2.2], ['🙏', 1.5], ['⭐', 0.8], ['🌟', 1.5], ['✨', 1.0], ['🔥', 1.5], ['✅', 1.0],
  ['💪', 1.5], ['🤗', 2.0], ['😇', 1.8], ['😂', 1.0], ['🤣', 1.0], ['😅', 0.3], ['🏆', 2.0], ['🥇', 2.0],
  ['😐', -0.3], ['😑', -0.8], ['🤔', -0.3], ['😕', -1.5], ['🙁', -1.5], ['☹', -2.0], ['☹️', -2.0], ['😞', -2.0],
  ['😔', -1.8], ['😟', -1.8], ['😢', -2.0], ['😭', -2.5], ['😩', -2.2], ['😫', -2.2], ['😤', -2.2], ['😠', -2.5],
  ['😡', -3.0], ['🤬', -3.2], ['👎', -2.2], ['👎🏻', -2.2], ['💩', -2.5], ['🤮', -3.0], ['🤢', -2.5], ['💔', -2.5],
  ['😒', -1.5], ['🙄', -1.5], ['😬', -1.0], ['😴', -1.2], ['❌', -1.5], ['⚠', -1.0], ['⚠️', -1.0], ['😱', -1.8],
  ['😰', -1.8], ['😖', -2.0], ['😣', -1.8], ['🤦', -2.0], ['🤦‍♂️', -2.0], ['🤦‍♀️', -2.0], ['😓', -1.5], ['🐌', -1.2],
]);

export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  [':)', 2.0], [':-)', 2.0], [':]', 1.8], ['=)', 1.8], [':D', 2.3], [':-D', 2.3], ['xD', 1.8], ['XD', 1.8], [';)', 1.2],
  [';-)', 1.2], [':p', 1.0], [':P', 1.0], [':-P', 1.0], ['<3', 2.8], ['^^', 1.5], ['^_^', 1.8],
  [':(', -2.0], [':-(', -2.0], [':[', -1.8], ['=(', -1.8], [":'(", -2.3], [':/', -1.2], [':-/', -1.2], [':|', -0.5],
  ['>:(', -2.5], [':@', -2.5], ['-_-', -1.2], ['</3', -2.5],
]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const emoticonAlternation = [...EMOTICON_VALENCE.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Matches emoticons at a boundary and emoji (with skin tones / ZWJ sequences / variation selectors). */
export const EMOJI_OR_EMOTICON = new RegExp(
  `(?<![\\p{L}\\p{N}:/])(?:${emoticonAlternation})(?![\\p{L}\\p{N}])|\\p{Extended_Pictographic}(?:\\u{FE0F}|[\\u{1F3FB}-\\u{1F3FF}]|\\u200D\\p{Extended_Pictographic}\\u{FE0F}?)*|[☺☹⚠❤]\\u{FE0F}?`,
  'gu',
);

/** Valence of one matched emoji or emoticon (emoji sequences fall back to their first symbol). */
export function emojiValence(symbol: string): number {
  const direct = EMOTICON_VALENCE.get(symbol) ?? EMOJI_VALENCE.get(symbol);
  if (direct !== undefined) return direct;
  const first = String.fromCodePoint(symbol.codePointAt(0) ?? 0);
  return EMOJI_VALENCE.get(first) ?? 0;
}
