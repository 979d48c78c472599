/**
 * The lexicon-and-rules sentiment scorer (VADER-like, for French and English CX feedback).
 *
 * Per clause: phrases (the longest first) then words then stems are looked up, and a French word none
 * of them knows falls back on Pattern's lexicon (pattern-fr.ts); degree words within three words before a
 * term scale it ("très lent", "a bit slow"); a negator within three words before it (or French
 * "ne … pas" around it) flips and dampens it (negation.ts); a negative term weighs 1.5× unless negated;
 * a problem someone resolved scores nothing (resolved-problem.ts); thanks for a misfortune is sarcasm
 * (sarcastic-thanks.ts); a positive term in a question scores
 * nothing (isQuestion); ALL CAPS and "!" emphasise; emoji,
 * emoticons and "n/10"-style ratings add valence; a clause with no term that says something stopped or
 * has not happened is a complaint. Per text: clause sums are weighted for contrast (the clause
 * opened by "mais/but/however" ×1.5, the clause before it ×0.5, a concessive "although/bien que"
 * clause ×0.5), then squashed into a polarity in [-1, 1] with s / sqrt(s² + 15).
 */
import type { Language } from '../classifier-types.ts';
import { splitClauseSpans } from '../clauses/split-clauses.ts';
import { lexiconFor, type CompiledLexicon, type PhraseEntry } from './compile-lexicon.ts';
import { isNegatorAt, isNeverSuperlative, NE } from './negation.ts';
import { isResolvedProblem } from './resolved-problem.ts';
import { degreeValence } from './english-degrees.ts';
import { indirectQuestionWords } from './indirect-question.ts';
import { isSarcasticThanks } from './sarcastic-thanks.ts';
import { DURATION_COMPLAINT, isDurationComplaint } from './duration-complaint.ts';
import { RECURRING_TROUBLE, isRecurringTrouble } from './recurring-trouble.ts';
import { REPEATED_CONTACT, isRepeatedContact } from './repeated-contact.ts';
import { splitInterjection, type SplitInterjection } from './praise-interjection.ts';
import type { HashtagVocabulary } from './segment-hashtag.ts';
import { memoByObject } from '../../util/memo-by-object.ts';
import { STOPWORDS } from '../language/stopwords.ts';
import { addSymbols, type ClauseSums } from './score-symbols.ts';
import { tokenizeForSentiment, type SentimentTokens } from './tokenize-for-sentiment.ts';

export interface LexiconScore {
  /** polarity in [-1, 1] */
  readonly polarity: number;
  /** weighted sum of valences before squashing */
  readonly sum: number;
  /** sums of the positive and of the negative contributions (the latter ≤ 0) */
  readonly positive: number;
  readonly negative: number;
  /** number of lexicon terms, emoji and ratings that contributed */
  readonly hits: number;
}

const ALPHA = 15;
const NEGATED_POSITIVE = -0.74;
const NEGATED_NEGATIVE = -0.5;
const CAPS_FACTOR = 1.25;
/**
 * Negative terms weigh 1.5× (SO-CAL's negative weighting, Taboada et al. 2011, "Lexicon-based
 * methods for sentiment analysis", Computational Linguistics 37(2)): reviews and complaints wrap
 * criticism in polite positive words far more often than the reverse. A negated positive ("not good")
 * is not weighted: negation dampens, it never makes a term stronger than its plain form.
 */
const NEGATIVE_WEIGHT = 1.5;
/** The sum given to a text whose positive and negative evidence cancel exactly (a lean, far inside the neutral band). */
const BALANCED_LEAN = 0.01;
/** A degree word that is also a term is the opinion itself before a word the lexicon lists with less valence than this. */
const OPINION_VALENCE = 1;
const MEMO_LIMIT = 200_000;
const NE_PAS_TAIL = new Set(['pas', 'plus', 'jamais', 'rien', 'guere', 'point', 'ni']);
const LIKE_NEUTRAL_BEFORE = new Set(['d', 'look', 'looks', 'looked', 'looking', 'feel', 'feels', 'felt', 'seem', 'seems', 'seemed', 'just', 'more', 'something', 'anything', 'would', 'sounds', 'things', 'stuff']);

export function squash(sum: number): number {
  return sum / Math.sqrt(sum * sum + ALPHA);
}

const ELONGATED = /(.)\1\1/;

function stemValence(lex: CompiledLexicon, word: string): number | undefined {
  for (const len of lex.stemLengths) {
    if (len > word.length) continue;
    const v = lex.stems.get(word.slice(0, len));
    if (v !== undefined) return v;
  }
  return undefined;
}

function wordValence(lex: CompiledLexicon, word: string): number | undefined {
  const memo = lex.memo.get(word);
  if (memo !== undefined) return memo ?? undefined;
  let v = lex.words.get(word);
  if (v === undefined) v = stemValence(lex, word);
  // elongated words: "sooo", "adoreee", "nuuul" → try with runs of 3+ letters cut to 2, then to 1
  if (v === undefined && ELONGATED.test(word)) {
    for (const short of [word.replace(/(.)\1{2,}/g, '$1$1'), word.replace(/(.)\1{2,}/g, '$1')]) {
      v = lex.words.get(short) ?? stemValence(lex, short);
      if (v !== undefined) break;
    }
  }
  // a word no entry knows: the general-purpose fallback lexicon (never for degree words or negators)
  if (v === undefined && lex.fallback !== undefined && !lex.boosters.has(word) && !lex.negators.has(word)) v = lex.fallback(word);
  if (lex.memo.size > MEMO_LIMIT) lex.memo.clear();
  lex.memo.set(word, v ?? null);
  return v;
}

const wordFits = (want: string, got: string): boolean => (want.endsWith('*') ? got.startsWith(want.slice(0, -1)) : got === want);

/** The longest phrase of `list` (sorted longest first) that matches at word i, or undefined. */
function phraseAt(list: readonly PhraseEntry[] | undefined, words: readonly string[], i: number): PhraseEntry | undefined {
  if (list === undefined) return undefined;
  for (const p of list) {
    if (i + p.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) ok = wordFits(p.words[k] as string, words[i + k] as string);
    if (ok) return p;
  }
  return undefined;
}

/** Does the degree word at i modify the term after it? Not a word listed with little valence (a noun such as "qualité"). */
function modifiesNext(lex: CompiledLexicon, words: readonly string[], i: number): boolean {
  const next = termAt(lex, words, i + 1);
  if (next === undefined) return false;
  return Math.abs(next.v) >= OPINION_VALENCE || next.len > 1 || !lex.words.has(words[i + 1] as string);
}

/** Valence and length of the term starting at word i (a phrase, the longest first, else a word), or undefined. */
function termAt(lex: CompiledLexicon, words: readonly string[], i: number): { v: number; len: number } | undefined {
  const w = words[i] as string;
  let best = phraseAt(lex.phrases.get(w), words, i);
  for (const len of lex.phrasePrefixLengths) {
    if (len > w.length) continue;
    const p = phraseAt(lex.phrasePrefixes.get(w.slice(0, len)), words, i);
    if (p !== undefined && (best === undefined || p.words.length > best.words.length)) best = p;
  }
  if (best !== undefined) return { v: best.weight, len: best.words.length };
  const v = wordValence(lex, w) ?? (lex.englishDegrees ? degreeValence(words, i, (base) => wordValence(lex, base)) : undefined);
  return v === undefined ? undefined : { v, len: 1 };
}

/** Words a French split negation reaches: "je ne trouve pas le produit très efficace" negates "efficace". */
const NE_PAS_SCOPE = 5;

/** Is word i within NE_PAS_SCOPE words after a "ne/n' … pas|plus|jamais|rien|guère|point" of its clause part? */
function inNePasScope(words: readonly string[], breakBefore: readonly boolean[], i: number): boolean {
  for (let j = 1; j <= NE_PAS_SCOPE && i - j >= 0; j++) {
    if (breakBefore[i - j + 1]) return false;
    const k = i - j;
    if (NE_PAS_TAIL.has(words[k] as string) && (NE.has(words[k - 1] ?? '') || NE.has(words[k - 2] ?? '') || NE.has(words[k - 3] ?? ''))) return true;
  }
  return false;
}

/**
 * A clause with no opinion word that says something stopped or has not happened is a complaint:
 * "le briquet ne se recharge plus", "it no longer charges", "my transfer has not gone through yet",
 * "doesn't work anymore", the English complaint question "why can't I …" / "why hasn't my card …" ("why not"
 * alone is a suggestion), something that never happened ("the discount was never applied", "n'est jamais venu";
 * a "never" that ends the clause or is "never mind" says nothing) and a "not even" ("hasn't even been assigned",
 * "n'a même pas rappelé"). Valence of such a clause (it counts as one hit).
 */
const STOPPED_OR_PENDING = -1.5;

function isStoppedOrPending(words: readonly string[], french: boolean): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (french && w === 'plus' && (NE.has(words[k - 1] ?? '') || NE.has(words[k - 2] ?? '') || NE.has(words[k - 3] ?? ''))) return true;
    if (french && w === 'encore' && words[k - 1] === 'pas') return true;
    if (w === 'longer' && words[k - 1] === 'no') return true;
    if (!french && w === 'why' && (words[k + 2] === 'not' || words[k + 2] === 'never')) return true;
    if ((w === 'anymore' || w === 'yet') && words.slice(Math.max(0, k - 6), k).some((x) => x === 'not' || x === 'never' || x === 'no')) return true;
    // "the discount was never applied", "emails never arrive", "le technicien n'est jamais venu" ("never mind" asks nothing)
    if (!french && w === 'never' && k + 1 < words.length && words[k + 1] !== 'mind') return true;
    if (french && w === 'jamais' && k + 1 < words.length) return true;
    // "my ticket hasn't even been assigned", "il n'a même pas rappelé", "pas même un mail"
    if (!french && w === 'even' && words[k - 1] === 'not') return true;
    if (french && w === 'meme' && (words[k - 1] === 'pas' || words[k + 1] === 'pas')) return true;
  }
  return false;
}

function scoreTokens(lex: CompiledLexicon, t: SentimentTokens, french: boolean, question: boolean): ClauseSums {
  const { words, caps, breakBefore } = t;
  const out: ClauseSums = { sum: 0, positive: 0, negative: 0, hits: 0 };
  // the question proper: the words after the clause's last comma or stop ("Super appli, c'est possible … ?")
  const asked = question ? breakBefore.lastIndexOf(true) : words.length;
  // and a part asked without "?" ("je voudrais savoir si …"; indirect-question.ts)
  const askedIndirectly = indirectQuestionWords(words, breakBefore);
  for (let i = 0; i < words.length; ) {
    const term = termAt(lex, words, i);
    if (term === undefined) {
      i++;
      continue;
    }
    if (term.v === 0) {
      // neutral phrase ("as well", "bien que"): its words score nothing
      i += term.len;
      continue;
    }
    const w = words[i] as string;
    // a degree word that is also a term ("super", "pretty", "bien") acts as degree word before a term ("super rapide");
    // before a word the lexicon lists with little valence it is the opinion ("super qualité")
    if (term.len === 1 && lex.boosters.has(w) && i + 1 < words.length && !breakBefore[i + 1] && modifiesNext(lex, words, i)) {
      i++;
      continue;
    }
    if (w === 'like' && LIKE_NEUTRAL_BEFORE.has(words[i - 1] ?? '')) {
      i++;
      continue;
    }
    if (term.len === 1 && term.v < 0 && isResolvedProblem(lex, words, breakBefore, i)) {
      i++;
      continue;
    }
    let v = term.v;
    // "thanks for the 4 hour delay": the thanks is as negative as it would have been positive
    if (v > 0 && isSarcasticThanks(words, breakBefore, i, (j) => (termAt(lex, words, j)?.v ?? 0) < 0)) v = -v;
    let negated = false;
    for (let j = 1; j <= 3 && i - j >= 0; j++) {
      if (breakBefore[i - j + 1]) break;
      const prev = words[i - j] as string;
      const two = i - j - 1 >= 0 ? `${words[i - j - 1]} ${prev}` : '';
      const boost = lex.boosters.get(prev) ?? (two !== '' ? lex.boosters.get(two) : undefined);
      if (boost !== undefined) v *= 1 + boost * (1 - 0.1 * (j - 1));
      if (!negated && isNegatorAt(lex, words, i - j)) negated = true;
    }
    if (!negated && french && inNePasScope(words, breakBefore, i)) negated = true;
    if (!negated && french) {
      const before = NE.has(words[i - 1] ?? '') || NE.has(words[i - 2] ?? '');
      const end = i + term.len;
      const tail = NE_PAS_TAIL.has(words[end] ?? '') || (before && NE_PAS_TAIL.has(words[end + 1] ?? ''));
      // "j'aime pas", "j'aime vraiment pas"
      const spokenPas = words[end] === 'pas' || (lex.boosters.has(words[end] ?? '') && words[end + 1] === 'pas');
      if ((tail && before) || spokenPas) negated = true;
    }
    if (negated && isNeverSuperlative(words, breakBefore, i)) negated = false;
    if ((i >= asked || askedIndirectly?.[i] === true) && v > 0 && !negated) {
      // a positive term in a question is irrealis (isQuestion, indirect-question.ts): no valence, no hit
      i += term.len;
      continue;
    }
    if (negated) v *= v > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
    if (caps[i] && !t.shouting) v *= CAPS_FACTOR;
    if (v < 0 && !negated) v *= NEGATIVE_WEIGHT;
    out.sum += v;
    if (v > 0) out.positive += v;
    else out.negative += v;
    out.hits++;
    i += term.len;
  }
  // complaints stated as facts, one hit each: a long wait, something that keeps happening, contacts repeated
  // three times or more, and (when nothing else was found) something that stopped or has not happened
  if (isDurationComplaint(words)) addComplaint(out, DURATION_COMPLAINT);
  if (isRepeatedContact(words)) addComplaint(out, REPEATED_CONTACT);
  if (!french && isRecurringTrouble(words, (k) => termAt(lex, words, k)?.v)) addComplaint(out, RECURRING_TROUBLE);
  if (out.hits === 0 && isStoppedOrPending(words, french)) addComplaint(out, STOPPED_OR_PENDING);
  return out;
}

/** A clause-level complaint of the given (negative) valence, counted as one hit. */
function addComplaint(out: ClauseSums, valence: number): void {
  out.sum += valence;
  out.negative += valence;
  out.hits++;
}

/**
 * A clause asked, not asserted: it ends with "?" and is not a tag question ("great, isn't it?",
 * "génial, non ?" assert what they ask). Its positive terms are irrealis (SO-CAL's irrealis blocking,
 * Taboada et al. 2011): "is flight 1234 on time?", "any good deals?" praise nothing. Its negative terms
 * still count: "why is it so slow?" is a complaint.
 */
const TAG_QUESTION = /(?:\b(?:right|no|non|eh|hein|isn'?t it|aren'?t they|don'?t you think|n'?est-ce pas)|,\s*(?:non|no))\s*[?]+\s*$/i;

export function isQuestion(clause: string): boolean {
  return /[?]\s*$/.test(clause) && !TAG_QUESTION.test(clause);
}

/** The words a hashtag may be split into: the lexicon's own words (not its stems), negators, degree words, function words. */
const hashtagVocabulary = memoByObject(
  (lex: CompiledLexicon): HashtagVocabulary => ({
    known: (w) => lex.words.has(w) || lex.negators.has(w) || lex.boosters.has(w) || lex.phrases.has(w) || STOPWORDS.has(w),
    valence: (w) => (lex.words.get(w) ?? 0) !== 0,
  }),
);

/** Raw (unsquashed) sums of one clause. */
export function scoreClause(text: string, language?: Language): ClauseSums {
  const lex = lexiconFor(language);
  const tokens = tokenizeForSentiment(text, language === 'en', text.includes('#') ? hashtagVocabulary(lex) : undefined);
  const out = scoreTokens(lex, tokens, language !== 'en', isQuestion(text));
  addSymbols(text, out);
  return out;
}

/**
 * The sums of a clause holding a bare interjection of praise (praise-interjection.ts), once the text is known:
 * answering a clear complaint (the rest of its own clause, else the clause right before it), a sarcastic one
 * counts as criticism of the same weight and a polite one for nothing; otherwise, and in a clause opened by
 * "but"/"par contre" (the praise side of a contrast: "par contre réponse en moins d'une heure, top"), the
 * clause keeps its own sums.
 */
function besideComplaint(
  clause: { readonly connector?: string },
  split: SplitInterjection,
  own: ClauseSums,
  rest: ClauseSums,
  complaint: boolean,
  language: Language | undefined,
): ClauseSums {
  if (!complaint || clause.connector === 'adversative') return own;
  const praise = scoreClause(split.interjection, language);
  if (praise.sum <= 0) return own;
  const turned = split.kind === 'polite' ? 0 : -praise.sum;
  return { sum: rest.sum + turned, positive: rest.positive, negative: rest.negative + Math.min(0, turned), hits: rest.hits + praise.hits };
}

/** The clause sum from which an interjection beside it answers a complaint (one clear negative term). */
const CLEAR_COMPLAINT = 1;
const NO_SUMS: Readonly<ClauseSums> = Object.freeze({ sum: 0, positive: 0, negative: 0, hits: 0 });

/** Lexicon polarity of a whole (cleaned) text, with contrast weighting across its clauses. */
export function scoreLexicon(text: string, language?: Language): LexiconScore {
  const clauses = splitClauseSpans(text, language);
  const weights = clauses.map(() => 1);
  clauses.forEach((c, k) => {
    if (c.connector === 'adversative') {
      weights[k] = (weights[k] as number) * 1.5;
      if (k > 0) weights[k - 1] = (weights[k - 1] as number) * 0.5;
    } else if (c.connector === 'concessive') weights[k] = (weights[k] as number) * 0.5;
  });
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let hits = 0;
  const sums = clauses.map((c) => scoreClause(c.text, language));
  const interjections = clauses.map((c) => splitInterjection(c.text));
  /** per clause with an interjection: the sums of the rest of it */
  const rests = interjections.map((split) => (split === undefined ? undefined : split.rest === '' ? NO_SUMS : scoreClause(split.rest, language)));
  // a clear complaint (a mixed clause that only leans negative, "not intuitive, but fixed in minutes", is none)
  const complaint = clauses.map((_, k) => (rests[k] ?? (sums[k] as ClauseSums)).sum <= -CLEAR_COMPLAINT);
  clauses.forEach((c, k) => {
    const split = interjections[k];
    // the complaint the interjection answers: the rest of its own clause ("Lost my bag again, great job"), else
    // the clause right before it ("Flight delayed 3 hours. Great."); a review's opening "Génial !" answers none
    const answers = split !== undefined && (split.rest !== '' ? complaint[k] === true : k > 0 && complaint[k - 1] === true);
    const s = split === undefined ? (sums[k] as ClauseSums) : besideComplaint(c, split, sums[k] as ClauseSums, rests[k] as ClauseSums, answers, language);
    const w = weights[k] as number;
    sum += w * s.sum;
    positive += w * s.positive;
    negative += w * s.negative;
    hits += s.hits;
  });
  // praise and criticism that cancel exactly ("on s'ennuie … mais une étoile pour l'humour") lean negative, as
  // NEGATIVE_WEIGHT does: a polarity of exactly 0 is kept for texts without any evidence
  if (sum === 0 && hits > 0 && negative < 0) sum = -BALANCED_LEAN;
  return { polarity: squash(sum), sum, positive, negative, hits };
}
