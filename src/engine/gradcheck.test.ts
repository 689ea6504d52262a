import { describe, expect, it, vi } from 'vitest';
import type { Circuit } from './circuit.ts';
import { compile } from './compile.ts';
import { checkGradients } from './gradcheck.ts';

// A deliberately wrong local gradient, injected into the registry before the kernels are generated from it:
// the multiply gate claims ∂(a·b)/∂a = a instead of b.
vi.mock('./gates.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./gates.ts')>();
  const GATE_TYPES = original.GATE_TYPES.map((g) => (g.type === 'mul' ? { ...g, local: ['a', 'a'] } : g));
  return { ...original, GATE_TYPES };
});

function check(circuit: Circuit, wires = true) {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  return checkGradients(circuit, compiled.value, { wires });
}

const chain = (type: string, x: number): Circuit => ({
  nodes: [{ id: 'x', type: 'input', value: x }, { id: 'g', type }],
  edges: [{ id: 'w', source: 'x', target: 'g', targetHandle: 'x' }],
});

describe('the gradient check', () => {
  it('catches a wrong local gradient, on the input and on the wire', () => {
    const report = check({
      nodes: [{ id: 'x', type: 'input', value: -2 }, { id: 'y', type: 'input', value: 3 }, { id: 'f', type: 'mul' }],
      edges: [
        { id: 'xf', source: 'x', target: 'f', targetHandle: 'a' },
        { id: 'yf', source: 'y', target: 'f', targetHandle: 'b' },
      ],
    });
    expect(report.ok).toBe(false);
    const byId = Object.fromEntries(report.rows.map((r) => [`${r.kind} ${r.id}`, r]));
    // Wrong: analytic -2 (a) where the truth is 3 (b).
    expect(byId['input x']).toMatchObject({ analytic: -2, ok: false });
    expect(byId['input x'].numerical).toBeCloseTo(3, 8);
    expect(byId['wire xf']).toMatchObject({ analytic: -2, ok: false });
    // Right by chance: ∂f/∂b = a is what the broken entry says too.
    expect(byId['input y']).toMatchObject({ analytic: -2, ok: true });
  });

  it('passes the gates left correct, a saturated sigmoid included', () => {
    for (const [type, x] of [['sigmoid', 20], ['sigmoid', -30], ['tanh', 12], ['exp', 3], ['log', 0.5]] as const) {
      const report = check(chain(type, x));
      expect(report.ok, `${type} at ${x}: ${JSON.stringify(report.rows)}`).toBe(true);
      expect(report.rows).toHaveLength(2);
    }
  });

  it('fails a gradient that is wrong by more than rounding noise, however small', () => {
    // relu at exactly 0: the engine's local gradient is 0, a central difference sees a slope of 1/2.
    const report = check(chain('relu', 0), false);
    expect(report.rows[0]).toMatchObject({ analytic: 0, ok: false });
    expect(report.rows[0].numerical).toBeCloseTo(0.5, 8);
  });
});
