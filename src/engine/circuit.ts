/**
 * A circuit as the engine reads it: the nodes and edges of the circuit format, without the file's envelope.
 * Fields the engine does not use (labels, positions) ride along so that the editor and the file map one to one.
 */

export interface Position {
  x: number;
  y: number;
}

export interface CircuitNode {
  id: string;
  type: string;
  /** Inputs only: the value the input carries. */
  value?: number;
  /** Inputs only; absent means true: a parameter update moves it. */
  trainable?: boolean;
  label?: string;
  position?: Position;
}

export interface CircuitEdge {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
  targetHandle: string;
}

/** A table of examples: one number per named column in each row. */
export interface Dataset {
  name?: string;
  columns: string[];
  rows: number[][];
}

export interface TrainingSettings {
  /** The node minimised: pulled with −1. */
  loss: string;
  /** The node whose sign is the prediction. */
  score: string;
  /** The dataset column holding each example's label (its sign is the class). */
  label: string;
  learningRate: number;
  iterations: number;
  seed: number;
}

export interface Circuit {
  name?: string;
  nodes: CircuitNode[];
  edges: CircuitEdge[];
  /** Where the backward pass starts; absent means the one gate no wire leaves, if there is exactly one. */
  output?: string;
  /** The gradient pulled on the output; absent means 1. */
  outputGrad?: number;
  /** Format version 2: examples to train on, which inputs read which column, and how to train. */
  dataset?: Dataset;
  /** Input node id → dataset column: the input takes its value from the current example. */
  bindings?: Record<string, string>;
  training?: TrainingSettings;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function isTrainable(node: CircuitNode): boolean {
  return node.type === 'input' && node.trainable !== false;
}
