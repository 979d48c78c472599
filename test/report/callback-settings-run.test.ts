/**
 * The `callbacks:` settings through a run and its readers: runPipeline computes the list with them,
 * callback-list.json and run-summary.json record them, `ecoute dashboard <run-dir>` rebuilds the panel
 * with the recorded ones (or with those of --pipeline), and an erasure purge keeps the night's rule.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import { buildDashboard } from '../../src/report/dashboard/build-dashboard.ts';
import { erasePerson } from '../../src/erase/erase-person.ts';
import { DEFAULT_CALLBACK_SETTINGS } from '../../src/report/callback/callback-config-schema.ts';

const BASE = 'name: cbrun\nsources:\n  responses:\n    path: responses.csv\n    columns: { response_id: id, contact_id: contact, submitted_at: date, nps: nps, csat: csat }\n';
const CALLBACKS = 'callbacks:\n  within_hours: 24\n  window_days: 30\n  rule: { csat_max: 2 }\n  assign_to: CX desk\n';

interface ListFile { windowDays: number; dueAfterHours: number; rule: unknown; assignTo: string; rows: Array<{ response_id: string; assignee: string | null; due_by: string; status: string; reasons: string[] }> }
const readList = (dir: string): ListFile => JSON.parse(readFileSync(join(dir, 'callback-list.json'), 'utf8')) as ListFile;
const dashboardIds = (html: string): string[] => [...html.matchAll(/"response_id":"(R\d)"/g)].map((m) => m[1]!).sort();

describe('callbacks: through a run', () => {
  it('computes, records and reuses the settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-cbrun-'));
    // R1 a detractor; R2 no NPS, CSAT 1; R3 a promoter; R4 a detractor older than 30 days
    writeFileSync(join(dir, 'responses.csv'), 'id,contact,date,nps,csat\nR1,C1,2024-01-25 10:00,3,\nR2,C2,2024-01-30 08:00,,1\nR3,C3,2024-01-31 09:00,9,5\nR4,C1,2023-12-01 09:00,0,\n');
    writeFileSync(join(dir, 'p.yaml'), BASE + CALLBACKS);
    const out = join(dir, 'out');
    await runPipeline({ pipelineFile: join(dir, 'p.yaml'), outDir: out, asOf: '2024-02-01' });

    const list = readList(out);
    expect(list).toMatchObject({ windowDays: 30, dueAfterHours: 24, rule: { nps_max: 6, passives_with_negative_theme: true, csat_max: 2, ces_max: null, ces_min: null, min_arr: 0 }, assignTo: 'CX desk' });
    expect(list.rows.map((r) => [r.response_id, r.assignee, r.due_by, r.status, r.reasons])).toEqual([
      ['R1', 'CX desk', '2024-01-26T10:00:00Z', 'overdue', ['nps']],
      ['R2', 'CX desk', '2024-01-31T08:00:00Z', 'overdue', ['csat']],
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'run-summary.json'), 'utf8')) as { callbacks: unknown };
    expect(summary.callbacks).toEqual({ within_hours: 24, window_days: 30, rule: { nps_max: 6, passives_with_negative_theme: true, csat_max: 2, ces_max: null, ces_min: null, min_arr: 0 }, assign_to: 'CX desk' });

    // ecoute dashboard <run-dir>: the recorded settings (R2 is there: the default rule would leave it out, and R1 too: 14 days)
    const recorded = join(dir, 'dash-recorded');
    await buildDashboard(out, { outDir: recorded });
    expect(dashboardIds(readFileSync(join(recorded, 'index.html'), 'utf8'))).toEqual(['R1', 'R2']);
    // --pipeline's settings win over the recorded ones
    const given = join(dir, 'dash-given');
    await buildDashboard(out, { outDir: given, callbacks: { ...DEFAULT_CALLBACK_SETTINGS, window_days: 90 } });
    expect(dashboardIds(readFileSync(join(given, 'index.html'), 'utf8'))).toEqual(['R1', 'R4']);

    // an erasure purge rewrites the list with the night's settings, whatever the pipeline says now
    writeFileSync(join(dir, 'p.yaml'), BASE);
    await erasePerson({ pipelineFile: join(dir, 'p.yaml'), outDir: out, kind: 'contact', id: 'C2', by: 'dpo', at: '2024-02-02T00:00:00.000Z' });
    const purged = readList(out);
    expect(purged).toMatchObject({ windowDays: 30, dueAfterHours: 24, assignTo: 'CX desk' });
    expect(purged.rows.map((r) => r.response_id)).toEqual(['R1']);
  }, 120_000);
});
