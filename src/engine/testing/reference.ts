/**
 * A plain, recursive evaluation of a circuit, written for the tests independently of the engine: its own table of
 * gate formulas (a switch over Math functions, not the engine's registry), values by memoised recursion from each
 * node to its sources, and gradients by the format's own definition — a node's gradient is the sum of the pulls
 * along the wires that leave it (the target's gradient times the local gradient of the port), plus `outputGrad`
 * on the output. Never imported by production code.
 */
import type { Circuit, CircuitEdge } from '../circuit.ts';

/** Input ports per gate type, in the order of the format's table. */
export const REF_PORTS: Readonly<Record<string, readonly string[]>> = {
  add: ['a', 'b'],
  sub: ['a', 'b'],
  mul: ['a', 'b'],
  div: ['a', 'b'],
  max: ['a', 'b'],
  min: ['a', 'b'],
  pow: ['a', 'b'],
  neg: ['x'],
  sigmoid: ['x'],
  tanh: ['x'],
  relu: ['x'],
  exp: ['x'],
  log: ['x'],
  abs: ['x'],
};

export const GATE_NAMES = Object.keys(REF_PORTS);
export const BINARY_GATES = GATE_NAMES.filter((t) => REF_PORTS[t].length === 2);
export const UNARY_GATES = GATE_NAMES.filter((t) => REF_PORTS[t].length === 1);

/** The forward formula of the format's table. `b` is ignored by one-port gates. */
export function refForward(type: string, a: number, b = NaN): number {
  switch (type) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return a / b;
    case 'max': return Math.max(a, b);
    case 'min': return Math.min(a, b);
    case 'pow': return Math.pow(a, b);
    case 'neg': return -a;
    case 'sigmoid': return 1 / (1 + Math.exp(-a));
    case 'tanh': return Math.tanh(a);
    case 'relu': return Math.max(0, a);
    case 'exp': return Math.exp(a);
    case 'log': return Math.log(a);
    case 'abs': return Math.abs(a);
    default: throw new Error(`reference: no gate "${type}"`);
  }
}

/** ∂out/∂(port `port`) by the format's table, written out by hand. */
export function refLocal(type: string, port: number, a: number, b = NaN): number {
  switch (type) {
    case 'add': return 1;
    case 'sub': return port === 0 ? 1 : -1;
    case 'mul': return port === 0 ? b : a;
    case 'div': return port === 0 ? 1 / b : -a / (b * b);
    // Ties go to `a`.
    case 'max': return (port === 0) === (a >= b) ? 1 : 0;
    case 'min': return (port === 0) === (a <= b) ? 1 : 0;
    case 'pow': return port === 0 ? b * Math.pow(a, b - 1) : Math.pow(a, b) * Math.log(a);
    case 'neg': return -1;
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-a));
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(a);
      return 1 - t * t;
    }
    case 'relu': return a > 0 ? 1 : 0;
    case 'exp': return Math.exp(a);
    case 'log': return 1 / a;
    case 'abs': return a > 0 ? 1 : a < 0 ? -1 : 0;
    default: throw new Error(`reference: no gate "${type}"`);
  }
}

export interface RefResult {
  output: string | null;
  /** null: no value (an unwired port upstream). */
  values: Map<string, number | null>;
  /** null for every node where there is no backward pass. */
  grads: Map<string, number | null>;
  edgeValues: Map<string, number | null>;
  edgeGrads: Map<string, number | null>;
}

/** The output the format chooses: explicit, else the one node that no wire leaves, if there is exactly one. */
export function refOutput(circuit: Circuit): string | null {
  if (circuit.output !== undefined) return circuit.output;
  const left = new Set(circuit.edges.map((e) => e.source));
  const sinks = circuit.nodes.filter((n) => !left.has(n.id));
  return sinks.length === 1 ? sinks[0].id : null;
}

export function refEvaluate(circuit: Circuit, overrides: ReadonlyMap<string, number> = new Map()): RefResult {
  const byId = new Map(circuit.nodes.map((n) => [n.id, n]));
  const into = new Map<string, (CircuitEdge | undefined)[]>();
  const leaving = new Map<string, CircuitEdge[]>();
  for (const node of circuit.nodes) {
    into.set(node.id, []);
    leaving.set(node.id, []);
  }
  for (const edge of circuit.edges) {
    const ports = REF_PORTS[byId.get(edge.target)!.type];
    into.get(edge.target)![ports.indexOf(edge.targetHandle)] = edge;
    leaving.get(edge.source)!.push(edge);
  }

  const values = new Map<string, number | null>();
  const value = (id: string): number | null => {
    if (values.has(id)) return values.get(id)!;
    const node = byId.get(id)!;
    let v: number | null;
    if (node.type === 'input') {
      v = overrides.get(id) ?? node.value!;
    } else {
      const ports = REF_PORTS[node.type];
      const args: (number | null)[] = ports.map((_, p) => {
        const edge = into.get(id)![p];
        return edge === undefined ? null : value(edge.source);
      });
      v = args.some((x) => x === null) ? null : refForward(node.type, args[0]!, args[1] ?? NaN);
    }
    values.set(id, v);
    return v;
  };
  for (const node of circuit.nodes) value(node.id);

  const output = refOutput(circuit);
  const hasBackward = output !== null && values.get(output) !== null;
  const outputGrad = circuit.outputGrad ?? 1;

  // Whether a node's value reaches the output along wires.
  const reachMemo = new Map<string, boolean>();
  const reaches = (id: string): boolean => {
    if (reachMemo.has(id)) return reachMemo.get(id)!;
    const r = id === output || leaving.get(id)!.some((e) => reaches(e.target));
    reachMemo.set(id, r);
    return r;
  };

  const grads = new Map<string, number | null>();
  const edgeGrads = new Map<string, number | null>();
  const edgeGrad = (edge: CircuitEdge): number => {
    if (!reaches(edge.target)) return 0;
    const target = byId.get(edge.target)!;
    const ports = REF_PORTS[target.type];
    const args = ports.map((_, p) => value(into.get(edge.target)![p]!.source)!);
    return grad(edge.target) * refLocal(target.type, ports.indexOf(edge.targetHandle), args[0], args[1] ?? NaN);
  };
  const grad = (id: string): number => {
    if (grads.has(id)) return grads.get(id)!;
    let g = id === output ? outputGrad : 0;
    for (const edge of leaving.get(id)!) g += edgeGrad(edge);
    grads.set(id, g);
    return g;
  };

  const edgeValues = new Map<string, number | null>();
  for (const edge of circuit.edges) edgeValues.set(edge.id, values.get(edge.source)!);
  if (hasBackward) {
    for (const node of circuit.nodes) grad(node.id);
    for (const edge of circuit.edges) edgeGrads.set(edge.id, edgeGrad(edge));
  } else {
    for (const node of circuit.nodes) grads.set(node.id, null);
    for (const edge of circuit.edges) edgeGrads.set(edge.id, null);
  }
  return { output, values, grads, edgeValues, edgeGrads };
}
