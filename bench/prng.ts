/**
 * The bench's own seeded generator (mulberry32), so that every graph is the same on every run and every machine.
 * Kept here rather than imported from the engine: the bench should not lean on the code it measures.
 */
export type Prng = () => number;

export function prng(seed: number): Prng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function below(random: Prng, n: number): number {
  return Math.floor(random() * n);
}
