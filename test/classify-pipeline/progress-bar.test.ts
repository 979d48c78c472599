import { describe, it, expect } from 'vitest';
import { createProgressBar, renderProgress, formatDuration } from '../../src/classify/pipeline/progress-bar.ts';

function fakeTty(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, output: { isTTY, write: (c: string) => void chunks.push(c) } };
}

describe('progress bar', () => {
  it('draws rate and ETA on a TTY, throttled, and ends the line', () => {
    const { chunks, output } = fakeTty(true);
    let now = 0;
    const bar = createProgressBar({ total: 1000, output, clock: () => now, minIntervalMs: 100, label: 'classify' });
    now = 1000;
    bar.tick(250);
    now = 1050;
    bar.tick(50); // within 100 ms of the last draw: not drawn
    now = 2000;
    bar.tick(200);
    bar.done();
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe('\rclassify [#####---------------]  25% 250/1000  250/s  ETA 3s');
    expect(chunks[1]).toBe('\rclassify [##########----------]  50% 500/1000  250/s  ETA 2s');
    expect(chunks[2]).toBe(chunks[1]);
    expect(chunks[3]).toBe('\n');
  });

  it('is silent when not a TTY or quiet', () => {
    const pipe = fakeTty(false);
    const bar = createProgressBar({ total: 10, output: pipe.output, clock: () => 5 });
    bar.tick(10);
    bar.done();
    expect(pipe.chunks).toEqual([]);
    const tty = fakeTty(true);
    const quiet = createProgressBar({ total: 10, output: tty.output, quiet: true, clock: () => 5 });
    quiet.tick(10);
    quiet.done();
    expect(tty.chunks).toEqual([]);
  });

  it('pads over a longer previous frame', () => {
    const { chunks, output } = fakeTty(true);
    let now = 0;
    const bar = createProgressBar({ total: 100, output, clock: () => now, minIntervalMs: 0 });
    now = 1;
    bar.tick(1); // huge rate, long line
    now = 100000;
    bar.tick(1);
    expect(chunks[1]!.length).toBeGreaterThanOrEqual(chunks[0]!.length);
  });

  it('formats frames and durations', () => {
    expect(renderProgress(0, 10, 0)).toBe('classify [--------------------]   0% 0/10  0.0/s  ETA ?');
    expect(renderProgress(10, 10, 2000, 'x', 4)).toBe('x [####] 100% 10/10  5.0/s  ETA 0s');
    expect(formatDuration(59.4)).toBe('59s');
    expect(formatDuration(125)).toBe('2m05s');
    expect(formatDuration(3 * 3600 + 120)).toBe('3h02m');
  });
});
