/**
 * Cuts very long texts by characters before tokenising, so a 100 kB verbatim costs no more than
 * a long one: the tokenizer truncates to the model's max length anyway, and FR/EN WordPiece
 * tokens average 3-5 characters (spaces included), so keeping `maxTokens × charsPerToken`
 * characters (12 per token by default) keeps more than the model will see. Cuts at a whitespace
 * when one is near.
 */
export function truncateChars(text: string, maxTokens: number, charsPerToken = 12): string {
  const limit = Math.max(64, maxTokens * charsPerToken);
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > limit * 0.8 ? cut : limit);
}
