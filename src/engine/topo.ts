/**
 * Topological order of a graph given as parallel arrays of edge endpoints (node indices).
 * Kahn's algorithm over a compressed adjacency, with no recursion: a million-gate chain must not overflow the
 * stack.
 */

export type TopoResult = { ok: true; order: Int32Array } | { ok: false; cycle: number[] };

/** Successor lists in compressed form: successors of node v are `succ[start[v] .. start[v + 1]]`. */
export interface Adjacency {
  start: Int32Array;
  succ: Int32Array;
}

export function adjacency(nodeCount: number, from: Int32Array, to: Int32Array, reverse = false): Adjacency {
  const src = reverse ? to : from;
  const dst = reverse ? from : to;
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < src.length; e++) start[src[e] + 1]++;
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodeCount);
  const succ = new Int32Array(src.length);
  for (let e = 0; e < src.length; e++) succ[fill[src[e]]++] = dst[e];
  return { start, succ };
}

/**
 * Orders the nodes so that every edge goes from an earlier node to a later one. Among nodes that are ready at
 * the same time, lower indices come first, so the order is stable for a given file.
 */
export function topologicalOrder(nodeCount: number, from: Int32Array, to: Int32Array): TopoResult {
  const { start, succ } = adjacency(nodeCount, from, to);
  const indegree = new Int32Array(nodeCount);
  for (let e = 0; e < to.length; e++) indegree[to[e]]++;

  const order = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let k = start[v]; k < start[v + 1]; k++) {
      const w = succ[k];
      if (--indegree[w] === 0) order[tail++] = w;
    }
  }
  if (tail === nodeCount) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodeCount, from, to, indegree) };
}

/**
 * After Kahn's algorithm stops, every node left with a positive in-degree has a predecessor that is also left.
 * Walking predecessors from any such node must revisit one: the nodes between the two visits are a cycle.
 */
function findCycle(nodeCount: number, from: Int32Array, to: Int32Array, indegree: Int32Array): number[] {
  const pred = new Int32Array(nodeCount).fill(-1);
  for (let e = 0; e < to.length; e++) {
    if (indegree[to[e]] > 0 && indegree[from[e]] > 0) pred[to[e]] = from[e];
  }
  let v = indegree.findIndex((d) => d > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  while (!seenAt.has(v)) {
    seenAt.set(v, walk.length);
    walk.push(v);
    v = pred[v];
  }
  // walk runs against the edges; reverse it so the cycle reads in the direction values flow.
  const cycle = walk.slice(seenAt.get(v)).reverse();
  cycle.push(cycle[0]);
  return cycle;
}
