/**
 * The frame the segment × theme heatmaps share: themes across (labels slanted), segments down, one
 * `step`-wide cell each, and the cell mark (a rect with a white outline). Their layers add colour and text.
 */
export interface ThemeSegmentGrid {
  readonly width: { readonly step: number };
  readonly height: { readonly step: number };
  readonly encoding: {
    readonly x: { readonly field: 'theme'; readonly type: 'nominal'; readonly title: null; readonly axis: { readonly labelAngle: number; readonly labelLimit: number } };
    readonly y: { readonly field: 'segment'; readonly type: 'nominal'; readonly title: null };
  };
}

export function themeSegmentGrid(step: number): ThemeSegmentGrid {
  return {
    width: { step },
    height: { step: 30 },
    encoding: {
      x: { field: 'theme', type: 'nominal', title: null, axis: { labelAngle: -40, labelLimit: 200 } },
      y: { field: 'segment', type: 'nominal', title: null },
    },
  };
}

export const CELL_MARK = { type: 'rect', stroke: 'white', strokeWidth: 1 } as const;
