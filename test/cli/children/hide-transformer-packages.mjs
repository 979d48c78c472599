// Loaded with `node --import`: Node's resolution of the transformer engine's optional packages fails
// exactly as it does when they are not installed (ERR_MODULE_NOT_FOUND), the rest resolves as usual.
import { register } from 'node:module';

register('./hide-transformer-packages-hooks.mjs', import.meta.url);
