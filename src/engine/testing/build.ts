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
