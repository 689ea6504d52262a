/**
 * The format's "Evaluation" section, rule by rule: incomplete circuits, the choice of output, outputGrad, node
 * and edge annotations, accumulation, the parameter update, and NaN/Infinity that never throw.
 */
import { describe, expect, it } from 'vitest';
import type { Circuit } from './circuit.ts';
import { compile } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { applyUpdate, updateCircuit } from './update.ts';
import { evaluated, gate, input, wire } from './testing/build.ts';

/** (x + y) * z at (-2, 5, -4), wired as in the guide. */
function addMultiply(extra: Partial<Circuit> = {}): Circuit {
  return {
    nodes: [input('x', -2), input('y', 5), gate('q', 'add'), input('z', -4), gate('f', 'mul')],
    edges: [wire('x', 'q', 'a', 'e1'), wire('y', 'q', 'b', 'e2'), wire('q', 'f', 'a', 'e3'), wire('z', 'f', 'b', 'e4')],
    output: 'f',
    ...extra,
  };
}

describe('incomplete circuits', () => {
  // x = 2, y = 3; q = x + (unwired); f = q * y; s = -y.
  const incomplete = (output?: string): Circuit => ({
    nodes: [input('x', 2), input('y', 3), gate('q', 'add'), gate('f', 'mul'), gate('s', 'neg')],
    edges: [wire('x', 'q', 'a', 'xq'), wire('q', 'f', 'a', 'qf'), wire('y', 'f', 'b', 'yf'), wire('y', 's', 'x', 'ys')],
    ...(output === undefined ? {} : { output }),
  });

  it('an unwired port leaves that gate and everything downstream without a value; the rest is evaluated', () => {
    const { annotations } = evaluated(incomplete('s'));
    expect(annotations.nodes.q.value).toBeNull();
    expect(annotations.nodes.f.value).toBeNull();
    expect(annotations.nodes.x.value).toBe(2);
    expect(annotations.nodes.y.value).toBe(3);
    expect(annotations.nodes.s.value).toBe(-3);
    expect(annotations.edges.xq.value).toBe(2);
    expect(annotations.edges.qf.value).toBeNull();
    expect(annotations.edges.yf.value).toBe(3);
  });

  it('the backward pass still runs from an output that has a value; gates without one get gradient 0', () => {
    const { annotations } = evaluated(incomplete('s'));
    expect(annotations.output).toBe('s');
    expect(annotations.nodes.s.grad).toBe(1);
    expect(annotations.nodes.y.grad).toBe(-1);
    expect(annotations.edges.ys.grad).toBe(-1);
    for (const id of ['x', 'q', 'f']) expect(annotations.nodes[id].grad).toBe(0);
    for (const id of ['xq', 'qf', 'yf']) expect(annotations.edges[id].grad).toBe(0);
  });

  it('an output without a value means no backward pass: every grad is null, values still shown', () => {
    const { annotations, compiled } = evaluated(incomplete('f'));
    expect(compiled.hasBackward).toBe(false);
    expect(annotations.output).toBe('f');
    for (const a of Object.values(annotations.nodes)) expect(a.grad).toBeNull();
    for (const a of Object.values(annotations.edges)) expect(a.grad).toBeNull();
    expect(annotations.nodes.s.value).toBe(-3);
  });

  it('a gate with no wire at all has no value', () => {
    const { annotations } = evaluated({ nodes: [input('x', 1), gate('g', 'sigmoid')], edges: [], output: 'x' });
    expect(annotations.nodes.g).toEqual({ value: null, grad: 0 });
    expect(annotations.nodes.x).toEqual({ value: 1, grad: 1 });
  });
});

describe('choice of output', () => {
  it('uses the explicit output, even an intermediate gate; what lies after it gets gradient 0', () => {
    const { annotations } = evaluated(addMultiply({ output: 'q' }));
    expect(annotations.output).toBe('q');
    expect(annotations.nodes.q.grad).toBe(1);
    expect(annotations.nodes.x.grad).toBe(1);
    expect(annotations.nodes.y.grad).toBe(1);
    expect(annotations.nodes.z.grad).toBe(0);
    expect(annotations.nodes.f.grad).toBe(0);
    expect(annotations.nodes.f.value).toBe(-12);
    expect(annotations.edges.e3.grad).toBe(0);
    expect(annotations.edges.e4.grad).toBe(0);
  });

  it('an input can be the output: its grad is outputGrad, every other 0', () => {
    const { annotations } = evaluated(addMultiply({ output: 'z', outputGrad: -2 }));
    expect(annotations.nodes.z.grad).toBe(-2);
    for (const id of ['x', 'y', 'q', 'f']) expect(annotations.nodes[id].grad).toBe(0);
  });

  it('absent output: the one node no wire leaves', () => {
    const { annotations } = evaluated(addMultiply({ output: undefined }));
    expect(annotations.output).toBe('f');
    expect(annotations.nodes.x.grad).toBe(-4);
  });

  it('absent output with two nodes no wire leaves: no backward pass, grads null', () => {
    const c = addMultiply({ output: undefined });
    c.nodes.push(gate('n', 'neg'));
    c.edges.push(wire('q', 'n', 'x'));
    const { annotations, compiled } = evaluated(c);
    expect(annotations.output).toBeNull();
    expect(compiled.hasBackward).toBe(false);
    expect(annotations.nodes.f).toEqual({ value: -12, grad: null });
    expect(annotations.nodes.n).toEqual({ value: -3, grad: null });
    expect(annotations.edges.e1).toEqual({ value: -2, grad: null });
  });

  it('absent output, and an input no wire leaves besides the last gate: no single node, no backward pass', () => {
    const c = addMultiply({ output: undefined });
    c.nodes.push(input('lonely', 7));
    const { annotations } = evaluated(c);
    expect(annotations.output).toBeNull();
    expect(annotations.nodes.f.grad).toBeNull();
  });

  it('a circuit of one input: it is the output', () => {
    const { annotations } = evaluated({ nodes: [input('x', 4)], edges: [], outputGrad: 3 });
    expect(annotations).toEqual({ output: 'x', nodes: { x: { value: 4, grad: 3 } }, edges: {} });
  });

  it('an empty circuit evaluates to nothing, without throwing', () => {
    expect(evaluated({ nodes: [], edges: [] }).annotations).toEqual({ output: null, nodes: {}, edges: {} });
  });

  it('an output naming no node is refused', () => {
    expect(compile(addMultiply({ output: 'nope' }))).toEqual({ ok: false, error: 'output: no node "nope"' });
  });
});

describe('outputGrad', () => {
  it('defaults to 1', () => {
    const { annotations } = evaluated(addMultiply({ outputGrad: undefined }));
    expect([annotations.nodes.x.grad, annotations.nodes.y.grad, annotations.nodes.z.grad]).toEqual([-4, -4, 3]);
  });

  it('scales every gradient: -1 reverses them, 2.5 scales them, 0 zeroes them (not null)', () => {
    const g = (pull: number) => {
      const { annotations } = evaluated(addMultiply({ outputGrad: pull }));
      return [annotations.nodes.x.grad, annotations.nodes.y.grad, annotations.nodes.z.grad, annotations.nodes.f.grad];
    };
    expect(g(-1)).toEqual([4, 4, -3, -1]);
    expect(g(2.5)).toEqual([-10, -10, 7.5, 2.5]);
    // Zeros, not nulls (a pull of 0 is still a backward pass); -0 where IEEE says so.
    expect(g(0).map((v) => v === 0)).toEqual([true, true, true, true]);
  });
});

describe('annotations', () => {
  it("edge: value = its source's value, grad = target's grad × the local gradient of its own port", () => {
    const { annotations } = evaluated(addMultiply());
    expect(annotations.edges).toEqual({
      e1: { value: -2, grad: -4 },
      e2: { value: 5, grad: -4 },
      e3: { value: 3, grad: -4 },
      e4: { value: -4, grad: 3 },
    });
    expect(annotations.nodes).toEqual({
      x: { value: -2, grad: -4 },
      y: { value: 5, grad: -4 },
      q: { value: 3, grad: -4 },
      z: { value: -4, grad: 3 },
      f: { value: -12, grad: 1 },
    });
  });

  it('the two wires into sub carry +1 and -1 times the pull; into div 1/b and -a/b²', () => {
    const c: Circuit = {
      nodes: [input('a', 3), input('b', 2), gate('d', 'sub'), gate('r', 'div'), gate('out', 'mul'), input('k', 5)],
      edges: [wire('a', 'd', 'a', 'ad'), wire('b', 'd', 'b', 'bd'), wire('a', 'r', 'a', 'ar'), wire('b', 'r', 'b', 'br'),
        wire('d', 'out', 'a', 'do'), wire('r', 'out', 'b', 'ro')],
      output: 'out',
    };
    // out = (a - b) * (a / b) = 1 * 1.5
    const { annotations } = evaluated(c);
    expect(annotations.nodes.out.value).toBe(1.5);
    expect(annotations.nodes.d.grad).toBe(1.5); // ∂out/∂d = r
    expect(annotations.nodes.r.grad).toBe(1); // ∂out/∂r = d
    expect(annotations.edges.ad.grad).toBe(1.5);
    expect(annotations.edges.bd.grad).toBe(-1.5);
    expect(annotations.edges.ar.grad).toBe(0.5);
    expect(annotations.edges.br.grad).toBe(-0.75);
    expect(annotations.nodes.a.grad).toBe(2);
    expect(annotations.nodes.b.grad).toBe(-2.25);
    expect(annotations.nodes.k.grad).toBe(0); // an input wired to nothing
  });

  it('a gate with no path to the output has grad 0, and so has every wire into it', () => {
    const c = addMultiply();
    c.nodes.push(gate('side', 'exp'));
    c.edges.push(wire('x', 'side', 'x', 'toSide'));
    const { annotations } = evaluated(c);
    expect(annotations.nodes.side).toEqual({ value: Math.exp(-2), grad: 0 });
    expect(annotations.edges.toSide).toEqual({ value: -2, grad: 0 });
    expect(annotations.nodes.x.grad).toBe(-4);
  });

  it('an off-path gate whose local gradient is infinite does not spoil its source (its wire has grad 0)', () => {
    // z = 0 feeds the output and, off the path, log(z) whose local gradient 1/z is Infinity.
    const c: Circuit = {
      nodes: [input('z', 0), input('w', 2), gate('out', 'add'), gate('l', 'log')],
      edges: [wire('z', 'out', 'a', 'zo'), wire('w', 'out', 'b', 'wo'), wire('z', 'l', 'x', 'zl')],
      output: 'out',
    };
    const { annotations } = evaluated(c);
    expect(annotations.nodes.l.value).toBe(-Infinity);
    expect(annotations.edges.zl.grad).toBe(0);
    expect(annotations.nodes.z.grad).toBe(1);
  });
});

describe('accumulation', () => {
  it('fan-out: a value read by two gates receives the sum of both pulls', () => {
    // f = x*y + x*z at x=3, y=4, z=-5: ∂f/∂x = y + z = -1.
    const c: Circuit = {
      nodes: [input('x', 3), input('y', 4), input('z', -5), gate('xy', 'mul'), gate('xz', 'mul'), gate('f', 'add')],
      edges: [wire('x', 'xy', 'a', 'x1'), wire('y', 'xy', 'b'), wire('x', 'xz', 'a', 'x2'), wire('z', 'xz', 'b'),
        wire('xy', 'f', 'a'), wire('xz', 'f', 'b')],
    };
    const { annotations } = evaluated(c);
    expect(annotations.nodes.f.value).toBe(-3);
    expect(annotations.edges.x1.grad).toBe(4);
    expect(annotations.edges.x2.grad).toBe(-5);
    expect(annotations.nodes.x.grad).toBe(-1);
    expect(annotations.nodes.y.grad).toBe(3);
    expect(annotations.nodes.z.grad).toBe(3);
  });

  it('the same node into both ports of one gate: x*x has gradient 2x, each wire x', () => {
    const c: Circuit = { nodes: [input('x', 3), gate('sq', 'mul')], edges: [wire('x', 'sq', 'a', 'ea'), wire('x', 'sq', 'b', 'eb')] };
    const { annotations } = evaluated(c);
    expect(annotations.nodes.sq.value).toBe(9);
    expect(annotations.edges.ea.grad).toBe(3);
    expect(annotations.edges.eb.grad).toBe(3);
    expect(annotations.nodes.x.grad).toBe(6);
  });

  it('x/x: the wires pull 1/x and -1/x, which cancel', () => {
    const c: Circuit = { nodes: [input('x', 4), gate('r', 'div')], edges: [wire('x', 'r', 'a', 'ea'), wire('x', 'r', 'b', 'eb')] };
    const { annotations } = evaluated(c);
    expect(annotations.nodes.r.value).toBe(1);
    expect(annotations.edges.ea.grad).toBe(0.25);
    expect(annotations.edges.eb.grad).toBe(-0.25);
    expect(annotations.nodes.x.grad).toBe(0);
  });

  it('a diamond deep inside accumulates through both branches: f = (x+x)*(x*x) = 2x³, df/dx = 6x²', () => {
    const c: Circuit = {
      nodes: [input('x', -1.5), gate('s', 'add'), gate('p', 'mul'), gate('f', 'mul')],
      edges: [wire('x', 's', 'a'), wire('x', 's', 'b'), wire('x', 'p', 'a'), wire('x', 'p', 'b'), wire('s', 'f', 'a'), wire('p', 'f', 'b')],
    };
    const { annotations } = evaluated(c);
    expect(annotations.nodes.f.value).toBe(2 * -1.5 * -1.5 * -1.5);
    expect(annotations.nodes.x.grad).toBe(6 * 1.5 * 1.5);
  });

  it('running twice does not accumulate across runs', () => {
    const { compiled } = evaluated(addMultiply());
    compiled.run();
    compiled.run();
    expect(compiled.nodeGrad(0)).toBe(-4);
  });
});

describe('parameter update', () => {
  it('moves every trainable input by h * grad and leaves constants where they are', () => {
    const c = addMultiply();
    c.nodes[3] = input('z', -4, false);
    const updated = updateCircuit(c, 0.01);
    if (!updated.ok) throw new Error(updated.error);
    const v = Object.fromEntries(updated.value.nodes.map((n) => [n.id, n.value]));
    expect(v.x).toBe(-2 + 0.01 * -4);
    expect(v.y).toBe(5 + 0.01 * -4);
    expect(v.z).toBe(-4);
    expect(updated.value.nodes[3].trainable).toBe(false);
    expect(v.q).toBeUndefined();
    // The circuit given is not changed.
    expect(c.nodes[0].value).toBe(-2);
    expect(updated.value.edges).toEqual(c.edges);
    expect(updated.value.output).toBe('f');
  });

  it('trainable: true behaves as absent', () => {
    const c = addMultiply();
    c.nodes[0] = input('x', -2, true);
    const updated = updateCircuit(c, 0.5);
    if (!updated.ok) throw new Error(updated.error);
    expect(updated.value.nodes[0].value).toBe(-4);
  });

  it('pulled with -1, a step makes the output smaller', () => {
    const before = evaluated(addMultiply({ outputGrad: -1 })).annotations.nodes.f.value!;
    const updated = updateCircuit(addMultiply({ outputGrad: -1 }), 0.01);
    if (!updated.ok) throw new Error(updated.error);
    const after = evaluated(updated.value).annotations.nodes.f.value!;
    expect(after).toBeLessThan(before);
  });

  it('applyUpdate on a compiled circuit moves the same inputs in place', () => {
    const { compiled } = evaluated(addMultiply());
    applyUpdate(compiled, 0.01);
    compiled.run();
    expect(compiled.outputValue()).toBeCloseTo(-11.5924, 12);
  });

  it('refuses to update without a backward pass', () => {
    const c = addMultiply({ output: undefined });
    c.nodes.push(input('lonely', 1));
    expect(updateCircuit(c, 0.01)).toEqual({ ok: false, error: 'no backward pass: the circuit has no output with a value' });
  });
});

describe('NaN and Infinity never throw', () => {
  const single = (type: string, ports: string[], args: number[]) => {
    const result = evaluate({
      nodes: [...ports.map((p, k) => input(p, args[k])), gate('out', type)],
      edges: ports.map((p) => wire(p, 'out', p, `e_${p}`)),
    });
    if (!result.ok) throw new Error(result.error);
    return result.value.annotations;
  };

  it('log of a negative is NaN; its gradient 1/x is still a number', () => {
    const a = single('log', ['x'], [-1]);
    expect(a.nodes.out.value).toBeNaN();
    expect(a.nodes.x.grad).toBe(-1);
  });

  it('log of 0 is -Infinity with gradient Infinity', () => {
    const a = single('log', ['x'], [0]);
    expect(a.nodes.out.value).toBe(-Infinity);
    expect(a.nodes.x.grad).toBe(Infinity);
  });

  it('0/0 is NaN, with gradients Infinity and NaN', () => {
    const a = single('div', ['a', 'b'], [0, 0]);
    expect(a.nodes.out.value).toBeNaN();
    expect(a.nodes.a.grad).toBe(Infinity);
    expect(a.nodes.b.grad).toBeNaN();
  });

  it('1/0 is Infinity, -1/0 -Infinity', () => {
    const a = single('div', ['a', 'b'], [1, 0]);
    expect(a.nodes.out.value).toBe(Infinity);
    expect(a.nodes.a.grad).toBe(Infinity);
    expect(a.nodes.b.grad).toBe(-Infinity);
    expect(single('div', ['a', 'b'], [-1, 0]).nodes.out.value).toBe(-Infinity);
  });

  it('pow of a negative base to a fractional power is NaN; exp overflows to Infinity', () => {
    expect(single('pow', ['a', 'b'], [-8, 1 / 3]).nodes.out.value).toBeNaN();
    expect(single('exp', ['x'], [1000]).nodes.out.value).toBe(Infinity);
  });

  it('NaN flows downstream and into the gradients of the path', () => {
    // out = log(x) * k at x = -1, k = 2: value NaN; ∂out/∂k = log(x) = NaN; ∂out/∂x = k / x = -2.
    const result = evaluate({
      nodes: [input('x', -1), input('k', 2), gate('l', 'log'), gate('out', 'mul')],
      edges: [wire('x', 'l', 'x'), wire('l', 'out', 'a'), wire('k', 'out', 'b')],
    });
    if (!result.ok) throw new Error(result.error);
    const a = result.value.annotations;
    expect(a.nodes.l.value).toBeNaN();
    expect(a.nodes.out.value).toBeNaN();
    expect(a.nodes.k.grad).toBeNaN();
    expect(a.nodes.x.grad).toBe(-2);
  });
});

describe('ids are plain strings, whatever they spell', () => {
  // BUG (reported): annotate() stores annotations in plain objects, so the id "__proto__" sets the record's
  // prototype instead of adding an entry: that node (or edge) has no annotation of its own.
  it('a node and an edge with the id "__proto__" get annotations of their own, like "constructor" and "toString"', () => {
    const { annotations } = evaluated({
      nodes: [input('__proto__', 2), input('constructor', 3), gate('toString', 'mul')],
      edges: [wire('__proto__', 'toString', 'a', '__proto__'), wire('constructor', 'toString', 'b', 'hasOwnProperty')],
    });
    expect(Object.keys(annotations.nodes).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(annotations.edges).sort()).toEqual(['__proto__', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(annotations.nodes, '__proto__')?.value).toEqual({ value: 2, grad: 3 });
    expect(Object.getOwnPropertyDescriptor(annotations.edges, '__proto__')?.value).toEqual({ value: 2, grad: 3 });
    expect(annotations.nodes.toString).toEqual({ value: 6, grad: 1 });
  });
});
