import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../format/index.ts';
import type { Circuit } from './circuit.ts';
import { runStrategy, STRATEGIES, type StrategyRun } from './strategies.ts';

function example(name: string): Circuit {
  const parsed = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function run(circuit: Circuit, strategy: (typeof STRATEGIES)[number], iterations: number, seed = 1): StrategyRun {
  const result = runStrategy(circuit, strategy, { iterations, seed });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the three strategies of chapter 1', () => {
  it("reproduce the guide's first step on x * y: -6 becomes -5.8706", () => {
    const circuit = example('multiply');
    // The guide's numerical gradient is one-sided with h = 0.0001; its notebook prints this exact double.
    expect(run(circuit, 'numerical', 1).outputs).toEqual([-6, -5.87059999999986]);
    const analytic = run(circuit, 'analytic', 1).outputs[1];
    expect(analytic).toBeCloseTo(-5.8706, 13);
  });

  it('reproduce -12 → -11.5924 on (x + y) * z with both gradients', () => {
    const circuit = example('add-multiply');
    expect(run(circuit, 'analytic', 1).outputs[1]).toBeCloseTo(-11.5924, 13);
    expect(run(circuit, 'numerical', 1).outputs[1]).toBeCloseTo(-11.5924, 9);
  });

  it('raise the output of (x + y) * z and of the neuron, never lowering it under random search', () => {
    for (const name of ['add-multiply', 'neuron']) {
      const circuit = example(name);
      for (const strategy of STRATEGIES) {
        const { outputs } = run(circuit, strategy, 50);
        expect(outputs).toHaveLength(51);
        expect(outputs[50]).toBeGreaterThan(outputs[0]);
        if (strategy === 'random') {
          for (let k = 1; k < outputs.length; k++) expect(outputs[k]).toBeGreaterThanOrEqual(outputs[k - 1]);
        }
      }
    }
  });

  it('count the passes each spends: the numerical gradient pays one forward pass per input', () => {
    const neuron = example('neuron');
    expect(run(neuron, 'analytic', 10)).toMatchObject({ forwardPasses: 11, backwardPasses: 11 });
    expect(run(neuron, 'numerical', 10)).toMatchObject({ forwardPasses: 1 + 10 * 6, backwardPasses: 0 });
    expect(run(neuron, 'random', 10)).toMatchObject({ forwardPasses: 11, backwardPasses: 0 });
  });

  it('repeat exactly for a seed, and differ for another', () => {
    const circuit = example('neuron');
    expect(run(circuit, 'random', 30, 5).outputs).toEqual(run(circuit, 'random', 30, 5).outputs);
    expect(run(circuit, 'random', 30, 5).outputs).not.toEqual(run(circuit, 'random', 30, 6).outputs);
  });

  it('make the output smaller when it is pulled with -1', () => {
    const cost = example('svm-cost');
    for (const strategy of STRATEGIES) {
      const { outputs } = run(cost, strategy, 20);
      expect(outputs[20]).toBeLessThan(outputs[0]);
    }
  });

  it('refuse a circuit without an output to improve', () => {
    const circuit: Circuit = { nodes: [{ id: 'a', type: 'input', value: 1 }, { id: 'b', type: 'input', value: 2 }], edges: [] };
    expect(runStrategy(circuit, 'analytic', { iterations: 1 })).toEqual({
      ok: false, error: 'the circuit has no output with a value to improve',
    });
  });
});
