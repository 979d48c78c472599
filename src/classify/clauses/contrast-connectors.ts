/**
 * Contrast connectors that split a sentence into clauses, by language.
 * Adversative ("mais", "but", "however"): what follows weighs more than what precedes.
 * Concessive ("although", "bien que", "même si"): the clause they open weighs less.
 * Patterns run case-insensitively on the original text (accents as alternatives) so offsets stay exact.
 */
import type { Language } from '../classifier-types.ts';

export type ConnectorKind = 'adversative' | 'concessive';

interface ConnectorSet {
  readonly adversative: readonly string[];
  readonly concessive: readonly string[];
}

const FR: ConnectorSet = {
  adversative: ['mais', 'cependant', 'par contre', 'en revanche', 'pourtant', 'toutefois', 'n[ée]anmoins', 'sauf que', 'seulement voil[àa]'],
  concessive: ['bien que', 'm[êe]me si', 'alors que', 'tandis que', 'malgr[ée]', 'quoique'],
};

const EN: ConnectorSet = {
  adversative: ['but', 'however', 'nevertheless', 'nonetheless', 'on the other hand', 'except that', 'that said'],
  concessive: ['although', 'even though', 'though', 'whereas', 'even if', 'despite', 'in spite of'],
};

const EDGE_BEFORE = '(?<![\\p{L}\\p{N}\'’-])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}\'’-])';

function buildPattern(sets: readonly ConnectorSet[]): RegExp {
  const adv = sets.flatMap((s) => s.adversative);
  const con = sets.flatMap((s) => s.concessive);
  // longest alternatives first so "even though" wins over "though"
  const alt = (xs: readonly string[]): string => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/ /g, '\\s+')).join('|');
  return new RegExp(`;|${EDGE_BEFORE}(?:(?<adv>${alt(adv)})|(?<con>${alt(con)}))${EDGE_AFTER}`, 'giu');
}

const PATTERNS: Record<Language, RegExp> = {
  fr: buildPattern([FR]),
  en: buildPattern([EN]),
  other: buildPattern([FR, EN]),
};

/** The connector pattern of a language (global: callers reset lastIndex before a scan). */
export function connectorPattern(language: Language | undefined): RegExp {
  return PATTERNS[language ?? 'other'];
}


/** Words before "but" that make it not a contrast: "nothing but", "all but", "anything but". */
export const NOT_CONTRAST_BEFORE = /(?<![\p{L}])(?:nothing|all|anything|everything|rien|non seulement|not only|moins|aussi|autant)\s*,?\s*$/iu;
/** Words after "but"/"mais" that make it additive: "but also", "mais aussi", "mais également". */
export const NOT_CONTRAST_AFTER = /^\s*(?:also|aussi|[ée]galement|surtout)(?![\p{L}])/iu;
