/**
 * Vega-Lite → Vega → SVG in Node. Warnings from either compiler are collected rather than
 * printed, so tests can insist on none and the report can list them.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';

export interface CompiledChart {
  readonly vega: vega.Spec;
  readonly warnings: string[];
}

function recordingLogger(warnings: string[]): vega.LoggerInterface {
  let level = vega.Warn;
  const logger: vega.LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level as never;
      level = l;
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const result = compile(spec, { logger: recordingLogger(warnings) });
  return { vega: result.spec, warnings };
}

/** Renders a Vega-Lite spec (with inline data) to SVG text; throws on render errors. */
export async function renderSvg(spec: TopLevelSpec): Promise<{ svg: string; warnings: string[] }> {
  const { vega: vg, warnings } = compileChart(spec);
  const view = new vega.View(vega.parse(vg), { renderer: 'none', logger: recordingLogger(warnings) });
  try {
    const svg = await view.toSVG();
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}
