#!/usr/bin/env node
// Entry point: the compiled CLI (dist/, built by `npm ci` through the `prepare` script, or `npm run build`).
try {
  await import('../dist/cli/ecoute.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli/ecoute.js')) throw e;
  process.stderr.write('error: ecoute is not built: run `npm run build` (npm ci does it through the prepare script)\n');
  process.exitCode = 1;
}
