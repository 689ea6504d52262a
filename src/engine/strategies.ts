/**
 * The three ways of chapter 1 of the guide to make a circuit's output larger, run on any circuit:
 *   random local search — tweak every trainable input at random, keep the tweak if the output improved;
 *   numerical gradient  — nudge each trainable input by h to estimate its gradient, then step along it;
 *   analytic gradient   — one forward and one backward pass give every gradient, then step along them.
 * "Larger" is in the direction of the output's pull: with outputGrad −1 each strategy makes the output smaller.
 * Each reports the output after every iteration and the passes it spent, which is the guide's point: the
 * analytic gradient costs one forward and one backward pass however many inputs there are.
 */
import type { Circuit, Result } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';
import { applyUpdate } from './update.ts';
import { seededRandom } from './random.ts';
import { idRecord } from './annotate.ts';

export type StrategyName = 'random' | 'numerical' | 'analytic';

export const STRATEGIES: readonly StrategyName[] = ['random', 'numerical', 'analytic'];

export interface StrategyOptions {
  iterations: number;
  /** The step along the gradient (numerical and analytic). */
  stepSize?: number;
  /** The largest random tweak of an input (random search). */
  tweak?: number;
  /** The nudge of the numerical gradient, as in the guide. */
  h?: number;
  seed?: number;
}

export interface StrategyRun {
  strategy: StrategyName;
  /** The output before the first iteration and after each: iterations + 1 numbers. */
  outputs: number[];
  /** Forward and backward passes spent in all, by the end. */
  forwardPasses: number;
  backwardPasses: number;
  /** Trainable input values at the end, by node id. */
  values: Record<string, number>;
}

export function runStrategy(circuit: Circuit, strategy: StrategyName, options: StrategyOptions): Result<StrategyRun> {
  const compiled = compile(circuit);
  if (!compiled.ok) return compiled;
  const c = compiled.value;
  // Only the analytic strategy reads gradients: the others start from a forward pass alone, and never spend a
  // backward one.
  c.forward();
  if (!c.hasBackward) return { ok: false, error: 'the circuit has no output with a value to improve' };
  if (strategy === 'analytic') c.backward();
  const { iterations, stepSize = 0.01, tweak = 0.01, h = 1e-4, seed = 1 } = options;
  const outSlot = c.slotOf[c.outputIndex];
  const pull = Math.sign(c.outputGrad) || 1;
  const outputs = [c.value[outSlot]];
  const counts = { forward: 1, backward: strategy === 'analytic' ? 1 : 0 };

  const step = {
    random: randomStep(c, outSlot, pull, tweak, seededRandom(seed)),
    numerical: () => numericalStep(c, outSlot, pull, stepSize, h),
    analytic: (): Spent => {
      applyUpdate(c, stepSize);
      c.run();
      return { forward: 1, backward: 1, output: c.value[outSlot] };
    },
  }[strategy];

  for (let k = 0; k < iterations; k++) {
    const spent = step();
    counts.forward += spent.forward;
    counts.backward += spent.backward;
    outputs.push(spent.output);
  }
  const values = idRecord<number>();
  circuit.nodes.forEach((node, k) => {
    if (node.type === 'input' && node.trainable !== false) values[node.id] = c.value[c.slotOf[k]];
  });
  return { ok: true, value: { strategy, outputs, forwardPasses: counts.forward, backwardPasses: counts.backward, values } };
}

interface Spent {
  forward: number;
  backward: number;
  /** The output the iteration ends with. */
  output: number;
}

function randomStep(c: CompiledCircuit, outSlot: number, pull: number, tweak: number, random: () => number) {
  const best = Float64Array.from(c.params, (slot) => c.value[slot]);
  let bestOut = c.value[outSlot];
  return (): Spent => {
    c.params.forEach((slot, k) => {
      c.value[slot] = best[k] + tweak * (random() * 2 - 1);
    });
    c.forward();
    const out = c.value[outSlot];
    if (pull * out > pull * bestOut) {
      bestOut = out;
      c.params.forEach((slot, k) => {
        best[k] = c.value[slot];
      });
    } else {
      // Only the inputs go back: the next try recomputes every gate, so no pass is spent restoring them.
      c.params.forEach((slot, k) => {
        c.value[slot] = best[k];
      });
    }
    return { forward: 1, backward: 0, output: bestOut };
  };
}

/**
 * The guide's one-sided difference: one pass per input around the current point, whose own pass ended the
 * previous iteration, then the step. Every pass runs in full, so that no nudge leaves a stale value behind.
 */
function numericalStep(c: CompiledCircuit, outSlot: number, pull: number, stepSize: number, h: number): Spent {
  const base = c.value[outSlot];
  const grads = Array.from(c.params, (slot) => {
    const x = c.value[slot];
    c.value[slot] = x + h;
    c.forward();
    const nudged = c.value[outSlot];
    c.value[slot] = x;
    return (nudged - base) / h;
  });
  c.params.forEach((slot, k) => {
    c.value[slot] += stepSize * pull * grads[k];
  });
  c.forward();
  return { forward: c.params.length + 1, backward: 0, output: c.value[outSlot] };
}
