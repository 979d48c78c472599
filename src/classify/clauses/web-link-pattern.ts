/**
 * A web address as written in a verbatim ("https://…", "www.…", up to the next space): never words of a
 * language or of a theme. The source of a regular expression, for the patterns that strip it with others
 * (language detection: with @handles and #hashtags; discovery: with emails, handles and bare domains).
 */
export const WEB_LINK_PATTERN = String.raw`(?:https?:\/\/|www\.)\S+`;
