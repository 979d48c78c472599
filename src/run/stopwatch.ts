/** Wall-clock timings of the run's phases: reported in run-timings.json, never used by the analysis. */
export type Timings = Record<string, number>;

export interface Stopwatch {
  time<T>(phase: string, work: () => Promise<T>): Promise<T>;
  timings(): Timings;
}

export function createStopwatch(now: () => number = () => performance.now()): Stopwatch {
  const start = now();
  const phases: Timings = {};
  return {
    async time(phase, work) {
      const t0 = now();
      try {
        return await work();
      } finally {
        phases[`${phase}_seconds`] = Math.round((now() - t0) / 10) / 100;
      }
    },
    timings: () => ({ ...phases, total_seconds: Math.round((now() - start) / 10) / 100 }),
  };
}
