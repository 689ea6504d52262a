/**
 * The compiled form: large circuits without recursion, input changes without recompiling, the orders it exposes,
 * and refusals returned rather than thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate } from './annotate.ts';
import type { Circuit } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { buildCircuit, circuitPlan, randomCircuit } from './testing/random-circuits.ts';
import { refOutput } from './testing/reference.ts';
import { gate, input, oneGate, wire } from './testing/build.ts';
import { GATE_TYPES } from './gates.ts';

function compiled(circuit: Circuit): CompiledCircuit {
  const result = compile(circuit);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('large circuits', () => {
  it('compiles and runs a 200,000-gate chain: x + 1 + 1 + … with one constant read 200,000 times', () => {
    const n = 200_000;
    const nodes = [input('x', 0.5), input('one', 1, false)];
    const edges = [];
    let previous = 'x';
    for (let k = 0; k < n; k++) {
      nodes.push(gate(`g${k}`, 'add'));
      edges.push(wire(previous, `g${k}`, 'a', `a${k}`), wire('one', `g${k}`, 'b', `b${k}`));
      previous = `g${k}`;
    }
    const result = evaluate({ nodes, edges });
    if (!result.ok) throw new Error(result.error);
    const { annotations } = result.value;
    expect(annotations.output).toBe(`g${n - 1}`);
    expect(annotations.nodes[`g${n - 1}`].value).toBe(n + 0.5);
    expect(annotations.nodes.x.grad).toBe(1);
    expect(annotations.nodes.one.grad).toBe(n);
    expect(annotations.edges.b0).toEqual({ value: 1, grad: 1 });
  });

  it('a 200,000-gate chain of negations, nodes listed output first: value and gradient through all of them', () => {
    const n = 200_000;
    const nodes = [];
    const edges = [];
    for (let k = n - 1; k >= 0; k--) nodes.push(gate(`s${k}`, 'neg'));
    nodes.push(input('x', 0.25));
    for (let k = 0; k < n; k++) edges.push(wire(k === 0 ? 'x' : `s${k - 1}`, `s${k}`, 'x'));
    const c = compiled({ nodes, edges });
    c.run();
    expect(c.outputValue()).toBe(0.25); // an even number of negations
    expect(c.nodeGrad(n)).toBe(1);
    expect(Array.from(c.forwardOrder().slice(0, 2))).toEqual([n, n - 1]);
  });
});

describe('setValue', () => {
  it('then run gives the annotations of a fresh compile with the new value (no recompile)', () => {
    fc.assert(
      fc.property(randomCircuit(4, 8), fc.nat(), fc.double({ min: -3, max: 3, noNaN: true }), (circuit, pick, v) => {
        const inputs = circuit.nodes.flatMap((n, k) => (n.type === 'input' ? [k] : []));
        const k = inputs[pick % inputs.length];
        const c = compiled(circuit);
        c.run();
        c.setValue(k, v);
        c.run();
        const moved: Circuit = { ...circuit, nodes: circuit.nodes.map((n, j) => (j === k ? { ...n, value: v } : n)) };
        const fresh = evaluate(moved);
        if (!fresh.ok) throw new Error(fresh.error);
        expect(annotate(moved, c)).toEqual(fresh.value.annotations);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('moves the output of (x + y) * z as the guide does by hand', () => {
    const c = compiled({
      nodes: [input('x', -2), input('y', 5), gate('q', 'add'), input('z', -4), gate('f', 'mul')],
      edges: [wire('x', 'q', 'a'), wire('y', 'q', 'b'), wire('q', 'f', 'a'), wire('z', 'f', 'b')],
    });
    c.run();
    expect(c.outputValue()).toBe(-12);
    c.setValue(3, 2);
    c.run();
    expect(c.outputValue()).toBe(6);
    expect(c.nodeGrad(0)).toBe(2);
    expect(c.nodeGrad(3)).toBe(3);
  });
});

describe('forwardOrder and backwardOrder', () => {
  it('are topological: forward over the gates with a value, backward over the ancestors of the output, output first', () => {
    fc.assert(
      fc.property(circuitPlan(4, 10), fc.array(fc.nat({ max: 4 }), { minLength: 20, maxLength: 20 }), (plan, drop) => {
        const full = buildCircuit(plan);
        const circuit: Circuit = { ...full, edges: full.edges.filter((_, k) => drop[k] !== 0) };
        const c = compiled(circuit);
        c.run();
        const ids = circuit.nodes.map((n) => n.id);
        const index = new Map(ids.map((id, k) => [id, k]));

        const forward = Array.from(c.forwardOrder());
        const live = new Set(ids.map((_, k) => k).filter((k) => c.nodeValue(k) !== null));
        expect(new Set(forward)).toEqual(live);
        expect(forward.length).toBe(live.size);
        const fpos = new Map(forward.map((k, p) => [k, p]));
        for (const e of circuit.edges) {
          const s = index.get(e.source)!;
          const t = index.get(e.target)!;
          if (fpos.has(t)) expect(fpos.get(s)!).toBeLessThan(fpos.get(t)!);
        }

        const backward = Array.from(c.backwardOrder());
        const output = refOutput(circuit);
        if (!c.hasBackward) {
          expect(backward).toEqual([]);
          return;
        }
        expect(ids[backward[0]]).toBe(output);
        // Exactly the ancestors of the output, each after every gate it feeds.
        const ancestors = new Set([index.get(output!)!]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const e of circuit.edges) {
            const s = index.get(e.source)!;
            if (ancestors.has(index.get(e.target)!) && !ancestors.has(s)) {
              ancestors.add(s);
              grew = true;
            }
          }
        }
        expect(new Set(backward)).toEqual(ancestors);
        expect(backward.length).toBe(ancestors.size);
        const bpos = new Map(backward.map((k, p) => [k, p]));
        for (const e of circuit.edges) {
          const s = index.get(e.source)!;
          const t = index.get(e.target)!;
          if (bpos.has(t)) expect(bpos.get(t)!).toBeLessThan(bpos.get(s)!);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it("follow the guide's order on the neuron: a, x, a·x, b, y, b·y, +, c, +, σ", () => {
    const c = compiled({
      nodes: [gate('s', 'sigmoid'), gate('q2', 'add'), input('c', -3), gate('q1', 'add'), gate('by', 'mul'),
        gate('ax', 'mul'), input('y', 3), input('b', 2), input('x', -1), input('a', 1)],
      edges: [wire('a', 'ax', 'a'), wire('x', 'ax', 'b'), wire('b', 'by', 'a'), wire('y', 'by', 'b'),
        wire('ax', 'q1', 'a'), wire('by', 'q1', 'b'), wire('q1', 'q2', 'a'), wire('c', 'q2', 'b'), wire('q2', 's', 'x')],
    });
    const ids = ['s', 'q2', 'c', 'q1', 'by', 'ax', 'y', 'b', 'x', 'a'];
    expect(Array.from(c.forwardOrder()).map((k) => ids[k])).toEqual(['a', 'x', 'ax', 'b', 'y', 'by', 'q1', 'c', 'q2', 's']);
    expect(Array.from(c.backwardOrder()).map((k) => ids[k])).toEqual(['s', 'q2', 'c', 'q1', 'by', 'y', 'b', 'ax', 'x', 'a']);
  });
});

describe('edgeGrads', () => {
  it('gives every edge of every gate type the gradient edgeGrad gives it, bit for bit', () => {
    for (const g of GATE_TYPES.filter((t) => t.inputs.length > 0))
      for (const args of [[0.7, -1.3], [-2.5, 0.4], [0, 3]]) {
        const c = compiled(oneGate(g.type, g.inputs, args));
        c.run();
        const grads = c.edgeGrads()!;
        expect(grads.length).toBe(g.inputs.length);
        for (let e = 0; e < c.edgeCount; e++) expect(grads[e], `${g.type} port ${e} at ${args}`).toBe(c.edgeGrad(e));
      }
  });

  it('agrees with edgeGrad on random circuits, wires into gates off the path to the output included', () => {
    fc.assert(
      fc.property(circuitPlan(4, 10), fc.array(fc.nat({ max: 4 }), { minLength: 20, maxLength: 20 }), (plan, drop) => {
        const full = buildCircuit(plan);
        const c = compiled({ ...full, edges: full.edges.filter((_, k) => drop[k] !== 0) });
        c.run();
        const grads = c.edgeGrads();
        if (!c.hasBackward) {
          expect(grads).toBeNull();
          return;
        }
        for (let e = 0; e < c.edgeCount; e++) expect(grads![e]).toBe(c.edgeGrad(e));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('compile refuses, never throws', () => {
  const base = (): Circuit => ({
    nodes: [input('x', 1), input('y', 2), gate('f', 'mul')],
    edges: [wire('x', 'f', 'a', 'e0'), wire('y', 'f', 'b', 'e1')],
  });

  it.each<[string, (c: Circuit) => void, string]>([
    ['unknown gate', (c) => { c.nodes[2].type = 'mull'; }, 'nodes[2].type: unknown gate "mull"'],
    ['repeated node id', (c) => { c.nodes[1].id = 'x'; }, 'nodes[1].id: "x" is already the id of nodes[0]'],
    ['missing source', (c) => { c.edges[1].source = 'q'; }, 'edges[1].source: no node "q"'],
    ['missing target', (c) => { c.edges[1].target = 'q2'; }, 'edges[1].target: no node "q2"'],
    ['unknown port', (c) => { c.edges[1].targetHandle = 'c'; }, 'edges[1].targetHandle: mul gate "f" has no port "c" (its ports: "a", "b")'],
    ['two wires into a port', (c) => { c.edges[1].targetHandle = 'a'; }, 'edges[1].targetHandle: port "a" of "f" is already wired by edges[0]'],
    ['wire into an input', (c) => { c.edges.push(wire('f', 'x', 'a')); }, 'edges[2].target: "x" is an input and takes no wire'],
    ['input without a value', (c) => { delete c.nodes[0].value; }, 'nodes[0].value: an input needs a number'],
  ])('%s', (_, change, message) => {
    const c = base();
    change(c);
    expect(compile(c)).toEqual({ ok: false, error: message });
  });

  it('a cycle', () => {
    const c: Circuit = {
      nodes: [input('x', 1), gate('a', 'add'), gate('b', 'neg')],
      edges: [wire('x', 'a', 'a'), wire('b', 'a', 'b'), wire('a', 'b', 'x')],
    };
    const result = compile(c);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['cycle: a -> b -> a', 'cycle: b -> a -> b']).toContain(result.error);
  });
});
