/**
 * Every gate of the format's table: its forward value and each local gradient, checked through the engine (the
 * kernels' node gradients and the annotations' wire gradients) against formulas written here and against central
 * differences of those formulas.
 */
import { describe, expect, it } from 'vitest';
import { GATE_TYPES } from './gates.ts';
import { evaluated, oneGate } from './testing/build.ts';

/** The format's table, restated: ports, forward. */
const TABLE: Record<string, { ports: string[]; f: (a: number, b: number) => number; points: number[][] }> = {
  add: { ports: ['a', 'b'], f: (a, b) => a + b, points: [[-2, 3], [0.5, 1.25], [1e3, -7]] },
  sub: { ports: ['a', 'b'], f: (a, b) => a - b, points: [[-2, 3], [0.5, 1.25], [1e3, -7]] },
  mul: { ports: ['a', 'b'], f: (a, b) => a * b, points: [[-2, 3], [0.5, 1.25], [1e3, -7]] },
  div: { ports: ['a', 'b'], f: (a, b) => a / b, points: [[3, -2], [-1.5, 0.25], [7, 3]] },
  max: { ports: ['a', 'b'], f: (a, b) => Math.max(a, b), points: [[2, -1], [-1, 2], [-0.3, -0.7]] },
  min: { ports: ['a', 'b'], f: (a, b) => Math.min(a, b), points: [[2, -1], [-1, 2], [-0.3, -0.7]] },
  pow: { ports: ['a', 'b'], f: (a, b) => a ** b, points: [[2, 3], [1.5, -0.5], [0.3, 2.5], [4, 0.5]] },
  neg: { ports: ['x'], f: (x) => -x, points: [[-2], [0.7]] },
  sigmoid: { ports: ['x'], f: (x) => 1 / (1 + Math.exp(-x)), points: [[2], [-1.3], [0], [5]] },
  tanh: { ports: ['x'], f: (x) => Math.tanh(x), points: [[0.5], [-2], [0]] },
  relu: { ports: ['x'], f: (x) => (x > 0 ? x : 0), points: [[1.7], [-0.4]] },
  exp: { ports: ['x'], f: (x) => Math.exp(x), points: [[1], [-2.5], [0]] },
  log: { ports: ['x'], f: (x) => Math.log(x), points: [[2], [0.1], [10]] },
  abs: { ports: ['x'], f: (x) => (x < 0 ? -x : x), points: [[-3], [0.25]] },
};

/** ∂f/∂(port k) at `args` by a central difference. */
function central(f: (a: number, b: number) => number, args: number[], k: number): number {
  const h = 1e-6 * Math.max(1, Math.abs(args[k]));
  const up = [...args];
  const down = [...args];
  up[k] += h;
  down[k] -= h;
  return (f(up[0], up[1]) - f(down[0], down[1])) / (2 * h);
}

describe('the gate registry', () => {
  it("has exactly the format's gate types with the format's ports, in the table's order", () => {
    expect(GATE_TYPES.map((g) => [g.type, [...g.inputs]])).toEqual([
      ['input', []],
      ...Object.entries(TABLE).map(([type, { ports }]) => [type, ports]),
    ]);
  });
});

describe.each(Object.entries(TABLE))('gate %s', (type, { ports, f, points }) => {
  it.each(points)(`forward and local gradients at (%s, %s)`, (...args: number[]) => {
    const { annotations } = evaluated(oneGate(type, ports, args));
    expect(annotations.nodes.out.value).toBe(f(args[0], args[1]));
    expect(annotations.nodes.out.grad).toBe(1);
    ports.forEach((port, k) => {
      const numerical = central(f, args, k);
      // Through the backward kernel (the input's gradient) and through the annotation of the wire.
      for (const analytic of [annotations.nodes[port].grad!, annotations.edges[`e_${port}`].grad!]) {
        expect(Math.abs(analytic - numerical)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numerical)));
      }
    });
  });
});

describe('local gradients at exact points', () => {
  const grads = (type: string, ports: string[], args: number[]) => {
    const { annotations } = evaluated(oneGate(type, ports, args));
    return { value: annotations.nodes.out.value, grads: ports.map((p) => annotations.nodes[p].grad) };
  };

  it.each([
    ['add', ['a', 'b'], [-2, 3], 1, [1, 1]],
    ['sub', ['a', 'b'], [-2, 3], -5, [1, -1]],
    ['mul', ['a', 'b'], [-2, 3], -6, [3, -2]],
    ['div', ['a', 'b'], [1, 2], 0.5, [0.5, -0.25]],
    ['div', ['a', 'b'], [-3, 4], -0.75, [0.25, 0.1875]],
    ['max', ['a', 'b'], [2, -1], 2, [1, 0]],
    ['max', ['a', 'b'], [-1, 2], 2, [0, 1]],
    ['min', ['a', 'b'], [2, -1], -1, [0, 1]],
    ['min', ['a', 'b'], [-1, 2], -1, [1, 0]],
    ['pow', ['a', 'b'], [2, 3], 8, [12, 8 * Math.LN2]],
    ['pow', ['a', 'b'], [4, 0.5], 2, [0.25, 2 * Math.log(4)]],
    ['neg', ['x'], [-2], 2, [-1]],
    ['sigmoid', ['x'], [0], 0.5, [0.25]],
    ['tanh', ['x'], [0], 0, [1]],
    ['relu', ['x'], [1.5], 1.5, [1]],
    ['relu', ['x'], [-1.5], 0, [0]],
    ['exp', ['x'], [0], 1, [1]],
    ['log', ['x'], [1], 0, [1]],
    ['log', ['x'], [4], Math.log(4), [0.25]],
    ['abs', ['x'], [-2], 2, [-1]],
    ['abs', ['x'], [2], 2, [1]],
  ] as const)('%s%j → %s, gradients %j', (type, ports, args, value, expected) => {
    const r = grads(type, [...ports], [...args]);
    expect(r.value).toBe(value);
    expect(r.grads).toEqual(expected);
  });

  it('sigmoid and tanh use s(1 − s) and 1 − t² of their own output', () => {
    const s = 1 / (1 + Math.exp(-2));
    expect(grads('sigmoid', ['x'], [2]).grads[0]).toBe(s * (1 - s));
    const t = Math.tanh(-0.5);
    expect(grads('tanh', ['x'], [-0.5]).grads[0]).toBe(1 - t * t);
    expect(grads('exp', ['x'], [1.5]).grads[0]).toBe(Math.exp(1.5));
  });
});

describe('kinks: the conventions of the format', () => {
  it('max on a tie gives 1 to a and 0 to b', () => {
    const { annotations } = evaluated(oneGate('max', ['a', 'b'], [1.5, 1.5]));
    expect(annotations.nodes.out.value).toBe(1.5);
    expect([annotations.nodes.a.grad, annotations.nodes.b.grad]).toEqual([1, 0]);
    expect([annotations.edges.e_a.grad, annotations.edges.e_b.grad]).toEqual([1, 0]);
  });

  it('min on a tie gives 1 to a and 0 to b', () => {
    const { annotations } = evaluated(oneGate('min', ['a', 'b'], [-2, -2]));
    expect(annotations.nodes.out.value).toBe(-2);
    expect([annotations.nodes.a.grad, annotations.nodes.b.grad]).toEqual([1, 0]);
    expect([annotations.edges.e_a.grad, annotations.edges.e_b.grad]).toEqual([1, 0]);
  });

  it('abs at 0 has gradient 0', () => {
    const { annotations } = evaluated(oneGate('abs', ['x'], [0]));
    expect(annotations.nodes.out.value).toBe(0);
    expect(annotations.nodes.x.grad).toBe(0);
    expect(annotations.edges.e_x.grad).toBe(0);
  });

  it('relu at 0 has value 0 and gradient 0', () => {
    const { annotations } = evaluated(oneGate('relu', ['x'], [0]));
    expect(annotations.nodes.out.value).toBe(0);
    expect(annotations.nodes.x.grad).toBe(0);
    expect(annotations.edges.e_x.grad).toBe(0);
  });

  it('relu just above 0 passes the gradient, just below it does not', () => {
    expect(evaluated(oneGate('relu', ['x'], [Number.MIN_VALUE])).annotations.nodes.x.grad).toBe(1);
    expect(evaluated(oneGate('relu', ['x'], [-Number.MIN_VALUE])).annotations.nodes.x.grad).toBe(0);
  });
});
