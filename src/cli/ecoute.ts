/** The `ecoute` executable: bin/ecoute.js runs the compiled copy of this file (dist/cli/ecoute.js). */
import { main } from './main.ts';

// `ecoute … | head`: a reader that stops early closes the pipe; that is not an error of ecoute's
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv);
