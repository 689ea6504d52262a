/**
 * A small seeded generator (mulberry32), so that random search and training repeat exactly for a seed.
 * Math.random cannot be seeded; the statistical quality needed here (picking examples, tweaking inputs) is modest.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
