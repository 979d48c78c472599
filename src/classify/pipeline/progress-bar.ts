/**
 * A one-line progress bar with rate and ETA for long classification runs, drawn on a terminal's
 * stderr. Silent when the stream is not a TTY (logs, CI) or when asked to be quiet.
 * The output stream and the clock are injected, so tests drive it with a fake TTY.
 *
 * **Example** (what a terminal shows, redrawn in place with `\r`):
 * ```
 * classify [##########----------]  50% 5000/10000  812/s  ETA 6s
 * ```
 */
export interface ProgressOutput {
  readonly isTTY: boolean;
  write(chunk: string): void;
}

export interface ProgressOptions {
  readonly total: number;
  readonly label?: string;
  readonly output?: ProgressOutput;
  readonly quiet?: boolean;
  /** milliseconds, monotonic; default performance.now */
  readonly clock?: () => number;
  /** minimum milliseconds between two redraws (the final one is always drawn) */
  readonly minIntervalMs?: number;
  readonly width?: number;
}

export interface ProgressBar {
  /** `n` more items done */
  tick(n: number): void;
  /** draws the final state and ends the line */
  done(): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The text of one frame: pure, for tests and for other reporters. */
export function renderProgress(done: number, total: number, elapsedMs: number, label = 'classify', width = 20): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  const rateText = rate >= 10 ? Math.round(rate).toString() : rate.toFixed(1);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct} ${done}/${total}  ${rateText}/s  ETA ${done >= total ? '0s' : formatDuration(eta)}`;
}

const NOOP: ProgressBar = { tick: () => {}, done: () => {} };

/** Where a progress bar is drawn unless told otherwise: the process's stderr. */
export function defaultProgressOutput(): ProgressOutput {
  return process.stderr as ProgressOutput;
}

export function createProgressBar(opts: ProgressOptions): ProgressBar {
  const output = opts.output ?? defaultProgressOutput();
  if (opts.quiet === true || !output.isTTY || opts.total <= 0) return NOOP;
  const clock = opts.clock ?? (() => performance.now());
  const minInterval = opts.minIntervalMs ?? 100;
  const start = clock();
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastWidth = 0;
  let finished = false;
  const draw = (now: number): void => {
    const line = renderProgress(done, opts.total, now - start, opts.label, opts.width);
    output.write(`\r${line}${' '.repeat(Math.max(0, lastWidth - line.length))}`);
    lastWidth = line.length;
    lastDraw = now;
  };
  return {
    tick(n) {
      if (finished) return;
      done = Math.min(opts.total, done + n);
      const now = clock();
      if (now - lastDraw >= minInterval) draw(now);
    },
    done() {
      if (finished) return;
      finished = true;
      draw(clock());
      output.write('\n');
    },
  };
}
