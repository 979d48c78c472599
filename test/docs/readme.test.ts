import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { REASON_CODES } from '../../src/validate/reason-codes.ts';
import { pipelineSchema, settingsSchema, csvOptionsSchema, responsesSourceSchema, accountsSourceSchema, contactsSourceSchema, revenueSourceSchema, churnSourceSchema, invitationsSourceSchema, benchmarkSourceSchema, referenceScoresSourceSchema, followupsSourceSchema } from '../../src/config/pipeline-schema.ts';
import { driversConfigSchema } from '../../src/analyze/drivers/drivers-config-schema.ts';
import { classifyConfigSchema } from '../../src/classify/classify-config-schema.ts';
import { callbackConfigSchema, callbackRuleSchema } from '../../src/report/callback/callback-config-schema.ts';
import { parsePipelineText } from '../../src/config/load-pipeline.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The keys of a zod object schema, seen through defaults / prefaults / optionals. */
function keysOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5; i++) {
    const def = (s as { def?: { innerType?: unknown; shape?: Record<string, unknown> } }).def;
    if (def?.shape !== undefined) return Object.keys(def.shape);
    s = def?.innerType;
  }
  throw new Error('not an object schema');
}

describe('README', () => {
  it('documents every quarantine reason code', () => {
    for (const code of Object.keys(REASON_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });

  it('documents every key of the pipeline file', () => {
    const schemas = [pipelineSchema, settingsSchema, csvOptionsSchema, driversConfigSchema, classifyConfigSchema, callbackConfigSchema, callbackRuleSchema, responsesSourceSchema, accountsSourceSchema, contactsSourceSchema, revenueSourceSchema, churnSourceSchema, invitationsSourceSchema, benchmarkSourceSchema, referenceScoresSourceSchema, followupsSourceSchema];
    for (const schema of schemas) for (const key of keysOf(schema)) expect(readme, key).toMatch(new RegExp(`\\b${key}\\b`));
    for (const source of [responsesSourceSchema, accountsSourceSchema, contactsSourceSchema, revenueSourceSchema, churnSourceSchema, invitationsSourceSchema, benchmarkSourceSchema, referenceScoresSourceSchema, followupsSourceSchema]) {
      for (const key of keysOf(source.shape.columns)) expect(readme, key).toMatch(new RegExp(`\\b${key}\\b`));
    }
  });

  it('its pipeline reference example is a valid pipeline file', () => {
    const block = readme.split('## Pipeline file reference')[1]?.split('```yaml')[1]?.split('```')[0];
    expect(block).toBeDefined();
    const example = (block as string)
      .replace(/accounts: +\{ path: \.\.\., columns: \{ account_id, name, segment, region, owner, tier \} \}/, 'accounts: { path: a.csv, columns: { account_id: id } }')
      .replace(/ {2}(contacts|revenue|churn|invitations): .*\n/g, '');
    const parsed = parsePipelineText(example);
    expect(parsed.problems).toEqual([]);
  });

  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });
});
