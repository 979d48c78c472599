/**
 * What theme discovery proposes on real public data (read-only, ../shared/data; never used by tests).
 * Run: npx tsx bench/discovery-eval.ts [banking77|telco|nps]
 *
 * Per set: its clauses (the embedded splitter) that the keyword engine leaves unmatched with the set's
 * taxonomy of bench/taxonomies/ (written once, not tuned), clustered as a run clusters them; prints the
 * top 10 candidates in the order the run stores them (priority = size × negative share), each with its
 * name, phrases, heaviest terms and two example clauses, and counts the candidates whose name or terms
 * hold what discovery must leave out (@handles, URLs, numbers). Whether a candidate is "usable" is for
 * the reader to judge: nothing here has a gold standard.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { clusterClauses, type UnmatchedClause } from '../src/classify/discovery/cluster-clauses.ts';
import { createKeywordTopicEngine, splitClauses } from '../src/classify/embedded/index.ts';
import { taxonomySchema } from '../src/config/taxonomy-schema.ts';
import { DATA, lit, readRows } from './shared-data.ts';

const SETS: Record<string, { readonly taxonomy: string; readonly sql: string }> = {
  banking77: { taxonomy: 'banking77', sql: `select text from read_csv(${lit(`${DATA}/banking77_intents/banking77.csv`)}, header = true, all_varchar = true)` },
  telco: {
    taxonomy: 'telco-churn-reasons',
    sql: `select "Churn Reason" as text from read_csv(${lit(`${DATA}/ibm_telco_churn_extended/Telco_customer_churn_status.csv`)}, header = true, all_varchar = true)`,
  },
  nps: { taxonomy: 'nps-journey', sql: `select text from read_csv(${lit(`${DATA}/nps_verbatims_textsummary/text_data.csv`)}, header = true, all_varchar = true)` },
};

const NOISE = /@|https?|www|\d/;

async function discover(name: string): Promise<void> {
  const set = SETS[name]!;
  const texts = (await readRows(set.sql)).map((r) => r.text).filter((t): t is string => t !== null && t.trim() !== '');
  const doc = parse(readFileSync(resolve('bench/taxonomies', `${set.taxonomy}.yaml`), 'utf8')) as { taxonomy: unknown };
  const engine = createKeywordTopicEngine(taxonomySchema.parse(doc.taxonomy));
  const clauses: UnmatchedClause[] = texts.flatMap((t) => splitClauses(t, 'en').map((c) => ({ clause: c.text, verbatim: t, language: 'en' as const })));
  const matched = await engine.matchThemes(clauses.map((c) => c.clause), clauses.map(() => 'en' as const));
  const unmatched = clauses.filter((_, i) => (matched[i] ?? []).length === 0);
  const t0 = performance.now();
  const candidates = clusterClauses(unmatched);
  const seconds = (performance.now() - t0) / 1000;
  const noisy = candidates.filter((c) => NOISE.test(c.name) || c.topTerms.some((t) => NOISE.test(t))).length;
  console.log(`\n${name}: ${texts.length} texts, ${clauses.length} clauses, ${unmatched.length} unmatched → ${candidates.length} candidates in ${seconds.toFixed(1)} s; ${noisy} with a handle, URL or number in their name or terms; ${candidates.filter((c) => c.phrases.includes(c.name)).length} named by a phrase; ${new Set(candidates.map((c) => c.name)).size} distinct names`);
  console.log('rank | size | negative | name | phrases | terms | examples');
  candidates.slice(0, 10).forEach((c, i) => {
    const examples = c.representatives.slice(0, 2).map((r) => JSON.stringify(r.clause.slice(0, 60))).join(' · ');
    console.log(`${i + 1} | ${c.size} | ${(100 * c.negativeShare).toFixed(0)} % | ${c.name} | ${c.phrases.join('; ')} | ${c.topTerms.slice(0, 4).join(' ')} | ${examples}`);
  });
}

const only = process.argv[2];
for (const name of Object.keys(SETS)) if (only === undefined || only === name) await discover(name);
