/** Items grouped by key, groups in order of first appearance, items in their order (Map.groupBy needs Node 21). */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list === undefined) out.set(k, [i]);
    else list.push(i);
  }
  return out;
}
