/**
 * The one-time cost of an edit: the editor hands over a changed circuit, which is validated (the format layer,
 * which also sorts, to find cycles) and compiled (which sorts again and lays out the slots). Timed warm, as the
 * editor pays it on every edit after the first, and split into its parts so that a miss can be traced.
 */
import { analyse, compile, topologicalOrder, type Circuit } from '../src/engine/index.ts';
import { validateCircuit } from '../src/format/index.ts';
import type { BenchGraph } from './graphs.ts';
import { timeTogether, type Timing, type TimingOptions } from './timing.ts';

export interface OneTimeCost {
  /** validateCircuit(document) then compile(circuit): what an edit costs end to end. */
  recompile: Timing;
  /** The parts: the format layer's check alone, the engine's analyse (ids, ports, sort), the sort alone, compile. */
  validate: Timing;
  analyse: Timing;
  sort: Timing;
  compile: Timing;
}

export function measureOneTime(graph: BenchGraph, options: TimingOptions): OneTimeCost {
  const doc = graph.document;
  const circuit: Circuit = doc;
  const analysed = analyse(circuit);
  if (!analysed.ok) throw new Error(`${graph.name}: ${analysed.error}`);
  const { from, to, edgePort } = analysed.value;
  return timeTogether({
    recompile: () => {
      const checked = validateCircuit(doc);
      if (!checked.ok) throw new Error(`${graph.name}: ${checked.error}`);
      const compiled = compile(checked.value);
      if (!compiled.ok) throw new Error(`${graph.name}: ${compiled.error}`);
    },
    validate: () => validateCircuit(doc),
    analyse: () => analyse(circuit),
    sort: () => topologicalOrder(doc.nodes.length, from, to, edgePort),
    compile: () => compile(circuit),
  }, options);
}
