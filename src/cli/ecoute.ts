/** The `ecoute` executable: bin/ecoute.js runs the compiled copy of this file (dist/cli/ecoute.js). */
import { main } from './main.ts';

process.exitCode = await main(process.argv);
