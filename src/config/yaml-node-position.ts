/**
 * Where a zod issue's path points in a YAML document: the line and column (1-based) of the value at
 * that path, or of the nearest enclosing node that exists (a missing key points at its parent map).
 */
import { isNode, type Document, type LineCounter } from 'yaml';

export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

export function yamlNodePosition(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): YamlPosition | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (typeof k === 'symbol' ? String(k) : k));
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}
