/**
 * The three implementations must compute the same numbers, or their timings compare nothing: the output's value
 * and the gradients of a few inputs, after one run of each. Gradients are sums taken in different orders, so
 * they agree to rounding, not bit for bit.
 */
import type { CompiledCircuit } from '../src/engine/index.ts';
import type { Yardstick } from './codegen.ts';
import type { BenchGraph } from './graphs.ts';
import type { MicrogradRunner } from './micrograd.ts';

export const TOLERANCE = 1e-9;

export interface Verification {
  ok: boolean;
  output: number;
  /** Largest relative difference between the engine and either other implementation. */
  maxRelError: number;
  line: string;
}

function relError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

export function verify(
  graph: BenchGraph, engine: CompiledCircuit, micrograd: MicrogradRunner | undefined, yardstick: Yardstick,
): Verification {
  engine.run();
  yardstick.run();
  micrograd?.run();
  const output = graph.document.nodes.findIndex((node) => node.id === graph.document.output);
  const problems: string[] = [];
  let maxRelError = 0;
  const compare = (what: string, mine: number | null, theirs: Record<string, number>) => {
    if (mine === null || !Number.isFinite(mine)) problems.push(`${what}: engine has ${mine}`);
    for (const [who, value] of Object.entries(theirs)) {
      const err = relError(mine ?? Number.NaN, value);
      maxRelError = Math.max(maxRelError, Number.isNaN(err) ? Infinity : err);
      if (!(err <= TOLERANCE)) problems.push(`${what}: engine ${mine}, ${who} ${value}`);
    }
  };
  // What the other implementations hold for node k.
  const others = (k: number, field: 'value' | 'grad') => {
    const theirs: Record<string, number> = { yardstick: yardstick[field][k] };
    if (micrograd) theirs.micrograd = field === 'value' ? micrograd.values[k].data : micrograd.values[k].grad;
    return theirs;
  };
  compare('output', engine.nodeValue(output), others(output, 'value'));
  for (const k of graph.probes) compare(`grad of ${graph.document.nodes[k].id}`, engine.nodeGrad(k), others(k, 'grad'));
  const ok = problems.length === 0;
  const who = micrograd ? 'engine, micrograd and yardstick' : 'engine and yardstick';
  const line = ok
    ? `verify ${graph.name}: ${who} agree on output ${engine.nodeValue(output)} and ${graph.probes.length} input gradients (max rel. error ${maxRelError.toExponential(1)})`
    : `verify ${graph.name}: DISAGREE: ${problems.join('; ')}`;
  return { ok, output: engine.nodeValue(output) ?? Number.NaN, maxRelError, line };
}
