/**
 * Training a circuit on a dataset, as chapter 2 of the guide does: stochastic gradient descent, one example at a
 * time. Inputs bound to a dataset column take their value from the current example; the loss node is pulled with
 * −1 (minimised); every other trainable input then moves by `learningRate · grad`. A score node's sign is the
 * prediction, compared with the label column for the accuracy.
 */
import type { Circuit, Dataset, Result, TrainingSettings } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';
import { withCompiledValues } from './update.ts';
import { seededRandom, type Random } from './random.ts';

export interface TrainingSetup {
  dataset: Dataset;
  /** Input node id → dataset column. */
  bindings: Record<string, string>;
  training: TrainingSettings;
}

export interface TrainingReport {
  iteration: number;
  /** Mean of the loss node over the whole dataset. */
  loss: number;
  /** Fraction of examples whose score has the sign of their label. */
  accuracy: number;
}

/** Checks a dataset on its own: rows as wide as the columns, column names unique and non-empty. */
export function checkDataset(dataset: Dataset): string | undefined {
  const width = dataset.columns.length;
  const repeated = dataset.columns.findIndex((name, k) => dataset.columns.indexOf(name) !== k);
  if (repeated >= 0) return `dataset.columns[${repeated}]: "${dataset.columns[repeated]}" names another column too`;
  const ragged = dataset.rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) return `dataset.rows[${ragged}]: expected ${width} numbers, one per column, got ${dataset.rows[ragged].length}`;
  return undefined;
}

/** Checks that each binding joins an input of the circuit to a column of the dataset. */
export function checkBindings(circuit: Circuit, dataset: Dataset, bindings: Record<string, string>): string | undefined {
  for (const [id, column] of Object.entries(bindings)) {
    if (circuit.nodes.find((n) => n.id === id)?.type !== 'input') return `bindings.${id}: no input "${id}" to bind`;
    if (!dataset.columns.includes(column)) return `bindings.${id}: no column "${column}" in the dataset`;
  }
  return undefined;
}

/** Checks that the training settings name nodes and a column that exist. */
export function checkTraining(circuit: Circuit, dataset: Dataset, training: TrainingSettings): string | undefined {
  const has = (id: string) => circuit.nodes.some((n) => n.id === id);
  if (!has(training.loss)) return `training.loss: no node "${training.loss}"`;
  if (!has(training.score)) return `training.score: no node "${training.score}"`;
  if (!dataset.columns.includes(training.label)) return `training.label: no column "${training.label}" in the dataset`;
  if (!(training.learningRate > 0)) return `training.learningRate: expected a positive number, got ${training.learningRate}`;
  if (!Number.isInteger(training.iterations) || training.iterations < 0) {
    return `training.iterations: expected a whole number of iterations, got ${training.iterations}`;
  }
  return undefined;
}

/** Checks that the setup fits the circuit: nodes, columns and rows exist and agree. */
export function checkSetup(circuit: Circuit, setup: TrainingSetup): string | undefined {
  if (setup.dataset.rows.length === 0) return 'dataset: there are no examples to train on';
  return (
    checkDataset(setup.dataset) ??
    checkBindings(circuit, setup.dataset, setup.bindings) ??
    checkTraining(circuit, setup.dataset, setup.training)
  );
}

/** The training setup a circuit carries, if it has a dataset and training settings. */
export function trainingSetupOf(circuit: Circuit): TrainingSetup | undefined {
  if (!circuit.dataset || !circuit.training) return undefined;
  return { dataset: circuit.dataset, bindings: circuit.bindings ?? {}, training: circuit.training };
}

export class Trainer {
  private readonly random: Random;
  private readonly bound: { slot: number; column: number }[];
  private readonly params: Int32Array;
  private readonly lossSlot: number;
  private readonly scoreSlot: number;
  private readonly labelColumn: number;
  iteration = 0;

  private constructor(readonly circuit: Circuit, readonly setup: TrainingSetup, readonly compiled: CompiledCircuit) {
    const { dataset, bindings, training } = setup;
    const indexOf = new Map(circuit.nodes.map((n, k) => [n.id, k]));
    this.bound = Object.entries(bindings).map(([id, column]) => ({
      slot: compiled.slotOf[indexOf.get(id)!],
      column: dataset.columns.indexOf(column),
    }));
    const boundSlots = new Set(this.bound.map((b) => b.slot));
    this.params = compiled.params.filter((slot) => !boundSlots.has(slot));
    this.lossSlot = compiled.slotOf[indexOf.get(training.loss)!];
    this.scoreSlot = compiled.slotOf[indexOf.get(training.score)!];
    this.labelColumn = dataset.columns.indexOf(training.label);
    this.random = seededRandom(training.seed);
  }

  static create(circuit: Circuit, setup: TrainingSetup): Result<Trainer> {
    const problem = checkSetup(circuit, setup);
    if (problem) return { ok: false, error: problem };
    const compiled = compile({ ...circuit, output: setup.training.loss, outputGrad: -1 });
    if (!compiled.ok) return compiled;
    if (compiled.value.slotOf[compiled.value.outputIndex] >= compiled.value.liveCount) {
      return { ok: false, error: `training.loss: "${setup.training.loss}" has no value: a port upstream is unwired` };
    }
    return { ok: true, value: new Trainer(circuit, setup, compiled.value) };
  }

  /** Sets the bound inputs to example `row` of the dataset. */
  loadExample(row: number): void {
    const values = this.setup.dataset.rows[row];
    for (const { slot, column } of this.bound) this.compiled.value[slot] = values[column];
  }

  /** Runs `count` iterations of SGD: a random example, forward, backward, update. */
  train(count: number): void {
    const { compiled, params } = this;
    const { rows } = this.setup.dataset;
    const rate = this.setup.training.learningRate;
    for (let k = 0; k < count; k++) {
      this.loadExample(Math.floor(this.random() * rows.length));
      compiled.run();
      for (let p = 0; p < params.length; p++) compiled.value[params[p]] += rate * compiled.grad[params[p]];
      this.iteration++;
    }
  }

  /** Mean loss and accuracy over the whole dataset at the current parameters. */
  report(): TrainingReport {
    const { rows } = this.setup.dataset;
    let loss = 0;
    let correct = 0;
    for (let r = 0; r < rows.length; r++) {
      this.loadExample(r);
      this.compiled.forward();
      loss += this.compiled.value[this.lossSlot];
      const predicted = this.compiled.value[this.scoreSlot] > 0 ? 1 : -1;
      const actual = rows[r][this.labelColumn] > 0 ? 1 : -1;
      if (predicted === actual) correct++;
    }
    return { iteration: this.iteration, loss: loss / rows.length, accuracy: correct / rows.length };
  }

  /**
   * The score over a grid of the plane spanned by two bound columns, row by row from the lowest y; the other
   * bound inputs keep the values of the first example. For drawing the decision boundary.
   */
  scoreGrid(xColumn: string, yColumn: string, x: [number, number], y: [number, number], nx: number, ny: number): Float64Array {
    const columnSlot = (name: string) => this.bound.find((b) => b.column === this.setup.dataset.columns.indexOf(name))?.slot;
    const xs = columnSlot(xColumn);
    const ys = columnSlot(yColumn);
    const grid = new Float64Array(nx * ny);
    if (xs === undefined || ys === undefined) return grid.fill(Number.NaN);
    this.loadExample(0);
    for (let j = 0; j < ny; j++) {
      this.compiled.value[ys] = y[0] + ((y[1] - y[0]) * j) / Math.max(1, ny - 1);
      for (let i = 0; i < nx; i++) {
        this.compiled.value[xs] = x[0] + ((x[1] - x[0]) * i) / Math.max(1, nx - 1);
        this.compiled.forward();
        grid[j * nx + i] = this.compiled.value[this.scoreSlot];
      }
    }
    return grid;
  }

  /** The circuit with its trained parameters (bound inputs keep their file values). */
  trainedCircuit(): Circuit {
    const trained = withCompiledValues(this.circuit, this.compiled);
    const boundIds = new Set(Object.keys(this.setup.bindings));
    return {
      ...trained,
      nodes: trained.nodes.map((node, k) => (boundIds.has(node.id) ? this.circuit.nodes[k] : node)),
    };
  }
}

/** Trains for the setup's iterations, reporting every `every` iterations (and at the start and the end). */
export function train(
  circuit: Circuit, setup: TrainingSetup, every = 25,
): Result<{ circuit: Circuit; reports: TrainingReport[] }> {
  const trainer = Trainer.create(circuit, setup);
  if (!trainer.ok) return trainer;
  const t = trainer.value;
  const reports = [t.report()];
  const total = setup.training.iterations;
  while (t.iteration < total) {
    t.train(Math.min(every, total - t.iteration));
    reports.push(t.report());
  }
  return { ok: true, value: { circuit: t.trainedCircuit(), reports } };
}
