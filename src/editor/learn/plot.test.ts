import { describe, expect, it } from 'vitest';
import { GUIDE_DATASETS } from '../../engine/index.ts';
import { defaultAxes, plotRanges, rangeOf, rowForPoint } from './plot.ts';

const data = GUIDE_DATASETS[0];

describe('plot', () => {
  it('plots bound feature columns, never the label while two others remain', () => {
    expect(defaultAxes(data, [], 'label')).toEqual({ x: 'x', y: 'y' });
    expect(defaultAxes(data, ['y', 'label'], 'label')).toEqual({ x: 'y', y: 'x' });
    expect(defaultAxes({ columns: ['x', 'label'], rows: [] }, [], 'label')).toEqual({ x: 'x', y: 'label' });
    expect(defaultAxes({ columns: ['x'], rows: [] }, [], undefined)).toBeNull();
  });

  it('ranges around the points with a margin', () => {
    const { x, y } = plotRanges(data, { x: 'x', y: 'y' });
    expect(x[0]).toBeLessThan(-1);
    expect(x[1]).toBeGreaterThan(3);
    expect(y[0]).toBeLessThan(-3);
    expect(y[1]).toBeGreaterThan(1.1);
    expect(rangeOf([])).toEqual([-3, 3]);
    expect(rangeOf([2])).toEqual([1, 3]);
  });

  it('makes a row of a clicked point', () => {
    expect(rowForPoint(data, { x: 'x', y: 'y' }, 0.123, -1.456, 'label', -1)).toEqual([0.12, -1.46, -1]);
  });
});
