/**
 * Physical line numbers for staged records. The check SQL numbers staged record k of a file (0-based,
 * accepted records only) as `header_lines + 1 + k + cum_span`, taking cum_span from the last shift with
 * accepted_before <= k. Records spanning several lines, blank lines and rejected records move later
 * records down; these shifts say by how much, so the formula lands on the line where each record starts.
 */
export interface LineShift {
  readonly acceptedBefore: number;
  readonly cumSpan: number;
}

/**
 * @param dataStarts physical start line of every data record of the file (header excluded), in order
 * @param rejected indexes into dataStarts of the records the parser rejected
 */
export function lineShifts(dataStarts: readonly number[], rejected: ReadonlySet<number>, headerLines: number): LineShift[] {
  const shifts: LineShift[] = [];
  let k = 0;
  let current = 0;
  for (let r = 0; r < dataStarts.length; r++) {
    if (rejected.has(r)) continue;
    const span = (dataStarts[r] as number) - headerLines - 1 - k;
    if (span !== current) {
      shifts.push({ acceptedBefore: k, cumSpan: span });
      current = span;
    }
    k++;
  }
  return shifts;
}

/** Index of the record whose reader line is `readerLine` (readerLines ascending), or -1. */
export function recordAtReaderLine(readerLines: readonly number[], readerLine: number): number {
  let lo = 0;
  let hi = readerLines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = readerLines[mid] as number;
    if (v === readerLine) return mid;
    if (v < readerLine) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
