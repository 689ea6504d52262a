/**
 * The bench's own reading of a circuit for the two comparison implementations: per node its type and the node
 * indices wired into its ports. It does no sorting: the generators emit nodes in topological order, which is
 * checked here, so the baselines evaluate in node order. Nothing of the engine is used, so a bug in the engine
 * cannot hide by being shared.
 */
import type { CircuitDocument } from './graphs.ts';

export interface Plan {
  types: string[];
  /** Source node index per port, -1 where the gate has no such port. */
  src0: Int32Array;
  src1: Int32Array;
  /** Inputs' values (0 for gates). */
  inputValue: Float64Array;
  output: number;
  outputGrad: number;
}

export function plan(doc: CircuitDocument): Plan {
  const n = doc.nodes.length;
  const indexOf = new Map<string, number>();
  doc.nodes.forEach((node, k) => indexOf.set(node.id, k));
  const src0 = new Int32Array(n).fill(-1);
  const src1 = new Int32Array(n).fill(-1);
  for (const edge of doc.edges) {
    const s = indexOf.get(edge.source)!;
    const t = indexOf.get(edge.target)!;
    if (!(s < t)) throw new Error(`bench graph not in topological order: ${edge.source} -> ${edge.target}`);
    (edge.targetHandle === 'b' ? src1 : src0)[t] = s;
  }
  const inputValue = new Float64Array(n);
  doc.nodes.forEach((node, k) => {
    if (node.type === 'input') inputValue[k] = node.value!;
  });
  return {
    types: doc.nodes.map((node) => node.type),
    src0,
    src1,
    inputValue,
    output: indexOf.get(doc.output)!,
    outputGrad: doc.outputGrad,
  };
}
