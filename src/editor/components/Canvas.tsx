/**
 * The canvas: React Flow, controlled by the store. Flow nodes and edges are derived from the circuit and cached
 * per circuit node, so an edit hands React Flow new objects only for what it changed.
 */
import {
  Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, useStore as useFlowStore,
  Position, type Connection, type Edge, type EdgeChange, type FinalConnectionState, type IsValidConnection, type NodeChange, type NodeHandle,
  type OnConnectEnd, type XYPosition,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { gateType, type CircuitEdge, type CircuitNode } from '../../engine/index.ts';
import { useActions, useEditor, useEditorStore } from '../context.ts';
import type { EditorState, Size } from '../store.ts';
import type { FlowNode, WireFlowEdge } from './flowTypes.ts';
import { GateNode } from './GateNode.tsx';
import { InputNode } from './InputNode.tsx';
import { Detail, DetailContext } from './detail.ts';
import { FrameMoves, type Move } from './frameMoves.ts';
import { LabelLayerContext } from './labelLayer.ts';
import { FIT_OPTIONS, HALF_GATE, MAX_ZOOM, MIN_ZOOM, useViewFollowsCircuit } from './useViewFollowsCircuit.ts';
import { WireEdge } from './WireEdge.tsx';
import { WireHooks } from './WireHooks.tsx';
import { useCanvasTabOrder } from './tabOrder.ts';
import { useDeclutter } from './declutter.ts';
import { Overview } from './Overview.tsx';
import { drawnInOverview, FAR_ZOOM, gatesInView, isOverview, OVERVIEW_GATES, portPoint } from './overview.ts';
import { USUAL_GATE } from '../placement.ts';

const nodeTypes = { gate: GateNode, inputGate: InputNode };
const edgeTypes = { wire: WireEdge };
const SNAP: [number, number] = [10, 10];
export const GATE_DRAG_TYPE = 'application/x-wiregrad-gate';
export { HALF_GATE };

interface CachedNode {
  position: CircuitNode['position'];
  selected: boolean;
  hidden: boolean;
  /** Whether it was made for the overview (then without port positions). */
  overview: boolean;
  flow: FlowNode;
}

/** The previous array where every element is the same object, so that React Flow sees no change at all. */
function sameOrNew<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && next.every((item, k) => item === previous[k]) ? previous : next;
}

/**
 * A selector deriving the flow nodes, with a cache per node: its result is the same array until a node moves,
 * appears, goes, or changes selection, so the canvas does not even re-render on a value edit. A size React Flow
 * measured makes no new object either: React Flow holds that size already, and handing it a thousand new nodes
 * when a circuit opens and its gates are measured cost a full second pass; a node made anew for another reason
 * carries its latest size, so that React Flow need not hide and measure it again.
 *
 * In the overview (see overview.ts) every gate but the inputs is hidden from React Flow, which then neither mounts
 * nor measures it; React Flow still holds it, for fitting the view and deleting the selection.
 */
function flowNodesSelector() {
  let byId = new Map<string, CachedNode>();
  let list: FlowNode[] = [];
  let inputs: [EditorState['circuit']['nodes'], EditorState['selectedNodes'], boolean] | null = null;
  return (state: EditorState, overview: boolean): FlowNode[] => {
    const { nodes } = state.circuit;
    const { selectedNodes: selected, measured } = state;
    if (inputs && inputs[0] === nodes && inputs[1] === selected && inputs[2] === overview) return list;
    inputs = [nodes, selected, overview];
    const next = new Map<string, CachedNode>();
    const flow = nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const hidden = overview && drawnInOverview(node);
      const size = measured[node.id];
      const hit = byId.get(node.id);
      const entry =
        hit && hit.position === node.position && hit.flow.data.type === node.type && hit.selected === isSelected && hit.hidden === hidden &&
        (hit.overview === overview || !!size)
          ? hit
          : {
              position: node.position,
              selected: isSelected,
              hidden,
              overview,
              flow: {
                id: node.id,
                type: node.type === 'input' ? 'inputGate' : 'gate',
                position: node.position ?? { x: 0, y: 0 },
                data: { type: node.type },
                selected: isSelected,
                hidden,
                // Until measured, a gate's usual size (the minimap draws a node only when its flow node has one) and,
                // outside the overview, where its ports would be: React Flow renders every node it has no port
                // positions for, in view or not, to measure it, which made a 1,000-gate circuit mount all its gates on
                // leaving the overview. (In the overview they go without: with them, its pans ran a frame long now and then.)
                ...(size
                  ? { measured: size }
                  : { initialWidth: 2 * HALF_GATE.x, initialHeight: 2 * HALF_GATE.y, ...(overview ? {} : { handles: usualHandles(node.type) }) }),
              } as FlowNode,
            };
      next.set(node.id, entry);
      return entry.flow;
    });
    byId = next;
    list = sameOrNew(list, flow);
    return list;
  };
}

/**
 * The flow edges, cached per wire as the nodes are. In the overview React Flow gets none: the overview draws them,
 * and a hidden edge would still cost React Flow a component and a position to work out on every pan.
 */
function flowEdgesSelector() {
  type Cached = { source: CircuitEdge; selected: boolean; flow: WireFlowEdge };
  let byId = new Map<string, Cached>();
  let list: WireFlowEdge[] = [];
  let inputs: [EditorState['circuit']['edges'], EditorState['selectedEdges']] | null = null;
  return (state: EditorState, overview: boolean): WireFlowEdge[] => {
    if (overview) return NO_EDGES;
    const { edges } = state.circuit;
    const selected = state.selectedEdges;
    if (inputs && inputs[0] === edges && inputs[1] === selected) return list;
    inputs = [edges, selected];
    const next = new Map<string, Cached>();
    const flow = edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const hit = byId.get(edge.id);
      const entry =
        hit && hit.source === edge && hit.selected === isSelected
          ? hit
          : {
              source: edge,
              selected: isSelected,
              flow: {
                id: edge.id, type: 'wire' as const, source: edge.source, sourceHandle: 'out',
                target: edge.target, targetHandle: edge.targetHandle, selected: isSelected,
              },
            };
      next.set(edge.id, entry);
      return entry.flow;
    });
    byId = next;
    list = sameOrNew(list, flow);
    return list;
  };
}

/** A port handle's box: 10 px and a 2 px border, centred on its point (styles.css). */
const HANDLE = 14;
const handlesByType = new Map<string, NodeHandle[]>();

/** Where a gate of this type has its ports at its usual size, as React Flow would measure them. */
function usualHandles(type: string): NodeHandle[] {
  let handles = handlesByType.get(type);
  if (!handles) {
    const box = { x: 0, y: 0, ...USUAL_GATE };
    const at = (port: string) => portPoint(box, type, port);
    handles = [
      ...(gateType(type)?.inputs ?? []).map((port) => ({ id: port, type: 'target' as const, position: Position.Left, x: at(port).x - HANDLE / 2, y: at(port).y - HANDLE / 2, width: HANDLE, height: HANDLE })),
      { id: 'out', type: 'source' as const, position: Position.Right, x: at('out').x - HANDLE / 2, y: at('out').y - HANDLE / 2, width: HANDLE, height: HANDLE },
    ];
    handlesByType.set(type, handles);
  }
  return handles;
}

const FIT_VIEW_OPTIONS = FIT_OPTIONS;
const NO_EDGES: WireFlowEdge[] = [];
const DEFAULT_EDGE_OPTIONS = { type: 'wire' };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

/** Labels grow back as the view zooms out, so that they stay readable; one CSS variable, no re-render per wire. */
function LabelScale({ target, detail }: { target: React.RefObject<HTMLDivElement | null>; detail: Detail }) {
  const zoom = useFlowStore((s) => s.transform[2]);
  useLayoutEffect(() => {
    const scale = zoom < 0.9 ? Math.min(0.9 / zoom, 2.2) : 1;
    target.current?.style.setProperty('--wire-label-scale', String(scale));
    target.current?.classList.toggle('canvas--far', zoom < FAR_ZOOM);
    detail.setFar(zoom < FAR_ZOOM);
  }, [zoom, target, detail]);
  return null;
}

interface Props {
  onOpenSearch(screen: XYPosition): void;
  onOpenFile(file: File): void;
}

export function Canvas({ onOpenSearch, onOpenFile }: Props) {
  const store = useEditorStore();
  const actions = useActions();
  const [selectNodes] = useState(flowNodesSelector);
  const [selectEdges] = useState(flowEdgesSelector);
  const opened = useEditor((s) => s.opened);
  const wrapper = useRef<HTMLDivElement>(null);
  // Below FAR_ZOOM text would be a few pixels tall: labels are hidden and gates show only their symbol; a large circuit is drawn as an overview.
  const zoomToCome = useViewFollowsCircuit(wrapper, opened);
  const circuitNodes = useEditor((s) => s.circuit.nodes);
  const measuredSizes = useEditor((s) => s.measured);
  const wasOverview = useRef(false);
  const overviewNow = useFlowStore(
    useCallback(
      (s: { transform: [number, number, number]; width: number; height: number }) => {
        const [x, y, zoom] = s.transform;
        // Counting only matters between FAR_ZOOM and the few gates of a close view; far out or small, it is skipped.
        const inView = circuitNodes.length < OVERVIEW_GATES || zoom < FAR_ZOOM ? 0 : gatesInView(circuitNodes, measuredSizes, { x, y, zoom, width: s.width, height: s.height });
        return isOverview(zoom, circuitNodes.length, inView, wasOverview.current);
      },
      [circuitNodes, measuredSizes],
    ),
  );
  // A circuit being opened will be fitted: every gate in view.
  const overview = zoomToCome === null ? overviewNow : isOverview(zoomToCome, circuitNodes.length, circuitNodes.length, false);
  wasOverview.current = overview;
  const nodes = useEditor(useCallback((s: EditorState) => selectNodes(s, overview), [selectNodes, overview]));
  const edges = useEditor(useCallback((s: EditorState) => selectEdges(s, overview), [selectEdges, overview]));
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const rf = useReactFlow();
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  const [detail] = useState(() => new Detail());
  const [frameMoves] = useState(() => new FrameMoves((moves) => actions.moveLive(moves)));
  useEffect(() => () => frameMoves.flush(), [frameMoves]);
  useCanvasTabOrder(wrapper);
  useDeclutter(wrapper);
  useEffect(() => {
    setLabelLayer(wrapper.current?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null);
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const dragging: Move[] = [];
      const settled: Move[] = [];
      const sizes: { id: string; size: Size }[] = [];
      const selection: Record<string, boolean> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          (change.dragging ? dragging : settled).push({ id: change.id, position: change.position });
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes.push({ id: change.id, size: change.dimensions });
        } else if (change.type === 'select') {
          selection[change.id] = change.selected;
        }
      }
      frameMoves.add(dragging);
      if (settled.length > 0) {
        frameMoves.flush();
        actions.moveLive(settled);
        actions.endMove();
      }
      actions.setMeasured(sizes);
      if (Object.keys(selection).length > 0) actions.changeSelection(selection, {});
    },
    [actions, frameMoves],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<WireFlowEdge>[]) => {
      const selection: Record<string, boolean> = {};
      for (const change of changes) if (change.type === 'select') selection[change.id] = change.selected;
      if (Object.keys(selection).length > 0) actions.changeSelection({}, selection);
    },
    [actions],
  );

  const isValidConnection: IsValidConnection<Edge> = useCallback(
    (c) => !!c.targetHandle && actions.checkWire({ source: c.source, target: c.target, targetHandle: c.targetHandle }) === null,
    [actions],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.targetHandle) actions.connect({ source: c.source, target: c.target, targetHandle: c.targetHandle });
    },
    [actions],
  );

  // A refused drop says why; a drop on a gate's body wires its first open port; a drop on an input says it takes none.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      if (!state.fromNode || !state.fromHandle) return;
      const fromOutput = state.fromHandle.type === 'source';
      if (state.isValid === false && state.toHandle && state.toNode) {
        const wire = fromOutput
          ? { source: state.fromNode.id, target: state.toNode.id, targetHandle: state.toHandle.id ?? '' }
          : { source: state.toNode.id, target: state.fromNode.id, targetHandle: state.fromHandle.id ?? '' };
        actions.connect(wire);
        return;
      }
      if (state.toHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const element = document.elementFromPoint(point.clientX, point.clientY);
      const targetId = element?.closest('.react-flow__node')?.getAttribute('data-id');
      if (!targetId || targetId === state.fromNode.id) return;
      const { circuit, wired } = store.getState();
      const target = circuit.nodes.find((n) => n.id === targetId);
      if (!target) return;
      if (!fromOutput) {
        actions.connect({ source: target.id, target: state.fromNode.id, targetHandle: state.fromHandle.id ?? '' });
        return;
      }
      const ports = gateType(target.type)?.inputs ?? [];
      if (ports.length === 0) {
        actions.connect({ source: state.fromNode.id, target: target.id, targetHandle: 'x' });
        return;
      }
      const taken = (wired[target.id] ?? '').split(',');
      const free = ports.find((p) => !taken.includes(p));
      if (free) actions.connect({ source: state.fromNode.id, target: target.id, targetHandle: free });
      else actions.notify('error', `Every port of "${target.id}" is wired: drop the wire on a port to replace its wire`);
    },
    [actions, store],
  );

  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      if (c.targetHandle) actions.reconnect(old.id, { source: c.source, target: c.target, targetHandle: c.targetHandle });
    },
    [actions],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: FlowNode[]; edges: Edge[] }) => {
      actions.remove(gone.map((n) => n.id), cut.map((e) => e.id));
    },
    [actions],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.types.includes(GATE_DRAG_TYPE) ? 'copy' : 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(GATE_DRAG_TYPE);
      if (type && gateType(type)) {
        const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        actions.addGate(type, { x: at.x - HALF_GATE.x, y: at.y - HALF_GATE.y });
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) onOpenFile(file);
    },
    [actions, rf, onOpenFile],
  );

  const onDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      if ((event.target as Element).classList.contains('react-flow__pane')) onOpenSearch({ x: event.clientX, y: event.clientY });
    },
    [onOpenSearch],
  );

  const onDragStop = useCallback(() => {
    frameMoves.flush();
    actions.endMove();
  }, [actions, frameMoves]);

  return (
    <div className={`canvas${overview ? ' canvas--overview' : ''}`} ref={wrapper} data-testid="canvas">
      <DetailContext.Provider value={detail}>
      <LabelLayerContext.Provider value={labelLayer}>
      <ReactFlow<FlowNode, WireFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        onDelete={onDelete}
        onNodeDragStop={onDragStop}
        onSelectionDragStop={onDragStop}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDoubleClick={onDoubleClick}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        colorMode="system"
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        aria-label="Circuit canvas"
      >
        <LabelScale target={wrapper} detail={detail} />
        {overview && <Overview wrapper={wrapper} frameMoves={frameMoves} snapToGrid={snapToGrid} />}
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        {/* The overview is a map itself, and the minimap would show only the inputs React Flow still holds visible. */}
        {!overview && <MiniMap pannable zoomable ariaLabel="Minimap of the circuit" nodeStrokeWidth={2} />}
        <Controls aria-label="Zoom and fit controls" fitViewOptions={FIT_VIEW_OPTIONS} />
      </ReactFlow>
      {overview && <WireHooks />}
      </LabelLayerContext.Provider>
      </DetailContext.Provider>
    </div>
  );
}
