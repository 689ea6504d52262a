/**
 * Writes a circuit as its canonical file: the envelope first, then fields in a fixed order, absent optional
 * fields left out, two-space indentation and a final newline, so that saving the same circuit twice gives the
 * same bytes and files diff well. A circuit without a dataset or training settings is written as version 1,
 * which it is, so that readers of version 1 still open it.
 */
import type { Circuit, CircuitEdge, CircuitNode } from '../engine/index.ts';
import { CURRENT_VERSION, FORMAT_ID, PLAIN_VERSION } from './schema.ts';

export function serializeCircuit(circuit: Circuit): string {
  const doc = {
    format: FORMAT_ID,
    version: needsVersion2(circuit) ? CURRENT_VERSION : PLAIN_VERSION,
    name: circuit.name,
    nodes: circuit.nodes.map(canonicalNode),
    edges: circuit.edges.map(canonicalEdge),
    output: circuit.output,
    outputGrad: circuit.outputGrad,
    dataset: circuit.dataset && {
      name: circuit.dataset.name,
      columns: circuit.dataset.columns,
      rows: circuit.dataset.rows,
    },
    bindings: circuit.bindings,
    training: circuit.training && {
      loss: circuit.training.loss,
      score: circuit.training.score,
      label: circuit.training.label,
      learningRate: circuit.training.learningRate,
      iterations: circuit.training.iterations,
      seed: circuit.training.seed,
    },
  };
  // Rows stay one line each: a dataset of a hundred examples should read as a table, not as a column of numbers.
  return `${JSON.stringify(doc, null, 2).replace(NUMBER_ARRAY, (row) => `[${row.slice(1, -1).trim().split(/,\s+/).join(', ')}]`)}\n`;
}

/**
 * A pretty-printed array of numbers, one per line. It must span lines, and JSON.stringify escapes every newline
 * inside a string, so this can never match text within a name, label or id.
 */
const NUMBER_ARRAY = /\[\n(?:[ ]*-?[\d.eE+-]+,?\n)+[ ]*\]/g;

function needsVersion2(circuit: Circuit): boolean {
  return circuit.dataset !== undefined || circuit.bindings !== undefined || circuit.training !== undefined;
}

function canonicalNode(node: CircuitNode): CircuitNode {
  return {
    id: node.id,
    type: node.type,
    value: node.value,
    trainable: node.trainable,
    label: node.label,
    position: node.position && { x: node.position.x, y: node.position.y },
  };
}

function canonicalEdge(edge: CircuitEdge): CircuitEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: edge.targetHandle,
  };
}

/** The file name a circuit is saved under: its name made safe for file systems, or "circuit". */
export function fileNameFor(circuit: Circuit): string {
  const base = (circuit.name ?? '')
    .trim()
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${base || 'circuit'}.circuit.json`;
}
