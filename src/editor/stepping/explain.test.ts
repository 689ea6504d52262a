import { describe, expect, it } from 'vitest';
import { compile, stepState, type Circuit } from '../../engine/index.ts';
import { fanOut as fanOutCircuit, gate, input, wire } from '../../engine/testing/build.ts';
import { explain, guessIsRight, progressText, wireProduct } from './explain.ts';

function stepper(circuit: Circuit) {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return (k: number) => stepState(circuit, compiled.value, k);
}

const texts = (circuit: Circuit, k: number) => explain(circuit, stepper(circuit)(k)).map((l) => l.text);

// f = x * y at x = -2, y = 3, pulled with -2 so that the multiply's line reads as the guide's example.
const multiply: Circuit = {
  nodes: [{ id: 'x', type: 'input', value: -2 }, { id: 'y', type: 'input', value: 3 }, { id: 'f', type: 'mul' }],
  edges: [
    { id: 'xa', source: 'x', target: 'f', targetHandle: 'a' },
    { id: 'yb', source: 'y', target: 'f', targetHandle: 'b' },
  ],
  outputGrad: -2,
};

// f = (x * y) + x at x = 3, y = -2: x is used twice.
const fanOut = fanOutCircuit();

describe('explaining a step', () => {
  it('writes the multiply gate’s chain rule with its numbers', () => {
    expect(texts(multiply, 4)).toEqual([
      '∂f/∂f = −2: the pull on the output',
      '∂f/∂x = y · ∂f/∂f = 3 × (−2) = −6',
      '∂f/∂y = x · ∂f/∂f = (−2) × (−2) = 4',
    ]);
  });

  it('writes the accumulation as the second pull on a value used twice arrives', () => {
    const lines = texts(fanOut, 6);
    expect(lines[0]).toBe('∂f/∂p = 1 has arrived at p (multiply)');
    // x is used twice: this line adds one share, the next sums them.
    expect(lines).toContain('∂f/∂x += y · ∂f/∂p = (−2) × 1 = −2');
    expect(lines).toContain('∂f/∂y = x · ∂f/∂p = 3 × 1 = 3');
    expect(lines).toContain('∂f/∂x = 1 + (−2) = −1: x is used 2 times, and its gradient adds up the pulls (+=)');
  });

  it('writes a forward step with the values the gate read', () => {
    expect(texts(multiply, 3)).toEqual(['f = x × y with x = −2, y = 3', 'f = −6']);
    expect(texts(multiply, 1)).toEqual(['x = −2, an input']);
  });

  it('names the nodes wired to a gate, never its ports, even where a node is called like a port', () => {
    // The guide's neuron: the gate by multiplies b (on its port a) by y (on its port b).
    const neuron: Circuit = {
      nodes: [input('b', 2), input('y', 3), gate('by', 'mul')],
      edges: [wire('b', 'by', 'a'), wire('y', 'by', 'b')],
    };
    expect(texts(neuron, 3)).toEqual(['by = b × y with b = 2, y = 3', 'by = 6']);
    expect(texts(neuron, 4).slice(1)).toEqual(['∂by/∂b = y · ∂by/∂by = 3 × 1 = 3', '∂by/∂y = b · ∂by/∂by = 2 × 1 = 2']);
    const tex = explain(neuron, stepper(neuron)(4)).map((l) => l.tex);
    expect(tex[1]).toBe(
      '\\dfrac{\\partial \\text{by}}{\\partial b} = y \\cdot \\dfrac{\\partial \\text{by}}{\\partial \\text{by}} = 3 \\times 1 = 3' +
        '\\quad \\text{(through port a of by)}',
    );
  });

  it('puts the wired names into every formula, letters inside words left alone', () => {
    // q = num ÷ (my den); s = σ(q); a node used on both ports of a gate is given once.
    const circuit: Circuit = {
      nodes: [
        input('num', 3), { ...input('den', 2), label: 'my den' }, gate('q', 'div'), gate('s', 'sigmoid'),
        gate('m', 'max'), gate('sq', 'mul'), gate('f', 'add'),
      ],
      edges: [
        wire('num', 'q', 'a'), wire('den', 'q', 'b'), wire('q', 's', 'x'), wire('s', 'm', 'a'), wire('q', 'm', 'b'),
        wire('m', 'sq', 'a'), wire('m', 'sq', 'b'), wire('sq', 'f', 'a'), wire('num', 'f', 'b'),
      ],
    };
    const at = stepper(circuit);
    const all = Array.from({ length: at(0).total }, (_, k) => explain(circuit, at(k + 1)));
    const text = all.flat().map((l) => l.text);
    const tex = all.flat().map((l) => l.tex);
    expect(text).toContain('q = num ÷ (my den) with num = 3, my den = 2');
    expect(text).toContain('s = σ(q) = 1 / (1 + e^−q) with q = 1.5');
    expect(text).toContain('m = max(s, q) with s = 0.8176, q = 1.5');
    expect(text).toContain('sq = m × m with m = 1.5');
    expect(text.some((t) => t.startsWith('∂f/∂(my den) = −num/(my den)² · ∂f/∂q = '))).toBe(true);
    expect(text.some((t) => t.startsWith('∂f/∂num += 1/(my den) · ∂f/∂q = '))).toBe(true);
    expect(text.some((t) => t.startsWith('∂f/∂q += 1 if q > s, else 0 · ∂f/∂m = '))).toBe(true);
    expect(text.some((t) => t.startsWith('∂f/∂q += σ(q) · (1 − σ(q)) · ∂f/∂s = '))).toBe(true);
    expect(tex.some((t) => t.includes('-\\frac{\\text{num}}{\\text{my den}^2}'))).toBe(true);
    expect(tex.some((t) => t.includes('\\max(s, q)'))).toBe(true);
  });

  it('has TeX for every line', () => {
    const lines = explain(multiply, stepper(multiply)(4));
    expect(lines[1].tex).toBe(
      '\\dfrac{\\partial f}{\\partial x} = y \\cdot \\dfrac{\\partial f}{\\partial f} = 3 \\times (-2) = -6' +
        '\\quad \\text{(through port a of f)}',
    );
  });

  it('says where the stepper is', () => {
    const at = stepper(multiply);
    expect(progressText(at(0))).toBe('reset · 4 steps');
    expect(progressText(at(2))).toBe('forward 2/3');
    expect(progressText(at(4))).toBe('backward 1/1');
    const fan = stepper(fanOut);
    expect(progressText(fan(6))).toBe('backward 2/2');
    // A lone input, with no output to pull on, is one forward step.
    expect(progressText(stepper({ nodes: [{ id: 'x', type: 'input', value: 1 }], edges: [] })(0))).toBe('reset · 1 step');
  });

  it('writes a wire’s product as upstream × local = gradient', () => {
    expect(wireProduct(-4, 1, -4)).toBe('(−4) × 1 = −4');
  });

  it('counts a guess right to the precision shown on screen', () => {
    expect(guessIsRight(-0.105, -0.10499358540350662)).toBe(true);
    expect(guessIsRight(-0.1, -0.10499358540350662)).toBe(false);
    expect(guessIsRight(4, 4)).toBe(true);
  });
});
