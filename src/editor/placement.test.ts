import { describe, expect, it } from 'vitest';
import { freeSpot, type Box } from './placement.ts';

const size = { width: 136, height: 75 };

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, [{ x: 400, y: 400, width: 136, height: 75 }])).toEqual({ x: 0, y: 0 });
  });

  it('moves off a gate to the nearest spot that clears it by the gap', () => {
    const taken: Box[] = [{ x: 0, y: 0, width: 136, height: 75 }];
    const spot = freeSpot({ x: 0, y: 0 }, size, taken);
    // Straight up is nearest (and first of the tie with straight down): 75 + 12 of gap, up to the 20 grid = 100.
    expect(spot).toEqual({ x: 0, y: -100 });
  });

  it('never returns a spot overlapping any gate, even among many', () => {
    const taken: Box[] = [];
    for (let i = -3; i <= 3; i++) for (let j = -3; j <= 3; j++) taken.push({ x: i * 150, y: j * 90, width: 136, height: 75 });
    const spot = freeSpot({ x: 0, y: 0 }, size, taken);
    for (const box of taken) {
      const apart = spot.x >= box.x + box.width || box.x >= spot.x + size.width || spot.y >= box.y + box.height || box.y >= spot.y + size.height;
      expect(apart).toBe(true);
    }
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(500);
  });
});
