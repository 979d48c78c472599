/**
 * Synthetic FR/EN customer verbatims for the transformer benchmark: seeded, 5-80 words, skewed
 * towards short answers like real survey comments, mixing in-vocabulary CX words with words the
 * tiny WordPiece vocabulary splits into pieces.
 */
import { createRng } from '../src/util/random.ts';

const EN = {
  openers: ['honestly', 'overall', 'well', 'so', 'to be fair', 'last week', 'after two months'],
  subjects: ['the delivery', 'the app', 'your support team', 'the price', 'the product', 'my order', 'the agent', 'the website', 'the refund', 'billing'],
  verbs: ['was', 'is', 'has been', 'seemed', 'felt', 'became'],
  adjectives: ['great', 'terrible', 'slow', 'fast', 'helpful', 'rude', 'expensive', 'perfect', 'useless', 'fine', 'confusing', 'reliable'],
  tails: ['and I will recommend you', 'but nobody answers the phone', 'thanks a lot', 'I waited three weeks for an answer', 'the login keeps crashing on my phone', 'I was charged twice this month', 'the courier left the parcel outside', 'keep up the good work'],
};
const FR = {
  openers: ['franchement', 'dans l’ensemble', 'bon', 'alors', 'depuis deux mois', 'la semaine dernière'],
  subjects: ['la livraison', "l'application", 'le service client', 'le prix', 'le produit', 'ma commande', 'le conseiller', 'le site', 'le remboursement', 'la facturation'],
  verbs: ['était', 'est', 'a été', 'semblait', 'reste'],
  adjectives: ['génial', 'nul', 'lent', 'rapide', 'efficace', 'désagréable', 'trop cher', 'parfait', 'inutile', 'correct', 'compliqué', 'fiable'],
  tails: ['et je vous recommande', 'mais personne ne répond au téléphone', 'merci beaucoup', "j'attends une réponse depuis trois semaines", "l'appli plante à chaque connexion", 'on m’a facturé deux fois ce mois-ci', 'le livreur a laissé le colis dehors', 'continuez comme ça'],
};

export function generateVerbatims(count: number, seed = 2024): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const lang = rng.chance(0.55) ? FR : EN;
    const target = 5 + Math.floor(75 * rng.next() ** 2);
    const words: string[] = [];
    while (words.length < target) {
      const clause = [rng.chance(0.3) ? rng.pick(lang.openers) : '', rng.pick(lang.subjects), rng.pick(lang.verbs), rng.pick(lang.adjectives), rng.chance(0.6) ? rng.pick(lang.tails) : '']
        .filter((w) => w.length > 0)
        .join(' ');
      words.push(...clause.split(' '));
      if (words.length < target) words[words.length - 1] += rng.chance(0.5) ? '.' : ',';
    }
    const text = words.slice(0, target).join(' ');
    out.push(text.charAt(0).toUpperCase() + text.slice(1) + (rng.chance(0.3) ? ' !' : '.'));
  }
  return out;
}
