import { createRng } from '../../src/util/random.ts';

/**
 * A generated delivery-complaint dataset. The lexicon is sure of the complaints that say "terrible" or
 * "awful" and of the praise that says "great"; the factual complaints use the same words as the sure
 * complaints ("the parcel sat at the depot") with no opinion word, and the questions use words of their own.
 */
export function deliveryComplaints(seed: number): { sure: string[]; factual: string[]; questions: string[] } {
  const rng = createRng(seed);
  const towns = ['Leeds', 'Lyon', 'Bristol', 'Lille', 'Derby', 'Nantes', 'York', 'Rennes', 'Bath', 'Dijon', 'Hull', 'Metz'];
  const opinion = ['terrible', 'awful', 'horrible', 'appalling'];
  const praise = ['great', 'excellent', 'lovely', 'brilliant'];
  const sure: string[] = [];
  const factual: string[] = [];
  const questions: string[] = [];
  for (let i = 0; i < 260; i++) sure.push(`${rng.pick(opinion)} service, the parcel sat at the depot in ${rng.pick(towns)} again, order ${1000 + i}`);
  for (let i = 0; i < 160; i++) sure.push(`${rng.pick(praise)} courier, the box came to ${rng.pick(towns)} on the Monday, order ${2000 + i}`);
  for (let i = 0; i < 160; i++) questions.push(`what time does the shop in ${rng.pick(towns)} open on Sunday, asking for order ${3000 + i}`);
  for (let i = 0; i < 80; i++) factual.push(`the parcel sat at the depot in ${rng.pick(towns)}, order ${4000 + i}`);
  return { sure, factual, questions };
}
