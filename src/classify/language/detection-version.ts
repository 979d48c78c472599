/**
 * Version of language detection (detect-language.ts and its marker words): a text's detected language
 * decides its lexicon and its keywords, so the revision of both embedded engines includes it and a change
 * makes cached classifications miss.
 * 2: two markers of one language and none of the other outvote franc between French and English; "trop",
 *    "why", "can", "please", "ago", "took", "even", "every", "since" are markers; @handles, #hashtags and web
 *    addresses are not read.
 * 3: a French marker, French accents and no English marker outvote franc's English.
 * 4: "service", a word of both languages, is no longer an English marker ("Service client inexistant").
 */
export const LANGUAGE_DETECTION_VERSION = '4';
