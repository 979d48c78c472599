/**
 * Topic evaluation is single-label: the predicted theme of a text is its strongest mention
 * (ties to the smaller id) or 'none'. A gold cell may list several themes ("price;support"):
 * the prediction is right when it is one of them.
 */
import { parseMentions } from './serialize-mentions.ts';

export const NO_THEME = 'none';

export function predictedTheme(mentionsJson: string): string {
  return strongestTheme(parseMentions(mentionsJson));
}

/** The strongest theme of a verbatim's mentions (ties to the smaller id), or 'none'. */
export function strongestTheme(mentions: ReadonlyArray<{ readonly theme_id: string; readonly match_score: number }>): string {
  let best: { id: string; score: number } | undefined;
  for (const m of mentions) {
    if (best === undefined || m.match_score > best.score || (m.match_score === best.score && m.theme_id < best.id)) best = { id: m.theme_id, score: m.match_score };
  }
  return best?.id ?? NO_THEME;
}

/** Gold theme ids of a cell; '', '-', 'none' mean no theme. */
export function goldThemes(cell: string): string[] {
  const ids = cell
    .split(/[;|,]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0 && s !== '-' && s !== NO_THEME);
  return ids.length === 0 ? [NO_THEME] : [...new Set(ids)];
}

/** The gold label scored against a prediction: the predicted theme when the cell lists it, else the cell's first theme. */
export function goldForPrediction(cell: string, predicted: string): string {
  const gold = goldThemes(cell);
  return gold.includes(predicted) ? predicted : gold[0]!;
}
