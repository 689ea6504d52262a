import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredCircuit } from '../../bench/editor/circuits.ts';
import { BoxIndex, clashes, freeShift, freeSpot, gateBox, type Box } from './placement.ts';

const SEED = 0x9a57e;

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

  it('moves off a gate that the wanted shift would bring within the gap, on whichever side it is', () => {
    const box = { x: 0, y: 0, width: 100, height: 50 };
    for (const [taken, wanted] of [
      [{ x: -150, y: 0, width: 100, height: 50 }, { x: -40, y: 0 }],
      [{ x: 150, y: 0, width: 100, height: 50 }, { x: 40, y: 0 }],
      [{ x: 0, y: -100, width: 100, height: 50 }, { x: 0, y: -40 }],
      [{ x: 0, y: 100, width: 100, height: 50 }, { x: 0, y: 40 }],
    ] as const) {
      expect(clashes([box], [taken], wanted)).toBe(true);
      const shift = freeShift([box], [taken], wanted);
      expect(clashes([box], [taken], shift)).toBe(false);
      expect(Math.hypot(shift.x - wanted.x, shift.y - wanted.y)).toBeLessThanOrEqual(20);
    }
  });

  it('keeps the wanted shift when nothing is in the way', () => {
    expect(freeShift([gate(0, 0)], [gate(1000, 1000)], { x: 40, y: 40 })).toEqual({ x: 40, y: 40 });
  });
});

/** Boxes of whole pixels, some tiny, some huge (spanning many buckets of the index), some fractional. */
const arbBox = fc.oneof(
  { weight: 8, arbitrary: fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }), width: fc.integer({ min: 1, max: 300 }), height: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) }) },
  { weight: 1, arbitrary: fc.record({ x: fc.double({ min: -1500, max: 1500, noNaN: true }), y: fc.double({ min: -1500, max: 1500, noNaN: true }), width: fc.double({ min: 0.5, max: 300, noNaN: true }), height: fc.double({ min: 0.5, max: 200, noNaN: true }) }) },
);

describe('BoxIndex', () => {
  it('answers exactly as the plain check of every pair, for any boxes and any shift', () => {
    fc.assert(
      fc.property(fc.array(arbBox, { maxLength: 60 }), arbBox, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }), (taken, box, dx, dy) => {
        expect(new BoxIndex(taken).hits(box, dx, dy)).toBe(clashes([box], taken, { x: dx, y: dy }));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('finds a gate touched only within the gap, and none just beyond it', () => {
    const index = new BoxIndex([{ x: 0, y: 0, width: 100, height: 50 }]);
    const box = { x: 0, y: 0, width: 100, height: 50 };
    expect(index.hits(box, 111, 0)).toBe(true);
    expect(index.hits(box, 112, 0)).toBe(false);
    expect(index.hits(box, 0, -61)).toBe(true);
    expect(index.hits(box, 0, -62)).toBe(false);
  });
});

describe('freeShift, against a plain search of every grid shift', () => {
  /** (i, j) steps comes before (k, l): nearer, or as near and higher, or as high and further left. */
  const before = (i: number, j: number, k: number, l: number) => {
    const d = i * i + j * j - (k * k + l * l);
    return d < 0 || (d === 0 && (j < l || (j === l && i < k)));
  };

  // Small enough for the plain search to look at every shift up to the one found.
  const arbSmallBox = fc.record({ x: fc.integer({ min: -400, max: 400 }), y: fc.integer({ min: -400, max: 400 }), width: fc.integer({ min: 1, max: 150 }), height: fc.integer({ min: 1, max: 100 }) });

  it('returns a free shift, and no shift of the grid that comes before it is free', () => {
    fc.assert(
      fc.property(
        fc.array(arbSmallBox, { minLength: 1, maxLength: 4 }),
        fc.array(arbSmallBox, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: -100, max: 100 }),
        fc.constantFrom(10, 20, 25),
        (boxes, taken, wx, wy, step) => {
          const wanted = { x: wx, y: wy };
          const shift = freeShift(boxes, taken, wanted, step);
          expect(clashes(boxes, taken, shift)).toBe(false);
          const [k, l] = [(shift.x - wx) / step, (shift.y - wy) / step];
          expect(Number.isInteger(k) && Number.isInteger(l)).toBe(true);
          const reach = Math.ceil(Math.hypot(k, l));
          for (let i = -reach; i <= reach; i++) {
            for (let j = -reach; j <= reach; j++) {
              if (before(i, j, k, l)) expect(clashes(boxes, taken, { x: wx + i * step, y: wy + j * step }), `${i},${j}`).toBe(true);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('still returns a free shift, beside the whole circuit, when its budget runs out at once', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) taken.push({ x: i * 150, y: j * 90, width: 136, height: 75 });
    const shift = freeShift(taken, taken, { x: 40, y: 40 }, 20, 0);
    expect(clashes(taken, taken, shift)).toBe(false);
    // Below the circuit: its bottom (19 · 90 + 75) plus the gap, on the grid through (40, 40).
    expect(shift).toEqual({ x: 40, y: 1800 });
  });
});

describe('pasting all of a large circuit', () => {
  const boxes = layeredCircuit(1000).nodes.map((n) => gateBox(n, {}));

  it('puts the copy of a 1,000-gate layered circuit where it covers no gate', () => {
    // The layered circuit has no gap a gate fits in: the copy must go beyond it.
    const shift = freeShift(boxes, boxes, { x: 40, y: 40 });
    expect(clashes(boxes, boxes, shift)).toBe(false);
    // Nothing on the circuit's own side of the nearest shift clear of its bounding box.
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
    expect(Math.hypot(shift.x - 40, shift.y - 40)).toBeLessThanOrEqual(Math.hypot(0, bottom + 12 + 20));
  });

  it('puts a second copy clear of the circuit and of the first copy', () => {
    const first = freeShift(boxes, boxes, { x: 40, y: 40 });
    const taken = [...boxes, ...boxes.map((b) => ({ ...b, x: b.x + first.x, y: b.y + first.y }))];
    const second = freeShift(boxes, taken, { x: 80, y: 80 });
    expect(clashes(boxes, taken, second)).toBe(false);
  });

  it('puts a palette gate at the free spot nearest the middle of a crowded circuit', () => {
    const middle = { x: 3000, y: 1800 };
    const spot = freeSpot(middle, { width: 130, height: 70 }, boxes);
    expect(clashes([{ ...spot, width: 130, height: 70 }], boxes, { x: 0, y: 0 })).toBe(false);
  });
});
