import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topologicalOrder } from './topo.ts';

const edges = (pairs: [number, number][]) => ({
  from: Int32Array.from(pairs.map((p) => p[0])),
  to: Int32Array.from(pairs.map((p) => p[1])),
});

function assertTopological(n: number, from: Int32Array, to: Int32Array, order: Int32Array) {
  expect(order.length).toBe(n);
  const position = new Int32Array(n).fill(-1);
  order.forEach((v, k) => {
    if (position[v] !== -1) expect.fail(`node ${v} appears twice`);
    position[v] = k;
  });
  for (let e = 0; e < from.length; e++) {
    if (!(position[from[e]] < position[to[e]])) expect.fail(`edge ${from[e]} -> ${to[e]} is out of order`);
  }
}

describe('topologicalOrder', () => {
  it('orders a 1,000,000-node chain without overflowing the stack, in well under a second', () => {
    const n = 1_000_000;
    const from = new Int32Array(n - 1);
    const to = new Int32Array(n - 1);
    for (let k = 0; k < n - 1; k++) {
      from[k] = k;
      to[k] = k + 1;
    }
    const start = performance.now();
    const result = topologicalOrder(n, from, to);
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error('no cycle expected');
    expect(elapsed).toBeLessThan(1000);
    expect(result.order.every((v, k) => v === k)).toBe(true);
  });

  it('orders a 1,000,000-node chain numbered backwards (node k reads node k + 1)', () => {
    const n = 1_000_000;
    const from = new Int32Array(n - 1);
    const to = new Int32Array(n - 1);
    for (let k = 0; k < n - 1; k++) {
      from[k] = k + 1;
      to[k] = k;
    }
    const result = topologicalOrder(n, from, to);
    if (!result.ok) throw new Error('no cycle expected');
    expect(result.order[0]).toBe(n - 1);
    expect(result.order[n - 1]).toBe(0);
    assertTopological(n, from, to, result.order);
  });

  it("visits a gate's inputs in port order, each input just before its first reader", () => {
    // Node 2 reads node 1 on port 0 and node 0 on port 1; node 3 reads 2 and 0.
    const { from, to } = edges([[0, 2], [1, 2], [2, 3], [0, 3]]);
    const port = Uint8Array.from([1, 0, 0, 1]);
    const result = topologicalOrder(4, from, to, port);
    if (!result.ok) throw new Error('no cycle expected');
    expect(Array.from(result.order)).toEqual([1, 0, 2, 3]);
  });

  it('reports a two-node cycle in the direction values flow, first node repeated', () => {
    const { from, to } = edges([[0, 1], [1, 0]]);
    const result = topologicalOrder(2, from, to);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.cycle.length).toBe(3);
    expect(result.cycle[0]).toBe(result.cycle[2]);
    expect(new Set(result.cycle)).toEqual(new Set([0, 1]));
  });

  it('reports a self-loop as [v, v]', () => {
    const { from, to } = edges([[0, 1], [1, 1]]);
    const result = topologicalOrder(2, from, to);
    expect(result).toEqual({ ok: false, cycle: [1, 1] });
  });

  it('reports a longer cycle reached from a sink, with only the nodes on the cycle, along the wires', () => {
    // 0 -> 1 -> 2 -> 3 -> 1 is the cycle 1 -> 2 -> 3 -> 1; 3 -> 4 leads out of it to the sink 4.
    const pairs: [number, number][] = [[0, 1], [1, 2], [2, 3], [3, 1], [3, 4]];
    const { from, to } = edges(pairs);
    const result = topologicalOrder(5, from, to);
    if (result.ok) throw new Error('a cycle expected');
    const cycle = result.cycle;
    expect(cycle[0]).toBe(cycle[cycle.length - 1]);
    expect(new Set(cycle)).toEqual(new Set([1, 2, 3]));
    expect(cycle.length).toBe(4);
    for (let k = 0; k + 1 < cycle.length; k++) {
      expect(pairs.some(([s, t]) => s === cycle[k] && t === cycle[k + 1])).toBe(true);
    }
  });

  it('random DAGs (edges only from lower to higher, nodes relabelled at random): a valid order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 80 }),
            fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, raw, label]) => {
          const pairs = raw.filter(([a, b]) => a !== b).map(([a, b]): [number, number] => [label[Math.min(a, b)], label[Math.max(a, b)]]);
          const { from, to } = edges(pairs);
          const result = topologicalOrder(n, from, to);
          if (!result.ok) throw new Error(`cycle reported in a DAG: ${result.cycle}`);
          assertTopological(n, from, to, result.order);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
