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

export interface Circuit {
  name?: string;
  nodes: CircuitNode[];
  edges: CircuitEdge[];
  /** Where the backward pass starts; absent means the one gate no wire leaves, if there is exactly one. */
  output?: string;
  /** The gradient pulled on the output; absent means 1. */
  outputGrad?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function isTrainable(node: CircuitNode): boolean {
  return node.type === 'input' && node.trainable !== false;
}
