/**
 * Verbatim cleaning before classification: strip HTML tags (dropping script/style bodies),
 * decode entities, drop U+FFFD / control / zero-width characters, collapse whitespace (newlines kept
 * as sentence breaks) and cap the length, so that work per text is bounded.
 * `cleanTextWithOffsets` also keeps, for each cleaned character, its span in the original text,
 * so clause offsets can point into the verbatim as the user stored it.
 */

/** Longest cleaned text that is classified; the rest of a longer verbatim is ignored. */
export const MAX_TEXT_CHARS = 10_000;

export interface CleanedText {
  readonly text: string;
  /** original start / end (exclusive) of each cleaned character; undefined when text is unchanged */
  readonly originStart?: readonly number[];
  readonly originEnd?: readonly number[];
}

const NEEDS_WORK = /[<&\uFFFD\u0000-\u0009\u000B-\u001F\u007F\u00A0\u200B-\u200D\u2028\u2029\uFEFF]|\s\s|^\s|\s$/;
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote', 'section', 'article']);
const SKIP_BODY_TAGS = new Set(['script', 'style']);
const DROP = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\uFEFF]/;
const SPACE = /[\s\u00A0]/;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë',
  agrave: 'à', acirc: 'â', auml: 'ä', ccedil: 'ç', icirc: 'î', iuml: 'ï', ocirc: 'ô', ouml: 'ö', ucirc: 'û',
  ugrave: 'ù', uuml: 'ü', oelig: 'œ', aelig: 'æ', Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', ndash: '–', mdash: '—',
  euro: '€', copy: '©', reg: '®', deg: '°',
};

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  return ENTITIES[body] ?? ENTITIES[body.toLowerCase()];
}

export function cleanTextWithOffsets(input: string): CleanedText {
  if (input.length <= MAX_TEXT_CHARS && !NEEDS_WORK.test(input)) return { text: input };
  const out: string[] = [];
  const originStart: number[] = [];
  const originEnd: number[] = [];
  let pending: { at: number; newline: boolean } | undefined;
  const emit = (chars: string, start: number, end: number): void => {
    if (pending !== undefined && out.length > 0) {
      out.push(pending.newline ? '\n' : ' ');
      originStart.push(pending.at);
      originEnd.push(pending.at + 1);
    }
    pending = undefined;
    for (const ch of chars) {
      out.push(ch);
      originStart.push(start);
      originEnd.push(end);
    }
  };
  const space = (at: number, newline: boolean): void => {
    pending = pending === undefined ? { at, newline } : { at: pending.at, newline: pending.newline || newline };
  };
  let i = 0;
  // scan at most a few times the cap: markup-heavy text still ends in bounded time
  const scanLimit = Math.min(input.length, MAX_TEXT_CHARS * 4);
  while (i < scanLimit && out.length < MAX_TEXT_CHARS) {
    const ch = input[i] as string;
    if (ch === '<' && /[a-zA-Z/!?]/.test(input[i + 1] ?? '')) {
      const close = input.indexOf('>', i + 1);
      if (close !== -1 && close - i < 2000) {
        const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(input.slice(i, Math.min(close + 1, i + 40)))?.[1]?.toLowerCase() ?? '';
        const closing = input[i + 1] === '/';
        if (!closing && SKIP_BODY_TAGS.has(name)) {
          const endTag = input.toLowerCase().indexOf(`</${name}`, close);
          const endClose = endTag === -1 ? -1 : input.indexOf('>', endTag);
          i = endClose === -1 ? input.length : endClose + 1;
        } else i = close + 1;
        if (BLOCK_TAGS.has(name)) space(i - 1, true);
        continue;
      }
    }
    if (ch === '&') {
      const m = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(input.slice(i, i + 12));
      const decoded = m ? decodeEntity(m[1] as string) : undefined;
      if (m && decoded !== undefined) {
        if (SPACE.test(decoded)) space(i, false);
        else emit(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    if (SPACE.test(ch)) space(i, ch === '\n' || ch === '\u2028' || ch === '\u2029');
    else if (!DROP.test(ch)) emit(ch, i, i + 1);
    i++;
  }
  let text = out.join('');
  if (text.length > MAX_TEXT_CHARS || i < input.length) {
    // cut at a word boundary near the cap
    const cut = Math.min(text.length, MAX_TEXT_CHARS);
    const lastSpace = text.lastIndexOf(' ', cut);
    text = text.slice(0, lastSpace > cut - 200 ? lastSpace : cut).trimEnd();
  }
  return { text, originStart: originStart.slice(0, text.length), originEnd: originEnd.slice(0, text.length) };
}

/** Cleaned text (see module doc); idempotent. */
export function cleanText(text: string): string {
  return cleanTextWithOffsets(text).text;
}

/** Map a [start, end) span of the cleaned text back to the original text. */
export function originalSpan(cleaned: CleanedText, start: number, end: number): { start: number; end: number } {
  if (cleaned.originStart === undefined || cleaned.originEnd === undefined) return { start, end };
  if (end <= start) {
    const at = cleaned.originStart[start] ?? cleaned.originEnd[cleaned.originEnd.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: cleaned.originStart[start] as number, end: cleaned.originEnd[end - 1] as number };
}
