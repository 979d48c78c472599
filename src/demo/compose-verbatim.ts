/**
 * Turns what a respondent experienced into a comment, e.g.
 *   "Le produit est bien mais le support est injoignable."
 * The written themes are chosen so the comment's overall sentiment agrees with the NPS:
 * detractors lead with (or only state) complaints, promoters with praise; in a mixed comment the
 * clause after the contrast connector ("mais", "but") carries the overall sentiment.
 */
import type { Rng } from '../util/random.ts';
import type { ContactLanguage } from './company-model.ts';
import type { ClauseBank, ConnectorBank, GenericBank, StatedThemes } from './clause-bank-types.ts';
import { CLAUSES_EN, CONNECTORS_EN, GENERIC_EN, STATED_THEMES_EN } from './clause-bank-en.ts';
import { CLAUSES_FR, CONNECTORS_FR, GENERIC_FR, STATED_THEMES_FR } from './clause-bank-fr.ts';
import type { NpsBand } from './nps-model.ts';

export type MentionSentiment = 'positive' | 'negative';

export interface Mention {
  readonly themeId: string;
  readonly sentiment: MentionSentiment;
}

export interface Verbatim {
  readonly text: string;
  /** the themes the respondent experienced and wrote about (they drive the planted effects) */
  readonly mentions: readonly Mention[];
  /** the themes the text states, phrase by phrase (the classifier's ground truth; see StatedThemes) */
  readonly stated: readonly Mention[];
  readonly sentiment: 'positive' | 'neutral' | 'negative';
}

interface LanguageBank {
  readonly clauses: ClauseBank;
  readonly connectors: ConnectorBank;
  readonly generic: GenericBank;
  readonly stated: StatedThemes;
}

const BANKS: Readonly<Record<ContactLanguage, LanguageBank>> = {
  en: { clauses: CLAUSES_EN, connectors: CONNECTORS_EN, generic: GENERIC_EN, stated: STATED_THEMES_EN },
  fr: { clauses: CLAUSES_FR, connectors: CONNECTORS_FR, generic: GENERIC_FR, stated: STATED_THEMES_FR },
};

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Which experienced themes get written, grouped as [lead, emphasis] (emphasis after the contrast). */
function chooseMentions(rng: Rng, band: NpsBand, experiences: readonly Mention[]): { lead: Mention[]; emphasis: Mention[] } | undefined {
  const neg = shuffled(rng, experiences.filter((e) => e.sentiment === 'negative'));
  const pos = shuffled(rng, experiences.filter((e) => e.sentiment === 'positive'));
  const upTo = (list: Mention[], max: number): Mention[] => list.slice(0, Math.min(list.length, max));
  const extra = (): number => (rng.chance(0.28) ? 2 : 1);
  if (band === 'detractor') {
    if (neg.length === 0) return undefined;
    const emphasis = upTo(neg, extra());
    const lead = pos.length > 0 && rng.chance(0.3) ? upTo(pos, 1) : [];
    return { lead, emphasis };
  }
  if (band === 'promoter') {
    if (pos.length === 0) return undefined;
    const emphasis = upTo(pos, extra());
    const lead = neg.length > 0 && rng.chance(0.25) ? upTo(neg, 1) : [];
    return { lead, emphasis };
  }
  if (neg.length > 0 && pos.length > 0) {
    return rng.chance(0.5) ? { lead: upTo(pos, 1), emphasis: upTo(neg, 1) } : { lead: upTo(neg, 1), emphasis: upTo(pos, 1) };
  }
  const only = neg.length > 0 ? neg : pos;
  return only.length === 0 ? undefined : { lead: [], emphasis: upTo(only, extra()) };
}

function joinClauses(rng: Rng, bank: LanguageBank, mentions: readonly Mention[], stated: Mention[]): string {
  const parts = mentions.map((m) => {
    const phrasings = bank.clauses[m.themeId];
    if (phrasings === undefined) throw new Error(`no clauses for theme ${m.themeId}`);
    const phrase = rng.pick(m.sentiment === 'positive' ? phrasings.positive : phrasings.negative);
    for (const themeId of bank.stated[phrase] ?? [m.themeId]) {
      if (!stated.some((s) => s.themeId === themeId)) stated.push({ themeId, sentiment: m.sentiment });
    }
    return phrase;
  });
  return parts.reduce((acc, part) => `${acc}${rng.pick(bank.connectors.addition)}${part}`);
}

function capitalizeSentences(s: string): string {
  return s.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Adds the small imperfections of real comments: no capitals, missing accents, plain apostrophes. */
function roughen(rng: Rng, language: ContactLanguage, text: string): string {
  let out = text;
  if (language === 'fr' && rng.chance(0.35)) out = out.replace(/’/g, "'");
  if (language === 'fr' && rng.chance(0.05)) out = stripAccents(out);
  if (rng.chance(0.08)) out = out.toLowerCase();
  return out;
}

export function composeVerbatim(rng: Rng, language: ContactLanguage, band: NpsBand, experiences: readonly Mention[]): Verbatim | undefined {
  const bank = BANKS[language];
  const chosen = chooseMentions(rng, band, experiences);
  if (chosen === undefined) {
    // Nothing specific to say: a short generic comment, or none.
    if (!rng.chance(0.55)) return undefined;
    const sentiment = band === 'promoter' ? 'positive' : band === 'detractor' ? 'negative' : 'neutral';
    const text = capitalizeSentences(rng.pick(bank.generic[sentiment])) + (sentiment === 'neutral' && rng.chance(0.5) ? '' : '.');
    return { text: roughen(rng, language, text), mentions: [], stated: [], sentiment };
  }
  const statedEmphasis: Mention[] = [];
  const emphasisText = joinClauses(rng, bank, chosen.emphasis, statedEmphasis);
  const stated: Mention[] = [];
  let body = emphasisText;
  if (chosen.lead.length > 0) {
    let connector = rng.pick(bank.connectors.contrast);
    if (connector.startsWith('. ') && rng.chance(0.08)) connector = `.\n${connector.slice(2)}`;
    body = `${joinClauses(rng, bank, chosen.lead, stated)}${connector}${emphasisText}`;
  }
  for (const m of statedEmphasis) if (!stated.some((s) => s.themeId === m.themeId)) stated.push(m);
  const sentiment = chosen.emphasis[0]?.sentiment ?? 'neutral';
  const opener = rng.pick(bank.connectors.openers);
  const closer = rng.pick(sentiment === 'positive' ? bank.connectors.closersPositive : bank.connectors.closersNegative);
  const end = rng.chance(0.12) ? '' : sentiment === 'positive' && rng.chance(0.15) ? ' !'.slice(language === 'fr' ? 0 : 1) : '.';
  const text = capitalizeSentences(`${opener}${body}${end}${end === '' ? '' : closer}`);
  return { text: roughen(rng, language, text), mentions: [...chosen.lead, ...chosen.emphasis], stated, sentiment };
}
