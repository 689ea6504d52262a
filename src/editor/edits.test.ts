import { describe, expect, it } from 'vitest';
import type { Circuit } from '../engine/index.ts';
import { freshId, wireRefusal } from './edits.ts';
import { impactOf } from './impact.ts';
import { layoutMissing } from './layout.ts';

const chain: Circuit = {
  nodes: [
    { id: 'x', type: 'input', value: 1 },
    { id: 'n', type: 'neg' },
    { id: 'e', type: 'exp' },
    { id: 'm', type: 'mul' },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'n', targetHandle: 'x' },
    { id: 'e2', source: 'n', target: 'e', targetHandle: 'x' },
    { id: 'e3', source: 'e', target: 'm', targetHandle: 'a' },
    { id: 'e4', source: 'x', target: 'm', targetHandle: 'b' },
  ],
};

describe('wire refusals', () => {
  it('names the cycle a wire would close, and the self-loop', () => {
    expect(wireRefusal(chain, { source: 'm', target: 'n', targetHandle: 'x' })).toBe('that wire would make a cycle: m -> n -> e -> m');
    expect(wireRefusal(chain, { source: 'e', target: 'e', targetHandle: 'x' })).toBe('that wire would make a cycle: e -> e');
  });

  it('refuses inputs, missing ports and missing nodes; allows the rest', () => {
    expect(wireRefusal(chain, { source: 'e', target: 'x', targetHandle: 'x' })).toBe('"x" is an input and takes no wire');
    expect(wireRefusal(chain, { source: 'x', target: 'm', targetHandle: 'c' })).toBe('mul gate "m" has no port "c"');
    expect(wireRefusal(chain, { source: 'q', target: 'm', targetHandle: 'a' })).toBe('no node "q"');
    expect(wireRefusal(chain, { source: 'x', target: 'e', targetHandle: 'x' })).toBeNull();
  });

  it('leaves the wire being moved out of the check', () => {
    // Moving e2's source from n to m would close m -> e -> m, but e2 itself is not part of that loop.
    expect(wireRefusal(chain, { source: 'm', target: 'e', targetHandle: 'x' }, 'e2')).toBe('that wire would make a cycle: m -> e -> m');
    expect(wireRefusal(chain, { source: 'x', target: 'e', targetHandle: 'x' }, 'e2')).toBeNull();
  });
});

describe('fresh ids', () => {
  it('gives inputs free letters first, gates their type and a number', () => {
    expect(freshId(new Set(['a', 'b', 'x']), 'input')).toBe('c');
    expect(freshId(new Set('abcdefghijklmnopqrstuvwxyz'), 'input')).toBe('in1');
    expect(freshId(new Set(['mul1', 'mul2']), 'mul')).toBe('mul3');
  });
});

describe('layout of a circuit without positions', () => {
  it('puts each gate one column right of its deepest input', () => {
    const laid = layoutMissing(chain);
    expect(laid.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 }, { x: 230, y: 0 }, { x: 460, y: 0 }, { x: 690, y: 0 },
    ]);
  });

  it('keeps positions a circuit has', () => {
    const placed = { ...chain, nodes: chain.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })) };
    expect(layoutMissing(placed)).toBe(placed);
  });
});

describe('what an edit means for evaluation', () => {
  it('tells moves, values, the pull and structure apart', () => {
    expect(impactOf([{ op: 'replace', path: ['nodes', 2, 'position'], value: { x: 0, y: 0 } }])).toEqual({ kind: 'none' });
    expect(impactOf([{ op: 'replace', path: ['nodes', 0, 'value'], value: 3 }])).toEqual({ kind: 'values', nodes: [0], outputGrad: false });
    expect(impactOf([{ op: 'add', path: ['outputGrad'], value: -1 }])).toEqual({ kind: 'values', nodes: [], outputGrad: true });
    expect(impactOf([{ op: 'replace', path: ['nodes', 0, 'value'], value: 3 }, { op: 'add', path: ['edges', 4], value: {} }])).toEqual({ kind: 'structure' });
    expect(impactOf([{ op: 'replace', path: [], value: {} }])).toEqual({ kind: 'structure' });
  });
});
