/**
 * The benchmark's baseline: bare React Flow showing the same circuit with default nodes and plain edges, each edge
 * labelled with its value and gradient as text (the same engine computes them). The same hooks as the editor's
 * (`open-file`, `input-value-x`), so that the runner drives both alike. An edit recomputes the numbers and hands
 * React Flow new nodes and edges, the plain way; a drag goes through `onNodesChange` and `applyNodeChanges`, as
 * React Flow's own examples do, so that the dragged node really moves. Not part of the app: built only by
 * `npm run bench:editor`.
 */
import { applyNodeChanges, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { annotate, compile, type Annotations, type Circuit, type CompiledCircuit } from '../../src/engine/index.ts';
import { formatNumber } from '../../src/editor/numbers.ts';
import { parseCircuit } from '../../src/format/index.ts';
import { baselineLabel, EDITED_INPUT } from './circuits.ts';

function flowOf(circuit: Circuit, numbers: Annotations): { nodes: Node[]; edges: Edge[] } {
  return {
    nodes: circuit.nodes.map((n) => ({
      id: n.id,
      position: n.position ?? { x: 0, y: 0 },
      data: { label: `${n.label ?? n.id} ${n.type}: ${formatNumber(numbers.nodes[n.id]?.value ?? null)}` },
      ...(n.type === 'input' ? { type: 'input' } : {}),
    })),
    edges: circuit.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: baselineLabel(numbers.edges[e.id]?.value ?? null, numbers.edges[e.id]?.grad ?? null),
    })),
  };
}

function Baseline() {
  const [flow, setFlow] = useState<{ nodes: Node[]; edges: Edge[] }>({ nodes: [], edges: [] });
  const [text, setText] = useState('');
  const held = useRef<{ circuit: Circuit; compiled: CompiledCircuit; index: number } | null>(null);
  const rf = useReactFlow();

  const open = useCallback(
    async (file: File) => {
      const parsed = parseCircuit(await file.text());
      if (!parsed.ok) throw new Error(parsed.error);
      const compiled = compile(parsed.value);
      if (!compiled.ok) throw new Error(compiled.error);
      compiled.value.run();
      const index = parsed.value.nodes.findIndex((n) => n.id === EDITED_INPUT);
      held.current = { circuit: parsed.value, compiled: compiled.value, index };
      setText(String(parsed.value.nodes[index]?.value ?? ''));
      setFlow(flowOf(parsed.value, annotate(parsed.value, compiled.value)));
      requestAnimationFrame(() => void rf.fitView({ padding: 0.15 }));
    },
    [rf],
  );

  const edit = (value: string) => {
    setText(value);
    const v = Number(value);
    const h = held.current;
    if (!h || value.trim() === '' || !Number.isFinite(v)) return;
    h.compiled.setValue(h.index, v);
    h.compiled.run();
    setFlow(flowOf(h.circuit, annotate(h.circuit, h.compiled)));
  };

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    setFlow((flow) => ({ ...flow, nodes: applyNodeChanges(changes, flow.nodes) }));
  }, []);

  return (
    <>
      <div className="bar">
        <input type="file" data-testid="open-file" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        <input data-testid={`input-value-${EDITED_INPUT}`} value={text} onChange={(e) => edit(e.target.value)} />
      </div>
      <ReactFlow nodes={flow.nodes} edges={flow.edges} onNodesChange={onNodesChange} fitView minZoom={0.05} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Baseline />
  </ReactFlowProvider>,
);
