/**
 * Where gates go that have no chosen spot: a gate added by a palette click (at the centre of the view, or the free
 * spot nearest it) and pasted copies (shifted down and right, or by the nearest shift where they cover no gate), so
 * that nothing new lands on top of a gate already there and hides it.
 *
 * A paste may copy a thousand gates onto a canvas of a thousand more, so the search never compares every copy with
 * every gate: the gates on the canvas are kept in buckets of a grid (`BoxIndex`), and the search goes no further
 * than the nearest shift that clears the whole circuit's bounding box, which is always free.
 */
import type { Position } from '../engine/index.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A gate's size before React Flow has measured it. */
export const USUAL_GATE = { width: 130, height: 70 };

/** The box a gate takes on the canvas: where it is, at the size React Flow measured, else the usual size. */
export function gateBox(node: { id: string; position?: Position }, measured: Readonly<Record<string, { width: number; height: number }>>): Box {
  return { ...(node.position ?? { x: 0, y: 0 }), ...(measured[node.id] ?? USUAL_GATE) };
}

/** Space kept between the new gate and its neighbours. */
const GAP = 12;

/** Whether `a` moved by (dx, dy) comes within the gap of `b`. */
function near(a: Box, dx: number, dy: number, b: Box): boolean {
  const x = a.x + dx;
  const y = a.y + dy;
  return x < b.x + b.width + GAP && b.x < x + a.width + GAP && y < b.y + b.height + GAP && b.y < y + a.height + GAP;
}

/** Whether any of `boxes`, moved by `shift`, comes within the gap of any of `taken`: the plain check, every pair. */
export function clashes(boxes: readonly Box[], taken: readonly Box[], shift: Position): boolean {
  return boxes.some((b) => taken.some((t) => near(b, shift.x, shift.y, t)));
}

/** The side of a bucket: about two usual gates, so that a query looks at one to four buckets of a few gates each. */
const CELL = 256;
/** A box spanning more buckets than this (a huge measured size) is kept aside and checked on every query. */
const MAX_CELLS = 64;

/**
 * Boxes in the buckets of a square grid: `hits` answers exactly what `clashes` does for one box, looking only at
 * the boxes in the buckets the moved box (with its gap) covers.
 */
export class BoxIndex {
  private readonly buckets = new Map<number, number[]>();
  private readonly large: number[] = [];
  /** Queries plus boxes looked at, so far: the search's measure of its work. */
  probes = 0;

  constructor(private readonly boxes: readonly Box[]) {
    boxes.forEach((b, k) => {
      const [x0, x1, y0, y1] = [cell(b.x), cell(b.x + b.width), cell(b.y), cell(b.y + b.height)];
      if (!Number.isFinite(x0 + x1 + y0 + y1) || (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
        this.large.push(k);
        return;
      }
      for (let i = x0; i <= x1; i++) {
        for (let j = y0; j <= y1; j++) {
          const key = keyOf(i, j);
          const bucket = this.buckets.get(key);
          if (bucket) bucket.push(k);
          else this.buckets.set(key, [k]);
        }
      }
    });
  }

  /** Whether `box` moved by (dx, dy) comes within the gap of any box in the index. */
  hits(box: Box, dx: number, dy: number): boolean {
    return this.hit(box, dx, dy) !== null;
  }

  /** A box in the index that `box` moved by (dx, dy) comes within the gap of, or null when there is none. */
  hit(box: Box, dx: number, dy: number): Box | null {
    this.probes++;
    for (const k of this.large) {
      this.probes++;
      if (near(box, dx, dy, this.boxes[k])) return this.boxes[k];
    }
    // Two boxes that come within the gap share a point strictly inside both (one grown by the gap), and that
    // point's bucket holds the other box and is among the buckets the grown box covers.
    const x = box.x + dx;
    const y = box.y + dy;
    const [x0, x1, y0, y1] = [cell(x - GAP), cell(x + box.width + GAP), cell(y - GAP), cell(y + box.height + GAP)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4 * MAX_CELLS) {
      // A box larger than the grid is meant for: look at every box instead.
      this.probes += this.boxes.length;
      return this.boxes.find((b) => near(box, dx, dy, b)) ?? null;
    }
    for (let i = x0; i <= x1; i++) {
      for (let j = y0; j <= y1; j++) {
        const bucket = this.buckets.get(keyOf(i, j));
        if (!bucket) continue;
        for (const k of bucket) {
          this.probes++;
          if (near(box, dx, dy, this.boxes[k])) return this.boxes[k];
        }
      }
    }
    return null;
  }
}

function cell(v: number): number {
  return Math.floor(v / CELL);
}

/** Distinct for every bucket within 30 million pixels of the origin; beyond, two buckets may share a key, which
 * costs a few more boxes looked at but never a wrong answer, since every box is checked exactly. */
function keyOf(i: number, j: number): number {
  return i * 0x40000 + j;
}

/**
 * How much a search may look at (`BoxIndex.probes`) before it settles for the best shift found so far, at worst the
 * one beside the circuit: some 15 times what pasting all of a 1,000-gate circuit onto itself takes.
 */
const BUDGET = 2_000_000;
/** How many of the boxes lately in the way (and of the shifts they refused) a search tries first. */
const RECENT = 8;

/**
 * The shift nearest `wanted`, among `wanted` plus multiples of `step` in x and y, that moves every one of `boxes`
 * clear of all of `taken` (by the gap); of two as near, the higher, then the further left. Nearer shifts are
 * looked at first, ring by ring, up to the nearest shift that puts the boxes beyond the bounding box of all of
 * `taken` — always free, so there is always an answer, and it covers no gate. Should the search do more than `budget`
 * work (`BoxIndex.probes`) before it is done (a huge circuit dense all around), it takes the nearest free shift
 * found so far.
 */
export function freeShift(boxes: readonly Box[], taken: readonly Box[], wanted: Position, step = 20, budget = BUDGET): Position {
  if (boxes.length === 0 || taken.length === 0) return wanted;
  const inner = bounds(boxes);
  const outer = bounds(taken);
  const index = new BoxIndex(taken);
  // Most shifts are refused at once. A box found in the way of a gate refuses a whole rectangle of shifts, and the
  // ring walks through it step by step: the last few such rectangles are tried first, then the boxes that were in the
  // way lately, then the rest from the middle of the group outwards (a middle box lands among the gates for every
  // shift shorter than half the group).
  const cx = inner.x + inner.width / 2;
  const cy = inner.y + inner.height / 2;
  const order = boxes.map((_, k) => k);
  const far = order.map((k) => Math.abs(boxes[k].x + boxes[k].width / 2 - cx) + Math.abs(boxes[k].y + boxes[k].height / 2 - cy));
  order.sort((a, b) => far[a] - far[b]);
  const recent: number[] = [];
  // Refused rectangles of shifts, RECENT of them in turn: left, right, top, bottom (open intervals, as `near`).
  const refused = new Float64Array(4 * RECENT).fill(NaN);
  let slot = 0;
  const blocked = (k: number, dx: number, dy: number): boolean => {
    const b = boxes[k];
    const t = index.hit(b, dx, dy);
    if (!t) return false;
    refused[slot] = t.x - b.x - b.width - GAP;
    refused[slot + 1] = t.x + t.width + GAP - b.x;
    refused[slot + 2] = t.y - b.y - b.height - GAP;
    refused[slot + 3] = t.y + t.height + GAP - b.y;
    slot = (slot + 4) % refused.length;
    const m = recent.indexOf(k);
    if (m !== 0) {
      if (m > 0) recent.splice(m, 1);
      recent.unshift(k);
      if (recent.length > RECENT) recent.pop();
    }
    return true;
  };
  /** -1 when the shift (i, j) steps is free, else where in `refused` the rectangle of shifts refusing it starts. */
  const refusal = (i: number, j: number): number => {
    const dx = wanted.x + i * step;
    const dy = wanted.y + j * step;
    if (!near(inner, dx, dy, outer)) return -1;
    for (let r = 0; r < refused.length; r += 4) {
      if (refused[r] < dx && dx < refused[r + 1] && refused[r + 2] < dy && dy < refused[r + 3]) return r;
    }
    let found = false;
    for (const k of recent) if ((found = blocked(k, dx, dy))) break;
    for (let n = 0; n < order.length && !found; n++) if (!recent.includes(order[n])) found = blocked(order[n], dx, dy);
    // The rectangle just written.
    return found ? (slot + refused.length - 4) % refused.length : -1;
  };
  const fits = (i: number, j: number) => refusal(i, j) < 0;
  if (fits(0, 0)) return wanted;

  // Beyond the circuit's bounding box, on each side: the nearest such shift on the grid.
  const ahead = (needed: number) => Math.max(0, Math.ceil(needed / step));
  const beside: [number, number][] = [
    [0, ahead(outer.y + outer.height + GAP - inner.y - wanted.y)],
    [0, -ahead(inner.y + inner.height + GAP + wanted.y - outer.y)],
    [ahead(outer.x + outer.width + GAP - inner.x - wanted.x), 0],
    [-ahead(inner.x + inner.width + GAP + wanted.x - outer.x), 0],
  ];
  let [bi, bj] = beside[0];
  for (const [i, j] of beside) if (before(i, j, bi, bj)) [bi, bj] = [i, j];
  // Should rounding leave it a hair short of the box (fractional measured sizes), one step more.
  for (let extra = 0; !fits(bi, bj) && extra < 4; extra++) [bi, bj] = [bi + Math.sign(bi), bj + Math.sign(bj)];

  // Every shift of ring r (the square of shifts r steps out) is at least r steps away. Along each side of the ring,
  // a refused shift skips the rest of the rectangle of shifts that refused it.
  const across = (r: number) => Math.ceil((refused[r + 1] - wanted.x) / step);
  const down = (r: number) => Math.ceil((refused[r + 3] - wanted.y) / step);
  const side = (r: number, from: number, to: number, at: (t: number) => [number, number], skip: (refusal: number) => number) => {
    for (let t = from; t <= to && index.probes <= budget; ) {
      const [i, j] = at(t);
      const refusing = before(i, j, bi, bj) ? refusal(i, j) : -2;
      if (refusing === -1) [bi, bj] = [i, j];
      t = refusing >= 0 ? Math.max(t + 1, skip(refusing)) : t + 1;
    }
  };
  for (let r = 1; r * r <= bi * bi + bj * bj && index.probes <= budget; r++) {
    side(r, -r, r, (t) => [t, -r], across);
    side(r, -r, r, (t) => [t, r], across);
    side(r, -r + 1, r - 1, (t) => [-r, t], down);
    side(r, -r + 1, r - 1, (t) => [r, t], down);
  }
  return { x: wanted.x + bi * step, y: wanted.y + bj * step };
}

/** Whether the shift (i, j) steps comes before (k, l): nearer, or as near and higher, or as high and further left. */
function before(i: number, j: number, k: number, l: number): boolean {
  const d = i * i + j * j - (k * k + l * l);
  return d < 0 || (d === 0 && (j < l || (j === l && i < k)));
}

function bounds(boxes: readonly Box[]): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The top-left corner nearest `wanted` (itself a top-left corner), on a grid of `step` around it, where a box of
 * `size` overlaps none of `taken`: `wanted` itself when it is free.
 */
export function freeSpot(wanted: Position, size: { width: number; height: number }, taken: readonly Box[], step = 20): Position {
  const shift = freeShift([{ ...wanted, ...size }], taken, { x: 0, y: 0 }, step);
  return { x: wanted.x + shift.x, y: wanted.y + shift.y };
}
