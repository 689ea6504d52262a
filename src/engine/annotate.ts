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

/**
 * With `previous`, a node or edge whose numbers are unchanged keeps its previous annotation object, so that whoever
 * shows one annotation can tell by identity alone whether it changed.
 */
export function annotate(circuit: Circuit, compiled: CompiledCircuit, previous: Annotations | null = null): Annotations {
  const nodes = idRecord<Annotation>();
  const edges = idRecord<Annotation>();
  const same = (old: Annotation | undefined, value: number | null, grad: number | null): old is Annotation =>
    old !== undefined && Object.is(old.value, value) && Object.is(old.grad, grad);
  circuit.nodes.forEach((node, k) => {
    const value = compiled.nodeValue(k);
    const grad = compiled.nodeGrad(k);
    const old = previous?.nodes[node.id];
    nodes[node.id] = same(old, value, grad) ? old : { value, grad };
  });
  const grads = compiled.edgeGrads();
  circuit.edges.forEach((edge, e) => {
    const value = compiled.edgeValue(e);
    const grad = grads ? grads[e] : null;
    const old = previous?.edges[edge.id];
    edges[edge.id] = same(old, value, grad) ? old : { value, grad };
  });
  const output = compiled.outputIndex >= 0 ? circuit.nodes[compiled.outputIndex].id : null;
  return { output, nodes, edges };
}
