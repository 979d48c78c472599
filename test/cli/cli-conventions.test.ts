/**
 * The CLI's conventions (issue 13.3): timestamped phase lines on stderr with --quiet / --verbose,
 * JSON errors with --json, no TTY sniffing, a description for every command, YAML errors with
 * line and column, one message per problem of a glob, the missing-transformer message, and a
 * `--help` that loads no heavy module.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram, main } from '../../src/cli/main.ts';
import type { Output } from '../../src/cli/print-result.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';
import { sourceFileProblem } from '../../src/ingest/messages.ts';
import { groupedProblem } from '../../src/validate/group-file-problems.ts';
import { transformerEngineMessages } from '../../src/classify/transformer/import-transformer-libraries.ts';
import { writeTinyModel } from '../support/tiny-model/index.ts';
import { runCliChild } from './cli-child.ts';

const NOW = new Date('2030-01-02T03:04:05.000Z');
const STAMP = '2030-01-02T03:04:05.000Z';

function capture(): { out: Output; text: () => string; err: (t: string) => void; errors: () => string } {
  let text = '';
  let errors = '';
  return { out: { write: (t) => void (text += t) }, text: () => text, err: (t) => void (errors += t.endsWith('\n') ? t : `${t}\n`), errors: () => errors };
}

const PIPELINE = 'name: cli\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, submitted_at: date, nps: nps }\n';

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-cli-conv-'));
  writeFileSync(join(dir, 'responses.csv'), 'id,date,nps\nR1,2024-01-05,9\nR2,2024-01-06,3\nR3,2024-01-07,dix\n');
  writeFileSync(join(dir, 'p.yaml'), PIPELINE);
  writeFileSync(join(dir, 'bad.yaml'), `${PIPELINE}settings:\n  min_n: -1\n`);
  return dir;
}

const run = async (dir: string, flags: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  const c = capture();
  const code = await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--out', join(dir, `out${flags.join('')}`), '--as-of', '2024-02-01', ...flags], c.out, c.err, () => NOW);
  return { code, stdout: c.text(), stderr: c.errors() };
};

describe('log lines on stderr: --quiet, --verbose', () => {
  it('prints one timestamped line per phase by default, the counts per source only with --verbose, nothing with --quiet', async () => {
    const dir = fixture();
    const normal = await run(dir, []);
    expect(normal.code).toBe(0);
    const lines = normal.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line.startsWith(`${STAMP} `), line).toBe(true);
    expect(normal.stderr).toContain(`${STAMP} loading sources of cli (as of 2024-02-01)\n`);
    expect(normal.stderr).toContain(`${STAMP} computing metrics\n`);
    expect(normal.stderr).not.toContain('responses: read');
    expect(normal.stdout).toMatch(/responses\s+1\s+3\s+2\s+1/); // the table, on stdout

    const verbose = await run(dir, ['--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain(`${STAMP} responses: read 3 = accepted 2 + quarantined 1\n`);
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(lines.length);

    const quiet = await run(dir, ['--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
  });

  it('--quiet still prints errors; --quiet with --verbose is a usage error', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', '--quiet', 'run', join(dir, 'bad.yaml'), '--as-of', '2024-02-01'], c.out, c.err)).toBe(1);
    expect(c.errors()).toContain('error: 1 problem in');
    expect(c.text()).toBe('');
    const d = capture();
    expect(await main(['node', 'ecoute', '--quiet', '--verbose', 'demo'], d.out, d.err)).toBe(2);
    expect(d.errors()).toContain("option '--quiet' cannot be used with option '--verbose'");
  });
});

describe('under settings.memory_limit (the run in a worker thread with a capped heap)', () => {
  it('the same phase lines, table and --json errors as a run in the calling thread', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'p.yaml'), `${PIPELINE}settings:\n  memory_limit: 400MB\n`);
    const normal = await run(dir, []);
    expect(normal.code).toBe(0);
    expect(normal.stderr).toContain(`${STAMP} loading sources of cli (as of 2024-02-01)\n`);
    expect(normal.stdout).toMatch(/responses\s+1\s+3\s+2\s+1/);
    writeFileSync(join(dir, 'responses.csv'), 'id,nps\nR1,9\n');
    const c = capture();
    expect(await main(['node', 'ecoute', '--quiet', 'run', join(dir, 'p.yaml'), '--out', join(dir, 'o'), '--as-of', '2024-02-01', '--json'], c.out, c.err)).toBe(1);
    const { error } = JSON.parse(c.text()) as { error: { code: string; file: string; message: string } };
    expect([error.code, error.file]).toEqual(['source_unreadable', join(dir, 'responses.csv')]);
    expect(error.message).toContain(sourceFileProblem.missingColumns(['date'], ['id', 'nps']));
  }, 60_000);
});

describe('--json errors', () => {
  it('a broken pipeline file: {"error": {code, message, file, path, problems with line and column}} on stdout, exit 1', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'run', join(dir, 'bad.yaml'), '--as-of', '2024-02-01', '--json'], c.out, c.err)).toBe(1);
    const { error } = JSON.parse(c.text()) as { error: { code: string; message: string; file: string; path: string; problems: Array<{ path: string; line: number; column: number }> } };
    expect(error.code).toBe('config_invalid');
    expect(error.file).toBe(join(dir, 'bad.yaml'));
    expect(error.path).toBe('settings.min_n');
    // "  min_n: -1" is line 7; the value starts after 9 characters
    expect(error.problems).toEqual([expect.objectContaining({ path: 'settings.min_n', line: 7, column: 10 })]);
    expect(error.message).toContain('settings.min_n:');
    expect(error.message).toContain('(line 7, column 10)');
    expect(c.errors()).toBe('');
  });

  it('usage errors, ours and commander\'s, are JSON too (exit 2, nothing on stderr)', async () => {
    const dir = fixture();
    const c = capture();
    expect(await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--as-of', '31/12/2024', '--json'], c.out, c.err)).toBe(2);
    expect(JSON.parse(c.text())).toEqual({ error: { code: 'usage', message: '--as-of expects YYYY-MM-DD, got "31/12/2024"' } });
    const d = capture();
    expect(await main(['node', 'ecoute', 'run', join(dir, 'p.yaml'), '--bogus', '--json'], d.out, d.err)).toBe(2);
    expect(JSON.parse(d.text())).toEqual({ error: { code: 'usage', message: "unknown option '--bogus'" } });
    expect(c.errors() + d.errors()).toBe('');
  });

  it('a source file error names the file', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'responses.csv'), 'id,nps\nR1,9\n');
    const c = capture();
    expect(await main(['node', 'ecoute', '--quiet', 'run', join(dir, 'p.yaml'), '--out', join(dir, 'o'), '--as-of', '2024-02-01', '--json'], c.out, c.err)).toBe(1);
    const { error } = JSON.parse(c.text()) as { error: { code: string; file: string; message: string } };
    expect(error.code).toBe('source_unreadable');
    expect(error.file).toBe(join(dir, 'responses.csv'));
    expect(error.message).toContain(sourceFileProblem.missingColumns(['date'], ['id', 'nps']));
  });
});

describe('pipeline file errors carry line and column', () => {
  it('a schema error points at the value; a missing key at the map that lacks it; a syntax error at its place', () => {
    const wrongValue = parsePipelineText(`${PIPELINE}settings:\n  min_n: -1\n`);
    expect(wrongValue.problems).toEqual([expect.objectContaining({ path: 'settings.min_n', line: 7, column: 10 })]);
    const missingKey = parsePipelineText('name: cli\nsources:\n  responses:\n    columns: { response_id: id, submitted_at: date, nps: nps }\n');
    expect(missingKey.problems).toEqual([expect.objectContaining({ path: 'sources.responses.path', line: 4, column: 5 })]);
    const syntax = parsePipelineText('name: cli\nsources: [\n');
    expect(syntax.problems[0]).toMatchObject({ line: 3, column: 1 });
  });
});

describe('one message per problem of a glob', () => {
  it('four monthly files without the mapped column: one check naming the glob and the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-cli-glob-'));
    const months = ['2024-01', '2024-02', '2024-03', '2024-04'];
    for (const m of months) writeFileSync(join(dir, `responses-${m}.csv`), `id,date,score\nR${m},${m}-05,9\n`);
    writeFileSync(join(dir, 'p.yaml'), 'name: glob\nsources:\n  responses:\n    path: responses-*.csv\n    columns: { response_id: id, submitted_at: date, nps: nps }\n');
    const c = capture();
    expect(await main(['node', 'ecoute', 'validate', join(dir, 'p.yaml'), '--json'], c.out, c.err)).toBe(1);
    const result = JSON.parse(c.text()) as { checks: Array<{ file: string; ok: boolean; problem?: string }> };
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toEqual({
      source: 'responses',
      file: 'responses-*.csv',
      ok: false,
      problem: groupedProblem.inFiles(sourceFileProblem.missingColumns(['nps'], ['id', 'date', 'score']), months.map((m) => `responses-${m}.csv`), 4),
    });
    expect(result.checks[0]?.problem).toContain('in 4 of 4 files: responses-2024-01.csv, responses-2024-02.csv, responses-2024-03.csv, responses-2024-04.csv');
  });
});

describe('--help', () => {
  const commandPaths = (cmd: Command, prefix: readonly string[] = []): Array<{ path: string[]; cmd: Command }> =>
    cmd.commands.flatMap((c) => [{ path: [...prefix, c.name()], cmd: c }, ...commandPaths(c, [...prefix, c.name()])]);

  it('describes every command and subcommand, and each help text shows it', async () => {
    const all = commandPaths(buildProgram({ write: () => undefined }, () => undefined));
    expect(all.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['models list', 'models add', 'models pull', 'models verify', 'themes promote', 'notebook render', 'export']));
    const flat = (t: string): string => t.replace(/\s+/g, ' ');
    for (const { path, cmd } of all) {
      expect(cmd.description().length, path.join(' ')).toBeGreaterThan(10);
      const c = capture();
      expect(await main(['node', 'ecoute', ...path, '--help'], c.out, c.err)).toBe(0);
      expect(flat(c.text()), path.join(' ')).toContain(flat(cmd.description()));
    }
  });
});

describe('models commands print tables, not JSON, without --json', () => {
  it('add, list and verify (a changed file is named)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-cli-models-'));
    await writeTinyModel(join(dir, 'tiny-sentiment'), 'sentiment');
    const files = readdirSync(join(dir, 'tiny-sentiment'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const root = join(dir, 'models');
    const add = capture();
    expect(await main(['node', 'ecoute', 'models', 'add', join(dir, 'tiny-sentiment'), '--root', root, '--revision', 'r1'], add.out, add.err)).toBe(0);
    expect(add.text()).toMatch(new RegExp(`^tiny-sentiment in tiny-sentiment \\(revision r1, sentiment, local\\): ${files.length} files, [0-9.]+ MB, SHA-256 of each in the manifest\n$`));
    const list = capture();
    expect(await main(['node', 'ecoute', 'models', 'list', '--root', root], list.out, list.err)).toBe(0);
    expect(list.text()).toMatch(/^id\s+dir\s+revision\s+tasks\s+source\s+files\s+MB\s+added\s+present\n/);
    expect(list.text()).toMatch(new RegExp(`tiny-sentiment\\s+tiny-sentiment\\s+r1\\s+sentiment\\s+local\\s+${files.length}\\s`));
    const ok = capture();
    expect(await main(['node', 'ecoute', 'models', 'verify', '--root', root], ok.out, ok.err)).toBe(0);
    expect(ok.text()).toMatch(/tiny-sentiment\s+ok\n\nall model files match the manifest\n$/);
    writeFileSync(join(root, 'tiny-sentiment', 'config.json'), '{}');
    const bad = capture();
    expect(await main(['node', 'ecoute', 'models', 'verify', '--root', root], bad.out, bad.err)).toBe(1);
    expect(bad.text()).toMatch(/tiny-sentiment\s+CHANGED\s+tiny-sentiment\/config\.json\s+size 2 bytes, expected \d+/);
    expect(bad.text().trimStart().startsWith('{')).toBe(false);
  });
});

describe('the CLI as a process (stdout piped, not a terminal)', () => {
  it('prints the human table, not JSON, when stdout is a pipe', async () => {
    const dir = fixture();
    const r = await runCliChild(['validate', join(dir, 'p.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimStart().startsWith('{')).toBe(false);
    expect(r.stdout).toMatch(/source\s+file\s+status\s+detail/);
    expect(r.stdout).toContain('pipeline is valid');
  });

  it('--help resolves commander but none of DuckDB, vega, arrow or the transformer engine', async () => {
    const r = await runCliChild(['--help'], { imports: ['record-imports.mjs'] });
    expect(r.code).toBe(0);
    const resolved = new Set(r.stderr.split('\n').filter((l) => l.startsWith('resolved ')).map((l) => l.slice('resolved '.length)));
    expect(resolved.has('commander')).toBe(true);
    for (const heavy of ['@duckdb/node-api', 'vega', 'vega-lite', 'apache-arrow', '@huggingface/transformers', 'onnxruntime-node', 'zod', 'yaml']) expect(resolved.has(heavy), heavy).toBe(false);
  });

  it('without the optional transformer packages: the embedded engine works, the transformer engine says how to add them', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'texts.csv'), 'text\nService excellent, merci\nTrop cher et lent\n');
    await writeTinyModel(join(dir, 'tiny'), 'sentiment');
    const hidden = { imports: ['hide-transformer-packages.mjs'] };
    const embedded = await runCliChild(['classify', '--input', join(dir, 'texts.csv'), '--text-column', 'text', '--out', join(dir, 'embedded.csv'), '--json'], hidden);
    expect(embedded.code, embedded.stderr).toBe(0);
    const transformer = await runCliChild(['classify', '--input', join(dir, 'texts.csv'), '--text-column', 'text', '--engine', 'transformer', '--model', join(dir, 'tiny'), '--json'], hidden);
    expect(transformer.code).toBe(1);
    const { error } = JSON.parse(transformer.stdout) as { error: { message: string } };
    expect(error.message).toContain(transformerEngineMessages.notInstalled('onnxruntime-node'));
    expect(error.message).toContain('npm install --include=optional');
  });
});
