import { readFileSync } from 'node:fs';
import { clashes, gateBox, USUAL_GATE } from './placement.ts';
import { describe, expect, it } from 'vitest';
import { layeredCircuit } from '../../bench/editor/circuits.ts';
import { annotate, compile, type Circuit } from '../engine/index.ts';
import { parseCircuit, serializeCircuit } from '../format/index.ts';
import { AUTOSAVE_KEY, restore } from './storage.ts';
import { createEditorStore } from './store.ts';

function example(name: string): Circuit {
  const parsed = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The engine's numbers for a circuit, computed afresh: what the editor must show. */
function engineNumbers(circuit: Circuit) {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return annotate(circuit, compiled.value);
}

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('editor store', () => {
  it('annotates the neuron with the engine numbers', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const { annotations, circuit } = store.getState();
    expect(annotations).toEqual(engineNumbers(circuit));
    expect(annotations?.nodes.s.value).toBeCloseTo(0.8807970779778823, 15);
  });

  it('re-evaluates a value edit without compiling again, and matches a fresh compile', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const compiles = store.getState().compiles;
    store.getState().actions.setValue('x', 2.5);
    const { annotations, circuit } = store.getState();
    expect(store.getState().compiles).toBe(compiles);
    expect(circuit.nodes.find((n) => n.id === 'x')?.value).toBe(2.5);
    expect(annotations).toEqual(engineNumbers(circuit));
  });

  it('compiles again after a structural edit and marks ports downstream of an unwired one', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const compiles = store.getState().compiles;
    store.getState().actions.remove([], ['e1']);
    const state = store.getState();
    expect(state.compiles).toBe(compiles + 1);
    expect(state.wired.ax).toBe('b');
    expect(state.annotations?.nodes.ax.value).toBeNull();
    expect(state.annotations?.nodes.s.value).toBeNull();
    expect(state.annotations?.edges.e9.value).toBeNull();
    expect(state.annotations?.nodes.by.value).toBe(6);
  });

  it('refuses a wire that makes a cycle or enters an input, and changes nothing', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const before = store.getState().circuit;
    const cycle = store.getState().actions.connect({ source: 's', target: 'ax', targetHandle: 'a' });
    expect(cycle).toBe('that wire would make a cycle: s -> ax -> axpby -> axpbypc -> s');
    const intoInput = store.getState().actions.connect({ source: 'ax', target: 'a', targetHandle: 'x' });
    expect(intoInput).toMatch(/is an input and takes no wire/);
    expect(store.getState().circuit).toBe(before);
    expect(store.getState().notice?.kind).toBe('error');
  });

  it('replaces the wire into a port that is already wired', () => {
    const store = createEditorStore({ initial: example('neuron') });
    store.getState().actions.connect({ source: 'y', target: 'ax', targetHandle: 'a' });
    const into = store.getState().circuit.edges.filter((e) => e.target === 'ax' && e.targetHandle === 'a');
    expect(into).toHaveLength(1);
    expect(into[0].source).toBe('y');
    expect(store.getState().annotations?.nodes.ax.value).toBe(3 * -1);
  });

  it('a live move replaces only the moved nodes, one or several, and keeps the id index in step', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    const before = store.getState().circuit.nodes;
    a.moveLive([{ id: 'x', position: { x: 11, y: 12 } }]);
    a.moveLive([{ id: 'a', position: { x: 1, y: 2 } }, { id: 's', position: { x: 3, y: 4 } }, { id: 'nope', position: { x: 0, y: 0 } }]);
    const { circuit, nodeById } = store.getState();
    const moved = new Set(['x', 'a', 's']);
    circuit.nodes.forEach((node, k) => {
      expect(nodeById.get(node.id)).toBe(node);
      if (moved.has(node.id)) expect(node).not.toBe(before[k]);
      else expect(node).toBe(before[k]);
    });
    expect(nodeById.size).toBe(circuit.nodes.length);
    expect(nodeById.get('x')?.position).toEqual({ x: 11, y: 12 });
    expect(nodeById.get('a')?.position).toEqual({ x: 1, y: 2 });
    expect(nodeById.get('s')?.position).toEqual({ x: 3, y: 4 });
    a.endMove();
    a.undo();
    expect(store.getState().circuit.nodes.map((n) => n.position)).toEqual(before.map((n) => n.position));
  });

  it('a deferred autosave is written once, after the edits of a task, or at once when flushed', async () => {
    const storage = memoryStorage();
    let writes = 0;
    const counting = { getItem: storage.getItem, setItem: (k: string, v: string) => (writes++, storage.setItem(k, v)) };
    const store = createEditorStore({ initial: example('neuron'), storage: counting, deferSaves: true });
    const a = store.getState().actions;
    const saved = () => parseCircuit(storage.map.get(AUTOSAVE_KEY)!);
    writes = 0;
    a.setValue('x', 5);
    a.setValue('x', 6);
    expect(writes).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toBe(1);
    const first = saved();
    expect(first.ok && first.value.nodes.find((n) => n.id === 'x')?.value).toBe(6);
    a.setValue('x', 7);
    a.flushSave();
    expect(writes).toBe(2);
    const second = saved();
    expect(second.ok && second.value.nodes.find((n) => n.id === 'x')?.value).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toBe(2);
  });

  it('opening a circuit changes the circuit and `opened` in one update', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const seen: [boolean, boolean][] = [];
    store.subscribe((state, previous) => seen.push([state.circuit !== previous.circuit, state.opened !== previous.opened]));
    store.getState().actions.open(example('add-multiply'));
    expect(seen).toEqual([[true, true]]);
    seen.length = 0;
    store.getState().actions.open(store.getState().circuit);
    expect(seen).toEqual([[false, true]]);
  });

  it('undoes and redoes every kind of edit, moves included', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    const original = store.getState().circuit;
    a.setValue('a', 4);
    a.addGate('tanh', { x: 5, y: 5 });
    a.moveLive([{ id: 'x', position: { x: 10, y: 10 } }]);
    a.moveLive([{ id: 'x', position: { x: 20, y: 30 } }]);
    a.endMove();
    const edited = store.getState().circuit;
    a.undo();
    const at = (c: Circuit) => c.nodes.find((n) => n.id === 'x')?.position;
    expect(at(store.getState().circuit)).toEqual(at(original));
    a.undo();
    a.undo();
    expect(store.getState().circuit).toEqual(original);
    expect(store.getState().annotations).toEqual(engineNumbers(original));
    expect(store.getState().canUndo).toBe(false);
    a.redo();
    a.redo();
    a.redo();
    expect(store.getState().circuit).toEqual(edited);
    expect(store.getState().annotations).toEqual(engineNumbers(edited));
  });

  it('merges keystrokes in one field into one undo step until sealed', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    a.setValue('a', 1.5);
    a.setValue('a', 1.25);
    a.seal();
    a.setValue('a', 7);
    a.undo();
    expect(store.getState().circuit.nodes[0].value).toBe(1.25);
    a.undo();
    expect(store.getState().circuit.nodes[0].value).toBe(1);
  });

  it('pastes copies with fresh ids, keeping only the wires among the copied gates', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    a.select(['a', 'x', 'ax', 'axpby']);
    expect(a.copy()).toBe(4);
    a.paste();
    const { circuit, selectedNodes } = store.getState();
    expect(circuit.nodes).toHaveLength(14);
    const pasted = circuit.nodes.filter((n) => selectedNodes.has(n.id));
    expect(pasted.map((n) => n.type).sort()).toEqual(['add', 'input', 'input', 'mul']);
    const pastedEdges = circuit.edges.filter((e) => selectedNodes.has(e.target));
    expect(pastedEdges).toHaveLength(3);
    expect(pastedEdges.every((e) => selectedNodes.has(e.source))).toBe(true);
    const copyOfA = pasted.find((n) => n.type === 'add')!;
    const axpby = circuit.nodes.find((n) => n.id === 'axpby')!.position!;
    // Shifted by the step nearest (40, 40) that leaves every copy clear of every gate: (40, 40) itself would put the
    // copies on the originals.
    const shift = { x: copyOfA.position!.x - axpby.x, y: copyOfA.position!.y - axpby.y };
    const originals = circuit.nodes.filter((n) => !selectedNodes.has(n.id));
    const clearBy = (d: { x: number; y: number }) =>
      pasted.every((p) =>
        originals.every((o) => {
          const [px, py] = [p.position!.x - shift.x + d.x, p.position!.y - shift.y + d.y];
          return px >= o.position!.x + USUAL_GATE.width || o.position!.x >= px + USUAL_GATE.width || py >= o.position!.y + USUAL_GATE.height || o.position!.y >= py + USUAL_GATE.height;
        }),
      );
    expect(clearBy(shift)).toBe(true);
    expect(clearBy({ x: 40, y: 40 })).toBe(false);
    expect(Math.hypot(shift.x - 40, shift.y - 40)).toBeLessThan(400);
    // The copy of a·x has its value; the copied add gate misses its second input, so it has none.
    expect(store.getState().annotations?.nodes[copyOfA.id].value).toBeNull();
  });

  it('pastes all of a 1,000-gate circuit, and then a second copy, where neither covers a gate', () => {
    const store = createEditorStore({ initial: layeredCircuit(1000) });
    const a = store.getState().actions;
    a.selectAll();
    expect(a.copy()).toBe(1000);
    const originals = store.getState().circuit.nodes.map((n) => gateBox(n, {}));
    a.paste();
    const first = store.getState();
    expect(first.circuit.nodes).toHaveLength(2000);
    expect(first.circuit.edges).toHaveLength(2 * layeredCircuit(1000).edges.length);
    const copies = first.circuit.nodes.filter((n) => first.selectedNodes.has(n.id)).map((n) => gateBox(n, {}));
    expect(copies).toHaveLength(1000);
    // The plain check of every pair: no copy within the gap of any original.
    expect(clashes(copies, originals, { x: 0, y: 0 })).toBe(false);
    a.paste();
    const second = store.getState();
    const again = second.circuit.nodes.filter((n) => second.selectedNodes.has(n.id)).map((n) => gateBox(n, {}));
    expect(again).toHaveLength(1000);
    expect(clashes(again, [...originals, ...copies], { x: 0, y: 0 })).toBe(false);
  });

  it('duplicates a selection of a large circuit beside it, covering no gate', () => {
    const store = createEditorStore({ initial: layeredCircuit(300) });
    const a = store.getState().actions;
    a.select(store.getState().circuit.nodes.slice(0, 150).map((n) => n.id));
    const before = store.getState().circuit.nodes.map((n) => gateBox(n, {}));
    a.duplicate();
    const state = store.getState();
    const copies = state.circuit.nodes.filter((n) => state.selectedNodes.has(n.id)).map((n) => gateBox(n, {}));
    expect(copies).toHaveLength(150);
    expect(clashes(copies, before, { x: 0, y: 0 })).toBe(false);
  });

  it('dismisses the notice, or, given its serial, only that notice and not a newer one', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    a.notify('info', 'Opened one');
    const first = store.getState().notice!.serial;
    a.notify('info', 'Opened two');
    a.dismissNotice(first);
    expect(store.getState().notice?.text).toBe('Opened two');
    a.dismissNotice(store.getState().notice!.serial);
    expect(store.getState().notice).toBeNull();
    a.notify('error', 'refused');
    a.dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('removing the output gate clears the output', () => {
    const store = createEditorStore({ initial: example('neuron') });
    store.getState().actions.remove(['s'], []);
    const state = store.getState();
    expect(state.circuit.output).toBeUndefined();
    expect(state.evalError).toBeNull();
    expect(state.annotations?.output).toBe('axpbypc');
  });

  it('refuses an invalid file with the format message and leaves the circuit untouched', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const before = store.getState().circuit;
    const text = serializeCircuit(before).replace('"sigmoid"', '"sigmoyd"');
    expect(store.getState().actions.openText(text, 'bad.circuit.json')).toBe(false);
    expect(store.getState().circuit).toBe(before);
    expect(store.getState().notice?.text).toBe('bad.circuit.json was not opened: nodes[9].type: unknown gate "sigmoyd"');
  });

  it('opens a file without positions by laying it out, and the open is undoable', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const text = JSON.stringify({
      format: 'wiregrad/circuit', version: 1,
      nodes: [{ id: 'p', type: 'input', value: 2 }, { id: 'q', type: 'input', value: 3 }, { id: 'm', type: 'mul' }],
      edges: [{ id: 'e1', source: 'p', target: 'm', targetHandle: 'a' }, { id: 'e2', source: 'q', target: 'm', targetHandle: 'b' }],
    });
    expect(store.getState().actions.openText(text, 'p.circuit.json')).toBe(true);
    const { circuit, annotations } = store.getState();
    expect(circuit.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 120 }, { x: 230, y: 0 }]);
    expect(annotations?.nodes.m).toEqual({ value: 6, grad: 1 });
    store.getState().actions.undo();
    expect(store.getState().circuit.nodes).toHaveLength(10);
  });

  it('autosaves every edit in the file format and restores it', () => {
    const storage = memoryStorage();
    const store = createEditorStore({ initial: example('neuron'), storage });
    store.getState().actions.setValue('c', -1);
    store.getState().actions.rename('mine');
    const restored = restore(storage);
    expect(restored.circuit).toEqual(store.getState().circuit);
    storage.map.set(AUTOSAVE_KEY, '{ not json');
    const broken = restore(storage);
    expect(broken.circuit).toBeNull();
    expect(broken.circuit === null && broken.problem).toMatch(/could not be read \(not JSON/);
  });

  it('pulls with the chosen output gradient and output', () => {
    const store = createEditorStore({ initial: example('neuron') });
    const a = store.getState().actions;
    a.setOutputGrad(-2);
    expect(store.getState().annotations).toEqual(engineNumbers(store.getState().circuit));
    expect(store.getState().annotations?.nodes.s.grad).toBe(-2);
    a.setOutput('ax');
    expect(store.getState().annotations?.nodes.a.grad).toBe(-1 * -2);
    expect(store.getState().annotations?.nodes.s.grad).toBe(0);
  });
});
