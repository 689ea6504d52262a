import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCircuit, serializeCircuit } from './index.ts';

const plain = {
  format: 'wiregrad/circuit',
  version: 1,
  nodes: [{ id: 'x', type: 'input', value: 2 }, { id: 'n', type: 'neg' }],
  edges: [{ id: 'e', source: 'x', target: 'n', targetHandle: 'x' }],
};
const dataset = { columns: ['x', 'label'], rows: [[1, 1], [-1, -1]] };
const training = { loss: 'n', score: 'n', label: 'label', learningRate: 0.1, iterations: 10, seed: 3 };

function refusal(doc: unknown): string {
  const result = parseCircuit(JSON.stringify(doc));
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('format version 2: datasets, bindings, training', () => {
  it('still reads version 1 files, and writes plain circuits as version 1', () => {
    const read = parseCircuit(JSON.stringify(plain));
    if (!read.ok) throw new Error(read.error);
    expect(JSON.parse(serializeCircuit(read.value)).version).toBe(1);
  });

  it('writes version 2 when the circuit carries a dataset, and reads it back unchanged', () => {
    const doc = { ...plain, version: 2, dataset, bindings: { x: 'x' }, training };
    const read = parseCircuit(JSON.stringify(doc));
    if (!read.ok) throw new Error(read.error);
    expect(read.value.dataset).toEqual(dataset);
    const text = serializeCircuit(read.value);
    expect(JSON.parse(text).version).toBe(2);
    expect(text).toContain('      [1, 1],\n      [-1, -1]\n');
    const again = parseCircuit(text);
    expect(again).toEqual(read);
    if (again.ok) expect(serializeCircuit(again.value)).toBe(text);
  });

  it('refuses version 3 and names it', () => {
    expect(refusal({ ...plain, version: 3 })).toBe(
      'version: this file is version 3, newer than this wiregrad reads (up to version 2); update wiregrad to open it',
    );
  });

  it('refuses a dataset, binding or training setting that does not fit, naming the place', () => {
    const v2 = { ...plain, version: 2 };
    expect(refusal({ ...v2, dataset: { columns: ['x'], rows: [[1, 2]] } })).toBe(
      'dataset.rows[0]: expected 1 numbers, one per column, got 2',
    );
    expect(refusal({ ...v2, dataset: { columns: ['x'], rows: [['1']] } })).toBe(
      'dataset.rows[0][0]: expected a finite number, got the string "1"',
    );
    expect(refusal({ ...v2, dataset: { columns: ['x', 'x'], rows: [] } })).toBe(
      'dataset.columns[1]: "x" names another column too',
    );
    expect(refusal({ ...v2, bindings: { x: 'x' } })).toBe('bindings: there is no dataset to bind inputs to');
    expect(refusal({ ...v2, training })).toBe('training: there is no dataset to train on');
    expect(refusal({ ...v2, dataset, bindings: { n: 'x' } })).toBe('bindings.n: no input "n" to bind');
    expect(refusal({ ...v2, dataset, bindings: { x: 'y' } })).toBe('bindings.x: no column "y" in the dataset');
    expect(refusal({ ...v2, dataset, training: { ...training, score: 's' } })).toBe('training.score: no node "s"');
    expect(refusal({ ...v2, dataset, training: { ...training, learningRate: 0 } })).toBe(
      'training.learningRate: expected a positive number, got 0',
    );
  });

  it('round-trips the training examples byte for byte', () => {
    for (const name of ['svm-training', 'net-training']) {
      const text = readFileSync(`public/examples/${name}.circuit.json`, 'utf8');
      const read = parseCircuit(text);
      if (!read.ok) throw new Error(read.error);
      expect(serializeCircuit(read.value)).toBe(text);
    }
  });
});
