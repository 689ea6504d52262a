/**
 * The dataset on the plane of two columns: each example a dot in its class's colour, over the decision
 * boundary — the sign of the score at every point of the plane — drawn on a <canvas> from the engine's
 * `Trainer.scoreGrid`. Clicking the plane adds an example there, of the chosen class.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import type { Dataset } from '../../engine/index.ts';
import { formatNumber } from '../numbers.ts';
import type { PlotAxes, Range } from './plot.ts';

export interface ScoreGrid {
  scores: Float64Array;
  nx: number;
  ny: number;
}

interface Props {
  dataset: Dataset;
  axes: PlotAxes;
  label: string | undefined;
  ranges: { x: Range; y: Range };
  grid: ScoreGrid | null;
  onAdd?(x: number, y: number): void;
}

const SIZE = 300;
const POSITIVE = [47, 111, 219];
const NEGATIVE = [208, 69, 46];

/** Paints the score grid onto the canvas: the class's colour, deeper where the score is more confident. */
function paint(canvas: HTMLCanvasElement, grid: ScoreGrid): void {
  const cells = document.createElement('canvas');
  cells.width = grid.nx;
  cells.height = grid.ny;
  const cellContext = cells.getContext('2d');
  const context = canvas.getContext('2d');
  if (!cellContext || !context) return;
  const image = cellContext.createImageData(grid.nx, grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const score = grid.scores[j * grid.nx + i];
      // Row 0 of the grid is the lowest y, which is the bottom of the picture.
      const p = ((grid.ny - 1 - j) * grid.nx + i) * 4;
      if (!Number.isFinite(score)) {
        image.data.set([128, 128, 128, 40], p);
        continue;
      }
      const colour = score > 0 ? POSITIVE : NEGATIVE;
      const strength = Math.min(1, Math.abs(score));
      image.data.set([...colour, Math.round(40 + 110 * strength)], p);
    }
  }
  cellContext.putImageData(image, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(cells, 0, 0, canvas.width, canvas.height);
}

export function DataPlot({ dataset, axes, label, ranges, grid, onAdd }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current && grid) paint(canvas.current, grid);
  }, [grid]);

  const xi = dataset.columns.indexOf(axes.x);
  const yi = dataset.columns.indexOf(axes.y);
  const li = label === undefined ? -1 : dataset.columns.indexOf(label);
  const px = (x: number) => ((x - ranges.x[0]) / (ranges.x[1] - ranges.x[0])) * SIZE;
  const py = (y: number) => (1 - (y - ranges.y[0]) / (ranges.y[1] - ranges.y[0])) * SIZE;

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onAdd) return;
    const box = event.currentTarget.getBoundingClientRect();
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    onAdd(ranges.x[0] + fx * (ranges.x[1] - ranges.x[0]), ranges.y[1] - fy * (ranges.y[1] - ranges.y[0]));
  };

  return (
    <div className="data-plot">
      <div className="data-plot__area" style={{ width: SIZE, height: SIZE }}>
        {grid && <canvas ref={canvas} width={SIZE} height={SIZE} className="data-plot__heatmap" data-testid="decision-boundary" />}
        <svg
          width={SIZE}
          height={SIZE}
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          className={`data-plot__points ${onAdd ? 'data-plot__points--add' : ''}`}
          data-testid="dataset-plot"
          onClick={onClick}
          role="img"
          aria-label={`The examples by ${axes.x} and ${axes.y}${onAdd ? '; click to add one' : ''}`}
        >
          {ranges.x[0] < 0 && ranges.x[1] > 0 && <line x1={px(0)} x2={px(0)} y1={0} y2={SIZE} className="data-plot__axis" />}
          {ranges.y[0] < 0 && ranges.y[1] > 0 && <line x1={0} x2={SIZE} y1={py(0)} y2={py(0)} className="data-plot__axis" />}
          {dataset.rows.map((row, r) => {
            const positive = li >= 0 && row[li] > 0;
            return (
              <circle
                key={r}
                cx={px(row[xi])}
                cy={py(row[yi])}
                r={5}
                className={`data-plot__point ${positive ? 'data-plot__point--pos' : 'data-plot__point--neg'}`}
                data-testid={`dataset-point-${r}`}
              >
                <title>{`${axes.x} ${formatNumber(row[xi])}, ${axes.y} ${formatNumber(row[yi])}${li >= 0 ? `, ${label} ${formatNumber(row[li])}` : ''}`}</title>
              </circle>
            );
          })}
        </svg>
      </div>
      <div className="data-plot__caption">
        <span>{axes.x} → [{formatNumber(ranges.x[0])}, {formatNumber(ranges.x[1])}]</span>
        <span>{axes.y} ↑ [{formatNumber(ranges.y[0])}, {formatNumber(ranges.y[1])}]</span>
      </div>
    </div>
  );
}
