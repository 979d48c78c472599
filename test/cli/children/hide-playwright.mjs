// Loaded with `node --import`: Node's resolution of playwright-core fails exactly as it does when it
// is not installed (ERR_MODULE_NOT_FOUND), the rest resolves as usual.
import { register } from 'node:module';

register('./hide-playwright-hooks.mjs', import.meta.url);
