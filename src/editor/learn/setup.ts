/**
 * Edits of a circuit's dataset, bindings and training settings (format version 2), written as recipes for the
 * editor's `edit`, so that each is one undo step and is autosaved. Each keeps the three consistent, because the
 * format refuses a binding to a missing column or settings without a dataset, and an autosave that the format
 * refuses would be lost on reload.
 */
import type { Circuit, Dataset, TrainingSettings } from '../../engine/index.ts';

export const DEFAULT_SETTINGS = { learningRate: 0.01, iterations: 400, seed: 1 } as const;

/** The column most likely to hold the class: one named like a label, else the last. */
export function labelColumnOf(columns: readonly string[]): string {
  return columns.find((c) => /^(label|class|y_?true|target)$/i.test(c)) ?? columns[columns.length - 1];
}

/** Settings for a circuit that has none: the output is minimised, and its sign is taken as the prediction. */
export function defaultTraining(circuit: Circuit, dataset: Dataset, output: string | null): TrainingSettings | undefined {
  const node = output ?? circuit.output ?? circuit.nodes.at(-1)?.id;
  if (!node || dataset.columns.length === 0) return undefined;
  return { loss: node, score: node, label: labelColumnOf(dataset.columns), ...DEFAULT_SETTINGS };
}

/** Drops bindings and the label setting that name columns the dataset no longer has. */
function keepConsistent(draft: Circuit): void {
  const { dataset } = draft;
  if (!dataset) {
    delete draft.bindings;
    delete draft.training;
    return;
  }
  if (draft.bindings) {
    for (const [id, column] of Object.entries(draft.bindings)) {
      const node = draft.nodes.find((n) => n.id === id);
      if (!dataset.columns.includes(column) || node?.type !== 'input') delete draft.bindings[id];
    }
    if (Object.keys(draft.bindings).length === 0) delete draft.bindings;
  }
  if (draft.training && !dataset.columns.includes(draft.training.label)) {
    if (dataset.columns.length === 0) delete draft.training;
    else draft.training.label = labelColumnOf(dataset.columns);
  }
}

/**
 * Replaces the dataset; inputs named like a column are bound to it when nothing is bound yet, and training
 * settings are made up where there are none, so that a fresh dataset is ready to train on.
 */
export function replaceDataset(dataset: Dataset, output: string | null) {
  return (draft: Circuit): void => {
    draft.dataset = structuredClone(dataset);
    if (!draft.bindings || Object.keys(draft.bindings).length === 0) {
      const bindings: Record<string, string> = {};
      for (const node of draft.nodes) {
        if (node.type === 'input' && dataset.columns.includes(node.id)) bindings[node.id] = node.id;
      }
      if (Object.keys(bindings).length > 0) draft.bindings = bindings;
    }
    if (!draft.training) {
      const training = defaultTraining(draft, dataset, output);
      if (training) draft.training = training;
    }
    keepConsistent(draft);
  };
}

/**
 * After gates are deleted: drops the bindings of inputs that are gone, and the training settings whose loss or
 * score is gone, which the format would refuse (and an autosave it refuses is not restored).
 */
export function forgetRemovedNodes(draft: Circuit): void {
  if (draft.training) {
    const ids = new Set(draft.nodes.map((n) => n.id));
    if (!ids.has(draft.training.loss) || !ids.has(draft.training.score)) delete draft.training;
  }
  keepConsistent(draft);
}

export function removeDataset(draft: Circuit): void {
  delete draft.dataset;
  keepConsistent(draft);
}

export function addRow(row: number[]) {
  return (draft: Circuit): void => {
    draft.dataset?.rows.push(row);
  };
}

export function removeRow(index: number) {
  return (draft: Circuit): void => {
    draft.dataset?.rows.splice(index, 1);
  };
}

export function setCell(row: number, column: number, value: number) {
  return (draft: Circuit): void => {
    const cells = draft.dataset?.rows[row];
    if (cells && Number.isFinite(value) && column < cells.length) cells[column] = value;
  };
}

/** Binds an input to a column, or unbinds it (column null). A bound input is a constant: training never moves it. */
export function bind(input: string, column: string | null) {
  return (draft: Circuit): void => {
    if (!draft.dataset) return;
    if (column === null) {
      if (draft.bindings) delete draft.bindings[input];
    } else {
      draft.bindings ??= {};
      draft.bindings[input] = column;
    }
    keepConsistent(draft);
  };
}

export function setTraining(change: Partial<TrainingSettings>) {
  return (draft: Circuit): void => {
    if (!draft.dataset || !draft.training) return;
    Object.assign(draft.training, change);
  };
}

/** Writes input values by node id: trained parameters, or the guide's nudges. */
export function setInputValues(values: Record<string, number>) {
  return (draft: Circuit): void => {
    for (const node of draft.nodes) {
      const v = values[node.id];
      if (node.type === 'input' && v !== undefined && Number.isFinite(v) && node.value !== v) node.value = v;
    }
  };
}
