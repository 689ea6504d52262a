/** A small line chart in SVG: a few series over a shared x axis, with the y range and the last values labelled. */
import { formatNumber } from '../numbers.ts';

export interface Series {
  name: string;
  /** Points as [x, y]. */
  points: readonly (readonly [number, number])[];
  colour: string;
  /** A stroke dash pattern, so that a series lying on top of another still shows. */
  dash?: string;
}

interface Props {
  series: Series[];
  testId: string;
  xLabel: string;
  yLabel: string;
  /** A fixed y range, e.g. [0, 1] for accuracy; otherwise the data's. */
  yRange?: [number, number];
  height?: number;
}

const WIDTH = 360;
const PAD = { left: 44, right: 8, top: 8, bottom: 22 };

export function LineChart({ series, testId, xLabel, yLabel, yRange, height = 140 }: Props) {
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y));
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  const x0 = xs.length ? Math.min(...xs) : 0;
  const x1 = xs.length ? Math.max(...xs) : 1;
  let [y0, y1] = yRange ?? (ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1]);
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => PAD.top + (1 - (y - y0) / (y1 - y0)) * (height - PAD.top - PAD.bottom);

  return (
    <svg className="line-chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" data-testid={testId} role="img" aria-label={`${yLabel} by ${xLabel}`}>
      <rect x={PAD.left} y={PAD.top} width={WIDTH - PAD.left - PAD.right} height={height - PAD.top - PAD.bottom} className="line-chart__frame" />
      <text x={PAD.left - 4} y={PAD.top + 8} className="line-chart__tick" textAnchor="end">{formatNumber(y1)}</text>
      <text x={PAD.left - 4} y={height - PAD.bottom} className="line-chart__tick" textAnchor="end">{formatNumber(y0)}</text>
      <text x={PAD.left} y={height - 6} className="line-chart__tick">{formatNumber(x0)}</text>
      <text x={WIDTH - PAD.right} y={height - 6} className="line-chart__tick" textAnchor="end">{formatNumber(x1)}</text>
      <text x={(WIDTH + PAD.left) / 2} y={height - 6} className="line-chart__axis" textAnchor="middle">{xLabel}</text>
      <text x={12} y={height / 2} className="line-chart__axis" textAnchor="middle" transform={`rotate(-90 12 ${height / 2})`}>{yLabel}</text>
      {series.map((s) => (
        <polyline
          key={s.name}
          className="line-chart__line"
          data-series={s.name}
          points={s.points.filter(([, y]) => Number.isFinite(y)).map(([x, y]) => `${sx(x).toFixed(1)},${sy(Math.min(y1, Math.max(y0, y))).toFixed(1)}`).join(' ')}
          stroke={s.colour}
          strokeDasharray={s.dash}
        />
      ))}
    </svg>
  );
}
