/**
 * The small FR/EN WordPiece vocabulary of the tiny generated models. Words are lowercase and
 * accent-free (the tokenizer lowercases and strips accents first). Each word may carry a
 * sentiment sign and a topic, from which the tiny models' embedding rows are built, so that
 * "great" pushes towards positive and "livraison" lies near "delivery".
 */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** topics of the tiny embedding space, in dimension order */
export const TINY_TOPICS = ['price', 'delivery', 'support', 'app', 'quality'] as const;
export type TinyTopic = (typeof TINY_TOPICS)[number];

export interface VocabEntry {
  readonly token: string;
  /** -1 negative, 0 none, +1 positive */
  readonly sentiment: -1 | 0 | 1;
  readonly topic?: TinyTopic;
}

const POSITIVE = `great excellent good love loved perfect amazing happy fast quick easy helpful friendly thanks thank
  recommend nice super genial parfait parfaite bien bon bonne rapide facile merci top satisfait satisfaite aimable
  efficace recommande adore bravo fiable reliable fine correct smooth`;
const NEGATIVE = `bad terrible awful horrible slow hate worst poor disappointed rude useless problem issue nul nulle lent
  lente mauvais mauvaise decu decue catastrophe probleme inadmissible honteux pire arnaque scandale never jamais inutile
  complique desagreable confusing nobody personne plante crashing charged twice`;
const TOPICS: Record<TinyTopic, string> = {
  price: `price prices prix cost costs expensive cher chere tarif tarifs billing bill invoice facture factures facturation
    fee fees frais refund remboursement cheap abonnement subscription pricing`,
  delivery: `delivery deliveries livraison livraisons shipping shipped package parcel colis livre delivered courier
    livreur late retard arrived arrive recu received`,
  support: `support service customer client agent agents conseiller conseillere advisor call calls appel appels hotline
    phone telephone email mail answer reponse injoignable unreachable wait attente`,
  app: `app application website site login connexion password bug bugs crash crashes update page screen ecran account
    compte`,
  quality: `product produit products produits quality qualite broken casse defective defectueux works fonctionne size
    taille material`,
};
/** words that also carry a sentiment sign although listed under a topic */
const NEGATIVE_TOPIC_WORDS = new Set(['expensive', 'cher', 'chere', 'late', 'retard', 'injoignable', 'unreachable', 'bug', 'bugs', 'crash', 'crashes', 'broken', 'casse', 'defective', 'defectueux']);
const POSITIVE_TOPIC_WORDS = new Set(['cheap', 'works', 'fonctionne']);
const FUNCTION_WORDS = `the a an is was were be it i my we you to of and or but not no very too with for in on at this that
  text about le la les un une des de du et ou mais pas ne tres trop avec pour dans sur ce cette texte parle est etait je
  il elle on nous vous mon ma mes en au aux qui que ai has have had been our your so all always toujours still encore
  rien nothing again day days jour jours week semaine mois month order commande time fois temps after apres before
  avant since depuis two deux three trois they them their ils leur leurs me m j l d n s c qu y what when how why
  because car parce plus more less moins only seulement just juste can could peut would will do did does fait faire
  get got had honestly overall well fair last months franchement ensemble alors derniere team seemed felt became will
  answers waited weeks keeps left outside keep up work repond attends beaucoup continuez comme ca laisse dehors
  reste semblait ete chaque site up`;
const PUNCTUATION = `. , ! ? ' - : ; ( ) " / % € $ &`;
const PIECES = `##s ##e ##es ##ed ##ing ##ment ##tion ##er ##ly ##x ##ee ##ent`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

/** the full vocabulary, special tokens first (ids 0-4), deterministic order, no duplicates */
export function buildTinyVocab(): VocabEntry[] {
  const entries = new Map<string, VocabEntry>();
  const add = (token: string, sentiment: -1 | 0 | 1, topic?: TinyTopic): void => {
    if (!entries.has(token)) entries.set(token, topic === undefined ? { token, sentiment } : { token, sentiment, topic });
  };
  for (const t of SPECIAL_TOKENS) add(t, 0);
  for (const w of words(POSITIVE)) add(w, 1);
  for (const w of words(NEGATIVE)) add(w, -1);
  for (const topic of TINY_TOPICS) {
    for (const w of words(TOPICS[topic])) {
      add(w, NEGATIVE_TOPIC_WORDS.has(w) ? -1 : POSITIVE_TOPIC_WORDS.has(w) ? 1 : 0, topic);
    }
  }
  for (const w of words(FUNCTION_WORDS)) add(w, 0);
  for (const w of words(PUNCTUATION)) add(w, 0);
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  for (const c of letters) add(c, 0);
  for (const c of letters) add(`##${c}`, 0);
  for (const p of words(PIECES)) add(p, 0);
  return [...entries.values()];
}
