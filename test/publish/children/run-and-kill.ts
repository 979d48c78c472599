/**
 * Child process of the kill -9 suite: runs a pipeline and kills itself with SIGKILL (no clean-up of
 * any kind runs) `delayMs` after the first progress message matching `pattern`.
 * Usage: node --import tsx run-and-kill.ts <pipeline> <out> <as-of> <pattern> <delayMs>
 */
import { runPipeline } from '../../../src/run/run-pipeline.ts';

const [pipelineFile, outDir, asOf, pattern, delay] = process.argv.slice(2) as [string, string, string, string, string];
const re = new RegExp(pattern);
let armed = true;
const kill = (): void => void process.kill(process.pid, 'SIGKILL');
const watch = (m: string): void => {
  if (!armed || !re.test(m)) return;
  armed = false;
  if (Number(delay) === 0) kill();
  else setTimeout(kill, Number(delay));
};
// phase lines and detail lines (per-source counts are details) both arm the kill
await runPipeline({ pipelineFile, outDir, asOf, log: watch, detail: watch });
process.stdout.write('finished without being killed\n');
