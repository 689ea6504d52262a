/**
 * The edits a user makes to a circuit, as functions over an immer draft (or any mutable circuit), and the
 * checks that refuse a wire before it is drawn. Refusals are messages in the format's words.
 */
import { gateType, type Circuit, type CircuitEdge, type CircuitNode, type Position } from '../engine/index.ts';
import { forgetRemovedNodes } from './learn/setup.ts';

export interface Wire {
  source: string;
  target: string;
  targetHandle: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A fresh id: inputs get free single letters first, as in the guide; gates their type and a number. */
export function freshId(taken: ReadonlySet<string>, type: string): string {
  if (type === 'input') {
    for (const letter of LETTERS) if (!taken.has(letter)) return letter;
  }
  const prefix = type === 'input' ? 'in' : type;
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function freshEdgeId(taken: ReadonlySet<string>): string {
  for (let n = taken.size + 1; ; n++) if (!taken.has(`e${n}`)) return `e${n}`;
}

export function newGate(type: string, id: string, position: Position): CircuitNode {
  return type === 'input' ? { id, type, value: 1, position } : { id, type, position };
}

/** Why this wire may not be drawn, or null when it may. `replacing` is a wire it replaces, left out of the check. */
export function wireRefusal(circuit: Circuit, wire: Wire, replacing?: string): string | null {
  const target = circuit.nodes.find((n) => n.id === wire.target);
  const source = circuit.nodes.find((n) => n.id === wire.source);
  if (!target || !source) return `no node "${!source ? wire.source : wire.target}"`;
  if (target.type === 'input') return `"${wire.target}" is an input and takes no wire`;
  const gate = gateType(target.type);
  if (!gate?.inputs.includes(wire.targetHandle)) return `${target.type} gate "${target.id}" has no port "${wire.targetHandle}"`;
  const path = pathBetween(circuit.edges, wire.target, wire.source, replacing);
  if (path) return `that wire would make a cycle: ${[wire.source, ...path].join(' -> ')}`;
  return null;
}

/** Node ids on a path of wires from `from` to `to` (both included), or null when there is none. */
function pathBetween(edges: readonly CircuitEdge[], from: string, to: string, skip?: string): string[] | null {
  if (from === to) return [from];
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (e.id === skip) continue;
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of out.get(v) ?? []) {
      if (parent.has(w)) continue;
      parent.set(w, v);
      if (w === to) {
        const path = [to];
        for (let u = to; u !== from; ) path.unshift((u = parent.get(u)!));
        return path;
      }
      queue.push(w);
    }
  }
  return null;
}

/** Draws a wire, replacing whatever already feeds that port. Returns the new wire's id. */
export function connect(draft: Circuit, wire: Wire): string {
  const taken = new Set(draft.edges.map((e) => e.id));
  draft.edges = draft.edges.filter((e) => !(e.target === wire.target && e.targetHandle === wire.targetHandle));
  const id = freshEdgeId(taken);
  draft.edges.push({ id, source: wire.source, target: wire.target, targetHandle: wire.targetHandle });
  return id;
}

/** Removes gates and wires; wires into or out of a removed gate go with it, and so does an output it was. */
export function removeItems(draft: Circuit, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void {
  if (nodeIds.size > 0) draft.nodes = draft.nodes.filter((n) => !nodeIds.has(n.id));
  draft.edges = draft.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
  if (draft.output !== undefined && nodeIds.has(draft.output)) delete draft.output;
  if (nodeIds.size > 0) forgetRemovedNodes(draft);
}

/** Copied gates and the wires among them. */
export interface Fragment {
  nodes: CircuitNode[];
  edges: CircuitEdge[];
}

export function fragmentOf(circuit: Circuit, nodeIds: ReadonlySet<string>): Fragment {
  return {
    nodes: circuit.nodes.filter((n) => nodeIds.has(n.id)).map((n) => structuredClone(n)),
    edges: circuit.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)).map((e) => ({ ...e })),
  };
}

/** Adds a copy of a fragment under fresh ids, shifted by `offset`; returns the new gates' ids. */
export function paste(draft: Circuit, fragment: Fragment, offset: Position): string[] {
  const takenNodes = new Set(draft.nodes.map((n) => n.id));
  const takenEdges = new Set(draft.edges.map((e) => e.id));
  const rename = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = freshId(takenNodes, node.type);
    takenNodes.add(id);
    rename.set(node.id, id);
    const position = node.position ?? { x: 0, y: 0 };
    const copy: CircuitNode = { ...structuredClone(node), id, position: { x: position.x + offset.x, y: position.y + offset.y } };
    draft.nodes.push(copy);
  }
  for (const edge of fragment.edges) {
    const source = rename.get(edge.source);
    const target = rename.get(edge.target);
    if (!source || !target) continue;
    const id = freshEdgeId(takenEdges);
    takenEdges.add(id);
    draft.edges.push({ id, source, target, targetHandle: edge.targetHandle });
  }
  return [...rename.values()];
}

/** Node id → its wired input ports, comma-joined in port order: what each gate needs to mark its open ports. */
export function wiredPorts(circuit: Circuit): Record<string, string> {
  const wired: Record<string, string[]> = {};
  for (const e of circuit.edges) (wired[e.target] ??= []).push(e.targetHandle);
  const result: Record<string, string> = {};
  for (const [id, ports] of Object.entries(wired)) result[id] = ports.sort().join(',');
  return result;
}
