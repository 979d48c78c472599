/** The part of nlp.js's French language package (MIT, no bundled types) ecoute uses. */
declare module '@nlpjs/lang-fr' {
  /** Snowball French stemmer. */
  export class StemmerFr {
    stemWord(word: string): string;
  }
}
