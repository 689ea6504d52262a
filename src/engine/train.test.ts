import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../format/index.ts';
import type { Circuit } from './circuit.ts';
import { GUIDE_DATASETS } from './datasets.ts';
import { Trainer, checkSetup, train, trainingSetupOf, type TrainingSetup } from './train.ts';

function example(name: string): Circuit {
  const parsed = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function setupOf(circuit: Circuit): TrainingSetup {
  const setup = trainingSetupOf(circuit);
  if (!setup) throw new Error('no training setup');
  return setup;
}

describe('training the guide examples by SGD', () => {
  it.each(['svm-training', 'net-training'])('%s reaches 100%% training accuracy for its seed', (name) => {
    const circuit = example(name);
    const result = train(circuit, setupOf(circuit), 100);
    if (!result.ok) throw new Error(result.error);
    const { reports } = result.value;
    expect(reports[0].accuracy).toBeLessThan(1);
    expect(reports.at(-1)).toMatchObject({ iteration: setupOf(circuit).training.iterations, accuracy: 1 });
    expect(reports.at(-1)!.loss).toBeLessThan(reports[0].loss);
  });

  it('repeats exactly for a seed', () => {
    const circuit = example('svm-training');
    const once = train(circuit, setupOf(circuit));
    const twice = train(circuit, setupOf(circuit));
    expect(once).toEqual(twice);
    const other = train(circuit, { ...setupOf(circuit), training: { ...setupOf(circuit).training, seed: 2 } });
    expect(other).not.toEqual(once);
  });

  it('does the guide’s SVM update by hand: one example, pull on a is x·(pull) − α·2a', () => {
    // Score at (1.2, 0.7) with a=1, b=-2, c=-1 is -1.8 < 1 for label +1, so the hinge pulls: a += lr·(x − 2αa).
    const circuit = example('svm-training');
    const setup = setupOf(circuit);
    const trainer = Trainer.create(circuit, { ...setup, dataset: { ...setup.dataset, rows: [setup.dataset.rows[0]] } });
    if (!trainer.ok) throw new Error(trainer.error);
    trainer.value.train(1);
    const values = Object.fromEntries(trainer.value.trainedCircuit().nodes.map((n) => [n.id, n.value]));
    const alpha = circuit.nodes.find((n) => n.id === 'alpha')!.value!;
    expect(values.a).toBeCloseTo(1 + 0.01 * (1.2 - 2 * alpha * 1), 14);
    expect(values.b).toBeCloseTo(-2 + 0.01 * (0.7 - 2 * alpha * -2), 14);
    expect(values.c).toBeCloseTo(-1 + 0.01 * 1, 14);
    // Bound inputs and constants keep their file values.
    expect(values.x).toBe(1.2);
    expect(values.label).toBe(1);
    expect(values.alpha).toBe(alpha);
  });

  it('draws the score over a grid of the plane of the two bound columns', () => {
    const circuit = example('svm-training');
    const trainer = Trainer.create(circuit, setupOf(circuit));
    if (!trainer.ok) throw new Error(trainer.error);
    const grid = trainer.value.scoreGrid('x', 'y', [-1, 1], [0, 2], 3, 2);
    // score = a·x + b·y + c at a=1, b=-2, c=-1, rows from the lowest y.
    expect(Array.from(grid)).toEqual([-2, -1, 0, -6, -5, -4]);
  });

  it('refuses a setup that does not fit the circuit, naming the place', () => {
    const circuit = example('svm-training');
    const setup = setupOf(circuit);
    expect(checkSetup(circuit, { ...setup, bindings: { q: 'x' } })).toBe('bindings.q: no input "q" to bind');
    expect(checkSetup(circuit, { ...setup, bindings: { x: 'z' } })).toBe('bindings.x: no column "z" in the dataset');
    expect(checkSetup(circuit, { ...setup, training: { ...setup.training, loss: 'nope' } })).toBe('training.loss: no node "nope"');
    expect(checkSetup(circuit, { ...setup, dataset: { columns: ['x'], rows: [[1, 2]] } })).toBe(
      'dataset.rows[0]: expected 1 numbers, one per column, got 2',
    );
    expect(checkSetup(circuit, { ...setup, dataset: { columns: ['x', 'y', 'label'], rows: [] } })).toBe(
      'dataset: there are no examples to train on',
    );
  });

  it('ships both versions of the guide dataset, differing in four points', () => {
    const [notebook, seed] = GUIDE_DATASETS;
    const differing = notebook.rows.filter((row, k) => row.some((v, c) => v !== seed.rows[k][c]));
    expect(differing).toHaveLength(4);
  });
});
