/**
 * `ecoute erase <pipeline> --contact ID | --account ID | --email ADDRESS`: the right to erasure.
 *
 *   1. records the request in `<out>/erasure-list.jsonl` (the identifier as a salted hash), which every
 *      later run applies at ingest: the person's rows are dropped and counted as erased
 *      (rows read = accepted + quarantined + erased), so the next export cannot bring them back;
 *   2. purges every published night (src/erase/published-nights.ts) of their rows, verbatims and cached
 *      classifications, rewriting the database file and every exported file (src/erase/purge-night.ts);
 *   3. appends an audit entry to `<out>/erasure-audit.jsonl`: who, when, what kind of identifier (its
 *      hash, never the identifier), and what was removed from which night, with counts.
 *
 * The time of the request is an input (`at`): the CLI reads the clock, this code does not.
 */
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadPipeline, resolveOutputDir } from '../config/load-pipeline.ts';
import { outputLayout } from '../publish/output-layout.ts';
import { checkOutputFolder, markOutputFolder } from '../publish/claim-output-folder.ts';
import { ecouteVersion } from '../run/versions.ts';
import { acquireRunLock } from '../publish/run-lock.ts';
import { freezeNight, readNightManifest, unfreezeNight } from '../publish/freeze-night.ts';
import { themeLabelsFromTaxonomy } from '../charts/theme-labels.ts';
import { loadOwnerKey } from '../report/owners/owner-page-name.ts';
import { UsageError } from '../run/errors.ts';
import { erasureHash, erasureHashes, erasureListPath, readErasureList, type ErasureEntry, type ErasureKind } from './erasure-list.ts';
import { publishedNights } from './published-nights.ts';
import { appendJsonLine } from '../run/json-lines.ts';
import { purgeNight, type NightPurge } from './purge-night.ts';

export const ERASURE_AUDIT_FILE = 'erasure-audit.jsonl';

export interface EraseOptions {
  readonly pipelineFile: string;
  /** output folder; default: the pipeline's output.dir */
  readonly outDir?: string;
  readonly kind: ErasureKind;
  readonly id: string;
  /** who asked for it (recorded in the list and the audit) */
  readonly by: string;
  /** when, ISO 8601 UTC */
  readonly at: string;
  readonly log?: (message: string) => void;
  /** wait for a run that holds the output folder instead of failing at once */
  readonly wait?: boolean;
}

export interface EraseResult {
  readonly kind: ErasureKind;
  readonly hash: string;
  readonly by: string;
  readonly at: string;
  /** whether the identifier was on the list already (the purge runs again all the same) */
  readonly alreadyListed: boolean;
  readonly erasureList: string;
  readonly audit: string;
  /** one entry per kept night (runs/<run-id>, failed/<run-id>), `dir` relative to the output folder */
  readonly nights: NightPurge[];
}

export function checkIdentifier(kind: ErasureKind, id: string): void {
  if (id.trim().length === 0) throw new UsageError(`--${kind}: expected a non-empty ${kind === 'email' ? 'email address' : `${kind} id`}`);
  if (kind === 'email' && !/^[^@\s]+@[^@\s]+$/.test(id.trim())) throw new UsageError(`--email: expected an email address, got ${JSON.stringify(id)}`);
}

export async function erasePerson(opts: EraseOptions): Promise<EraseResult> {
  checkIdentifier(opts.kind, opts.id);
  const log = opts.log ?? (() => undefined);
  const loaded = loadPipeline(opts.pipelineFile);
  const { pipeline } = loaded;
  const outRoot = resolveOutputDir(loaded, opts.outDir);
  // a request before the first run is recorded all the same, in a folder marked as ecoute's (the run then uses it)
  const layout = outputLayout(outRoot);
  checkOutputFolder(layout);
  markOutputFolder(layout, ecouteVersion());
  const listFile = erasureListPath(outRoot);
  const hash = erasureHash(opts.kind, opts.id);
  const list = readErasureList(listFile);
  const alreadyListed = list.some((e) => e.hash === hash);
  const entry: ErasureEntry = { kind: opts.kind, hash, requested_at: opts.at, by: opts.by };
  if (!alreadyListed) appendJsonLine(listFile, entry);
  const hashes = erasureHashes(alreadyListed ? list : [...list, entry]);
  const themeLabels = pipeline.taxonomy === undefined ? undefined : themeLabelsFromTaxonomy(pipeline.taxonomy.themes);
  const perOwner = pipeline.output.per_owner;
  const purgeOptions = {
    minN: pipeline.settings.min_n,
    callbacks: pipeline.callbacks,
    ...(themeLabels === undefined ? {} : { themeLabels }),
    ...(perOwner === undefined ? {} : { ownerKey: loadOwnerKey(resolve(outRoot, perOwner.key_file)).key }),
  };
  const nights: NightPurge[] = [];
  // a run publishing meanwhile would copy the previous night before its purge: hold the run lock
  const lock = await acquireRunLock(layout.lock, { runId: `erase-${hash.slice(0, 12)}`, startedAt: opts.at, ...(opts.wait !== undefined ? { wait: opts.wait } : {}), log });
  try {
    for (const night of publishedNights(outRoot)) {
      const dir = relative(outRoot, night.dir);
      if (!night.hasDatabase) {
        // a gated run kept for inspection without its database: its raw quarantined rows cannot be purged row by row
        log(`removing ${dir} (a failed run kept without its database)`);
        rmSync(night.dir, { recursive: true, force: true });
        nights.push({ dir, removed: {}, files: [], folderRemoved: true });
        continue;
      }
      log(`purging ${dir}`);
      const manifest = readNightManifest(night.dir);
      await unfreezeNight(night.dir);
      const purge = await purgeNight(night.dir, hashes, purgeOptions);
      // frozen again, with a manifest of the purged files (the next run builds on it as on any night)
      if (manifest !== undefined) await freezeNight(night.dir, { runId: manifest.runId, asOf: manifest.asOf });
      nights.push({ ...purge, dir });
    }
  } finally {
    lock.release();
  }
  const audit = join(outRoot, ERASURE_AUDIT_FILE);
  appendJsonLine(audit, {
    at: opts.at,
    by: opts.by,
    kind: opts.kind,
    hash,
    already_listed: alreadyListed,
    nights: nights.map((n) => ({ night: n.dir, removed: n.removed, files_rewritten: n.files.length, ...(n.folderRemoved === true ? { folder_removed: true } : {}) })),
  });
  return { kind: opts.kind, hash, by: opts.by, at: opts.at, alreadyListed, erasureList: listFile, audit, nights };
}
