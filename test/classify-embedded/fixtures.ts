/** Small taxonomy shared by the embedded-engine tests. */
import { taxonomySchema, type Taxonomy } from '../../src/config/taxonomy-schema.ts';

export const TAXONOMY: Taxonomy = taxonomySchema.parse({
  version: 't1',
  themes: [
    { id: 'product', labels: { en: 'Product', fr: 'Produit' }, keywords: { en: ['product*'], fr: ['produit*'] }, examples: ['the quality of the product'] },
    {
      id: 'support',
      labels: { en: 'Customer support', fr: 'Service client' },
      keywords: { en: ['support', 'customer service', 'agent*'], fr: ['support', 'service client', 'conseill*'] },
      examples: ['nobody answers the phone'],
    },
    { id: 'billing', labels: { en: 'Billing', fr: 'Facturation' }, keywords: { en: ['invoice*', 'charg*'], fr: ['factur*', 'prélèvement*'] }, examples: ['I was charged twice'] },
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['deliver*', 'parcel*'], fr: ['livr*', 'colis'] }, examples: [] },
    {
      id: 'network',
      labels: { en: 'Network coverage', fr: 'Réseau' },
      keywords: { en: ['no signal'], fr: ['réseau', 'pas de réseau'] },
      description: 'mobile network coverage and signal quality',
      examples: ['signal drops in the countryside', 'coverage is patchy at home'],
    },
  ],
});
