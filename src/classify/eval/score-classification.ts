/**
 * Classification metrics as pure functions: accuracy, macro-F1, per-label precision / recall / F1
 * and the confusion matrix (rows = gold, columns = predicted, labels sorted, gold and predicted union).
 *
 * Example: scoreClassification(['a', 'b'], ['a', 'a']) → accuracy 0.5, confusion [[1, 0], [1, 0]]
 */
export interface LabelScore {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** number of gold items with this label */
  readonly support: number;
}

export interface ClassificationScore {
  readonly n: number;
  readonly accuracy: number;
  /** mean F1 over the gold labels */
  readonly macroF1: number;
  readonly labels: readonly string[];
  readonly confusion: number[][];
  readonly perLabel: readonly LabelScore[];
  /** accuracy of always predicting the most frequent gold label */
  readonly majorityAccuracy: number;
}

export function scoreClassification(gold: readonly string[], predicted: readonly string[]): ClassificationScore {
  if (gold.length !== predicted.length) throw new Error(`gold (${gold.length}) and predicted (${predicted.length}) differ in length`);
  const labels = [...new Set([...gold, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    (confusion[at.get(g) as number] as number[])[at.get(p) as number]! += 1;
    if (g === p) correct++;
  });
  const perLabel = labels.map((label, k) => {
    const tp = (confusion[k] as number[])[k] as number;
    const support = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + (row[k] as number), 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const goldLabels = perLabel.filter((l) => l.support > 0);
  const n = gold.length;
  return {
    n,
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: goldLabels.length === 0 ? 0 : goldLabels.reduce((a, l) => a + l.f1, 0) / goldLabels.length,
    labels,
    confusion,
    perLabel,
    majorityAccuracy: n === 0 ? 0 : Math.max(0, ...goldLabels.map((l) => l.support)) / n,
  };
}
