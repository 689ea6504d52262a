/**
 * Where a gate added without a chosen spot goes (a palette click adds at the centre of the view): the free spot
 * nearest the wanted one, so that it never lands on top of a gate already there and hides it.
 */
import type { Position } from '../engine/index.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between the new gate and its neighbours. */
const GAP = 12;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/**
 * The top-left corner nearest `wanted` (itself a top-left corner) where a box of `size` overlaps none of `taken`,
 * searched on a grid of `step` in rings of growing distance; `wanted` itself if nothing is free within `rings`.
 */
export function freeSpot(wanted: Position, size: { width: number; height: number }, taken: readonly Box[], step = 20, rings = 60): Position {
  const fits = (p: Position) => !taken.some((box) => overlaps({ ...p, ...size }, box));
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

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
