/**
 * The guide's nudge: move one input by a small h and compare the output's actual change with the change its
 * gradient predicted, grad × h. The baseline (the output and the slope ∂output/∂input before the nudge) comes from
 * the engine run with a pull of +1, so the slope is the plain derivative whatever pull the circuit has.
 */
import { evaluate, type Circuit } from '../../engine/index.ts';

export interface NudgeBaseline {
  input: string;
  /** The circuit the baseline was taken on; a change to anything but the input's value takes a new one. */
  circuit: Circuit;
  x0: number;
  out0: number;
  /** ∂output/∂input at the baseline. */
  slope: number;
}

export function nudgeBaseline(circuit: Circuit, input: string): NudgeBaseline | string {
  const node = circuit.nodes.find((n) => n.id === input);
  if (node?.type !== 'input') return `"${input}" is not an input`;
  const evaluated = evaluate({ ...circuit, outputGrad: 1 });
  if (!evaluated.ok) return evaluated.error;
  const { annotations } = evaluated.value;
  const out0 = annotations.output === null ? null : annotations.nodes[annotations.output].value;
  const slope = annotations.nodes[input].grad;
  if (out0 === null || slope === null) return 'the circuit has no output with a value';
  return { input, circuit, x0: node.value ?? 0, out0, slope };
}

/**
 * Whether `current` differs from the baseline's circuit in nothing but the nudged input's value. Edits share
 * what they do not change, so this compares objects, not numbers.
 */
export function sameBut(current: Circuit, baseline: NudgeBaseline): boolean {
  const before = baseline.circuit;
  if (current === before) return true;
  if (current.edges !== before.edges || current.output !== before.output || current.nodes.length !== before.nodes.length) return false;
  return current.nodes.every((node, k) => {
    const old = before.nodes[k];
    if (node === old) return true;
    return node.id === baseline.input && old.id === node.id && node.type === old.type && node.trainable === old.trainable;
  });
}

export interface NudgeReading {
  /** How far the input has moved from the baseline. */
  h: number;
  actual: number;
  predicted: number;
}

/** The reading for the current value and output, which the editor got from the engine. */
export function nudgeReading(baseline: NudgeBaseline, x: number, out: number): NudgeReading {
  const h = x - baseline.x0;
  return { h, actual: out - baseline.out0, predicted: baseline.slope * h };
}
