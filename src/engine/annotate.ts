/**
 * The numbers the editor and the command line show: a value and a gradient for every node and every edge,
 * read off a compiled circuit after a run.
 */
import type { Circuit } from './circuit.ts';
import type { CompiledCircuit } from './compile.ts';

export interface Annotation {
  /** null where the node (or the wire's source) has no value: an unwired input upstream. */
  value: number | null;
  /** null where there is no backward pass: no output, or an output without a value. */
  grad: number | null;
}

export interface Annotations {
  output: string | null;
  nodes: Record<string, Annotation>;
  edges: Record<string, Annotation>;
}

/** A record keyed by ids: with no prototype, an id such as "__proto__" is an entry like any other. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function annotate(circuit: Circuit, compiled: CompiledCircuit): Annotations {
  const nodes = idRecord<Annotation>();
  const edges = idRecord<Annotation>();
  circuit.nodes.forEach((node, k) => {
    nodes[node.id] = { value: compiled.nodeValue(k), grad: compiled.nodeGrad(k) };
  });
  circuit.edges.forEach((edge, e) => {
    edges[edge.id] = { value: compiled.edgeValue(e), grad: compiled.edgeGrad(e) };
  });
  const output = compiled.outputIndex >= 0 ? circuit.nodes[compiled.outputIndex].id : null;
  return { output, nodes, edges };
}
