/**
 * The output folder a run folder belongs to: `<out>` for a published night `<out>/runs/<run-id>` (or a
 * path that resolves there, such as `<out>/current`), and `<out>` itself when given the output folder
 * (marked by `.ecoute-output`; its fixed links read the current night). Undefined for a folder outside
 * an output folder. Files kept across nights (owner page key, notified call-backs) live in `<out>`.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { outputLayout } from './output-layout.ts';

export function outputFolderOfRun(runDir: string): string | undefined {
  const real = realpathSync(runDir);
  if (basename(dirname(real)) === 'runs') return dirname(dirname(real));
  return existsSync(outputLayout(real).marker) ? real : undefined;
}
