/**
 * Where gates go that have no chosen spot: a gate added by a palette click (at the centre of the view, or the free
 * spot nearest it) and pasted copies (shifted down and right until they cover no gate), so that nothing new lands
 * on top of a gate already there and hides it.
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

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/**
 * The shift nearest `wanted` that moves every one of `boxes` clear of all of `taken`, searched on a grid of `step`
 * in rings of growing distance; `wanted` itself if nothing is free within `rings`.
 */
export function freeShift(boxes: readonly Box[], taken: readonly Box[], wanted: Position, step = 20, rings = 60): Position {
  // Only gates the search could reach can be in the way.
  const reach = rings * step + GAP;
  const left = Math.min(...boxes.map((b) => b.x)) + wanted.x - reach;
  const top = Math.min(...boxes.map((b) => b.y)) + wanted.y - reach;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + wanted.x + reach;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + wanted.y + reach;
  const near = taken.filter((t) => t.x < right && t.x + t.width > left && t.y < bottom && t.y + t.height > top);
  const fits = (d: Position) => !boxes.some((b) => near.some((t) => overlaps({ ...b, x: b.x + d.x, y: b.y + d.y }, t)));
  if (fits(wanted)) return wanted;
  for (let ring = 1; ring <= rings; ring++) {
    const candidates: Position[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (const j of Math.abs(i) === ring ? range(-ring, ring) : [-ring, ring]) {
        candidates.push({ x: wanted.x + i * step, y: wanted.y + j * step });
      }
    }
    const distance = (p: Position) => (p.x - wanted.x) ** 2 + (p.y - wanted.y) ** 2;
    const free = candidates.filter(fits).sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x);
    if (free.length > 0) return free[0];
  }
  return wanted;
}

/**
 * The top-left corner nearest `wanted` (itself a top-left corner) where a box of `size` overlaps none of `taken`;
 * `wanted` itself if nothing is free within `rings`.
 */
export function freeSpot(wanted: Position, size: { width: number; height: number }, taken: readonly Box[], step = 20, rings = 60): Position {
  const shift = freeShift([{ ...wanted, ...size }], taken, { x: 0, y: 0 }, step, rings);
  return { x: wanted.x + shift.x, y: wanted.y + shift.y };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

