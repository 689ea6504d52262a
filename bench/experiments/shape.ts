/**
 * A prototype, for the recompile experiment only: the format's shape checks (types and required fields of nodes
 * and edges, finite numbers) written as plain loops, reading the document in place where zod builds a copy.
 * It returns a place-naming message like the format layer's, or undefined.
 */
const isFinite = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function checkShape(doc: Record<string, unknown>): string | undefined {
  const { nodes, edges } = doc;
  if (!Array.isArray(nodes)) return 'nodes: expected an array';
  if (!Array.isArray(edges)) return 'edges: expected an array';
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k];
    if (!isObject(n)) return `nodes[${k}]: expected an object`;
    if (!isString(n.id) || n.id.length === 0) return `nodes[${k}].id: expected a non-empty string`;
    if (!isString(n.type)) return `nodes[${k}].type: expected a string`;
    if (n.value !== undefined && !isFinite(n.value)) return `nodes[${k}].value: expected a finite number`;
    if (n.trainable !== undefined && typeof n.trainable !== 'boolean') return `nodes[${k}].trainable: expected true or false`;
    if (n.label !== undefined && !isString(n.label)) return `nodes[${k}].label: expected a string`;
    const p = n.position;
    if (p !== undefined && !(isObject(p) && isFinite(p.x) && isFinite(p.y))) return `nodes[${k}].position: expected { x, y }`;
  }
  for (let e = 0; e < edges.length; e++) {
    const w = edges[e];
    if (!isObject(w)) return `edges[${e}]: expected an object`;
    if (!isString(w.id) || w.id.length === 0) return `edges[${e}].id: expected a non-empty string`;
    if (!isString(w.source)) return `edges[${e}].source: expected a string`;
    if (w.sourceHandle !== undefined && !isString(w.sourceHandle)) return `edges[${e}].sourceHandle: expected a string`;
    if (!isString(w.target)) return `edges[${e}].target: expected a string`;
    if (!isString(w.targetHandle)) return `edges[${e}].targetHandle: expected a string`;
  }
  return undefined;
}

/** The format's "edge ids are unique" rule, the one structural check analyse does not make. */
export function uniqueEdgeIds(edges: readonly { id: string }[]): boolean {
  const seen = new Set<string>();
  for (const edge of edges) {
    if (seen.has(edge.id)) return false;
    seen.add(edge.id);
  }
  return true;
}
