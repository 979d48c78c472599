/**
 * Function words of French and English, folded (no accents, lower case).
 * DETECT_* keep only words that are frequent and discriminative between the two languages
 * (no "a", "on", "me", "son", "pour"...), for the short-text fast path of language detection.
 * STOPWORDS is the union used to drop function words before matching themes.
 */
export const DETECT_FR: ReadonlySet<string> = new Set(
  ('le la les des du et est je ne pas une un pour que qui il elle nous vous ils sont avec sur ' +
    'c j l d qu n ca au aux ce cette ces mon ma mes ton ta tes notre votre leur leurs tres mais ' +
    'ou y suis etait ete avoir fait tout tous rien plus moins bien deja encore jamais toujours sans chez ' +
    'dans par aussi donc alors quand comme leurs lui eux moi toi cela ceci ici vraiment beaucoup ' +
    'merci parfait nul rapide commande livraison produit trop')
    .split(' '),
);

export const DETECT_EN: ReadonlySet<string> = new Set(
  ('the and is was it to of i you my this that not but with for are have has had very they be been ' +
    'were will would could should your their there what when which who from just about after ' +
    'than then them its dont didnt cant wont im ive great good thanks thank nothing never always ' +
    'really much more less all any some get got did does do at by if or so no yes we our us ' +
    'he she his her how because too only also easy fast friendly helpful poor bad terrible still doesn isn wasn ' +
    'didn aren weren haven hasn couldn wouldn shouldn quick slow broadband based thanks why can please ago took even every since')
    .split(' '),
);

const EXTRA_FR = 'a de en se sa son ses si on meme etre avait avons avez ont peu trop entre sous apres avant';
const EXTRA_EN = 'a in on me as can its also into out up down over again one two being am';

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...[...DETECT_FR].filter((w) => !['nul', 'rapide', 'parfait', 'merci', 'commande', 'livraison', 'produit'].includes(w)),
  ...[...DETECT_EN].filter((w) => !['great', 'good', 'thanks', 'thank', 'easy', 'fast', 'friendly', 'helpful', 'poor', 'bad', 'terrible', 'quick', 'slow', 'broadband', 'based'].includes(w)),
  ...EXTRA_FR.split(' '),
  ...EXTRA_EN.split(' '),
]);
