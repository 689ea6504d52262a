/**
 * Steady-state timing: warm each function up until V8 has optimised it, then time samples of calls, each long
 * enough for performance.now() to resolve (several calls where one is shorter, so that a sample also pays its
 * share of garbage collection), and keep the median. The functions compared are sampled in turns, round after
 * round, so that load from elsewhere on the machine falls on all of them alike and their ratios hold; the
 * median shrugs off a sample hit by it, and the spread (min, max) is kept to show how noisy a figure is.
 * No collection is forced between samples: tried, it left the collector's background work (sweeping a heap of
 * hundreds of megabytes) running into the next sample, and slowed the engine on the 1M chain by up to half.
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median milliseconds per call. */
  ms: number;
  minMs: number;
  maxMs: number;
  samples: number;
  callsPerSample: number;
}

export interface TimingOptions {
  /** Warm-up of each function: at least this long, and at least `warmupCalls` calls. */
  warmupMs?: number;
  warmupCalls?: number;
  /** Each sample lasts at least this long. */
  sampleMs?: number;
  /** Number of rounds: as many as fit in `budgetMs`, between `minSamples` and `maxSamples`. */
  budgetMs?: number;
  minSamples?: number;
  maxSamples?: number;
}

export function timeTogether<K extends string>(fns: Record<K, () => void>, options: TimingOptions = {}): Record<K, Timing> {
  const { warmupMs = 300, warmupCalls = 5, sampleMs = 20, budgetMs = 3000, minSamples = 3, maxSamples = 21} = options;
  const names = Object.keys(fns) as K[];
  const callsPerSample = {} as Record<K, number>;
  let roundMs = 0;
  for (const name of names) {
    const fn = fns[name];
    let calls = 0;
    const start = performance.now();
    while (calls < warmupCalls || performance.now() - start < warmupMs) {
      fn();
      calls++;
    }
    const perCall = calls > 0 ? (performance.now() - start) / calls : timeOnce(fn).ms;
    callsPerSample[name] = Math.max(1, Math.ceil(sampleMs / perCall));
    roundMs += perCall * callsPerSample[name];
  }
  const rounds = Math.min(maxSamples, Math.max(minSamples, Math.floor(budgetMs / roundMs)));
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    // Start each round with a different function, so that none always follows the same one.
    for (let j = 0; j < names.length; j++) {
      const name = names[(r + j) % names.length];
      const fn = fns[name];
      const calls = callsPerSample[name];
      const start = performance.now();
      for (let c = 0; c < calls; c++) fn();
      samples[name].push((performance.now() - start) / calls);
    }
  }
  const result = {} as Record<K, Timing>;
  for (const name of names) {
    const sorted = samples[name].sort((x, y) => x - y);
    result[name] = {
      ms: median(sorted),
      minMs: sorted[0],
      maxMs: sorted[sorted.length - 1],
      samples: sorted.length,
      callsPerSample: callsPerSample[name],
    };
  }
  return result;
}

/** Times one call (no warm-up), for what runs once. */
export function timeOnce<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export function median(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Live heap, JS objects and typed-array stores together, after a full collection. Needs --expose-gc. */
export function liveBytes(): number {
  if (!gc) throw new Error('run with --expose-gc (npm run bench does) to measure memory');
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
