/**
 * `measurePhases(args)`: like `measure` (scaled-demo.ts), but the child's resident memory is sampled
 * while it runs, and each sample is charged to the phase the child last logged on stderr (`ecoute run`
 * prints one timestamped line per phase: "loading sources", "computing metrics", ...). Returns the peak
 * RSS of every phase, in the order the phases ran.
 *
 * Sampling: /proc/<pid>/status VmRSS every `intervalMs` (default 500), and VmHWM (the process's high-water
 * mark) at every phase change and at the end: when the mark rose during a phase, that phase's peak is the
 * mark, so a spike shorter than the interval is still charged to the right phase. Linux only (/proc);
 * elsewhere the phases are timed but their peaks are unknown.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT, TIME, timeReport, type Measured } from './scaled-demo.ts';

export interface PhasePeak {
  readonly phase: string;
  readonly seconds: number;
  /** undefined when /proc could not be read */
  readonly peakRssMb: number | undefined;
}

/** the run's phase lines (src/run/run-pipeline.ts) → short names; other lines do not start a phase */
const PHASES: ReadonlyArray<[RegExp, string]> = [
  [/ loading sources /, 'ingest'],
  [/ computing metrics$/, 'metrics'],
  [/ classifying verbatims$/, 'classify'],
  [/ computing driver analyses$/, 'drivers'],
  [/ comparing with competitors$/, 'benchmark'],
  [/ writing outputs$/, 'outputs'],
  [/ writing charts, /, 'visuals'],
];

export function phaseOf(line: string): string | undefined {
  return PHASES.find(([re]) => re.test(line))?.[1];
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? undefined : Math.round(Number(m[1]) / 1024);
  } catch {
    return undefined;
  }
}

/** the node process: the child itself, or the child of /usr/bin/time */
function nodePid(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((s) => s !== '');
    return children.length > 0 ? Number(children[0]) : pid;
  } catch {
    return pid;
  }
}

export function measurePhases(args: readonly string[], intervalMs = 500): Promise<Measured & { phases: PhasePeak[] }> {
  const started = performance.now();
  const cmd = TIME === undefined ? process.execPath : TIME;
  const full = TIME === undefined ? [...args] : ['-v', process.execPath, ...args];
  const child = spawn(cmd, full, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const phases: Array<{ phase: string; start: number; end: number; peak: number | undefined; hwmAtStart: number | undefined }> = [];
  let stdout = '';
  let stderr = '';
  let pending = '';
  const pid = (): number | undefined => (child.pid === undefined ? undefined : TIME === undefined ? child.pid : nodePid(child.pid));
  const bump = (mb: number | undefined): void => {
    const cur = phases.at(-1);
    if (cur !== undefined && mb !== undefined) cur.peak = Math.max(cur.peak ?? 0, mb);
  };
  const close = (now: number): void => {
    const cur = phases.at(-1);
    if (cur === undefined) return;
    const p = pid();
    const hwm = p === undefined ? undefined : statusMb(p, 'VmHWM');
    if (hwm !== undefined && cur.hwmAtStart !== undefined && hwm > cur.hwmAtStart) bump(hwm);
    cur.end = now;
  };
  const start = (phase: string): void => {
    const now = performance.now();
    close(now);
    const p = pid();
    phases.push({ phase, start: now, end: now, peak: undefined, hwmAtStart: p === undefined ? undefined : statusMb(p, 'VmHWM') });
    bump(p === undefined ? undefined : statusMb(p, 'VmRSS'));
  };
  start('startup');
  const timer = setInterval(() => {
    const p = pid();
    bump(p === undefined ? undefined : statusMb(p, 'VmRSS'));
  }, intervalMs);
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    const lines = (pending + s).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const phase = phaseOf(line);
      if (phase !== undefined) start(phase);
    }
  });
  return new Promise((resolveRun) => {
    child.on('close', (status) => {
      clearInterval(timer);
      phases.at(-1)!.end = performance.now();
      const report = timeReport(stderr);
      // every phase but the last was closed with a VmHWM read: a peak above them all was the last phase's
      const last = phases.at(-1)!;
      if (report.peakRssMb !== undefined && phases.every((p) => (p.peak ?? 0) < report.peakRssMb!)) last.peak = report.peakRssMb;
      resolveRun({
        seconds: (performance.now() - started) / 1000,
        ...report,
        status,
        stdout,
        stderr,
        phases: phases.map((p) => ({ phase: p.phase, seconds: (p.end - p.start) / 1000, peakRssMb: p.peak })),
      });
    });
  });
}
