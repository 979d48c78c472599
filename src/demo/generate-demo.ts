/**
 * `ecoute demo`: writes a synthetic B2B SaaS company's exports, deterministically from a seed.
 *
 *   accounts + contacts ──► month by month: invitations → responses → renewals (churn model)
 *        │                                   │
 *        ▼                                   ▼
 *   accounts.csv contacts.csv   responses-YYYY-MM.csv invitations.csv revenue.csv churn.csv
 *                                truth-mentions.csv truth-text-mentions.csv ground-truth.json
 *   benchmark.csv reference-scores.csv benchmark-ground-truth.json (competitive panel, own random stream)
 *   followups.csv followups-ground-truth.json (calls logged after call-backs, read back from the files above; own stream)
 *
 * Same seed and scale → byte-identical files. Every file is written to `<name>.tmp` and renamed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../util/random.ts';
import { FULL_ACCOUNT_COUNT } from './company-model.ts';
import { WINDOW_END_MS, WINDOW_START_MS, DAY_MS, formatIsoDate } from './demo-calendar.ts';
import { createDemoStats } from './demo-stats.ts';
import { buildGroundTruth } from './build-ground-truth.ts';
import { generateAccounts } from './generate-accounts.ts';
import { createContactDetailsStream } from './contact-details.ts';
import {
  CHURN_HEADER, INVITATION_HEADER, REVENUE_HEADER, TRUTH_MENTIONS_HEADER, simulateCompany,
} from './simulate-company.ts';
import { createCsvFileWriter, writeTextFileAtomic } from './write-file-atomic.ts';
import { generateBenchmark } from './generate-benchmark.ts';
import { generateFollowups } from './generate-followups.ts';

export interface DemoOptions {
  readonly outDir: string;
  readonly seed: number;
  /** size multiplier: 1 = ~20,000 accounts and ~100,000 responses; tests use 0.02-0.1 */
  readonly scale?: number;
}

export interface DemoFile {
  readonly name: string;
  /** data rows, header excluded */
  readonly rows: number;
}

export interface DemoSummary {
  readonly outDir: string;
  readonly seed: number;
  readonly scale: number;
  readonly dateRange: { readonly start: string; readonly end: string };
  /** CSV exports in the order written, with their data-row counts */
  readonly files: readonly DemoFile[];
  /** name of the JSON file describing every planted effect */
  readonly groundTruth: 'ground-truth.json';
}

export const ACCOUNTS_HEADER = ['Account ID', 'Account Name', 'Segment', 'Region', 'Owner', 'Tier'] as const;
/** Name, Email and Phone are appended last: a reader of the first four columns sees what it always did. */
export const CONTACTS_HEADER = ['Contact ID', 'Account ID', 'Role', 'Language', 'Name', 'Email', 'Phone'] as const;

export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
  if (!(scale > 0 && scale <= 5)) throw new Error(`scale must be in (0, 5], got ${scale}`);
  mkdirSync(opts.outDir, { recursive: true });
  const rng = createRng(opts.seed);
  const tracker = createDemoStats();
  const dateRange = { start: formatIsoDate(WINDOW_START_MS), end: formatIsoDate(WINDOW_END_MS - DAY_MS) };
  const path = (name: string): string => join(opts.outDir, name);

  const accounts = generateAccounts(rng, Math.max(10, Math.round(FULL_ACCOUNT_COUNT * scale)));
  const accountsCsv = createCsvFileWriter(path('accounts.csv'), ACCOUNTS_HEADER);
  const contactsCsv = createCsvFileWriter(path('contacts.csv'), CONTACTS_HEADER);
  const contactDetails = createContactDetailsStream(opts.seed);
  for (const a of accounts) {
    accountsCsv.writeRow([a.id, a.name, a.segment.segment, a.region.region, a.owner, a.tier]);
    const details = contactDetails(a);
    a.contacts.forEach((c, i) => {
      const d = details[i];
      contactsCsv.writeRow([c.id, a.id, c.role, c.language, d?.name, d?.email, d?.phone]);
    });
  }
  tracker.onFile('accounts.csv', accountsCsv.close());
  tracker.onFile('contacts.csv', contactsCsv.close());

  const writers = {
    invitations: createCsvFileWriter(path('invitations.csv'), INVITATION_HEADER),
    revenue: createCsvFileWriter(path('revenue.csv'), REVENUE_HEADER),
    churn: createCsvFileWriter(path('churn.csv'), CHURN_HEADER),
    truthMentions: createCsvFileWriter(path('truth-mentions.csv'), TRUTH_MENTIONS_HEADER),
    truthTextMentions: createCsvFileWriter(path('truth-text-mentions.csv'), TRUTH_MENTIONS_HEADER),
  };
  simulateCompany(rng, accounts, opts.outDir, writers, tracker);
  tracker.onFile('invitations.csv', writers.invitations.close());
  tracker.onFile('revenue.csv', writers.revenue.close());
  tracker.onFile('churn.csv', writers.churn.close());
  tracker.onFile('truth-mentions.csv', writers.truthMentions.close());
  tracker.onFile('truth-text-mentions.csv', writers.truthTextMentions.close());

  for (const [name, rows] of generateBenchmark(opts.outDir, opts.seed, scale).files) tracker.onFile(name, rows);
  const truth = buildGroundTruth(
    { seed: opts.seed, scale, dateRange, accounts: accounts.length, contacts: accounts.reduce((n, a) => n + a.contacts.length, 0) },
    tracker,
  );
  writeTextFileAtomic(path('ground-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  const followups = await generateFollowups(opts.outDir, opts.seed);
  const files = [...tracker.stats.files, ...followups.files].map(([name, rows]) => ({ name, rows }));
  return { outDir: opts.outDir, seed: opts.seed, scale, dateRange, files, groundTruth: 'ground-truth.json' };
}
