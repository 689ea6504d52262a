/**
 * The editor's state: the circuit (immutable, edited through immer so every edit yields its patches for undo),
 * the engine's annotations of it, and what only the view needs (selection, measured sizes, notices).
 * Every edit goes through `edit`, which records history, re-evaluates as little as the edit requires and
 * autosaves; moves while dragging are applied live and recorded once, when the drag ends.
 */
import { applyPatches, enablePatches, original, produce, produceWithPatches, type Draft, type Patch } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Annotations, Circuit, CircuitNode, Position } from '../engine/index.ts';
import { parseCircuit } from '../format/index.ts';
import {
  connect as connectWire, fragmentOf, freshId, newGate, paste as pasteFragment, removeItems, wiredPorts, wireRefusal,
  type Fragment, type Wire,
} from './edits.ts';
import { Evaluation } from './evaluation.ts';
import { History } from './history.ts';
import { impactOf } from './impact.ts';
import { layoutMissing } from './layout.ts';
import { freeShift, gateBox } from './placement.ts';
import { save, type KeyValueStore } from './storage.ts';

enablePatches();

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Distinguishes two notices with the same text, so that each is shown afresh. */
  serial: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface EditorState {
  circuit: Circuit;
  /** The circuit's nodes by id; a node object stays the same object until an edit changes it. */
  nodeById: ReadonlyMap<string, CircuitNode>;
  annotations: Annotations | null;
  evalError: string | null;
  /** Node id → its wired ports, comma-joined. */
  wired: Record<string, string>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** Sizes React Flow measured, kept so that a node replaced by an edit is not measured (and hidden) again. */
  measured: Readonly<Record<string, Size>>;
  notice: Notice | null;
  canUndo: boolean;
  canRedo: boolean;
  snapToGrid: boolean;
  /** Bumped whenever a whole circuit is opened, so that the canvas fits it into view. */
  opened: number;
  /** How many times the circuit has been compiled: a value edit must not add to it. */
  compiles: number;
  actions: EditorActions;
}

type Recipe = (draft: Circuit) => void | Circuit;

export interface EditorActions {
  edit(recipe: Recipe, key?: string): void;
  seal(): void;
  addGate(type: string, position: Position): string;
  setValue(id: string, value: number, key?: string): void;
  setLabel(id: string, label: string): void;
  setTrainable(id: string, trainable: boolean): void;
  checkWire(wire: Wire, replacing?: string): string | null;
  connect(wire: Wire): string | null;
  reconnect(edgeId: string, wire: Wire): string | null;
  remove(nodeIds: Iterable<string>, edgeIds: Iterable<string>): void;
  deleteSelection(): void;
  moveLive(moves: { id: string; position: Position }[]): void;
  endMove(): void;
  setMeasured(sizes: { id: string; size: Size }[]): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  changeSelection(nodes: Record<string, boolean>, edges: Record<string, boolean>): void;
  selectAll(): void;
  copy(): number;
  cut(): void;
  paste(): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  open(circuit: Circuit, what?: string): void;
  openText(text: string, fileName: string): boolean;
  newCircuit(): void;
  rename(name: string): void;
  setOutput(id: string | null): void;
  setOutputGrad(value: number, key?: string): void;
  notify(kind: Notice['kind'], text: string): void;
  /** Writes a deferred autosave now. */
  flushSave(): void;
  /** Clears the notice; given a serial, only that notice (a timer set for it must not clear a newer one). */
  dismissNotice(serial?: number): void;
  toggleSnap(): void;
}

export interface EditorOptions {
  initial: Circuit;
  storage?: KeyValueStore | null;
  /** A notice to show at once, e.g. why the autosaved circuit could not be restored. */
  notice?: string;
  /** Save after the edit's task instead of within it (the app does; see `flushSave`). */
  deferSaves?: boolean;
}

export type EditorStore = StoreApi<EditorState>;

const PASTE_OFFSET = 40;

export function createEditorStore({ initial, storage = null, notice, deferSaves = false }: EditorOptions): EditorStore {
  const history = new History();
  const evaluation = new Evaluation();
  let clipboard: Fragment | null = null;
  let pastes = 0;
  let dragBase: Circuit | null = null;
  const dragged = new Set<string>();
  let serial = 0;
  let saveFailed = false;

  const start = layoutMissing(initial);
  const evaluated = evaluation.rebuild(start);
  // What is on screen is saved from the start, laid out, so that a reload shows the same picture.
  const startProblem = save(storage, start);

  return createStore<EditorState>()((set, get) => {
    const notify = (kind: Notice['kind'], text: string) => set({ notice: { kind, text, serial: ++serial } });

    const writeSave = (circuit: Circuit) => {
      const problem = save(storage, circuit);
      if (problem && !saveFailed) notify('error', problem);
      saveFailed = problem !== null;
    };

    // Deferred, the save runs in the task right after the edit's: the labels are written first, and a scrub that
    // edits several times before then is saved once. `flushSave` writes it at once (the page calls it on pagehide).
    let pendingSave: Circuit | null = null;
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    const flushSave = () => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      const circuit = pendingSave;
      pendingSave = null;
      if (circuit) writeSave(circuit);
    };
    const persist = (circuit: Circuit) => {
      if (!deferSaves) return writeSave(circuit);
      pendingSave = circuit;
      saveTimer ??= setTimeout(flushSave, 0);
    };

    /** `alongside` goes into the same update, so that no subscriber sees the new circuit without it. */
    const commit = (next: Circuit, patches: readonly Patch[], alongside: Partial<EditorState> = {}) => {
      const state = get();
      const impact = impactOf(patches);
      const result = evaluation.update(next, impact, { annotations: state.annotations, error: state.evalError });
      set({
        circuit: next,
        nodeById: byId(next),
        annotations: result.annotations,
        evalError: result.error,
        wired: impact.kind === 'structure' ? wiredPorts(next) : state.wired,
        canUndo: history.canUndo,
        canRedo: history.canRedo,
        compiles: evaluation.compileCount,
        ...alongside,
      });
      persist(next);
    };

    const edit = (recipe: Recipe, key?: string, alongside?: Partial<EditorState>) => {
      actions.endMove();
      const [next, patches, inverse] = produceWithPatches(get().circuit, recipe);
      if (patches.length === 0) {
        if (alongside) set(alongside);
        return;
      }
      history.push({ patches, inverse, key });
      commit(next, patches, alongside);
    };

    // Searched in the draft's base: reading every element of a draft array makes Immer create a draft for each.
    const indexOf = (draft: Draft<Circuit>, id: string) => original(draft)!.nodes.findIndex((n) => n.id === id);

    /** The shift nearest `wanted` that puts a fragment's copy clear of every gate on the canvas. */
    const clearShift = (fragment: Fragment, wanted: number): Position => {
      const { circuit, measured } = get();
      const box = (n: CircuitNode) => gateBox(n, measured);
      return freeShift(fragment.nodes.map(box), circuit.nodes.map(box), { x: wanted, y: wanted });
    };

    const actions: EditorActions = {
      edit,
      seal: () => history.seal(),

      addGate(type, position) {
        const id = freshId(new Set(get().circuit.nodes.map((n) => n.id)), type);
        edit((d) => {
          d.nodes.push(newGate(type, id, { x: Math.round(position.x), y: Math.round(position.y) }));
        });
        set({ selectedNodes: new Set([id]), selectedEdges: new Set() });
        return id;
      },

      setValue(id, value, key) {
        if (!Number.isFinite(value)) return;
        edit((d) => {
          const node = d.nodes[indexOf(d, id)];
          if (node && node.type === 'input' && node.value !== value) node.value = value;
        }, key ?? `value:${id}`);
      },

      setLabel(id, label) {
        edit((d) => {
          const node = d.nodes[indexOf(d, id)];
          if (!node) return;
          if (label.trim() === '' || label === node.id) delete node.label;
          else node.label = label;
        }, `label:${id}`);
      },

      setTrainable(id, trainable) {
        edit((d) => {
          const node = d.nodes[indexOf(d, id)];
          if (!node || node.type !== 'input') return;
          if (trainable) delete node.trainable;
          else node.trainable = false;
        });
      },

      checkWire: (wire, replacing) => wireRefusal(get().circuit, wire, replacing),

      connect(wire) {
        const refusal = wireRefusal(get().circuit, wire);
        if (refusal) {
          notify('error', `Wire refused: ${refusal}`);
          return refusal;
        }
        let id = '';
        edit((d) => {
          id = connectWire(d, wire);
        });
        set({ selectedNodes: new Set(), selectedEdges: new Set([id]) });
        return null;
      },

      reconnect(edgeId, wire) {
        const old = get().circuit.edges.find((e) => e.id === edgeId);
        if (!old) return `no wire "${edgeId}"`;
        if (old.source === wire.source && old.target === wire.target && old.targetHandle === wire.targetHandle) return null;
        const refusal = wireRefusal(get().circuit, wire, edgeId);
        if (refusal) {
          notify('error', `Wire refused: ${refusal}`);
          return refusal;
        }
        edit((d) => {
          d.edges = d.edges.filter((e) => e.id !== edgeId);
          connectWire(d, wire);
        });
        return null;
      },

      remove(nodeIds, edgeIds) {
        const nodes = new Set(nodeIds);
        const edges = new Set(edgeIds);
        if (nodes.size === 0 && edges.size === 0) return;
        edit((d) => removeItems(d, nodes, edges));
        const state = get();
        set({
          selectedNodes: new Set([...state.selectedNodes].filter((id) => !nodes.has(id))),
          selectedEdges: new Set([...state.selectedEdges].filter((id) => !edges.has(id))),
        });
      },

      deleteSelection() {
        const { selectedNodes, selectedEdges } = get();
        actions.remove(selectedNodes, selectedEdges);
      },

      moveLive(moves) {
        if (moves.length === 0) return;
        if (!dragBase) dragBase = get().circuit;
        for (const m of moves) dragged.add(m.id);
        const { circuit, nodeById } = get();
        // Touch only the moved nodes: a drag sends a move per mouse event, and a circuit may have thousands of gates.
        const index = moves.length === 1 ? null : new Map(circuit.nodes.map((n, k) => [n.id, k]));
        const next = produce(circuit, (d) => {
          for (const m of moves) {
            const k = index ? index.get(m.id) : circuit.nodes.findIndex((n) => n.id === m.id);
            if (k !== undefined && k >= 0) d.nodes[k].position = { x: m.position.x, y: m.position.y };
          }
        });
        const nextById = new Map(nodeById);
        for (const m of moves) {
          const node = next.nodes[index ? (index.get(m.id) ?? -1) : next.nodes.findIndex((n) => n.id === m.id)];
          if (node) nextById.set(m.id, node);
        }
        set({ circuit: next, nodeById: nextById });
      },

      endMove() {
        if (!dragBase) return;
        const base = dragBase;
        const current = new Map(get().circuit.nodes.map((n) => [n.id, n.position]));
        dragBase = null;
        const [, patches, inverse] = produceWithPatches(base, (d) => {
          for (const node of d.nodes) {
            const p = dragged.has(node.id) ? current.get(node.id) : undefined;
            if (p && (p.x !== node.position?.x || p.y !== node.position?.y)) node.position = { x: p.x, y: p.y };
          }
        });
        dragged.clear();
        if (patches.length === 0) return;
        history.push({ patches, inverse });
        set({ canUndo: history.canUndo, canRedo: history.canRedo });
        persist(get().circuit);
      },

      setMeasured(sizes) {
        if (sizes.length === 0) return;
        const measured = { ...get().measured };
        for (const { id, size } of sizes) measured[id] = size;
        set({ measured });
      },

      select(nodes, edges = []) {
        set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) });
      },

      changeSelection(nodeChanges, edgeChanges) {
        const state = get();
        const apply = (current: ReadonlySet<string>, changes: Record<string, boolean>) => {
          const keys = Object.keys(changes);
          if (keys.length === 0) return current;
          const next = new Set(current);
          for (const id of keys) {
            if (changes[id]) next.add(id);
            else next.delete(id);
          }
          return next;
        };
        set({ selectedNodes: apply(state.selectedNodes, nodeChanges), selectedEdges: apply(state.selectedEdges, edgeChanges) });
      },

      selectAll() {
        const { circuit } = get();
        actions.select(circuit.nodes.map((n) => n.id), circuit.edges.map((e) => e.id));
      },

      copy() {
        const { circuit, selectedNodes } = get();
        if (selectedNodes.size === 0) return 0;
        clipboard = fragmentOf(circuit, selectedNodes);
        pastes = 0;
        return clipboard.nodes.length;
      },

      cut() {
        if (actions.copy() > 0) actions.deleteSelection();
      },

      paste() {
        if (!clipboard) return;
        const fragment = clipboard;
        pastes++;
        const shift = clearShift(fragment, PASTE_OFFSET * pastes);
        let ids: string[] = [];
        edit((d) => {
          ids = pasteFragment(d, fragment, shift);
        });
        actions.select(ids);
      },

      duplicate() {
        const { circuit, selectedNodes } = get();
        if (selectedNodes.size === 0) return;
        const fragment = fragmentOf(circuit, selectedNodes);
        const shift = clearShift(fragment, PASTE_OFFSET);
        let ids: string[] = [];
        edit((d) => {
          ids = pasteFragment(d, fragment, shift);
        });
        actions.select(ids);
      },

      undo() {
        actions.endMove();
        const entry = history.undo();
        if (entry) commit(applyPatches(get().circuit, entry.inverse), entry.inverse);
      },

      redo() {
        actions.endMove();
        const entry = history.redo();
        if (entry) commit(applyPatches(get().circuit, entry.patches), entry.patches);
      },

      open(circuit, what) {
        const laidOut = layoutMissing(circuit);
        // One update: whoever keeps something about the circuit before (the Learn panel's check, say) must see the
        // new circuit and `opened` together, or it would redo its work on the new circuit first.
        edit(() => laidOut, undefined, { selectedNodes: new Set(), selectedEdges: new Set(), opened: get().opened + 1 });
        history.seal();
        if (what) notify('info', `Opened ${what}`);
      },

      openText(text, fileName) {
        const parsed = parseCircuit(text);
        if (!parsed.ok) {
          notify('error', `${fileName} was not opened: ${parsed.error}`);
          return false;
        }
        actions.open(parsed.value, fileName);
        return true;
      },

      newCircuit() {
        actions.open({ name: 'Untitled circuit', nodes: [], edges: [] });
      },

      rename(name) {
        edit((d) => {
          if (name === '') delete d.name;
          else d.name = name;
        }, 'name');
      },

      setOutput(id) {
        edit((d) => {
          if (id === null) delete d.output;
          else d.output = id;
        });
      },

      setOutputGrad(value, key) {
        if (!Number.isFinite(value)) return;
        edit((d) => {
          if (value === 1) delete d.outputGrad;
          else d.outputGrad = value;
        }, key ?? 'outputGrad');
      },

      notify,
      flushSave,
      dismissNotice(which) {
        const { notice } = get();
        if (notice && (which === undefined || notice.serial === which)) set({ notice: null });
      },
      toggleSnap: () => set({ snapToGrid: !get().snapToGrid }),
    };

    return {
      circuit: start,
      nodeById: byId(start),
      annotations: evaluated.annotations,
      evalError: evaluated.error,
      wired: wiredPorts(start),
      selectedNodes: new Set(),
      selectedEdges: new Set(),
      measured: {},
      notice: notice || startProblem ? { kind: 'error', text: (notice ?? startProblem)!, serial: ++serial } : null,
      canUndo: false,
      canRedo: false,
      snapToGrid: true,
      opened: 0,
      compiles: evaluation.compileCount,
      actions,
    };
  });
}

function byId(circuit: Circuit): Map<string, CircuitNode> {
  return new Map(circuit.nodes.map((n) => [n.id, n]));
}
