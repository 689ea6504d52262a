/**
 * Writes a circuit as its canonical file: the envelope first, then fields in a fixed order, absent optional
 * fields left out, two-space indentation and a final newline, so that saving the same circuit twice gives the
 * same bytes and files diff well.
 */
import type { Circuit, CircuitEdge, CircuitNode } from '../engine/index.ts';
import { CURRENT_VERSION, FORMAT_ID } from './schema.ts';

export function serializeCircuit(circuit: Circuit): string {
  const doc = {
    format: FORMAT_ID,
    version: CURRENT_VERSION,
    name: circuit.name,
    nodes: circuit.nodes.map(canonicalNode),
    edges: circuit.edges.map(canonicalEdge),
    output: circuit.output,
    outputGrad: circuit.outputGrad,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
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
