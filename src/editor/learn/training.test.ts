import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { train, trainingSetupOf, type Circuit } from '../../engine/index.ts';
import { parseCircuit } from '../../format/index.ts';
import { startRun, trainedValues } from './training.ts';

function example(file: string): Circuit {
  const parsed = parseCircuit(readFileSync(new URL(`../../../public/examples/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('a training run in slices', () => {
  for (const file of ['svm-training.circuit.json', 'net-training.circuit.json']) {
    it(`${file}: reaches 100% accuracy, with the same parameters as one uninterrupted run`, () => {
      const circuit = example(file);
      const run = startRun(circuit);
      if (!run.ok) throw new Error(run.error);
      // Uneven slices, as animation frames give them.
      for (let k = 1; !run.value.done; k++) run.value.advance((k * 37) % 101);
      expect(run.value.last.accuracy).toBe(1);
      expect(run.value.iteration).toBe(circuit.training!.iterations);
      const whole = train(circuit, trainingSetupOf(circuit)!);
      if (!whole.ok) throw new Error(whole.error);
      expect(run.value.circuit()).toEqual(whole.value.circuit);
    });
  }

  it('reports at the start, every few iterations and at the end', () => {
    const circuit = example('svm-training.circuit.json');
    const run = startRun({ ...circuit, training: { ...circuit.training!, iterations: 450 } });
    if (!run.ok) throw new Error(run.error);
    run.value.advance(1000);
    const iterations = run.value.reports.map((r) => r.iteration);
    expect(iterations[0]).toBe(0);
    expect(iterations.at(-1)).toBe(450);
    expect(run.value.every).toBe(3);
    expect(new Set(iterations).size).toBe(iterations.length);
  });

  it('writes back only the trainable inputs that are not bound', () => {
    const run = startRun(example('svm-training.circuit.json'));
    if (!run.ok) throw new Error(run.error);
    run.value.advance(50);
    expect(Object.keys(trainedValues(run.value)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses a circuit without a dataset, with the reason', () => {
    const circuit = example('svm-training.circuit.json');
    expect(startRun({ ...circuit, dataset: undefined, training: undefined })).toMatchObject({ ok: false });
    expect(startRun({ ...circuit, training: { ...circuit.training!, loss: 'nope' } })).toEqual({ ok: false, error: 'training.loss: no node "nope"' });
  });
});
