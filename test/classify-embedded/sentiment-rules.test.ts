import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/classify/classifier-types.ts';
import { createEmbeddedSentimentEngine, lexiconSize, scoreLexicon } from '../../src/classify/embedded/index.ts';

const pol = (text: string, lang: Language = 'en'): number => scoreLexicon(text, lang).polarity;

describe('lexicon sentiment rules', () => {
  it('has several hundred entries per language', () => {
    expect(lexiconSize('en')).toBeGreaterThan(500);
    expect(lexiconSize('fr')).toBeGreaterThan(500);
  });

  it('scores CX vocabulary in both languages', () => {
    for (const t of ['The agent was unresponsive', 'I was double-billed', 'so slow', 'the app is buggy']) expect(pol(t)).toBeLessThan(-0.2);
    for (const t of ['I love it', 'great service', 'quick and easy refund']) expect(pol(t)).toBeGreaterThan(0.2);
    for (const t of ['le support est injoignable', 'facturé deux fois', 'site très lent', 'déçue']) expect(pol(t, 'fr')).toBeLessThan(-0.2);
    for (const t of ['conseillère très aimable', 'livraison rapide', 'nickel', 'génial']) expect(pol(t, 'fr')).toBeGreaterThan(0.2);
  });

  it('reads French review idioms as wholes, negated ones included', () => {
    for (const t of ['ça tient en haleine', 'à ne pas manquer', 'un petit bijou', 'on en redemande']) expect(pol(t, 'fr')).toBeGreaterThan(0.3);
    for (const t of ['ça ne vaut pas le coup', 'ça tourne en rond', 'rien de nouveau', 'je mets un zéro', 'pas crédible']) expect(pol(t, 'fr')).toBeLessThan(-0.15);
    // review vocabulary (stop 25): a series without substance, pretentious, saccharine, a plagiarism
    for (const t of ['une série sans consistance', 'des acteurs sans charisme', 'un scénario prétentieux', 'une romance sirupeuse', 'un plagiat des experts', 'un humour ringard']) expect(pol(t, 'fr')).toBeLessThan(-0.15);
  });

  it("reads a '*' on any word of a phrase, the first included", () => {
    // "not go* through", "not come* through": the star ends the middle word
    expect(pol('the payment does not goes through')).toBeLessThan(0);
    // "tourne* en rond": the star ends the first word
    expect(pol('les épisodes tournent en rond', 'fr')).toBeLessThan(0);
  });

  it('keeps French stems from matching unrelated words', () => {
    for (const t of ['le panneau solaire', 'un pirate', 'le volet roulant', 'les instructions', "l'ingénieur est venu", 'par défaut', 'la position'])
      expect(scoreLexicon(t, 'fr').hits).toBe(0);
    // and they do absorb inflections
    for (const t of ['décevante', 'décevants', 'catastrophique', 'injoignables']) expect(pol(t, 'fr')).toBeLessThan(-0.3);
  });

  it('flips and dampens negated terms', () => {
    expect(pol('the staff was helpful')).toBeGreaterThan(0);
    expect(pol('the staff was not helpful')).toBeLessThan(0);
    expect(pol("the staff wasn't helpful")).toBeLessThan(0);
    expect(pol('never disappointed')).toBeGreaterThan(0);
    expect(pol('no problem at all')).toBeGreaterThan(0);
    expect(pol("ça ne marche pas", 'fr')).toBeLessThan(0);
    expect(pol('je ne suis pas satisfait', 'fr')).toBeLessThan(0);
    expect(pol("ce n'est plus fiable", 'fr')).toBeLessThan(0);
    expect(pol('sans souci', 'fr')).toBeGreaterThan(0);
    expect(pol('pas mal du tout', 'fr')).toBeGreaterThan(0);
    expect(pol('pas terrible', 'fr')).toBeLessThan(0);
    // negation magnitude is smaller than the plain term
    expect(Math.abs(pol('not good'))).toBeLessThan(Math.abs(pol('good')));
  });

  it('treats "moins"/"less" as inverting, but not "au moins" / "less than"', () => {
    expect(pol('moins cher que prévu', 'fr')).toBeGreaterThan(0);
    expect(pol('moins bien que avant', 'fr')).toBeLessThan(0);
    expect(pol('au moins c’est rapide', 'fr')).toBeGreaterThan(0);
    expect(pol('less expensive than my old plan')).toBeGreaterThan(0);
    expect(pol("j'aime vraiment pas", 'fr')).toBeLessThan(0);
    expect(pol("j'aime vraiment", 'fr')).toBeGreaterThan(0);
  });

  it('reads counterfactuals as what is missing', () => {
    expect(pol('it would have been perfect with pockets')).toBeLessThan(0);
    expect(pol('ça aurait été parfait avec des poches', 'fr')).toBeLessThan(0);
    expect(pol('I wanted to love this dress')).toBeLessThan(0);
  });

  it('does not let negation cross punctuation', () => {
    expect(pol('No. Great service')).toBeGreaterThan(0);
  });

  it('weighs what follows "but/mais" more than what precedes', () => {
    expect(pol('the delivery was slow but the product is great')).toBeGreaterThan(0);
    expect(pol('the product is great but the delivery was slow')).toBeLessThan(0);
    expect(pol('le produit est bien mais le support est injoignable', 'fr')).toBeLessThan(0);
    expect(pol('although the delivery was slow, the product is great')).toBeGreaterThan(pol('the delivery was slow and the product is great'));
  });

  it('applies degree words, caps and exclamation marks', () => {
    expect(pol('very good')).toBeGreaterThan(pol('good'));
    expect(pol('slightly slow')).toBeGreaterThan(pol('slow'));
    expect(pol('un peu lent', 'fr')).toBeGreaterThan(pol('très lent', 'fr'));
    expect(pol('the service is GREAT')).toBeGreaterThan(pol('the service is great'));
    expect(pol('great!!!')).toBeGreaterThan(pol('great'));
    expect(pol('sooo good')).toBeGreaterThan(0);
    expect(pol("j'adoreee", 'fr')).toBeGreaterThan(0);
  });

  it('reads emoji, emoticons and ratings', () => {
    expect(pol('😡😡', 'other')).toBeLessThan(-0.5);
    expect(pol('👍', 'other')).toBeGreaterThan(0.3);
    expect(pol('ok :(')).toBeLessThan(0);
    expect(pol('merci :)', 'fr')).toBeGreaterThan(0);
    expect(pol('see http://example.com/x')).toBe(0);
    expect(pol('2/10')).toBeLessThan(-0.3);
    expect(pol('9/10')).toBeGreaterThan(0.3);
    expect(pol('1 étoile', 'fr')).toBeLessThan(0);
  });

  it('returns a neutral, low-information result for text without opinion', async () => {
    const engine = createEmbeddedSentimentEngine();
    const [r] = await engine.classifySentiment(['I moved house in March.'], ['en']);
    expect(r).toEqual({ label: 'neutral', polarity: 0, confidence: 0.6 });
  });

  it('labels with a neutral band and bounded polarity / confidence', async () => {
    const engine = createEmbeddedSentimentEngine();
    const texts = ['great!!! love it 😍😍 perfect', 'worst service ever, rude, useless, never again 😡', 'it is ok'];
    const res = await engine.classifySentiment(texts);
    expect(res.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
    for (const r of res) {
      expect(Math.abs(r.polarity)).toBeLessThanOrEqual(1);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(engine.info).toMatchObject({ engine: 'embedded', description: 'embedded default (FR/EN lexicon), no transformer installed' });
  });
});

/** Known misses of the previous engine (issue 10), each a named example with its expected label. */
describe('named sentiment cases (negation, contrast, sarcasm, factual complaints)', () => {
  const engine = createEmbeddedSentimentEngine();
  const cases: Array<[string, Language, 'negative' | 'neutral' | 'positive']> = [
    ['Thanks for nothing!', 'en', 'negative'],
    ['Je ne trouve pas le produit très efficace', 'fr', 'negative'],
    ['Principe super, mais le briquet ne se recharge plus', 'fr', 'negative'],
    ['you suck!', 'en', 'negative'],
    ['Merci pour rien.', 'fr', 'negative'],
    ['Why has my transfer not gone through yet?', 'en', 'negative'],
    ["It doesn't work anymore", 'en', 'negative'],
    ['My card no longer works', 'en', 'negative'],
    ["Le colis n'est toujours pas arrivé", 'fr', 'negative'],
    ['Still no refund', 'en', 'negative'],
    ['My parcel never arrived', 'en', 'negative'],
    ['I was charged twice', 'en', 'negative'],
    ["J'ai été débité deux fois", 'fr', 'negative'],
    ["J'ai appelé trois fois sans réponse", 'fr', 'negative'],
    ['Livraison sans problème', 'fr', 'positive'],
    ["Je n'ai jamais été déçu", 'fr', 'positive'],
    ['Je ne regrette pas du tout mon achat', 'fr', 'positive'],
    ['The parcel arrived on Tuesday', 'en', 'neutral'],
    // factual problem reports with no opinion word: refused, not happened, not the customer's
    ['My card was declined at a restaurant today', 'en', 'negative'],
    ["My top-up didn't go through", 'en', 'negative'],
    ['my transfer didnt arrive', 'en', 'negative'],
    ['I cannot verify my ID', 'en', 'negative'],
    ["I don't recognize the direct debit payment on my account", 'en', 'negative'],
    ['There is a €1 fee on my account I did not authorize', 'en', 'negative'],
    ["Why can't I withdraw cash from this ATM?", 'en', 'negative'],
    ['Why not try the new app?', 'en', 'neutral'],
    ['How do I order a physical card?', 'en', 'neutral'],
    ["I'd like to change my PIN", 'en', 'neutral'],
    ['Le produit dont je parle est arrivé mardi', 'fr', 'neutral'],
    // a problem someone resolved is not a complaint; one nobody resolved still is
    ['The support team solves the problem in a day', 'en', 'positive'],
    ['The billing issue was corrected quickly', 'en', 'positive'],
    ["L'erreur de facturation a été corrigée rapidement", 'fr', 'positive'],
    ['They could not fix the issue', 'en', 'negative'],
    ["Le problème n'a pas été résolu", 'fr', 'negative'],
    // discourse markers carry no sentiment of their own
    ['To be honest, support takes days to answer', 'en', 'negative'],
    ['Honnêtement, le support met une éternité à répondre', 'fr', 'negative'],
    ['Nous avons été facturés deux fois le même mois', 'fr', 'negative'],
    ['It never lets us down', 'en', 'positive'],
    ['The platform is rock solid', 'en', 'positive'],
    // product reviews and short complaints
    ['Ne correspond pas à la description', 'fr', 'negative'],
    ['Bon produit mais la batterie ne tient pas', 'fr', 'negative'],
    ['Le produit a cessé de fonctionner au bout de deux semaines', 'fr', 'negative'],
    // "does the job" is lukewarm: inside the neutral band, positive in sign
    ['Fait le job', 'fr', 'neutral'],
    ['you guys rock', 'en', 'positive'],
    ['the seats are so cramped', 'en', 'negative'],
    ["my bag didn't make it to Denver", 'en', 'negative'],
    // a question asks, it does not praise: its positive words are irrealis, its negative ones still complain
    ['Is flight 1234 on time?', 'en', 'neutral'],
    ['Any good deals for students?', 'en', 'neutral'],
    ['Le service client est-il bon ?', 'fr', 'neutral'],
    ['Why is the app so slow?', 'en', 'negative'],
    ["Great app, is there a dark mode?", 'en', 'positive'],
    ["C'est génial, non ?", 'fr', 'positive'],
    ["It's great, isn't it?", 'en', 'positive'],
    // French complaint idioms
    ["Le conseiller m'a baladé", 'fr', 'negative'],
    ['Service client aux abonnés absents', 'fr', 'negative'],
    ['On nous prend pour des pigeons', 'fr', 'negative'],
    ["Ils ne savent pas ce qu'ils font", 'fr', 'negative'],
    ['Ça marche quand ça veut', 'fr', 'negative'],
    // complaint facts and idioms of short customer messages, both languages (sentences written for these rules)
    ['Stranded in Chicago overnight with no hotel voucher', 'en', 'negative'],
    ['Your gate agents have no clue what is going on', 'en', 'negative'],
    ['My internet has been down since Monday', 'en', 'negative'],
    ['They closed my account without telling me', 'en', 'negative'],
    ['Transfer still pending', 'en', 'negative'],
    ['I want my money back', 'en', 'negative'],
    ['The manager promised a call back that never happened', 'en', 'negative'],
    ["They don't care about us", 'en', 'negative'],
    ["I don't care which seat I get", 'en', 'neutral'],
    ['Been trying to reach customer service all day', 'en', 'negative'],
    ["I'm trying to reach the billing department, what's the number?", 'en', 'neutral'],
    ['Hold music for 90 mins', 'en', 'negative'],
    ["Facturé pour un service que je n'ai jamais demandé", 'fr', 'negative'],
    ['La connexion saute tous les soirs', 'fr', 'negative'],
    ['Ils ont résilié sans prévenir', 'fr', 'negative'],
    ['Ça fait trois fois que je renvoie le produit', 'fr', 'negative'],
    ["Can't log in since the update", 'en', 'negative'],
    ['Nobody warned us about the price increase', 'en', 'negative'],
    ["I'm done with this company", 'en', 'negative'],
    ['Your customer service line just hangs up after 20 minutes', 'en', 'negative'],
    ["What's the cancellation policy?", 'en', 'neutral'],
    ['Smoothest landing ever', 'en', 'positive'],
    ['On attend toujours le remboursement promis', 'fr', 'negative'],
    ['Le conseiller ne connaissait rien au dossier', 'fr', 'negative'],
    ["On m'a envoyé le mauvais article", 'fr', 'negative'],
    ['6 hours in Atlanta and counting', 'en', 'negative'],
    ['My flight was moved to 6am without asking me', 'en', 'negative'],
    ['Easy to set up dashboards without asking IT', 'en', 'positive'],
    ['I will never book with you again', 'en', 'negative'],
    ['No one could tell me where my package is', 'en', 'negative'],
    ['Service client inexistant', 'fr', 'negative'],
    // contacting them three times or more is a complaint
    ['I called three times', 'en', 'negative'],
    ["J'ai dû rappeler quatre fois", 'fr', 'negative'],
    ['I called twice and it was sorted quickly', 'en', 'positive'],
    // nobody came is a complaint; so is a wait in line
    ['Nobody came', 'en', 'negative'],
    ['No one showed up to fix it', 'en', 'negative'],
    ['Two hours in line at the counter', 'en', 'negative'],
    // thanks for a misfortune is sarcasm; thanks for help is thanks
    ['Thanks for the 4 hour delay', 'en', 'negative'],
    ['Thanks for cancelling my flight', 'en', 'negative'],
    // praise for a misfortune, loving one, and a bare "great" beside a complaint are sarcasm (Riloff et al. 2013)
    ['Well done on losing my luggage', 'en', 'negative'],
    ['Great job losing my bag', 'en', 'negative'],
    ['Congrats on another cancellation', 'en', 'negative'],
    ['Bravo pour le retard', 'fr', 'negative'],
    ['Well done on the new app', 'en', 'positive'],
    ['I love being ignored by customer service', 'en', 'negative'],
    ['Love waiting 2 hours for a flight that never leaves', 'en', 'negative'],
    ['I love waiting at the lounge, so comfy', 'en', 'positive'],
    ['Lost my bag again, great job', 'en', 'negative'],
    ['Flight delayed 3 hours. Great.', 'en', 'negative'],
    ['Encore en retard, bravo', 'fr', 'negative'],
    ['Great crew. Thanks!', 'en', 'positive'],
    ['The flight was late, but great crew!', 'en', 'positive'],
    ['Got my refund within two days, thank you', 'en', 'positive'],
    // praise on the other side of a contrast, or after a clause that only leans negative, stays praise
    ["Difficile de trouver des réponses dans le centre d'aide, par contre réponse du support en moins d'une heure, top", 'fr', 'positive'],
    ['Frankly, the reporting screens are not intuitive at all, but the live chat agent fixed our issue in minutes. Thanks.', 'en', 'positive'],
    // a polite closing after a complaint counts for nothing
    ['Flight delayed 3 hours. Thanks.', 'en', 'negative'],
    ["Ma commande n'est toujours pas arrivée. Merci.", 'fr', 'negative'],
    // every unit of a duration is skipped, as the duration rule knows them (months, years, mois)
    ['Thanks for the 2 months of delays', 'en', 'negative'],
    ['Merci pour les 3 mois de retard', 'fr', 'negative'],
    ["Merci pour l'attente", 'fr', 'negative'],
    ['Thanks for the quick response', 'en', 'positive'],
    ['Merci pour votre aide', 'fr', 'positive'],
    // "sans doute" is "probably", not a negation; French review idioms
    ['Sans doute la meilleure série du genre', 'fr', 'positive'],
    ['Sans aucun doute la meilleure série', 'fr', 'positive'],
    ['Sans intérêt', 'fr', 'negative'],
    ['Beaucoup de bruit pour rien', 'fr', 'negative'],
    ['Ça déchire grave', 'fr', 'positive'],
    // a long wait is a complaint without an opinion word
    ['It took 4 months to set up my broadband', 'en', 'negative'],
    ["J'attends depuis trois semaines", 'fr', 'negative'],
    ['It only took 2 days to arrive', 'en', 'neutral'],
    ['Calls to the company were not returned', 'en', 'negative'],
    // social-media complaints and praise
    ['Nobody is answering the phone', 'en', 'negative'],
    ['you had one job', 'en', 'negative'],
    ['Kudos to the crew', 'en', 'positive'],
    ['Thank you so much for your help', 'en', 'positive'],
    // an emoticon at the start of a text is not leading punctuation
    [':(', 'en', 'negative'],
    [':-) merci', 'fr', 'positive'],
    // something that keeps happening (recurring-trouble.ts), and what keeps getting better
    ['your website keeps logging me out', 'en', 'negative'],
    ['I keep getting an error when I pay', 'en', 'negative'],
    ['the app keeps asking for my password', 'en', 'negative'],
    ['this shop keeps me coming back', 'en', 'neutral'],
    ['it keeps getting better', 'en', 'positive'],
    ['the app keeps crashing', 'en', 'negative'],
    // waiting somewhere for hours
    ['2 hours on the tarmac', 'en', 'negative'],
    ['stuck in Denver for 5 hours', 'en', 'negative'],
    // travel complaints stated as facts, and praise by comparison
    ['the flight attendant yelled at my kid', 'en', 'negative'],
    ['overbooked again, bumped off my flight', 'en', 'negative'],
    ["can't believe I have to pay for water now", 'en', 'negative'],
    ["free wifi and snacks, can't beat it", 'en', 'positive'],
    // product reviews in French: wear, missing parts, no effect, sizes
    ['Colis arrivé ouvert et il manquait des pièces.', 'fr', 'negative'],
    ['Aucun effet sur mes cheveux après un mois.', 'fr', 'negative'],
    ['Il a rouillé en quelques jours.', 'fr', 'negative'],
    ['La couleur a déteint au premier lavage.', 'fr', 'negative'],
    ['Trop petit, trop fragile, trop cher.', 'fr', 'negative'],
    ['Ça fuit de partout.', 'fr', 'negative'],
    ["Je l'utilise tous les jours, il tient ses promesses.", 'fr', 'positive'],
    // "ne … ni" negates like "ne … pas"
    ['la série ne déçoit ni par son scénario ni par ses acteurs', 'fr', 'positive'],
    // outages, broken promises and repeated failures stated as facts
    ['internet down for the third time this week', 'en', 'negative'],
    ['I was promised a callback that never came', 'en', 'negative'],
    ['never flying with you again', 'en', 'negative'],
    ['4 emails, zero replies', 'en', 'negative'],
    ['your crew made my day', 'en', 'positive'],
    ['Nothing special to report', 'en', 'neutral'],
    // product defects and praise in English reviews
    ['Arrived with a cracked screen.', 'en', 'negative'],
    ['It leaks every time I use it.', 'en', 'negative'],
    ["Doesn't fit my car even though the listing says it does.", 'en', 'negative'],
    ['Would buy again.', 'en', 'positive'],
    ['My kids use it every day and it still looks new.', 'en', 'positive'],
    // "never" before a comparison makes a superlative, unless a standard follows
    ["Je n'ai jamais eu un aspirateur aussi puissant.", 'fr', 'positive'],
    ['I have never had such a good phone', 'en', 'positive'],
    ['I have never been so disappointed', 'en', 'negative'],
    ["il n'est jamais aussi bon que prévu", 'fr', 'negative'],
    ['never as good as the first one', 'en', 'negative'],
    ['Le vernis s\'écaille en deux jours.', 'fr', 'negative'],
    ['Le tissu gratte et il a rétréci au lavage.', 'fr', 'negative'],
    ['Achat validé, je le reprendrai.', 'fr', 'positive'],
    ['Ne vous faites pas avoir, c\'est une copie bas de gamme.', 'fr', 'negative'],
    ["J'ai eu des maux de tête avec ce parfum", 'fr', 'negative'],
    // "far from" and "loin d'être" deny what follows; "on ne peut pas s'en passer" is praise
    ['the service was far from perfect', 'en', 'negative'],
    ["cette série est bien loin d'être drôle", 'fr', 'negative'],
    ["on ne sait pas pourquoi on l'aime mais on ne peut pas s'en passer", 'fr', 'positive'],
    // words that read as complaints only in some uses
    ['they bumped me up to first class, thanks', 'en', 'positive'],
    ["third time's a charm", 'en', 'positive'],
    ['des rebondissements sans cesse passionnants', 'fr', 'positive'],
    // a degree word before a word of little valence is the opinion itself
    ['Super qualité pour le prix.', 'fr', 'positive'],
    // stop 27 (scoring rules v11): something that never happened, a "not even", an indirect question,
    // comparatives and superlatives of praise words, and the words a fifth written batch missed
    ['The discount was never applied.', 'en', 'negative'],
    ['Password reset emails never arrive', 'en', 'negative'],
    ["My ticket hasn't even been assigned.", 'en', 'negative'],
    ["Il n'a même pas rappelé.", 'fr', 'negative'],
    ["Le technicien n'est jamais venu.", 'fr', 'negative'],
    ['Never mind, I found it.', 'en', 'neutral'],
    ['I have never had a problem with them', 'en', 'positive'],
    ["I'd like to know if the offer is available in Belgium", 'en', 'neutral'],
    ["Je voudrais savoir si l'offre est disponible en Belgique.", 'fr', 'neutral'],
    ["Est-ce que la livraison est gratuite", 'fr', 'neutral'],
    // only the part the frame opens is asked: the thanks after it still count, a greeting before it is no obstacle
    ["Je voudrais savoir si l'offre est disponible, merci d'avance.", 'fr', 'positive'],
    ["Bonjour, je voudrais savoir si l'offre est disponible.", 'fr', 'neutral'],
    ['The new interface is much cleaner.', 'en', 'positive'],
    ['Friendliest staff in town.', 'en', 'positive'],
    ['The cleaner was rude.', 'en', 'negative'],
    ['I will call you later.', 'en', 'neutral'],
    ['The refund came through faster than I expected.', 'en', 'positive'],
    ['The staff went out of their way to help us.', 'en', 'positive'],
    ['La conseillère a pris le temps de tout m\'expliquer.', 'fr', 'positive'],
    ['Third week without a working landline.', 'en', 'negative'],
    ['Paid for express shipping, got it ten days later.', 'en', 'negative'],
    ['The new update deleted all my saved addresses.', 'en', 'negative'],
    ['La box redémarre toute seule plusieurs fois par jour.', 'fr', 'negative'],
    ['Ma facture a doublé sans explication.', 'fr', 'negative'],
  ];
  for (const [text, language, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, async () => {
      const [r] = await engine.classifySentiment([text], [language]);
      expect(r?.label).toBe(expected);
    });
  }

  it('gives a polarity of exactly 0 only to texts with no evidence', () => {
    expect(scoreLexicon('The parcel arrived on Tuesday', 'en')).toMatchObject({ polarity: 0, hits: 0 });
    expect(scoreLexicon('le briquet ne se recharge plus', 'fr').polarity).toBeLessThan(0);
    // praise and criticism that cancel exactly lean negative, far inside the neutral band
    const balanced = scoreLexicon("on s'ennuie vite dans cette série ... mais je tiens à mettre une étoile pour l'humour", 'fr');
    expect(balanced.positive).toBeCloseTo(-balanced.negative, 10);
    expect(balanced.polarity).toBeLessThan(0);
    expect(balanced.polarity).toBeGreaterThan(-0.01);
  });
});
