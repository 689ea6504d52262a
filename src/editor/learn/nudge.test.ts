import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { evaluate, type Circuit } from '../../engine/index.ts';
import { addMultiply } from '../../engine/testing/build.ts';
import { nudgeBaseline, nudgeReading, sameBut } from './nudge.ts';

// The guide's (x + y) · z at x = −2, y = 5, z = −4, pulled with −1 to check the slope ignores the pull.
const circuit: Circuit = { ...addMultiply(), outputGrad: -1 };

const outputOf = (c: Circuit) => {
  const e = evaluate(c);
  if (!e.ok) throw new Error(e.error);
  return e.value.annotations.nodes.f.value!;
};

describe('nudge', () => {
  it('takes the output and ∂output/∂input, whatever the pull', () => {
    expect(nudgeBaseline(circuit, 'x')).toMatchObject({ x0: -2, out0: -12, slope: -4 });
    expect(nudgeBaseline(circuit, 'z')).toMatchObject({ slope: 3 });
    expect(nudgeBaseline(circuit, 'q')).toBe('"q" is not an input');
  });

  it('predicts grad × h, and the engine gives the actual change', () => {
    const base = nudgeBaseline(circuit, 'x');
    if (typeof base === 'string') throw new Error(base);
    const nudged = produce(circuit, (d) => {
      d.nodes[0].value = -1.99;
    });
    const reading = nudgeReading(base, -1.99, outputOf(nudged));
    expect(reading.h).toBeCloseTo(0.01, 12);
    expect(reading.predicted).toBeCloseTo(-0.04, 12);
    expect(reading.actual).toBeCloseTo(-0.04, 10);
  });

  it('keeps the baseline while only the nudged input moves', () => {
    const base = nudgeBaseline(circuit, 'x');
    if (typeof base === 'string') throw new Error(base);
    const movedX = produce(circuit, (d) => {
      d.nodes[0].value = 3;
    });
    const movedY = produce(circuit, (d) => {
      d.nodes[1].value = 3;
    });
    const rewired = produce(circuit, (d) => {
      d.edges.pop();
    });
    expect(sameBut(movedX, base)).toBe(true);
    expect(sameBut(movedY, base)).toBe(false);
    expect(sameBut(rewired, base)).toBe(false);
  });
});
