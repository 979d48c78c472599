/**
 * Word lists for the demo CRM: account-manager names and company names that look like each region's.
 */
import type { Rng } from '../util/random.ts';

export const FIRST_NAMES = [
  'Camille', 'Julien', 'Sophie', 'Thomas', 'Léa', 'Nicolas', 'Claire', 'Antoine', 'Manon', 'Mathieu',
  'Élodie', 'Hugo', 'Chloé', 'Pierre', 'Inès', 'Romain', 'Laura', 'Maxime', 'Anaïs', 'Guillaume',
  'Emma', 'James', 'Olivia', 'Daniel', 'Charlotte', 'Ben', 'Hannah', 'Ryan', 'Grace', 'Liam',
  'Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Sanne', 'Daan', 'Eva', 'Pieter', 'Lotte',
  'Marco', 'Giulia', 'Carlos', 'Lucía', 'Erik', 'Ingrid', 'Sarah', 'David', 'Nora', 'Karim',
] as const;

export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Rousseau',
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Walsh', 'Murphy', 'Clarke', 'Miller', 'Johnson',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'De Vries', 'Janssens', 'Peeters', 'Van Dijk', 'Bakker',
  'Rossi', 'Bianchi', 'Fernández', 'López', 'Andersson', 'Nilsen', 'Benali', 'Haddad', 'Nguyen', 'Cohen',
] as const;

/** Syllables and words that company names are built from. */
const STEMS = [
  'Alti', 'Nova', 'Vert', 'Lumi', 'Orb', 'Kali', 'Terra', 'Acti', 'Bio', 'Crea', 'Data', 'Eco', 'Flex', 'Géo', 'Hexa',
  'Indu', 'Juno', 'Logi', 'Medi', 'Neo', 'Opti', 'Pro', 'Quanta', 'Rhéa', 'Sol', 'Tech', 'Uni', 'Vita', 'Wave', 'Zen',
  'Atlas', 'Boréal', 'Cobalt', 'Delta', 'Éole', 'Fjord', 'Granit', 'Helix', 'Iris', 'Jade', 'Kairos', 'Lynx', 'Mistral',
  'Nord', 'Onyx', 'Pixel', 'Quartz', 'Rivage', 'Sirius', 'Tilia', 'Umbra', 'Vega', 'Wolf', 'Xylo', 'Yuzu', 'Zéphyr',
] as const;
const SUFFIXES = ['tec', 'logic', 'ware', 'flow', 'nova', 'lab', 'tis', 'gen', 'sys', 'dis', 'link', 'med', 'com', 'trans', 'form', 'vision'] as const;
const TRADES: Record<string, readonly string[]> = {
  fr: ['Transports', 'Bâtiment', 'Conseil', 'Distribution', 'Santé', 'Énergie', 'Assurances', 'Logistique', 'Industries', 'Services'],
  en: ['Logistics', 'Health', 'Energy', 'Foods', 'Insurance', 'Retail', 'Partners', 'Systems', 'Analytics', 'Manufacturing'],
  de: ['Logistik', 'Maschinenbau', 'Energie', 'Handel', 'Versicherungen', 'Bau', 'Medizintechnik', 'Systeme'],
  nl: ['Logistiek', 'Bouw', 'Energie', 'Zorg', 'Groep', 'Techniek', 'Handel'],
  it: ['Logistica', 'Energia', 'Costruzioni', 'Alimentare', 'Servizi', 'Sanità'],
};

export interface CompanyStyle {
  readonly trades: keyof typeof TRADES;
  readonly legalForms: readonly string[];
}

/** A plausible company name such as "Nordlink Logistik GmbH" or "Groupe Altitec". */
export function composeCompanyName(rng: Rng, style: CompanyStyle): string {
  const word = rng.chance(0.6) ? rng.pick(STEMS) + rng.pick(SUFFIXES) : rng.pick(STEMS);
  const trades = TRADES[style.trades] ?? TRADES.en;
  const form = rng.pick(style.legalForms);
  const roll = rng.next();
  if (roll < 0.45) return `${word} ${form}`;
  if (roll < 0.8) return `${word} ${rng.pick(trades)} ${form}`;
  if (style.trades === 'fr' && roll < 0.9) return `Groupe ${word}`;
  return `${rng.pick(LAST_NAMES)} ${rng.pick(trades)} ${form}`;
}

export function composePersonName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}
