/**
 * Reads a circuit document: checks it, migrates it to the current version and returns the circuit, or refuses
 * it with a message that names the place. Nothing here throws.
 */
import type { z } from 'zod';
import {
  analyse, checkBindings, checkDataset, checkTraining, type Circuit, type CircuitEdge, type CircuitNode, type Result,
} from '../engine/index.ts';
import { migrate } from './migrate.ts';
import { describe, placeName, valueAt } from './place.ts';
import { FORMAT_ID, documentSchema } from './schema.ts';

export function parseCircuit(text: string): Result<Circuit> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON: ${jsonErrorPlace(text, error)}`);
  }
  return validateCircuit(json);
}

export function validateCircuit(json: unknown): Result<Circuit> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail(`the document is ${describe(json)}, not a circuit object`);
  }
  const doc = json as Record<string, unknown>;
  if (doc.format !== FORMAT_ID) {
    return fail(`format: expected "${FORMAT_ID}", got ${doc.format === undefined ? 'nothing' : describe(doc.format)}`);
  }
  const migrated = migrate(doc);
  if (!migrated.ok) return migrated;

  const parsed = documentSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return fail(issueMessage(first, migrated.value) + more);
  }
  const { format: _format, version: _version, ...circuit } = parsed.data;

  const fieldError = checkFields(circuit.nodes, circuit.edges);
  if (fieldError) return fail(fieldError);
  const structure = analyse(circuit);
  if (!structure.ok) return structure;
  if (circuit.output !== undefined && !structure.value.indexOf.has(circuit.output)) {
    return fail(`output: no node "${circuit.output}"`);
  }
  const trainingError = checkTrainingFields(circuit);
  if (trainingError) return fail(trainingError);
  return { ok: true, value: circuit };
}

/** Field rules that depend on a node's type, and unique edge ids; analyse checks the rest. */
function checkFields(nodes: CircuitNode[], edges: CircuitEdge[]): string | undefined {
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    if (node.type === 'input' && node.value === undefined) return `nodes[${k}].value: missing; an input needs a value`;
    if (node.type !== 'input' && node.value !== undefined) {
      return `nodes[${k}].value: only an input has a value, and "${node.id}" is a ${node.type} gate`;
    }
    if (node.type !== 'input' && node.trainable !== undefined) {
      return `nodes[${k}].trainable: only an input can be trainable, and "${node.id}" is a ${node.type} gate`;
    }
  }
  const edgeIndex = new Map<string, number>();
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    const other = edgeIndex.get(edge.id);
    if (other !== undefined) return `edges[${e}].id: "${edge.id}" is already the id of edges[${other}]`;
    edgeIndex.set(edge.id, e);
    if (edge.sourceHandle !== undefined && edge.sourceHandle !== 'out') {
      return `edges[${e}].sourceHandle: "${edge.sourceHandle}" is not a port; every gate's output is "out"`;
    }
  }
  return undefined;
}

/** Version 2's dataset, bindings and training settings: each needs the dataset, and must fit the circuit. */
function checkTrainingFields(circuit: Circuit): string | undefined {
  const { dataset, bindings, training } = circuit;
  if (!dataset) {
    if (bindings && Object.keys(bindings).length > 0) return 'bindings: there is no dataset to bind inputs to';
    if (training) return 'training: there is no dataset to train on';
    return undefined;
  }
  return (
    checkDataset(dataset) ??
    (bindings ? checkBindings(circuit, dataset, bindings) : undefined) ??
    (training ? checkTraining(circuit, dataset, training) : undefined)
  );
}

const EXPECTED: Record<string, string> = {
  number: 'a finite number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function issueMessage(issue: z.core.$ZodIssue, doc: unknown): string {
  const place = placeName(issue.path) || 'the document';
  const value = valueAt(doc, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${place}: missing (required)`;
      return `${place}: expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`;
    case 'too_small':
      return `${place}: must not be empty`;
    default:
      return `${place}: ${issue.message}`;
  }
}

/** JSON.parse names a character position; people look for a line and a column. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  if (!match) return message;
  const position = Number(match[1]);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
