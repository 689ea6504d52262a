/**
 * The shape of a version-1 circuit file, as zod checks it: types and required fields. What depends on more than
 * one field (unique ids, wires between existing ports, cycles) is checked after, in validate.ts.
 */
import { z } from 'zod';

export const FORMAT_ID = 'wiregrad/circuit';
export const CURRENT_VERSION = 1;

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

export const documentSchema = z.object({
  format: z.literal(FORMAT_ID),
  version: z.literal(CURRENT_VERSION),
  name: z.string().optional(),
  nodes: z.array(node),
  edges: z.array(edge),
  output: z.string().optional(),
  outputGrad: finite.optional(),
});

export type CircuitDocument = z.infer<typeof documentSchema>;
