/**
 * Common words of French and English that a theme keyword must not match: function words (STOPWORDS)
 * and the forms of the most frequent verbs. `avoir*` (a credit note) matches the verb "avoir",
 * `get*` matches "get", "got"… — a keyword that matches one of these tags half the verbatims.
 */
import { STOPWORDS } from '../language/stopwords.ts';
import { foldedWords } from '../embedded/fold-text.ts';

const FREQUENT_VERBS =
  'avoir ai as avons avez ont avait avaient aurait aurais eu eue eus ' +
  'etre suis es est sommes etes sont etait etaient sera serait ete ' +
  'faire fait faits faites font faisait fera ferait aller vais va vont allait alle allee ' +
  'pouvoir peux peut pouvons pouvez peuvent pouvait pu devoir dois doit devons devez doivent devait du ' +
  'vouloir veux veut voulons voulez veulent voulait voulu dire dit dis disent savoir sais sait su ' +
  'voir vois voit voyons vu venir viens vient venu prendre prend prends pris mettre met mis donner donne donné ' +
  'trouver trouve passer passe rester reste falloir faut fallait ' +
  'have has had having be is are was were been being do does did done doing go goes went gone going ' +
  'get gets got gotten getting make makes made making take takes took taken taking come comes came coming ' +
  'say says said know knows knew known think thought see sees saw seen want wants wanted use used using ' +
  'give gives gave given find found tell told ask asked work works worked seem seems feel felt try tried ' +
  'leave left call called keep kept let put need needs needed';

export const COMMON_WORDS: ReadonlySet<string> = new Set([...STOPWORDS, ...foldedWords(FREQUENT_VERBS)]);
