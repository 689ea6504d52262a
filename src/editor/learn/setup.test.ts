import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { GUIDE_DATASETS, type Circuit } from '../../engine/index.ts';
import { parseCircuit, serializeCircuit } from '../../format/index.ts';
import { addRow, bind, forgetRemovedNodes, removeDataset, removeRow, replaceDataset, setCell, setInputValues, setTraining } from './setup.ts';

const score: Circuit = {
  nodes: [
    { id: 'a', type: 'input', value: 1 },
    { id: 'x', type: 'input', value: 1.2 },
    { id: 'ax', type: 'mul' },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'ax', targetHandle: 'a' },
    { id: 'e2', source: 'x', target: 'ax', targetHandle: 'b' },
  ],
};

/** Every state these edits produce must survive the format, or an autosave would be lost on reload. */
function roundTrips(circuit: Circuit): void {
  const parsed = parseCircuit(serializeCircuit(circuit));
  expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
}

describe('dataset edits', () => {
  it('a new dataset binds inputs named like its columns and gets training settings', () => {
    const next = produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax'));
    expect(next.dataset).toEqual(GUIDE_DATASETS[0]);
    expect(next.bindings).toEqual({ x: 'x' });
    expect(next.training).toEqual({ loss: 'ax', score: 'ax', label: 'label', learningRate: 0.01, iterations: 400, seed: 1 });
    roundTrips(next);
  });

  it('a dataset with other columns drops the bindings and the label that name missing ones', () => {
    const bound = produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax'));
    const next = produce(bound, replaceDataset({ columns: ['u', 'v'], rows: [[1, 2]] }, 'ax'));
    expect(next.bindings).toBeUndefined();
    expect(next.training?.label).toBe('v');
    roundTrips(next);
  });

  it('removing the dataset removes the bindings and the settings with it', () => {
    const next = produce(produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax')), removeDataset);
    expect(next).toEqual(score);
    roundTrips(next);
  });

  it('adds, edits and removes rows', () => {
    let next = produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax'));
    next = produce(next, addRow([0.5, 0.5, 1]));
    expect(next.dataset?.rows).toHaveLength(7);
    next = produce(next, setCell(6, 1, -2));
    expect(next.dataset?.rows[6]).toEqual([0.5, -2, 1]);
    next = produce(next, removeRow(0));
    expect(next.dataset?.rows[0]).toEqual(GUIDE_DATASETS[0].rows[1]);
    roundTrips(next);
  });

  it('binds and unbinds inputs, and changes settings', () => {
    let next = produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax'));
    next = produce(next, bind('a', 'y'));
    expect(next.bindings).toEqual({ x: 'x', a: 'y' });
    next = produce(next, bind('x', null));
    next = produce(next, bind('a', null));
    expect(next.bindings).toBeUndefined();
    next = produce(next, setTraining({ learningRate: 0.1, seed: 7 }));
    expect(next.training).toMatchObject({ learningRate: 0.1, seed: 7 });
    roundTrips(next);
  });

  it('forgets the bindings and settings of deleted gates, so the format still reads the circuit', () => {
    const bound = produce(score, replaceDataset(GUIDE_DATASETS[0], 'ax'));
    const withoutX = produce(bound, (d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'x');
      d.edges = d.edges.filter((e) => e.source !== 'x');
      forgetRemovedNodes(d);
    });
    expect(withoutX.bindings).toBeUndefined();
    expect(withoutX.training).toBeDefined();
    roundTrips(withoutX);
    const withoutLoss = produce(bound, (d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'ax');
      d.edges = [];
      forgetRemovedNodes(d);
    });
    expect(withoutLoss.training).toBeUndefined();
    expect(withoutLoss.dataset).toEqual(GUIDE_DATASETS[0]);
    roundTrips(withoutLoss);
  });

  it('writes input values, leaving gates and non-finite numbers alone', () => {
    const next = produce(score, setInputValues({ a: 2, ax: 5, x: Number.NaN }));
    expect(next.nodes.map((n) => n.value)).toEqual([2, 1.2, undefined]);
  });
});
