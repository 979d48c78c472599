/** Test helper: a fresh temp folder with tiny generated models, removed by the caller. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeTempDir(prefix = 'ecoute-transformer-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const TEST_TAXONOMY = {
  version: '1',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, examples: ['the parcel arrived late'], keywords: { en: [], fr: [] } },
    { id: 'price', labels: { en: 'Price', fr: 'Prix' }, description: 'billing and fees', examples: [], keywords: { en: [], fr: [] } },
    { id: 'support', labels: { en: 'Customer support' }, examples: ['could not reach an agent'], keywords: { en: [], fr: [] } },
  ],
};
