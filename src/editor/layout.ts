/**
 * Places the gates of a circuit that came without positions: a layered layout, inputs on the left and each
 * gate one column right of its deepest input, rows in the order of the file. Gates that have a position keep it.
 */
import type { Circuit, Position } from '../engine/index.ts';

export const COLUMN = 230;
export const ROW = 120;

export function layoutMissing(circuit: Circuit): Circuit {
  if (circuit.nodes.every((n) => n.position)) return circuit;
  const depth = new Map<string, number>();
  const sources = new Map<string, string[]>();
  for (const e of circuit.edges) {
    const list = sources.get(e.target);
    if (list) list.push(e.source);
    else sources.set(e.target, [e.source]);
  }
  // Iterative longest path from the inputs; the format has refused cycles already, so this ends.
  const depthOf = (start: string): number => {
    const stack: [string, boolean][] = [[start, false]];
    while (stack.length > 0) {
      const [id, expanded] = stack.pop()!;
      if (depth.has(id)) continue;
      const ins = sources.get(id) ?? [];
      if (expanded || ins.every((s) => depth.has(s))) {
        depth.set(id, ins.length === 0 ? 0 : Math.max(...ins.map((s) => depth.get(s) ?? 0)) + 1);
      } else {
        stack.push([id, true]);
        for (const s of ins) if (!depth.has(s)) stack.push([s, false]);
      }
    }
    return depth.get(start)!;
  };
  const rows = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const node of circuit.nodes) {
    if (node.position) continue;
    const column = depthOf(node.id);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, { x: column * COLUMN, y: row * ROW });
  }
  return { ...circuit, nodes: circuit.nodes.map((n) => (n.position ? n : { ...n, position: positions.get(n.id)! })) };
}
