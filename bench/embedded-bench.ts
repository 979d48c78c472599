/**
 * Throughput of the embedded engine's full classification (clean → language → clauses →
 * sentiment → themes with the topic model → clause sentiment) on one core, and the topic model's training time;
 * with the lexicon alone, with a domain model, and with a model self-trained on the same texts (its training timed with them). Run: npx tsx bench/embedded-bench.ts [count]
 * Verbatims are generated (seeded) from FR/EN CX fragments, 1-6 sentences each, some with HTML and emoji.
 */
import { taxonomySchema, type Taxonomy } from '../src/config/taxonomy-schema.ts';
import { classifyVerbatims, createEmbeddedSentimentEngine, createEmbeddedTopicEngine, trainDomainModel } from '../src/classify/embedded/index.ts';
import type { SentimentLabel } from '../src/classify/classifier-types.ts';
import { createRng, type Rng } from '../src/util/random.ts';
import { compileTaxonomy } from '../src/classify/embedded/compile-taxonomy.ts';
import { trainTopicModelOnVerbatims } from '../src/classify/embedded/train-topic-model.ts';
import { selfTrainOn } from '../src/classify/embedded/sentiment-engine.ts';

const EN = {
  subjects: ['The delivery', 'Your support team', 'The app', 'The invoice', 'The product', 'The agent on the phone', 'The website', 'My refund', 'The installation', 'The price', 'The router', 'Customer service'],
  good: ['was fast and easy', 'is really great', 'was very helpful and friendly', 'works perfectly', 'is excellent value for money', 'was on time as promised', 'solved my problem quickly', 'is so simple to use'],
  bad: ['was late again', 'is unreachable for days', 'keeps crashing since the update', 'was wrong and I was double-billed', 'is way too expensive', 'never arrived', 'was rude and unhelpful', 'is slow and confusing'],
  links: ['but', 'and', 'however', 'although', 'yet overall'],
  extras: ['Thanks!', 'Never again.', 'Would recommend.', '😡', '👍', ':)', 'Still waiting for an answer...', 'Overall OK.'],
  fillers: ['I have been with you for five years.', 'I called three times last week.', 'We moved house in March.', 'My husband uses it every day.', 'I ordered it for my daughter.', 'This was my second order this year.'],
};
const FR = {
  subjects: ['La livraison', 'Le service client', "L'application", 'La facture', 'Le produit', 'Le conseiller', 'Le site', 'Mon remboursement', "L'installation", 'Le prix', 'La box', 'Le support'],
  good: ['était rapide et simple', 'est vraiment top', 'était très aimable et efficace', 'fonctionne parfaitement', 'est un bon rapport qualité prix', 'était dans les délais', 'a réglé mon problème rapidement', 'est super facile à utiliser'],
  bad: ['était encore en retard', 'est injoignable depuis des jours', 'plante depuis la mise à jour', "était fausse et j'ai été facturé deux fois", 'est beaucoup trop cher', "n'est jamais arrivé", 'était désagréable et incompétent', 'est lent et compliqué'],
  links: ['mais', 'et', 'par contre', 'cependant', 'en revanche'],
  extras: ['Merci !', 'Plus jamais.', 'Je recommande.', '😡', '👍', ':)', 'Toujours pas de réponse...', 'Bof.'],
  fillers: ['Je suis client depuis cinq ans.', "J'ai appelé trois fois la semaine dernière.", 'Nous avons déménagé en mars.', 'Mon mari s’en sert tous les jours.', "Je l'ai commandé pour ma fille.", "C'était ma deuxième commande cette année."],
};

function sentence(rng: Rng, v: typeof EN): string {
  const clause = (): string => `${rng.pick(v.subjects)} ${rng.chance(0.5) ? rng.pick(v.good) : rng.pick(v.bad)}`;
  let s = clause();
  if (rng.chance(0.5)) s += ` ${rng.pick(v.links)} ${clause().replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`;
  return `${s}${rng.chance(0.3) ? '!' : '.'}`;
}

export function generateVerbatims(count: number, seed = 7): string[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const v = rng.chance(0.5) ? FR : EN;
    const parts = Array.from({ length: 1 + rng.int(5) }, () => (rng.chance(0.4) ? rng.pick(v.fillers) : sentence(rng, v)));
    if (rng.chance(0.3)) parts.push(rng.pick(v.extras));
    let text = parts.join(' ');
    if (rng.chance(0.05)) text = `<p>${text.replace(/&/g, '&amp;')}</p>`;
    return text;
  });
}

export const BENCH_TAXONOMY: Taxonomy = taxonomySchema.parse({
  version: 'bench-1',
  themes: [
    { id: 'delivery', labels: { en: 'Delivery', fr: 'Livraison' }, keywords: { en: ['deliver*', 'shipping', 'parcel*', 'arriv*'], fr: ['livr*', 'colis', 'arriv*'] }, examples: ['the parcel arrived late', 'livraison en retard'] },
    { id: 'support', labels: { en: 'Customer support', fr: 'Service client' }, keywords: { en: ['support', 'customer service', 'agent*', 'answer*'], fr: ['support', 'service client', 'conseiller*', 'réponse*'] }, examples: ['nobody answers the phone', 'le service client ne répond pas'] },
    { id: 'billing', labels: { en: 'Billing', fr: 'Facturation' }, keywords: { en: ['bill*', 'invoice*', 'charg*', 'refund*'], fr: ['factur*', 'prélèv*', 'rembours*'] }, examples: ['I was charged twice', 'facturé deux fois'] },
    { id: 'price', labels: { en: 'Price', fr: 'Prix' }, keywords: { en: ['price*', 'expensive', 'cheap*', 'value for money'], fr: ['prix', 'cher', 'chère', 'tarif*'] }, examples: ['too expensive for what it is'] },
    { id: 'app', labels: { en: 'App and website', fr: 'Application et site' }, keywords: { en: ['app', 'website', 'crash*', 'update*'], fr: ['appli*', 'site', 'plant*', 'mise à jour'] }, examples: ['the app keeps crashing'] },
    { id: 'product', labels: { en: 'Product', fr: 'Produit' }, keywords: { en: ['product*', 'quality', 'router'], fr: ['produit*', 'qualité', 'box'] }, examples: ['good product quality'] },
    { id: 'installation', labels: { en: 'Installation', fr: 'Installation' }, keywords: { en: ['install*', 'technician*', 'engineer*'], fr: ['install*', 'technicien*'] }, examples: ['the technician never came'] },
    { id: 'staff', parent: 'support', labels: { en: 'Staff attitude', fr: 'Attitude du personnel' }, keywords: { en: ['rude', 'friendly', 'polite', 'helpful'], fr: ['aimable', 'désagréable', 'poli*'] }, examples: ['the agent was rude'] },
  ],
});

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20000);
  const texts = generateVerbatims(count);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  // the topic model, trained on the verbatims it then classifies (as a run does), timed in CPU-seconds
  const cpuTrain = process.cpuUsage();
  const model = trainTopicModelOnVerbatims(compileTaxonomy(BENCH_TAXONOMY), BENCH_TAXONOMY, texts);
  const trainCpu = process.cpuUsage(cpuTrain);
  console.log(`topic model trained on ${count} verbatims (${model.stats.distinctClauses} distinct clauses) in ${((trainCpu.user + trainCpu.system) / 1e6).toFixed(1)} CPU-seconds`);
  const topics = createEmbeddedTopicEngine(BENCH_TAXONOMY, { model });
  const trainTexts = generateVerbatims(4000, 99);
  const labels: SentimentLabel[] = trainTexts.map((t) => (/(top|great|merci|thanks|recommend|👍)/i.test(t) ? 'positive' : /(jamais|never|😡|retard|late)/i.test(t) ? 'negative' : 'neutral'));
  const domain = trainDomainModel(trainTexts, labels);
  // the self-trained model is trained inside the timed block: it is part of classifying these texts
  for (const [name, engine] of [
    ['lexicon', () => createEmbeddedSentimentEngine()],
    ['lexicon + domain model', () => createEmbeddedSentimentEngine({ domain })],
    ['lexicon + self-trained', () => createEmbeddedSentimentEngine({ selfTrained: selfTrainOn(texts) })],
  ] as const) {
    // warm-up through the domain engine, whose code path runs the lexicon too (before the loop it was each engine's own)
    await classifyVerbatims(texts.slice(0, 500), { sentiment: createEmbeddedSentimentEngine({ domain }), topics });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const sentiment = engine();
    let mentions = 0;
    for (let i = 0; i < texts.length; i += 1000) {
      for (const r of await classifyVerbatims(texts.slice(i, i + 1000), { sentiment, topics })) mentions += r.mentions.length;
    }
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${name.padEnd(24)} ${count} verbatims (avg ${Math.round(chars / count)} chars, ${(mentions / count).toFixed(2)} mentions each): ` +
        `${Math.round(count / secs)} verbatims/s wall clock, ${Math.round(count / cpuSecs)} verbatims per CPU-second (one thread)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
