/** Code-unit string order (locale-independent, so sorted outputs are the same on every machine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
