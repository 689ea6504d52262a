import { describe, expect, it } from 'vitest';
import { compile, stepState, type Circuit } from '../../engine/index.ts';
import { fanOut as fanOutCircuit } from '../../engine/testing/build.ts';
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
      '∂f/∂a = b · ∂f/∂out = 3 × (−2) = −6',
      '∂f/∂b = a · ∂f/∂out = (−2) × (−2) = 4',
    ]);
  });

  it('writes the accumulation as the second pull on a value used twice arrives', () => {
    const lines = texts(fanOut, 6);
    expect(lines[0]).toBe('∂f/∂p = 1 has arrived at p (multiply)');
    expect(lines).toContain('∂f/∂a = b · ∂f/∂out = (−2) × 1 = −2');
    expect(lines).toContain('∂f/∂x = 1 + (−2) = −1: x is used 2 times, and its gradient adds up the pulls (+=)');
  });

  it('writes a forward step with the values the gate read', () => {
    expect(texts(multiply, 3)).toEqual(['f = a × b with a = −2 (from x), b = 3 (from y)', 'f = −6']);
    expect(texts(multiply, 1)).toEqual(['x = −2, an input']);
  });

  it('has TeX for every line', () => {
    const lines = explain(multiply, stepper(multiply)(4));
    expect(lines[1].tex).toBe(
      '\\dfrac{\\partial f}{\\partial a} = b \\cdot \\dfrac{\\partial f}{\\partial \\text{out}} = 3 \\times (-2) = -6' +
        '\\quad \\text{(port a, the wire from x)}',
    );
  });

  it('says where the stepper is', () => {
    const at = stepper(multiply);
    expect(progressText(at(0))).toBe('reset · 4 steps');
    expect(progressText(at(2))).toBe('forward 2/3');
    expect(progressText(at(4))).toBe('backward 1/1');
    const fan = stepper(fanOut);
    expect(progressText(fan(6))).toBe('backward 2/2');
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
