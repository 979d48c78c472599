/**
 * A seed per analysed cell (theme × dimension, attribute...), derived from the run seed and the
 * cell's key, so an interval does not change when other cells are added or the order changes.
 */
export function stableSeed(seed: number, key: string): number {
  // FNV-1a over the key's UTF-16 units, mixed with the run seed
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
