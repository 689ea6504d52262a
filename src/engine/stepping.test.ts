import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../format/index.ts';
import { annotate } from './annotate.ts';
import type { Circuit } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';
import { fanOut } from './testing/build.ts';
import { planSteps, stepState, type BackwardDetail } from './stepping.ts';

function load(name: string): { circuit: Circuit; compiled: CompiledCircuit } {
  const parsed = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const compiled = compile(parsed.value);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return { circuit: parsed.value, compiled: compiled.value };
}

const ids = (circuit: Circuit, nodes: number[]) => nodes.map((k) => circuit.nodes[k].id);

describe('stepping (x + y) * z', () => {
  const { circuit, compiled } = load('add-multiply');

  it('visits every node forward in the engine order, then the gates backward', () => {
    const steps = planSteps(compiled);
    expect(steps.map((s) => `${s.phase} ${circuit.nodes[s.node].id}`)).toEqual([
      'forward x', 'forward y', 'forward q', 'forward z', 'forward f', 'backward f', 'backward q',
    ]);
    expect(ids(circuit, steps.filter((s) => s.phase === 'forward').map((s) => s.node))).toEqual(
      ids(circuit, Array.from(compiled.forwardOrder())),
    );
  });

  it('shows nothing at reset', () => {
    const state = stepState(circuit, compiled, 0);
    expect(state.phase).toBe('reset');
    expect(state.current).toBeNull();
    for (const a of [...Object.values(state.annotations.nodes), ...Object.values(state.annotations.edges)]) {
      expect(a).toEqual({ value: null, grad: null });
    }
  });

  it('fills values gate by gate, and only wires whose source has been computed', () => {
    const afterQ = stepState(circuit, compiled, 3);
    expect(afterQ).toMatchObject({ phase: 'forward', phaseIndex: 3, forwardCount: 5, backwardCount: 2, total: 7 });
    expect(afterQ.annotations.nodes.q).toEqual({ value: 3, grad: null });
    expect(afterQ.annotations.nodes.f.value).toBeNull();
    expect(afterQ.annotations.edges.e3.value).toBe(3);
    expect(afterQ.annotations.edges.e4.value).toBeNull();
    expect(afterQ.current).toEqual({
      phase: 'forward', node: 'q', type: 'add', value: 3,
      inputs: [
        { port: 'a', edge: 'e1', source: 'x', value: -2 },
        { port: 'b', edge: 'e2', source: 'y', value: 5 },
      ],
    });
  });

  it('chains the first backward step: upstream × local on each wire into the output gate', () => {
    const state = stepState(circuit, compiled, 6);
    expect(state).toMatchObject({ phase: 'backward', phaseIndex: 1 });
    const detail = state.current as BackwardDetail;
    expect(detail).toMatchObject({ node: 'f', grad: 1, isOutput: true });
    expect(detail.pulls).toEqual([
      { edge: 'e3', port: 'a', source: 'q', upstream: 1, local: -4, grad: -4, sourceBefore: null, sourceAfter: -4 },
      { edge: 'e4', port: 'b', source: 'z', upstream: 1, local: 3, grad: 3, sourceBefore: null, sourceAfter: 3 },
    ]);
    expect(state.annotations.edges.e3.grad).toBe(-4);
    expect(state.annotations.edges.e1.grad).toBeNull();
    expect(state.annotations.nodes.x.grad).toBeNull();
    expect(state.annotations.nodes.f.grad).toBe(1);
  });

  it('ends on exactly the full evaluation', () => {
    expect(stepState(circuit, compiled, 7).annotations).toEqual(annotate(circuit, compiled));
    expect(stepState(circuit, compiled, 99).index).toBe(7);
  });
});

describe('stepping a value used twice', () => {
  // f = (x * y) + x at x = 3, y = -2: x receives y = -2 through the product, then 1 through the sum.
  const circuit = fanOut();
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();

  it('accumulates each arriving share on the node, in the order the backward pass adds them', () => {
    const forwardCount = stepState(circuit, compiled.value, 0).forwardCount;
    const first = stepState(circuit, compiled.value, forwardCount + 1);
    expect(first.shares.x).toEqual([1]);
    expect(first.annotations.nodes.x.grad).toBe(1);
    const second = stepState(circuit, compiled.value, forwardCount + 2);
    expect(second.shares.x).toEqual([1, -2]);
    expect(second.annotations.nodes.x.grad).toBe(-1);
    const pull = (second.current as BackwardDetail).pulls.find((p) => p.source === 'x');
    expect(pull).toMatchObject({ upstream: 1, local: -2, grad: -2, sourceBefore: 1, sourceAfter: -1 });
  });
});

describe('stepping without a backward pass', () => {
  it('has forward steps only, and nothing backward, when no output can be chosen', () => {
    const circuit: Circuit = {
      nodes: [{ id: 'a', type: 'input', value: 1 }, { id: 'b', type: 'input', value: 2 }],
      edges: [],
    };
    const compiled = compile(circuit);
    if (!compiled.ok) throw new Error(compiled.error);
    compiled.value.run();
    const state = stepState(circuit, compiled.value, 2);
    expect(state).toMatchObject({ total: 2, backwardCount: 0 });
    expect(state.annotations.nodes.b).toEqual({ value: 2, grad: null });
  });
});
