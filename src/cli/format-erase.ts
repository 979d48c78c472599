/** Human text for `ecoute erase`: what was recorded, what was removed from which night. */
import type { EraseResult } from '../erase/erase-person.ts';
import { formatTable } from './print-result.ts';

export function formatErase(r: EraseResult): string {
  const head = `${r.kind} erased by ${r.by} at ${r.at} (identifier hash ${r.hash.slice(0, 12)}…)${r.alreadyListed ? ', already on the erasure list' : ''}`;
  const nights =
    r.nights.length === 0
      ? ['no published night to purge yet']
      : r.nights.map((n) => {
          if (n.folderRemoved === true) return `night ${n.dir}: removed (a failed run kept without its database)`;
          const rows = Object.entries(n.removed).map(([table, count]) => [table, count]);
          return `night ${n.dir}:${rows.length === 0 ? ' nothing of theirs found' : `\n${formatTable(['table', 'rows removed'], rows)}`}\n${n.files.length} files rewritten`;
        });
  return [head, '', ...nights, '', `recorded in ${r.erasureList} (applied by every later run at ingest)`, `audit entry in ${r.audit}`].join('\n');
}
