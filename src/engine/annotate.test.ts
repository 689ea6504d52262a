/** Annotations reuse what did not change, so that the editor can tell a changed wire by identity alone. */
import { describe, expect, it } from 'vitest';
import { annotate } from './annotate.ts';
import { compile } from './compile.ts';
import { gate, input, wire } from './testing/build.ts';

// f = x·y + z·w: changing x leaves the z·w branch's numbers as they were (the add passes 1 back to both sides).
const circuit = {
  nodes: [input('x', 2), input('y', 3), gate('m1', 'mul'), input('z', 4), input('w', 5), gate('m2', 'mul'), gate('f', 'add')],
  edges: [wire('x', 'm1', 'a'), wire('y', 'm1', 'b'), wire('z', 'm2', 'a'), wire('w', 'm2', 'b'), wire('m1', 'f', 'a'), wire('m2', 'f', 'b')],
  output: 'f',
};

describe('annotate with the previous annotations', () => {
  it('keeps the previous object of every node and edge whose numbers are unchanged, and only those', () => {
    const result = compile(circuit);
    if (!result.ok) throw new Error(result.error);
    const c = result.value;
    c.run();
    const before = annotate(circuit, c);
    c.setValue(0, -1);
    c.run();
    const after = annotate(circuit, c, before);
    const moved = { ...circuit, nodes: circuit.nodes.map((n) => (n.id === 'x' ? { ...n, value: -1 } : n)) };
    expect(after).toEqual(annotate(moved, c));
    expect(after.nodes.f.value).toBe(-1 * 3 + 20);
    expect(after.edges['x-m1.a']).toEqual({ value: -1, grad: 3 });
    expect(after.edges['y-m1.b']).toEqual({ value: 3, grad: -1 });

    const unchanged = ['z', 'w', 'm2'].map((id) => after.nodes[id]);
    expect(unchanged).toEqual(['z', 'w', 'm2'].map((id) => before.nodes[id]));
    for (const id of ['z', 'w', 'm2']) expect(after.nodes[id]).toBe(before.nodes[id]);
    for (const id of ['z-m2.a', 'w-m2.b', 'm2-f.b']) expect(after.edges[id]).toBe(before.edges[id]);
    // y's value is the same but its gradient is x's new value: a new object.
    for (const id of ['x', 'y', 'm1', 'f']) expect(after.nodes[id]).not.toBe(before.nodes[id]);
    for (const id of ['x-m1.a', 'y-m1.b', 'm1-f.a']) expect(after.edges[id]).not.toBe(before.edges[id]);
  });
});
