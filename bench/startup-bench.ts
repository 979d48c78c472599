/**
 * Startup of the installed CLI: `node bin/ecoute.js --help` (the compiled dist/, as `npm ci` builds it)
 * against `node -e ""` (Node's own start), measured side by side: each repetition runs both, in
 * alternating order, so load on the machine hits both alike.
 *   npx tsx bench/startup-bench.ts [repetitions=15]
 * Prints the median wall time of each, their ratio and the median difference (what ecoute adds).
 * Goal: `ecoute --help` ≤ 0.5 s. Needs `npm run build` (or `npm ci`) first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repetitions = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/cli/ecoute.js`)) throw new Error('dist/ is missing: run `npm run build` first');

const env = { ...process.env, NODE_OPTIONS: '' };
function timeMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const cases = { node: ['-e', ''], help: ['bin/ecoute.js', '--help'], version: ['bin/ecoute.js', '--version'] } as const;
const times: Record<keyof typeof cases, number[]> = { node: [], help: [], version: [] };
const diffs: number[] = [];
timeMs(cases.help); // warm the file cache
for (let i = 0; i < repetitions; i++) {
  const order = (i % 2 === 0 ? ['node', 'help', 'version'] : ['version', 'help', 'node']) as Array<keyof typeof cases>;
  const t = Object.fromEntries(order.map((k) => [k, timeMs(cases[k])])) as Record<keyof typeof cases, number>;
  for (const k of order) times[k].push(t[k]);
  diffs.push(t.help - t.node);
}
const node = median(times.node);
const help = median(times.help);
const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
console.log(`repetitions: ${repetitions} (each: node -e "", ecoute --help, ecoute --version, alternating order)`);
console.log(`node -e ""        median ${fmt(node)}  (min ${fmt(Math.min(...times.node))}, max ${fmt(Math.max(...times.node))})`);
console.log(`ecoute --help     median ${fmt(help)}  (min ${fmt(Math.min(...times.help))}, max ${fmt(Math.max(...times.help))})`);
console.log(`ecoute --version  median ${fmt(median(times.version))}`);
console.log(`ratio --help / node: ${(help / node).toFixed(2)}; added by ecoute (median of paired differences): ${fmt(median(diffs))}`);
console.log(`goal --help ≤ 0.5 s: ${help <= 500 ? 'met' : 'NOT met'}`);
