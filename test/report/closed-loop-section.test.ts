/**
 * The report's "Closed loop" table: every assignee when there are few; with many, the lowest and the highest
 * in-time shares and a note saying where the others are.
 */
import { describe, it, expect } from 'vitest';
import { closedLoopSection, loopFormat, REPORT_ASSIGNEES } from '../../src/report/executive/closed-loop-section.ts';
import type { CallbackLoop, LoopShare } from '../../src/report/callback/callback-loop.ts';
import type { Block } from '../../src/report/executive/report-document.ts';

const share = (key: string | null, inTime: number, n: number): LoopShare => ({
  key, items: n, n, inTime, late: 0, overdue: n - inTime, open: 0, share: inTime / n, low: null, high: null, medianHours: 24, called: inTime,
});

function loop(assignees: number): CallbackLoop {
  // assignee k calls back k of 100 in time: shares 1 %, 2 %, …; listed out of order
  const byAssignee = Array.from({ length: assignees }, (_, i) => share(`A${String(assignees - i).padStart(2, '0')}`, assignees - i, 100));
  return {
    asOf: '2026-11-01', tracked: true, since: '2026-01-01', dueAfterHours: 48,
    compliance: { overall: share(null, 50, 100), byAssignee, bySegment: [share('SMB', 40, 100)] },
    outcomes: {}, overdue: { count: 0, oldest: null, query: null }, effect: null,
  };
}

const table = (blocks: Block[]): ReadonlyArray<readonly string[]> => blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
const notes = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.kind === 'note' ? [b.text] : []));

describe('closed-loop section', () => {
  it('lists every assignee when there are at most REPORT_ASSIGNEES', () => {
    const blocks = closedLoopSection(loop(REPORT_ASSIGNEES), 'en', loopFormat('en'));
    expect(table(blocks).map((r) => r[0])).toHaveLength(REPORT_ASSIGNEES + 1);
    expect(notes(blocks).some((t) => t.includes('assignees:'))).toBe(false);
  });

  it('with 60 assignees shows the 5 lowest and the 5 highest in-time shares, then the segments, and says so', () => {
    const blocks = closedLoopSection(loop(60), 'en', loopFormat('en'));
    expect(table(blocks).map((r) => r[0])).toEqual([
      ...['A01', 'A02', 'A03', 'A04', 'A05', 'A56', 'A57', 'A58', 'A59', 'A60'].map((k) => `Assignee: ${k}`),
      'Segment: SMB',
    ]);
    expect(table(blocks)[0]![1]).toBe('1.0%');
    expect(notes(blocks)).toContain("60 assignees: the 5 lowest and the 5 highest in-time shares are shown; every assignee is in callback-loop.json and the dashboard's loop panel.");
    expect(notes(closedLoopSection(loop(60), 'fr', loopFormat('fr'))).some((t) => t.startsWith('60 responsables : les 5 taux'))).toBe(true);
    // the dashboard's panel keeps them all
    const all = closedLoopSection(loop(60), 'en', loopFormat('en'), Number.POSITIVE_INFINITY);
    expect(table(all)).toHaveLength(61);
    expect(notes(all).some((t) => t.includes('assignees:'))).toBe(false);
  });
});
