/**
 * Counters filled while the exports are written, so ground-truth.json describes exactly the rows
 * in the files (after churn truncation and defects), not the intended rates.
 */
import { sigmoid, churnLogit, themeChurnLogOdds, type RenewalFeatures, type RenewalOutcome } from './churn-model.ts';
import { DIRTY_FIELD, DIRTY_KINDS, type DirtyKind } from './dirty-rows.ts';
import { isAccepted, type ResponseRecord } from './generate-response.ts';
import { THEMES } from './theme-catalog.ts';
import { ATTRIBUTES } from './nps-model.ts';
import { addObservation, createNormalEquations } from './least-squares.ts';

export interface DirtyRowLocation {
  readonly file: string;
  /** physical line in the file (1 = header) */
  readonly line: number;
  readonly kind: DirtyKind;
  readonly field: string;
  /** the Response ID as written ('' when blank) */
  readonly response_id: string;
}

export interface ThemeCounters {
  negativeMentions: number;
  positiveMentions: number;
  npsSumWithNegative: number;
  npsSumWithout: number;
  responsesWithout: number;
  renewalsWith: number;
  churnedWith: number;
  arrWith: number;
  churnedArrWith: number;
  renewalsWithout: number;
  churnedWithout: number;
  arrWithout: number;
  churnedArrWithout: number;
  sumProbabilityLift: number;
  arrAtRisk: number;
}

const zeroTheme = (): ThemeCounters => ({
  negativeMentions: 0, positiveMentions: 0, npsSumWithNegative: 0, npsSumWithout: 0, responsesWithout: 0,
  renewalsWith: 0, churnedWith: 0, arrWith: 0, churnedArrWith: 0,
  renewalsWithout: 0, churnedWithout: 0, arrWithout: 0, churnedArrWithout: 0, sumProbabilityLift: 0, arrAtRisk: 0,
});

export function createDemoStats() {
  const dirtyCounts = Object.fromEntries(DIRTY_KINDS.map((k) => [k, 0])) as Record<DirtyKind, number>;
  const stats = {
    files: new Map<string, number>(),
    dirtyCounts,
    dirtyRows: [] as DirtyRowLocation[],
    speederIds: [] as string[],
    straightLinerIds: [] as string[],
    responseRows: 0,
    accepted: 0,
    acceptedWithComment: 0,
    commentsWithTheme: 0,
    truthMentionRows: 0,
    truthTextMentionRows: 0,
    npsCounts: new Array<number>(11).fill(0),
    invitationsBySegment: new Map<string, number>(),
    responsesBySegment: new Map<string, number>(),
    languageCounts: new Map<string, number>(),
    outcomes: { churned: 0, renewed: 0, downgraded: 0 } as Record<RenewalOutcome, number>,
    themes: THEMES.map(zeroTheme),
    /** NPS on the five ratings, accepted relational responses */
    driverRegression: createNormalEquations(ATTRIBUTES.length),
  };
  const bump = (m: Map<string, number>, k: string, by = 1): void => void m.set(k, (m.get(k) ?? 0) + by);

  return {
    stats,
    onInvitation(segment: string): void {
      bump(stats.invitationsBySegment, segment);
    },
    onResponseRow(r: ResponseRecord, file: string, line: number, duplicate = false): void {
      stats.responseRows++;
      if (duplicate || (r.defect !== undefined && r.defect.kind !== 'duplicate_response_id')) {
        const kind = duplicate ? 'duplicate_response_id' : (r.defect?.kind as DirtyKind);
        stats.dirtyCounts[kind]++;
        stats.dirtyRows.push({ file, line, kind, field: DIRTY_FIELD[kind], response_id: kind === 'blank_response_id' ? '' : r.id });
        return;
      }
      if (r.quality === 'speeder') stats.speederIds.push(r.id);
      if (r.quality === 'straight_liner') stats.straightLinerIds.push(r.id);
      bump(stats.responsesBySegment, r.account.segment.segment);
      if (!isAccepted(r)) return;
      stats.accepted++;
      stats.npsCounts[r.nps]++;
      const ratings = r.ratings;
      if (ratings !== undefined) addObservation(stats.driverRegression, ATTRIBUTES.map((a) => ratings[a]), r.nps);
      bump(stats.languageCounts, r.contact.language);
      if (r.verbatim !== undefined) stats.acceptedWithComment++;
      if (r.negativeMask !== 0 || r.positiveMask !== 0) stats.commentsWithTheme++;
      stats.truthMentionRows += r.verbatim?.mentions.length ?? 0;
      stats.truthTextMentionRows += r.verbatim?.stated.length ?? 0;
      THEMES.forEach((_t, i) => {
        const c = stats.themes[i] as ThemeCounters;
        if (r.negativeMask & (1 << i)) {
          c.negativeMentions++;
          c.npsSumWithNegative += r.nps;
        } else {
          c.npsSumWithout += r.nps;
          c.responsesWithout++;
        }
        if (r.positiveMask & (1 << i)) c.positiveMentions++;
      });
    },
    onRenewal(f: RenewalFeatures, outcome: RenewalOutcome): void {
      stats.outcomes[outcome]++;
      const churned = outcome === 'churned' ? 1 : 0;
      const logit = churnLogit(f);
      const p = sigmoid(logit);
      THEMES.forEach((_t, i) => {
        const c = stats.themes[i] as ThemeCounters;
        if (f.negativeMask & (1 << i)) {
          const lift = p - sigmoid(logit - themeChurnLogOdds(i, f.arr));
          c.renewalsWith++;
          c.churnedWith += churned;
          c.arrWith += f.arr;
          c.churnedArrWith += churned * f.arr;
          c.sumProbabilityLift += lift;
          c.arrAtRisk += lift * f.arr;
        } else {
          c.renewalsWithout++;
          c.churnedWithout += churned;
          c.arrWithout += f.arr;
          c.churnedArrWithout += churned * f.arr;
        }
      });
    },
    onFile(name: string, rows: number): void {
      stats.files.set(name, rows);
    },
  };
}

export type DemoStats = ReturnType<typeof createDemoStats>;
