/**
 * A training run as the editor drives it: the engine's Trainer, advanced a slice at a time (one slice per
 * animation frame, so the page stays responsive), with a report of loss and accuracy every few iterations for
 * the charts. Slicing never changes the result: the same seed gives the same parameters as the CLI's `train`.
 */
import { Trainer, trainingSetupOf, type Circuit, type Result, type TrainingReport } from '../../engine/index.ts';

/** About this many points per chart, whatever the number of iterations. */
const REPORTS_PER_RUN = 200;

export class TrainingRun {
  readonly reports: TrainingReport[];
  readonly every: number;

  constructor(readonly trainer: Trainer, readonly total: number) {
    this.every = Math.max(1, Math.ceil(total / REPORTS_PER_RUN));
    this.reports = [trainer.report()];
  }

  get iteration(): number {
    return this.trainer.iteration;
  }

  get done(): boolean {
    return this.trainer.iteration >= this.total;
  }

  get last(): TrainingReport {
    return this.reports[this.reports.length - 1];
  }

  /** Runs up to `count` more iterations, reporting at every multiple of `every` and at the end. */
  advance(count: number): void {
    let left = Math.min(count, this.total - this.trainer.iteration);
    while (left > 0) {
      const toReport = this.every - (this.trainer.iteration % this.every);
      const slice = Math.min(left, toReport, this.total - this.trainer.iteration);
      this.trainer.train(slice);
      left -= slice;
      if (this.trainer.iteration % this.every === 0 || this.done) this.reports.push(this.trainer.report());
    }
  }

  /** The circuit with the parameters trained so far. */
  circuit(): Circuit {
    return this.trainer.trainedCircuit();
  }
}

/** A run on the circuit's own dataset and settings, from its current values; or why there cannot be one. */
export function startRun(circuit: Circuit): Result<TrainingRun> {
  const setup = trainingSetupOf(circuit);
  if (!setup) return { ok: false, error: 'there is no dataset with training settings: choose one in Data' };
  const trainer = Trainer.create(circuit, setup);
  if (!trainer.ok) return trainer;
  return { ok: true, value: new TrainingRun(trainer.value, setup.training.iterations) };
}

/** Iterations per animation frame when the user has not chosen: a run of any length lasts about two seconds. */
export function autoSpeed(total: number): number {
  return Math.max(1, Math.ceil(total / 120));
}

/** The trained values of the trainable, unbound inputs, by node id: what a run writes back into the circuit. */
export function trainedValues(run: TrainingRun): Record<string, number> {
  const trained = run.circuit();
  const bound = run.trainer.setup.bindings;
  const values: Record<string, number> = {};
  for (const node of trained.nodes) {
    if (node.type === 'input' && node.trainable !== false && !(node.id in bound) && node.value !== undefined) values[node.id] = node.value;
  }
  return values;
}
