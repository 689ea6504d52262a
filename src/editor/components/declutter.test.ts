import { describe, expect, it } from 'vitest';
import { crowdedLabels, type Rect } from './declutter.ts';

const box = (left: number, top: number, width = 40, height = 12): Rect => ({ left, top, right: left + width, bottom: top + height });

describe('crowdedLabels', () => {
  it('keeps labels that touch nothing', () => {
    expect(crowdedLabels([[box(0, 0)], [box(100, 0)], [box(0, 100)]])).toEqual([false, false, false]);
  });

  it('marks a label that overlaps one kept before it, and keeps the first', () => {
    expect(crowdedLabels([[box(0, 0)], [box(20, 6)]])).toEqual([false, true]);
  });

  it('compares with kept labels only: a label covered only by a crowded one is kept', () => {
    // b overlaps a; c overlaps b but not a.
    expect(crowdedLabels([[box(0, 0)], [box(30, 0)], [box(60, 0)]])).toEqual([false, true, false]);
  });

  it('looks at each part of a label: the gap between value and gradient, where the wire runs, is free', () => {
    const label = (left: number, top: number) => [box(left, top), box(left, top + 19)];
    // The second label's value sits in the first one's gap, between its two parts.
    expect(crowdedLabels([label(0, 0), [box(0, 12.5, 40, 6)]])).toEqual([false, false]);
    expect(crowdedLabels([label(0, 0), label(10, 25)])).toEqual([false, true]);
  });

  it('finds overlaps across grid cells and with wide labels', () => {
    expect(crowdedLabels([[box(60, 60, 200)], [box(250, 65)]])).toEqual([false, true]);
    expect(crowdedLabels([[box(-10, -10)], [box(-45, -5)]])).toEqual([false, true]);
  });
});
