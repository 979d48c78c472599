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

/**
 * The strongest theme of a verbatim's mentions, or 'none': the highest mention score; on a tie, the theme
 * with more evidence in the verbatim (the sum of its mention scores: a garment named in three clauses over
 * one named once), then the one mentioned first (mentions come in clause order).
 */
export function strongestTheme(mentions: ReadonlyArray<{ readonly theme_id: string; readonly match_score: number }>): string {
  const evidence = new Map<string, number>();
  for (const m of mentions) evidence.set(m.theme_id, (evidence.get(m.theme_id) ?? 0) + m.match_score);
  let best: { id: string; score: number; evidence: number } | undefined;
  for (const m of mentions) {
    const e = evidence.get(m.theme_id) as number;
    if (best === undefined || m.match_score > best.score || (m.match_score === best.score && e > best.evidence)) best = { id: m.theme_id, score: m.match_score, evidence: e };
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
