/**
 * Topological order of a graph given as parallel arrays of edge endpoints (node indices).
 *
 * The order is a depth-first post-order from the sinks, taking each gate's inputs in port order: every input is
 * placed just before the first gate that reads it, and each gate right after its inputs. For σ(a·x + b·y + c)
 * that is a, x, a·x, b, y, b·y, +, c, +, σ — the order in which the guide computes it, and so the order in which
 * a learner steps through it. The walk keeps its own stack, with no recursion: a million-gate chain must not
 * overflow the call stack.
 */

export type TopoResult = { ok: true; order: Int32Array } | { ok: false; cycle: number[] };

const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

/**
 * @param port optional port index per edge: a node's inputs are visited in port order (else in edge order).
 * A cycle is reported as the node indices on it in the direction values flow, the first repeated at the end.
 */
export function topologicalOrder(nodeCount: number, from: Int32Array, to: Int32Array, port?: Uint8Array): TopoResult {
  const { start, pred } = predecessors(nodeCount, from, to, port);
  const hasSuccessor = new Uint8Array(nodeCount);
  for (let e = 0; e < from.length; e++) hasSuccessor[from[e]] = 1;

  const state = new Uint8Array(nodeCount);
  const order = new Int32Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  // Per node on the stack: the next of its predecessors to visit.
  const cursor = new Int32Array(nodeCount);
  let emitted = 0;

  // Sinks first, so that every node is reached from the gate that uses it; then whatever is left (on cycles).
  for (let pass = 0; pass < 2; pass++) {
    for (let root = 0; root < nodeCount; root++) {
      if (state[root] !== UNSEEN || (pass === 0 && hasSuccessor[root])) continue;
      let top = 0;
      stack[0] = root;
      state[root] = ON_PATH;
      cursor[root] = start[root];
      while (top >= 0) {
        const v = stack[top];
        if (cursor[v] < start[v + 1]) {
          const p = pred[cursor[v]++];
          if (state[p] === UNSEEN) {
            state[p] = ON_PATH;
            cursor[p] = start[p];
            stack[++top] = p;
          } else if (state[p] === ON_PATH) {
            return { ok: false, cycle: cycleOnStack(stack, top, p) };
          }
        } else {
          state[v] = DONE;
          order[emitted++] = v;
          top--;
        }
      }
    }
  }
  return { ok: true, order };
}

/** Predecessor lists in compressed form: the inputs of node v are `pred[start[v] .. start[v + 1]]`. */
function predecessors(nodeCount: number, from: Int32Array, to: Int32Array, port?: Uint8Array) {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < to.length; e++) start[to[e] + 1]++;
  for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, nodeCount);
  const pred = new Int32Array(to.length);
  let maxPort = 0;
  if (port) for (let e = 0; e < port.length; e++) maxPort = Math.max(maxPort, port[e]);
  for (let p = 0; p <= maxPort; p++) {
    for (let e = 0; e < to.length; e++) {
      if (!port || port[e] === p) pred[fill[to[e]]++] = from[e];
    }
  }
  return { start, pred };
}

/**
 * The stack holds a path in which each node reads the next; `p`, already on the stack, feeds the top. So values
 * flow p → stack[top] → stack[top − 1] → … → p.
 */
function cycleOnStack(stack: Int32Array, top: number, p: number): number[] {
  const cycle = [p];
  for (let k = top; k >= 0 && stack[k] !== p; k--) cycle.push(stack[k]);
  cycle.push(p);
  return cycle;
}
