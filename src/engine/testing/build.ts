/** Small builders for hand-written test circuits. Never imported by production code. */
import type { Circuit, CircuitEdge, CircuitNode } from '../circuit.ts';
import { evaluate, type Evaluation } from '../evaluate.ts';

export const input = (id: string, value: number, trainable?: boolean): CircuitNode =>
  trainable === undefined ? { id, type: 'input', value } : { id, type: 'input', value, trainable };

export const gate = (id: string, type: string): CircuitNode => ({ id, type });

/** An edge `source -> target.port`, its id `source-target.port` unless given. */
export const wire = (source: string, target: string, port: string, id = `${source}-${target}.${port}`): CircuitEdge => ({
  id, source, target, targetHandle: port,
});

/** Evaluates a circuit that must compile. */
export function evaluated(circuit: Circuit): Evaluation {
  const result = evaluate(circuit);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The one-gate circuit `out = type(in0[, in1])` with inputs named after the ports. */
export function oneGate(type: string, ports: readonly string[], args: readonly number[]): Circuit {
  return {
    nodes: [...ports.map((p, k) => input(p, args[k])), gate('out', type)],
    edges: ports.map((p) => wire(p, 'out', p, `e_${p}`)),
    output: 'out',
  };
}

/** The guide's (x + y) · z at x = −2, y = 5, z = −4; wires e1 (x→q.a), e2 (y→q.b), e3 (q→f.a), e4 (z→f.b). */
export function addMultiply(): Circuit {
  return {
    nodes: [input('x', -2), input('y', 5), gate('q', 'add'), input('z', -4), gate('f', 'mul')],
    edges: [wire('x', 'q', 'a', 'e1'), wire('y', 'q', 'b', 'e2'), wire('q', 'f', 'a', 'e3'), wire('z', 'f', 'b', 'e4')],
  };
}

/** f = x·y + x at x = 3, y = −2: x is used twice and receives 1 through the sum, then y = −2 through the product. */
export function fanOut(): Circuit {
  return {
    nodes: [input('x', 3), input('y', -2), gate('p', 'mul'), gate('f', 'add')],
    edges: [wire('x', 'p', 'a', 'xp'), wire('y', 'p', 'b', 'yp'), wire('p', 'f', 'a', 'pf'), wire('x', 'f', 'b', 'xf')],
  };
}
