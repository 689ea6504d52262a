/** Where the 2-D plot of a dataset looks: which two columns, and a range around their points. */
import type { Dataset } from '../../engine/index.ts';

export interface PlotAxes {
  x: string;
  y: string;
}

export type Range = [number, number];

/** Two columns to plot: bound ones first (the heatmap needs both bound), never the label while others remain. */
export function defaultAxes(dataset: Dataset, bound: readonly string[], label: string | undefined): PlotAxes | null {
  const features = dataset.columns.filter((c) => c !== label);
  const ordered = [...bound.filter((c) => features.includes(c)), ...features.filter((c) => !bound.includes(c))];
  const unique = [...new Set(ordered)];
  if (unique.length >= 2) return { x: unique[0], y: unique[1] };
  if (dataset.columns.length >= 2) return { x: dataset.columns[0], y: dataset.columns[1] };
  return null;
}

/** The points' extent with a margin, never narrower than 2, so that a single point sits in a readable square. */
export function rangeOf(values: readonly number[]): Range {
  if (values.length === 0) return [-3, 3];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.5, 0.15 * (hi - lo));
  const mid = (lo + hi) / 2;
  const half = Math.max(1, (hi - lo) / 2 + pad);
  return [mid - half, mid + half];
}

export function plotRanges(dataset: Dataset, axes: PlotAxes): { x: Range; y: Range } {
  const column = (name: string) => dataset.rows.map((row) => row[dataset.columns.indexOf(name)]);
  return { x: rangeOf(column(axes.x)), y: rangeOf(column(axes.y)) };
}

/** A new row for a point clicked on the plot: its two coordinates, its class in the label column, 0 elsewhere. */
export function rowForPoint(dataset: Dataset, axes: PlotAxes, x: number, y: number, label: string | undefined, cls: number): number[] {
  const round = (v: number) => Number(v.toFixed(2));
  return dataset.columns.map((c) => (c === axes.x ? round(x) : c === axes.y ? round(y) : c === label ? cls : 0));
}
