/**
 * V8's test hooks, to compile the yardstick's chunks with TurboFan up front. Left to V8's own tiering, a chunk
 * runs once per pass, and V8 waits for more ticks of its budget the larger a function is: in a probe, the 1k
 * graph's chunks were still unoptimised after 400 passes (150–250 ns per gate), and at 100k gates the yardstick
 * had not reached a steady state after seconds of passes. Forcing it measures the yardstick at its best. The flag
 * is set before any code using `%` is parsed.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--allow-natives-syntax');

type Hook = (f: Function) => unknown;

const prepare = new Function('f', '%PrepareFunctionForOptimization(f);') as Hook;
const optimiseOnNextCall = new Function('f', '%OptimizeFunctionOnNextCall(f);') as Hook;
const status = new Function('f', 'return %GetOptimizationStatus(f);') as (f: Function) => number;

/** Bit of %GetOptimizationStatus meaning "runs optimised code". */
const OPTIMIZED = 1 << 4;

export function isOptimised(f: Function): boolean {
  return (status(f) & OPTIMIZED) !== 0;
}

/**
 * Compiles `functions` with TurboFan: `run` calls each of them once to gather type feedback, they are marked,
 * and `run` calls them again, which compiles them. Returns how many ended up optimised.
 */
export function forceOptimise(functions: readonly Function[], run: () => void): number {
  for (const f of functions) prepare(f);
  run();
  for (const f of functions) optimiseOnNextCall(f);
  run();
  return functions.filter(isOptimised).length;
}
