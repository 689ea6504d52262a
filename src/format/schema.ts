/**
 * The shape of a circuit file of the current version, as zod checks it: types and required fields. What depends
 * on more than one field (unique ids, wires between existing ports, cycles, bindings) is checked after, in
 * validate.ts. Older versions are migrated to this one first (migrate.ts).
 */
import { z } from 'zod';

export const FORMAT_ID = 'wiregrad/circuit';
export const CURRENT_VERSION = 2;
/** The newest version whose readers know nothing of datasets and training: plain circuits are written as it. */
export const PLAIN_VERSION = 1;

// zod 4's z.number() already refuses NaN and ±Infinity (JSON.parse turns 1e999 into Infinity).
const finite = z.number();

const position = z.object({ x: finite, y: finite });

const node = z.object({
  id: z.string().min(1),
  type: z.string(),
  value: finite.optional(),
  trainable: z.boolean().optional(),
  label: z.string().optional(),
  position: position.optional(),
});

const edge = z.object({
  id: z.string().min(1),
  source: z.string(),
  sourceHandle: z.string().optional(),
  target: z.string(),
  targetHandle: z.string(),
});

const dataset = z.object({
  name: z.string().optional(),
  columns: z.array(z.string().min(1)),
  rows: z.array(z.array(finite)),
});

const training = z.object({
  loss: z.string(),
  score: z.string(),
  label: z.string(),
  learningRate: finite,
  iterations: finite,
  seed: finite,
});

export const documentSchema = z.object({
  format: z.literal(FORMAT_ID),
  version: z.literal(CURRENT_VERSION),
  name: z.string().optional(),
  nodes: z.array(node),
  edges: z.array(edge),
  output: z.string().optional(),
  outputGrad: finite.optional(),
  dataset: dataset.optional(),
  bindings: z.record(z.string(), z.string()).optional(),
  training: training.optional(),
});

export type CircuitDocument = z.infer<typeof documentSchema>;
