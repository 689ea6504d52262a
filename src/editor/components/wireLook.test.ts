import { describe, expect, it } from 'vitest';
import { gradClass, widthOf } from './wireLook.ts';

describe('wire look', () => {
  it('colours a wire by its gradient sign, and marks missing and non-finite gradients', () => {
    expect(gradClass(0.2)).toBe('wire--up');
    expect(gradClass(-3)).toBe('wire--down');
    expect(gradClass(0)).toBe('wire--zero');
    expect(gradClass(null)).toBe('wire--none');
    expect(gradClass(Number.NaN)).toBe('wire--bad');
    expect(gradClass(-Infinity)).toBe('wire--bad');
  });

  it('widens a wire with the size of its gradient, in half pixels, from 1.5 to 5', () => {
    expect(widthOf(0)).toBe(1.5);
    expect(widthOf(null)).toBe(1.5);
    expect(widthOf(Number.POSITIVE_INFINITY)).toBe(1.5);
    // log1p(0.105)·2 = 0.2 → rounds to 0 half-pixels; log1p(1)·2 = 1.39 → 1.5; log1p(3)·2 = 2.77 → 3
    expect(widthOf(0.105)).toBe(1.5);
    expect(widthOf(-1)).toBe(3);
    expect(widthOf(3)).toBe(4.5);
    expect(widthOf(1e6)).toBe(5);
    expect(widthOf(-0.5)).toBe(widthOf(0.5));
  });
});
