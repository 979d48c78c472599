/**
 * One name per candidate theme: two candidates both called "virtual card" read as one theme. Each cluster
 * offers its distinctive phrases in its own order (distinctive-phrases.ts), each with the share of its
 * clauses that say it. When clusters would take the same name, the one whose clauses say it most keeps it
 * (ties: the earlier cluster) and the others move on to their next phrase no other cluster holds, else to
 * their fallback (their terms' name). Names are the same by `same` (the singular phrase, in discovery).
 * Deterministic; a cluster's name is always one of its own phrases or its fallback.
 *
 * Example:
 *   distinctNames([[{ phrase: 'virtual card', share: 0.06 }], [{ phrase: 'virtual card', share: 0.16 }, { phrase: 'disposable virtual', share: 0.09 }]], ['yet / received', 'card / virtual'])
 *   // → ['yet / received', 'virtual card']
 */
export interface OfferedName {
  readonly phrase: string;
  /** share of the cluster's clauses that say it, in [0, 1] */
  readonly share: number;
}

/** `same`: the key two names are the same by (e.g. their singular: "disposable card" and "disposable cards"). */
export function distinctNames(offers: readonly (readonly OfferedName[])[], fallbacks: readonly string[], same: (name: string) => string = (n) => n): string[] {
  /** per cluster: index of its current offer (offers.length = its fallback) */
  const at = offers.map(() => 0);
  const nameOf = (c: number): string => (offers[c] as readonly OfferedName[])[at[c] as number]?.phrase ?? (fallbacks[c] as string);
  const shareOf = (c: number): number => (offers[c] as readonly OfferedName[])[at[c] as number]?.share ?? -1;
  for (;;) {
    const holders = new Map<string, number[]>();
    offers.forEach((_, c) => {
      const key = same(nameOf(c));
      holders.set(key, [...(holders.get(key) ?? []), c]);
    });
    let moved = false;
    for (const [, clusters] of holders) {
      if (clusters.length < 2) continue;
      // a fallback shared by two clusters stays shared: there is nothing after it
      const keeper = clusters.reduce((best, c) => (shareOf(c) > shareOf(best) ? c : best));
      for (const c of clusters) {
        if (c === keeper || (at[c] as number) >= (offers[c] as readonly OfferedName[]).length) continue;
        do at[c] = (at[c] as number) + 1;
        while ((at[c] as number) < (offers[c] as readonly OfferedName[]).length && holders.has(same(nameOf(c))));
        moved = true;
      }
    }
    if (!moved) return offers.map((_, c) => nameOf(c));
  }
}
