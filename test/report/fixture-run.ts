/**
 * A small deterministic run shared by the visuals tests: the demo company at scale 0.02 through the
 * real pipeline (runPipeline), then three hostile verbatims added to the run's database (a
 * <script> tag, an <img onerror> and a javascript: link, plus an email to redact) as detractor
 * responses from the day before the run date, mentioning billing errors negatively (and the explorer's table,
 * explorer_rows, written again with them, as a run would have).
 * Built once per vitest invocation (keyed by the parent process id, guarded by a mkdir lock) so
 * the golden, browser and notebook tests share it.
 */
import { chmodSync, cpSync, existsSync, realpathSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemo } from '../../src/demo/generate-demo.ts';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { writeExplorerRows } from '../../src/report/explorer/write-explorer-rows.ts';

export const FIXTURE_AS_OF = '2026-11-01';
export const XSS_VERBATIMS = [
  '<script>window.__xss = 1; document.title = "pwned"</script> the invoice was wrong again',
  '<img src=x onerror="window.__xss = 2"> billing error, contact me at jane.doe@example.com',
  '<a href="javascript:window.__xss=3">click</a> javascript:alert(1) we were double-billed',
] as const;

const PIPELINE = fileURLToPath(new URL('../../pipelines/demo.yaml', import.meta.url));

async function build(dir: string): Promise<void> {
  const data = join(dir, 'demo-data');
  await generateDemo({ outDir: data, seed: 11, scale: 0.02 });
  const yaml = readFileSync(PIPELINE, 'utf8').replaceAll('../demo-data/', './demo-data/');
  writeFileSync(join(dir, 'demo.yaml'), yaml);
  await runPipeline({ pipelineFile: join(dir, 'demo.yaml'), outDir: join(dir, 'run'), asOf: FIXTURE_AS_OF });
  // the published database is read-only: this fixture alters it on purpose
  chmodSync(realpathSync(join(dir, 'run', 'ecoute.duckdb')), 0o644);
  const db = await openDatabase(join(dir, 'run', 'ecoute.duckdb'));
  try {
    const conn = db.connection;
    const account = (await conn.runAndReadAll("SELECT account_id FROM accounts ORDER BY account_id LIMIT 1")).getRowObjectsJson()[0]!.account_id as string;
    for (const [i, text] of XSS_VERBATIMS.entries()) {
      const id = `RSP-XSS-${i + 1}`;
      await conn.run(
        `INSERT INTO responses (response_id, account_id, submitted_at, survey_type, journey_stage, touchpoint, nps, verbatim, language)
         VALUES ($id, $account, $at::TIMESTAMP, 'relational', 'renewal', 'Relationship survey', 2, $text, 'en')`,
        { id, account, at: `2026-10-31 0${i + 1}:00:00`, text },
      );
      await conn.run(
        `INSERT INTO theme_mentions (response_id, theme_id, clause_text, clause_start, clause_end, match_score, sentiment_label, polarity, engine, model)
         VALUES ($id, 'billing_errors', $text, 0, length($text), 0.9, 'negative', -0.9, 'embedded', 'fixture')`,
        { id, text },
      );
      await conn.run(
        `INSERT INTO verbatim_sentiment (response_id, language, sentiment_label, polarity, confidence, engine, model, revision)
         VALUES ($id, 'en', 'negative', -0.9, 0.9, 'embedded', 'fixture', 'fixture')`,
        { id },
      );
    }
    // the explorer's table, as the run writes it, now that the hostile verbatims are in
    await writeExplorerRows(db, FIXTURE_AS_OF);
    await conn.run('CHECKPOINT');
  } finally {
    db.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Path of the fixture run directory (out dir of the pipeline), building it if needed. */
export async function fixtureRun(): Promise<string> {
  const root = join(tmpdir(), 'ecoute-visuals-fixture');
  mkdirSync(root, { recursive: true });
  const dir = join(root, `vitest-${process.ppid}`);
  const done = join(dir, 'done');
  const lock = join(root, `vitest-${process.ppid}.lock`);
  for (;;) {
    if (existsSync(done)) return join(dir, 'run');
    try {
      mkdirSync(lock);
    } catch {
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(done)) {
        // fixtures of earlier vitest runs (older than an hour) are removed
        for (const old of readdirSync(root)) {
          const path = join(root, old);
          if (old !== `vitest-${process.ppid}` && statSync(path).mtimeMs < Date.now() - 3_600_000) rmSync(path, { recursive: true, force: true });
        }
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        await build(dir);
        writeFileSync(done, 'ok');
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A private copy of the fixture run (tests write visuals into it without racing each other). */
export async function copyOfFixtureRun(): Promise<string> {
  const source = await fixtureRun();
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-visuals-run-'));
  for (const name of ['ecoute.duckdb', 'run-summary.json']) cpSync(join(source, name), join(dir, name));
  return dir;
}
