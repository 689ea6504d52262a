/**
 * Random valid circuits for property tests: fast-check draws a plan (input values, gate types, which earlier
 * nodes each gate reads, how the output is chosen), and `buildCircuit` turns it into a DAG whose every gate sits
 * at a smooth point — relu/abs/max/min inputs away from their kinks, log/pow/div on safe operands, every value
 * bounded — so that numerical gradients are meaningful. Where a drawn gate cannot be placed safely it becomes a
 * tanh (smooth and bounded everywhere). Never imported by production code.
 */
import fc from 'fast-check';
import type { Circuit, CircuitEdge, CircuitNode } from '../circuit.ts';
import { GATE_NAMES, REF_PORTS, refForward } from './reference.ts';

export interface GatePlan {
  type: number;
  pickA: number;
  pickB: number;
}

export interface CircuitPlan {
  inputs: { value: number; trainable: boolean }[];
  gates: GatePlan[];
  /** 0, 1: the last gate is the output; 2: a random node is; 3: no `output` field (the format's rule picks). */
  outputMode: number;
  outputPick: number;
  outputGrad: number;
  shuffle: number;
}

/** Distance from a kink below which a gate is not placed. */
export const KINK_MARGIN = 1e-2;
/** Largest magnitude of any value in a random circuit. */
export const VALUE_BOUND = 50;

const nonNegZero = (v: number) => (Object.is(v, -0) ? 0 : v);

/** Mostly round-ish numbers in [-3, 3], sometimes any double there (fast-check favours tiny ones). */
const inputValue = fc.oneof(
  { arbitrary: fc.integer({ min: -3000, max: 3000 }).map((k) => nonNegZero(k / 1000)), weight: 3 },
  { arbitrary: fc.double({ min: -3, max: 3, noNaN: true }).map(nonNegZero), weight: 1 },
);

export function circuitPlan(maxInputs = 4, maxGates = 8): fc.Arbitrary<CircuitPlan> {
  return fc.record({
    inputs: fc.array(
      fc.record({ value: inputValue, trainable: fc.boolean() }),
      { minLength: 1, maxLength: maxInputs },
    ),
    gates: fc.array(
      fc.record({ type: fc.nat({ max: GATE_NAMES.length - 1 }), pickA: fc.nat(), pickB: fc.nat() }),
      { minLength: 1, maxLength: maxGates },
    ),
    outputMode: fc.nat({ max: 3 }),
    outputPick: fc.nat(),
    outputGrad: fc.constantFrom(1, -1, 0.5, 2.5),
    shuffle: fc.nat(),
  });
}

function unaryOk(type: string, v: number): boolean {
  switch (type) {
    case 'relu':
    case 'abs':
      return Math.abs(v) >= KINK_MARGIN;
    case 'log':
      return v >= 0.2;
    default:
      return true;
  }
}

function binaryOk(type: string, a: number, b: number, sameNode: boolean): boolean {
  switch (type) {
    case 'div':
      return Math.abs(b) >= 0.2;
    case 'pow':
      return a >= 0.2 && a <= 5 && b >= -2 && b <= 3;
    case 'max':
    case 'min':
      return sameNode || Math.abs(a - b) >= KINK_MARGIN;
    default:
      return true;
  }
}

/** Deterministic shuffle (a small LCG), so that node and edge order in the file is not topological. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = (seed >>> 0) || 1;
  for (let k = out.length - 1; k > 0; k--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

export function buildCircuit(plan: CircuitPlan): Circuit {
  const nodes: CircuitNode[] = [];
  const edges: CircuitEdge[] = [];
  const values: number[] = [];
  plan.inputs.forEach((input, k) => {
    const node: CircuitNode = { id: `in${k}`, type: 'input', value: input.value };
    if (!input.trainable) node.trainable = false;
    nodes.push(node);
    values.push(input.value);
  });

  plan.gates.forEach((g, k) => {
    const id = `g${k}`;
    let type = GATE_NAMES[g.type];
    let sources: number[] | undefined;
    const all = values.map((_, i) => i);
    if (REF_PORTS[type].length === 1) {
      const candidates = all.filter((i) => unaryOk(type, values[i]));
      if (candidates.length > 0) sources = [candidates[g.pickA % candidates.length]];
    } else {
      const first = all.filter((i) => all.some((j) => binaryOk(type, values[i], values[j], i === j)));
      if (first.length > 0) {
        const a = first[g.pickA % first.length];
        const second = all.filter((j) => binaryOk(type, values[a], values[j], a === j));
        sources = [a, second[g.pickB % second.length]];
      }
    }
    let out = sources === undefined ? NaN : refForward(type, values[sources[0]], values[sources[1]] ?? NaN);
    if (!(Math.abs(out) <= VALUE_BOUND)) {
      type = 'tanh';
      sources = [all[g.pickA % all.length]];
      out = refForward(type, values[sources[0]]);
    }
    nodes.push({ id, type });
    REF_PORTS[type].forEach((port, p) => {
      edges.push({ id: `e${edges.length}`, source: nodes[sources![p]].id, target: id, targetHandle: port });
    });
    values.push(out);
  });

  const circuit: Circuit = {
    nodes: shuffled(nodes, plan.shuffle),
    edges: shuffled(edges, plan.shuffle ^ 0x5bd1e995),
    outputGrad: plan.outputGrad,
  };
  if (plan.outputMode <= 1) circuit.output = `g${plan.gates.length - 1}`;
  else if (plan.outputMode === 2) circuit.output = nodes[plan.outputPick % nodes.length].id;
  return circuit;
}

export const randomCircuit = (maxInputs?: number, maxGates?: number): fc.Arbitrary<Circuit> =>
  circuitPlan(maxInputs, maxGates).map(buildCircuit);
