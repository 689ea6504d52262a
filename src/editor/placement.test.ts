import { describe, expect, it } from 'vitest';
import { freeShift, freeSpot, type Box } from './placement.ts';

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

describe('freeShift', () => {
  const gate = (x: number, y: number): Box => ({ x, y, width: 136, height: 75 });
  const clearBy = (boxes: Box[], taken: Box[], d: { x: number; y: number }) =>
    boxes.every((b) =>
      taken.every((t) => {
        const m = { ...b, x: b.x + d.x, y: b.y + d.y };
        return m.x >= t.x + t.width + 12 || t.x >= m.x + m.width + 12 || m.y >= t.y + t.height + 12 || t.y >= m.y + m.height + 12;
      }),
    );

  it('moves a group of gates by the free shift nearest the wanted one, clear of every gate by the gap', () => {
    const taken = [gate(0, 0), gate(0, 100), gate(200, 0)];
    const group = [taken[0], taken[1]];
    const shift = freeShift(group, taken, { x: 40, y: 40 });
    expect(clearBy(group, taken, shift)).toBe(true);
    // No free shift on the grid is nearer (40, 40).
    const d = Math.hypot(shift.x - 40, shift.y - 40);
    for (let x = -400; x <= 400; x += 20)
      for (let y = -400; y <= 400; y += 20)
        if (Math.hypot(x - 40, y - 40) < d - 1e-9) expect(clearBy(group, taken, { x, y }), `${x},${y}`).toBe(false);
  });

  it('keeps the wanted shift when nothing is in the way', () => {
    expect(freeShift([gate(0, 0)], [gate(1000, 1000)], { x: 40, y: 40 })).toEqual({ x: 40, y: 40 });
  });
});
