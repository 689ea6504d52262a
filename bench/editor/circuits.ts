/**
 * Layered circuits of exactly N nodes (inputs count as gates), with positions, for the editor benchmark.
 *
 * Column 0 holds the inputs: `x`, which feeds every gate of the first layer (the input the benchmark edits, so that
 * one edit changes every wire's numbers), and one weight `wJ` per row. The first layer multiplies x by each weight;
 * then layers repeat add, tanh, mul, tanh (gate J of a layer reads gates J and J+1 of the layer before), so values
 * stay bounded; what nothing reads is summed by a tree of add gates into the one output. Deterministic.
 */
import { formatNumber } from '../../src/editor/numbers.ts';
import { annotate, compile, type Annotations, type Circuit, type CircuitEdge, type CircuitNode } from '../../src/engine/index.ts';

export const COLUMN = 230;
export const ROW = 120;
export const EDITED_INPUT = 'x';

export function widthFor(n: number): number {
  return Math.max(4, Math.round(Math.sqrt(n)));
}

export function layeredCircuit(n: number): Circuit {
  const width = widthFor(n);
  const nodes: CircuitNode[] = [];
  const edges: CircuitEdge[] = [];
  const unread = new Set<string>();
  let edgeCount = 0;
  const wire = (source: string, target: string, targetHandle: string) => {
    edges.push({ id: `e${++edgeCount}`, source, target, targetHandle });
    unread.delete(source);
  };
  nodes.push({ id: EDITED_INPUT, type: 'input', value: 0.5, label: 'x', position: { x: 0, y: -ROW } });
  for (let j = 0; j < width; j++) {
    nodes.push({ id: `w${j}`, type: 'input', value: Math.round((0.3 + 0.9 * Math.sin(j * 1.7)) * 100) / 100, position: { x: 0, y: j * ROW } });
  }
  const pattern = ['add', 'tanh', 'mul', 'tanh'];
  // The total once the sinks are summed is nodes + unread - 1; each gate added raises it by 0 or 1.
  const total = () => nodes.length + Math.max(unread.size, 1) - 1;
  let previous: string[] = [];
  for (let layer = 1; total() < n; layer++) {
    const type = layer === 1 ? 'mul' : pattern[(layer - 2) % pattern.length];
    const current: string[] = [];
    for (let j = 0; j < width && total() < n; j++) {
      const id = `g${layer}_${j}`;
      nodes.push({ id, type, position: { x: layer * COLUMN, y: j * ROW } });
      if (layer === 1) {
        wire(EDITED_INPUT, id, 'a');
        wire(`w${j}`, id, 'b');
      } else if (type === 'tanh') {
        wire(previous[j % previous.length], id, 'x');
      } else {
        wire(previous[j % previous.length], id, 'a');
        wire(previous[(j + 1) % previous.length], id, 'b');
      }
      unread.add(id);
      current.push(id);
    }
    // A partial last layer leaves the rest of the layer before unread: they join the sum below.
    if (current.length === width) previous = current;
    else previous = [...previous, ...current];
  }
  // Sum what nothing reads, pairwise, one column per level.
  let level = [...unread];
  const lastX = Math.max(...nodes.map((node) => node.position!.x));
  for (let depth = 1; level.length > 1; depth++) {
    const next: string[] = [];
    for (let k = 0; k + 1 < level.length; k += 2) {
      const id = `s${depth}_${k / 2}`;
      nodes.push({ id, type: 'add', position: { x: lastX + depth * COLUMN, y: (k / 2) * ROW * 2 ** depth } });
      wire(level[k], id, 'a');
      wire(level[k + 1], id, 'b');
      next.push(id);
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  if (nodes.length !== n) throw new Error(`generated ${nodes.length} nodes, wanted ${n}`);
  return { name: `layered ${n}`, nodes, edges, output: level[0] };
}

export function circuitFile(circuit: Circuit): string {
  return JSON.stringify({ format: 'wiregrad/circuit', version: 1, ...circuit });
}

export function numbersOf(circuit: Circuit): Annotations {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return annotate(circuit, compiled.value);
}

export function withInput(circuit: Circuit, id: string, value: number): Circuit {
  return { ...circuit, nodes: circuit.nodes.map((node) => (node.id === id ? { ...node, value } : node)) };
}

/** The text of a baseline edge's label: what the editor shows on a wire, on one line. */
export function baselineLabel(value: number | null, grad: number | null): string {
  return `${formatNumber(value)} | ${formatNumber(grad)}`;
}
