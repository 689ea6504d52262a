/**
 * What the compiled form costs in memory. Two figures: the live heap it adds (JS heap plus typed-array stores,
 * after full collections, with the source circuit kept alive so that only the compiled form is counted), and
 * the sum of its typed arrays' byteLengths, which is what the heap figure should come to. Small graphs are
 * compiled many times over, all kept alive, so that a few kilobytes of collector noise do not swamp the figure.
 */
import { compile, type CompiledCircuit } from '../src/engine/index.ts';
import type { BenchGraph } from './graphs.ts';
import { liveBytes } from './timing.ts';

export interface MemoryCost {
  /** Per compiled copy. */
  heapBytes: number;
  arrayBytes: number;
  heapBytesPerGate: number;
  arrayBytesPerGate: number;
  /** byteLength per array of the compiled form, to show where the bytes go. */
  arrays: Record<string, number>;
}

export function arraysOf(c: CompiledCircuit): Record<string, number> {
  const { op, in0, in1, value, grad, slotOf, edgeTarget, edgePort, params } = c;
  const arrays = { op, in0, in1, value, grad, slotOf, edgeTarget, edgePort, params };
  return Object.fromEntries(Object.entries(arrays).map(([name, array]) => [name, array.byteLength]));
}

/** Compile at least this many gates' worth of copies for the heap figure. */
const MIN_GATES = 500_000;

export function measureMemory(graph: BenchGraph): MemoryCost {
  const copies = Math.max(1, Math.ceil(MIN_GATES / graph.gates));
  const kept: CompiledCircuit[] = [];
  const before = liveBytes();
  for (let k = 0; k < copies; k++) {
    const compiled = compile(graph.document);
    if (!compiled.ok) throw new Error(`${graph.name}: ${compiled.error}`);
    kept.push(compiled.value);
  }
  const after = liveBytes();
  const arrays = arraysOf(kept[0]);
  const arrayBytes = Object.values(arrays).reduce((sum, bytes) => sum + bytes, 0);
  const heapBytes = (after - before) / copies;
  // Read after the measurement, so that the compiled forms are still alive when `after` is taken.
  if (kept.some((c) => c.nodeCount !== graph.document.nodes.length)) throw new Error('compiled form lost nodes');
  return {
    heapBytes,
    arrayBytes,
    heapBytesPerGate: heapBytes / graph.gates,
    arrayBytesPerGate: arrayBytes / graph.gates,
    arrays,
  };
}
