/**
 * Seeded randomness for the bench's graphs: the engine's own generator (the same algorithm the bench once
 * carried a copy of), so every graph is the same on every run and every machine. It only picks graph shapes and
 * values; nothing timed runs through it.
 */
import { seededRandom, type Random } from '../src/engine/random.ts';

export type Prng = Random;

export const prng = seededRandom;

/** A whole number in [0, n). */
export function below(random: Prng, n: number): number {
  return Math.floor(random() * n);
}
