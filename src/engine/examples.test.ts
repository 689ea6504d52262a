/**
 * The guide's circuits shipped in public/examples, each against the numbers the guide (the seeds) prints, and
 * against closed forms computed here independently of the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../format/index.ts';
import type { Circuit } from './circuit.ts';
import { checkGradients } from './gradcheck.ts';
import { updateCircuit } from './update.ts';
import { evaluated } from './testing/build.ts';

const DIR = 'public/examples';

function example(name: string): Circuit {
  const parsed = parseCircuit(readFileSync(`${DIR}/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Every node's value and grad by id. */
function run(circuit: Circuit) {
  const { annotations } = evaluated(circuit);
  const value = (id: string) => annotations.nodes[id].value!;
  const grad = (id: string) => annotations.nodes[id].grad!;
  return { annotations, value, grad };
}

function step(circuit: Circuit, h: number): Circuit {
  const updated = updateCircuit(circuit, h);
  if (!updated.ok) throw new Error(updated.error);
  return updated.value;
}

const valueOf = (circuit: Circuit, id: string) => circuit.nodes.find((n) => n.id === id)!.value!;

describe('the examples folder', () => {
  it('index.json lists every example file, and every listed file is a valid circuit', () => {
    const index = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as { file: string }[];
    const files = readdirSync(DIR).filter((f) => f.endsWith('.circuit.json'));
    expect(index.map((e) => e.file).sort()).toEqual(files.sort());
    for (const f of files) {
      const parsed = parseCircuit(readFileSync(`${DIR}/${f}`, 'utf8'));
      expect(parsed.ok, `${f}: ${parsed.ok ? '' : parsed.error}`).toBe(true);
    }
  });

  it.each(['multiply', 'add-multiply', 'neuron', 'svm-score', 'two-layer-net', 'svm-cost'])(
    '%s: every analytic gradient agrees with a central difference',
    (name) => {
      const c = example(name);
      const { compiled } = evaluated(c);
      const report = checkGradients(c, compiled, { wires: true });
      expect(report.rows.filter((r) => !r.ok)).toEqual([]);
      expect(report.rows.length).toBe(c.nodes.filter((n) => n.type === 'input').length + c.edges.length);
    },
  );
});

describe('x * y (multiply)', () => {
  it('at (-2, 3): -6, gradients (3, -2)', () => {
    const { value, grad } = run(example('multiply'));
    expect(value('f')).toBe(-6);
    expect(grad('x')).toBe(3);
    expect(grad('y')).toBe(-2);
  });

  it("one step of 0.01 along the analytic gradient: -5.8706, the guide's number", () => {
    const next = step(example('multiply'), 0.01);
    expect(valueOf(next, 'x')).toBe(-1.97);
    expect(valueOf(next, 'y')).toBe(2.98);
    expect(run(next).value('f')).toBeCloseTo(-5.8706, 12);
  });
});

describe('(x + y) * z (add-multiply)', () => {
  it('at (-2, 5, -4): -12, gradients (-4, -4, 3); q = 3', () => {
    const { value, grad } = run(example('add-multiply'));
    expect(value('f')).toBe(-12);
    expect(value('q')).toBe(3);
    expect([grad('x'), grad('y'), grad('z')]).toEqual([-4, -4, 3]);
    expect(grad('q')).toBe(-4);
  });

  it('one step of 0.01, every input moving with its gradient: q = 2.92, f = -11.5924', () => {
    const next = step(example('add-multiply'), 0.01);
    expect(valueOf(next, 'x')).toBe(-2 + 0.01 * -4);
    expect(valueOf(next, 'y')).toBe(5 + 0.01 * -4);
    expect(valueOf(next, 'z')).toBe(-4 + 0.01 * 3);
    const { value } = run(next);
    expect(value('q')).toBeCloseTo(2.92, 12);
    expect(value('f')).toBeCloseTo(-11.5924, 12);
  });
});

describe('the neuron σ(a·x + b·y + c)', () => {
  const sigma = (q: number) => 1 / (1 + Math.exp(-q));
  const [a, b, c, x, y] = [1, 2, -3, -1, 3];

  it('at a=1, b=2, c=-3, x=-1, y=3: 0.8807970779778823', () => {
    const { value } = run(example('neuron'));
    expect(value('axpbypc')).toBe(2);
    expect(value('s')).toBe(0.8807970779778823);
  });

  it("gradients from the closed form σ'(q)·(x, y, 1, a, b), and the seed's 5-digit values", () => {
    const { grad } = run(example('neuron'));
    const s = sigma(a * x + b * y + c);
    const ds = s * (1 - s);
    const expected = { a: x * ds, b: y * ds, c: ds, x: a * ds, y: b * ds };
    for (const [id, g] of Object.entries(expected)) expect(grad(id)).toBeCloseTo(g, 15);
    expect(grad('a')).toBeCloseTo(-0.10499, 5);
    expect(grad('b')).toBeCloseTo(0.31498, 5);
    expect(grad('c')).toBeCloseTo(0.10499, 5);
    expect(grad('x')).toBeCloseTo(0.10499, 5);
    expect(grad('y')).toBeCloseTo(0.20999, 5);
  });

  it("one step of 0.01 on all five inputs: 0.882550181622, the guide's 0.88255", () => {
    const next = step(example('neuron'), 0.01);
    const s = sigma(a * x + b * y + c);
    const ds = s * (1 - s);
    const moved = [a + 0.01 * x * ds, b + 0.01 * y * ds, c + 0.01 * ds, x + 0.01 * a * ds, y + 0.01 * b * ds];
    expect(['a', 'b', 'c', 'x', 'y'].map((id) => valueOf(next, id))).toEqual(moved);
    const out = run(next).value('s');
    const [a2, b2, c2, x2, y2] = moved;
    expect(out).toBeCloseTo(sigma(a2 * x2 + b2 * y2 + c2), 15);
    expect(out).toBeCloseTo(0.882550181622, 12);
    expect(out).toBeCloseTo(0.88255, 5);
  });
});

describe('the SVM score a·x + b·y + c on (1.2, 0.7)', () => {
  it('at a=1, b=-2, c=-1: score -1.2; pulled with +1 (label +1, score < 1): grads (x, y, 1) for (a, b, c), (a, b) for (x, y)', () => {
    const circuit = example('svm-score');
    expect(circuit.outputGrad).toBe(1);
    const { value, grad } = run(circuit);
    expect(value('score')).toBe(1 * 1.2 + -2 * 0.7 + -1);
    expect(value('score')).toBeCloseTo(-1.2, 15);
    expect([grad('a'), grad('b'), grad('c')]).toEqual([1.2, 0.7, 1]);
    expect([grad('x'), grad('y')]).toEqual([1, -2]);
  });

  it('pulled with -1 every gradient flips', () => {
    const { grad } = run({ ...example('svm-score'), outputGrad: -1 });
    expect([grad('a'), grad('b'), grad('c'), grad('x'), grad('y')]).toEqual([-1.2, -0.7, -1, -1, 2]);
  });

  it('a step moves the parameters a, b, c only (the data point is constant) and the score toward the pull', () => {
    for (const pull of [1, -1]) {
      const circuit = { ...example('svm-score'), outputGrad: pull };
      const next = step(circuit, 0.01);
      expect(valueOf(next, 'x')).toBe(1.2);
      expect(valueOf(next, 'y')).toBe(0.7);
      expect(valueOf(next, 'a')).toBe(1 + 0.01 * pull * 1.2);
      expect(valueOf(next, 'b')).toBe(-2 + 0.01 * pull * 0.7);
      expect(valueOf(next, 'c')).toBe(-1 + 0.01 * pull);
      const after = run(next).value('score');
      expect(Math.sign(after - run(circuit).value('score'))).toBe(pull);
    }
  });
});

describe('the 2-layer ReLU net (3 hidden neurons)', () => {
  const p = { x: 1.2, y: 0.7, a1: 0.3, b1: -0.2, c1: 0.1, a2: -0.4, b2: 0.5, c2: 0.2, a3: 0.1, b3: 0.25, c3: -0.3, a4: 0.5, b4: -0.3, c4: 0.4, d4: 0.1 };
  // The guide's forward pass.
  const n1 = Math.max(0, p.a1 * p.x + p.b1 * p.y + p.c1);
  const n2 = Math.max(0, p.a2 * p.x + p.b2 * p.y + p.c2);
  const n3 = Math.max(0, p.a3 * p.x + p.b3 * p.y + p.c3);
  const score = p.a4 * n1 + p.b4 * n2 + p.c4 * n3 + p.d4;

  it('has the parameters the test assumes', () => {
    const c = example('two-layer-net');
    for (const [id, v] of Object.entries(p)) expect(valueOf(c, id)).toBe(v);
  });

  it("score = a4·n1 + b4·n2 + c4·n3 + d4 = 0.239; the third neuron does not fire", () => {
    const { value } = run(example('two-layer-net'));
    expect([value('n1'), value('n2'), value('n3')]).toEqual([n1, n2, n3]);
    expect(n3).toBe(0);
    expect(value('z3')).toBeLessThan(0);
    expect(value('score')).toBe(score);
    expect(value('score')).toBeCloseTo(0.239, 15);
  });

  it("gradients as the guide's hand-written backward pass computes them (pull +1)", () => {
    const { grad } = run(example('two-layer-net'));
    const dscore = 1;
    const dn1 = n1 > 0 ? p.a4 * dscore : 0;
    const dn2 = n2 > 0 ? p.b4 * dscore : 0;
    const dn3 = n3 > 0 ? p.c4 * dscore : 0;
    const expected: Record<string, number> = {
      a4: n1 * dscore, b4: n2 * dscore, c4: n3 * dscore, d4: dscore,
      a1: p.x * dn1, b1: p.y * dn1, c1: dn1,
      a2: p.x * dn2, b2: p.y * dn2, c2: dn2,
      a3: p.x * dn3, b3: p.y * dn3, c3: dn3,
    };
    for (const [id, g] of Object.entries(expected)) expect(grad(id), id).toBeCloseTo(g, 15);
    expect([grad('a3'), grad('b3'), grad('c3'), grad('c4')]).toEqual([0, 0, 0, 0]);
    expect(grad('a1')).toBeCloseTo(0.6, 15);
    expect(grad('b2')).toBeCloseTo(-0.21, 15);
  });
});

describe('the SVM cost: hinge loss over three examples + L2 (α = 0.1)', () => {
  const X = [[1.2, 0.7], [-0.3, 0.5], [3, 2.5]];
  const Y = [1, -1, 1];
  const alpha = 0.1;
  const cost = (w: number[]) => {
    let total = 0;
    for (let i = 0; i < 3; i++) total += Math.max(0, -Y[i] * (w[0] * X[i][0] + w[1] * X[i][1] + w[2]) + 1);
    return total + alpha * (w[0] * w[0] + w[1] * w[1]);
  };

  it("at w = (0.1, 0.2, 0.3): scores 0.56, 0.37, 1.1; costs 0.44, 1.37, 0; regularization 0.005; total 1.815", () => {
    const { value } = run(example('svm-cost'));
    expect(value('score0')).toBeCloseTo(0.56, 15);
    expect(value('score1')).toBeCloseTo(0.37, 15);
    expect(value('score2')).toBeCloseTo(1.1, 15);
    expect(value('cost0')).toBeCloseTo(0.44, 15);
    expect(value('cost1')).toBeCloseTo(1.37, 15);
    expect(value('cost2')).toBe(0);
    expect(value('reg')).toBeCloseTo(0.005, 15);
    expect(value('total')).toBeCloseTo(1.815, 14);
    expect(value('total')).toBeCloseTo(cost([0.1, 0.2, 0.3]), 15);
  });

  it('pulled with -1: gradients are minus the derivative of the cost, (1.48, 0.16, 0); the data are constants', () => {
    const circuit = example('svm-cost');
    expect(circuit.outputGrad).toBe(-1);
    const { grad } = run(circuit);
    // dL/dw = Σ over examples with a positive margin of -y_i·(x_i, 1), plus 2α(w0, w1, 0).
    expect(grad('w0')).toBeCloseTo(-(-1 * 1.2 + 1 * -0.3 + 2 * alpha * 0.1), 15);
    expect(grad('w1')).toBeCloseTo(-(-1 * 0.7 + 1 * 0.5 + 2 * alpha * 0.2), 15);
    expect(grad('w2')).toBeCloseTo(0, 15);
    expect(grad('w0')).toBeCloseTo(1.48, 14);
    expect(grad('w1')).toBeCloseTo(0.16, 14);
    const next = step(circuit, 0.01);
    for (const id of ['x0_0', 'x0_1', 'x1_0', 'x1_1', 'x2_0', 'x2_1', 'ny0', 'ny1', 'ny2', 'one', 'zero', 'alpha']) {
      expect(valueOf(next, id)).toBe(valueOf(circuit, id));
    }
  });

  it('one step of 0.01 lowers the cost to the closed form at the moved weights', () => {
    const next = step(example('svm-cost'), 0.01);
    const w = ['w0', 'w1', 'w2'].map((id) => valueOf(next, id));
    expect(w[0]).toBeCloseTo(0.1 + 0.01 * 1.48, 15);
    expect(w[1]).toBeCloseTo(0.2 + 0.01 * 0.16, 15);
    expect(w[2]).toBeCloseTo(0.3, 15);
    const total = run(next).value('total');
    expect(total).toBeCloseTo(cost(w), 14);
    expect(total).toBeLessThan(1.815);
  });
});
