import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPipeline, parsePipelineText } from '../../src/config/load-pipeline.ts';
import { formatConfigProblems } from '../../src/config/format-zod-issues.ts';
import { ConfigError } from '../../src/run/errors.ts';
import { validatePipeline } from '../../src/validate/check-sources.ts';
import { sourceFileProblem } from '../../src/ingest/messages.ts';
import { AS_OF, createFixture, caught, csvText, responsesCsv, RESPONSES_HEADER, type Fixture } from './helpers.ts';

let fx: Fixture;
beforeEach(() => {
  fx = createFixture();
});
afterEach(() => fx.cleanup());

const FIVE_MISTAKES = `name: "nightly run!"
sources:
  responses:
    path: responses.csv
    csv:
      encoding: ebcdic
    columns:
      response_id: id
      nps: ""
settings:
  speeder_secs: 30
`;

describe('pipeline file mistakes', () => {
  it('five mistakes are all reported, each with its path', async () => {
    const file = fx.write('pipeline.yaml', FIVE_MISTAKES);
    const e = await caught(async () => loadPipeline(file));
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['name', 'sources.responses.csv.encoding', 'sources.responses.columns.submitted_at', 'sources.responses.columns.nps', 'settings'].sort(),
    );
    expect(problems.find((p) => p.path === 'sources.responses.columns.nps')?.message).toBe('expected a column name');
    expect(problems.find((p) => p.path === 'settings')?.message).toContain('speeder_secs');
    expect(e.message).toBe(`5 problems in ${file}:\n${formatConfigProblems(file, problems)}`);
  });

  it('min_n: 0 next to an unknown key is still reported (one bad entry does not hide another)', () => {
    const { problems } = parsePipelineText(FIVE_MISTAKES.replace('  speeder_secs: 30\n', '  speeder_secs: 30\n  min_n: 0\n'));
    expect(problems).toHaveLength(6);
    expect(problems.map((p) => p.path)).toContain('settings.min_n');
    expect(problems.map((p) => p.path)).toContain('settings');
  });

  it('a YAML syntax error and a repeated key are reported, not thrown', () => {
    const broken = parsePipelineText('name: x\nsources:\n  responses: [unclosed\n');
    expect(broken.value).toBeUndefined();
    expect(broken.problems[0]?.message).toContain('Flow sequence');
    const repeated = parsePipelineText('name: x\nname: y\n');
    expect(repeated.problems.map((p) => p.message)).toEqual(['Map keys must be unique']);
    expect(repeated.problems[0]?.path).toBe('line 2, column 1');
  });

  it('a column name with control characters is refused by the schema', () => {
    const { problems } = parsePipelineText('name: x\nsources:\n  responses:\n    path: r.csv\n    columns:\n      response_id: "id\\u0000"\n      submitted_at: at\n');
    // the value of `      response_id: ` (6 + 13 characters) on line 6
    expect(problems).toEqual([{ path: 'sources.responses.columns.response_id', message: 'column name contains control characters', line: 6, column: 20 }]);
  });
});

describe('ecoute validate', () => {
  it('reports every unreadable source file without loading anything', async () => {
    fx.write('responses.csv', csvText([RESPONSES_HEADER, ['r1', 'c1', 'a1', '2024-05-01', '9', '']], ';'));
    fx.write('accounts.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0, 0]));
    fx.write('churn.csv', '');
    fx.pipeline({
      sources: {
        accounts: { path: 'accounts.csv', columns: { account_id: 'account_id' } },
        churn: { path: 'churn.csv', columns: { account_id: 'a', date: 'd', outcome: 'o' } },
        revenue: { path: 'finance/*.csv', columns: { account_id: 'a', period: 'p', arr: 'x' } },
      },
    });
    const result = await validatePipeline(fx.pipelineFile, { asOf: AS_OF });
    expect(result.ok).toBe(false);
    const bySource = Object.fromEntries(result.checks.map((c) => [c.source, c]));
    expect(bySource.responses?.problem).toBe(
      sourceFileProblem.missingColumns(['id', 'contact', 'account', 'submitted_at', 'nps', 'comment'], [RESPONSES_HEADER.join(';')]) +
        sourceFileProblem.delimiterHint(',', { ',': 0, ';': 5, '\t': 0, '|': 0 }),
    );
    expect(bySource.accounts?.problem).toBe(sourceFileProblem.binary());
    expect(bySource.churn).toMatchObject({ ok: true, warning: sourceFileProblem.empty() });
    expect(bySource.revenue).toMatchObject({ ok: false, file: 'finance/*.csv', problem: sourceFileProblem.noFiles(fx.dir) });
  });

  it('a JSON lines file with one malformed line is readable (the run quarantines that line); a missing key is a problem', async () => {
    fx.write('responses.jsonl', '{"id": "r1", "at": "2024-05-01", "nps": 9}\n{"id": "r2", "at": \n');
    fx.pipeline({ sources: { responses: { path: 'responses.jsonl', columns: { response_id: 'id', submitted_at: 'at', nps: 'nps' } } } });
    expect((await validatePipeline(fx.pipelineFile, { asOf: AS_OF })).checks).toEqual([{ source: 'responses', file: 'responses.jsonl', ok: true }]);
    fx.pipeline({ sources: { responses: { path: 'responses.jsonl', columns: { response_id: 'id', submitted_at: 'submitted', nps: 'nps' } } } });
    const [check] = (await validatePipeline(fx.pipelineFile, { asOf: AS_OF })).checks;
    expect(check?.problem).toBe(sourceFileProblem.missingColumns(['submitted'], ['at', 'id', 'nps']));
  });

  it('passes a pipeline whose files are fine', async () => {
    fx.write('responses.csv', responsesCsv([['r1', 'c1', 'a1', '2024-05-01', '9', '']]));
    fx.pipeline();
    expect(await validatePipeline(fx.pipelineFile, { asOf: AS_OF })).toMatchObject({ ok: true, pipeline: 'badinput' });
  });
});
