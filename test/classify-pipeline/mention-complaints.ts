import { taxonomySchema } from '../../src/config/taxonomy-schema.ts';
import { createRng } from '../../src/util/random.ts';

/** Delivery and store themes for mentionComplaints(). */
export const mentionTaxonomy = taxonomySchema.parse({
  version: '1',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery' }, keywords: { en: ['parcel', 'depot', 'courier'] } },
    { id: 'store', labels: { en: 'Store opening hours' }, keywords: { en: ['shop'] } },
  ],
});

export type MentionKind = 'sure' | 'praise' | 'question' | 'factual' | 'lukewarm';

/**
 * Generated verbatims of two sentences: where the respondent lives (no theme), then one delivery or store clause.
 * The lexicon is sure of the 260 complaint clauses ("an awful service, the parcel sat at the depot in York") and
 * the 160 praise clauses; the 80 factual complaints use the complaints' words with no opinion word; the 160
 * questions about the shop use words of their own; the 40 lukewarm clauses use the complaints' words with a
 * weak praise word the lexicon leans on without being sure ("…and it was fine": polarity 0.2).
 */
export function mentionComplaints(seed = 17): Array<{ id: string; verbatim: string; account: string; kind: MentionKind }> {
  const rng = createRng(seed);
  const towns = ['Leeds', 'Bristol', 'Derby', 'York', 'Bath', 'Hull'];
  const days = ['Monday', 'Tuesday', 'Friday', 'Saturday'];
  const out: Array<{ id: string; verbatim: string; account: string; kind: MentionKind }> = [];
  const add = (kind: MentionKind, clause: string): void => {
    const i = out.length;
    out.push({ id: `r${String(i).padStart(4, '0')}`, verbatim: `We live in ${rng.pick(towns)}. ${clause}`, account: `a${i % 70}`, kind });
  };
  for (let i = 0; i < 260; i++) add('sure', `An ${rng.pick(['awful', 'appalling', 'horrible'])} service, the parcel sat at the depot in ${rng.pick(towns)} again, order ${1000 + i}`);
  for (let i = 0; i < 160; i++) add('praise', `The ${rng.pick(['lovely', 'brilliant', 'excellent'])} courier brought the parcel on ${rng.pick(days)}, order ${2000 + i}`);
  for (let i = 0; i < 160; i++) add('question', `What time does the shop open on ${rng.pick(days)} for order ${3000 + i}?`);
  for (let i = 0; i < 80; i++) add('factual', `The parcel sat at the depot in ${rng.pick(towns)}, order ${4000 + i}`);
  for (let i = 0; i < 40; i++) add('lukewarm', `The parcel sat at the depot in ${rng.pick(towns)} and it was fine, order ${5000 + i}`);
  return out;
}
