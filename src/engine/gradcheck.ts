/**
 * Numerical gradient check: each input's analytic gradient beside a central difference of the output.
 * Central differences have error O(h²) against O(h) for the guide's one-sided ones, so a tight tolerance holds.
 */
import type { Circuit } from './circuit.ts';
import type { CompiledCircuit } from './compile.ts';

export interface GradCheckRow {
  id: string;
  analytic: number;
  numerical: number;
  /** |analytic − numerical| / max(|analytic|, |numerical|, floor); 0 where both are 0. */
  relError: number;
  ok: boolean;
}

export interface GradCheckReport {
  ok: boolean;
  tolerance: number;
  rows: GradCheckRow[];
}

export const DEFAULT_TOLERANCE = 1e-6;
/** Below this size a difference counts as absolute: gradients of exactly 0 have no relative scale. */
const FLOOR = 1e-8;

export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), FLOOR);
}

/**
 * Checks every input node. Leaves the compiled circuit as it found it (values restored, last run repeated).
 * Where there is no backward pass there is nothing to check, and the report has no rows.
 */
export function checkGradients(
  circuit: Circuit, compiled: CompiledCircuit, tolerance = DEFAULT_TOLERANCE,
): GradCheckReport {
  compiled.run();
  const rows: GradCheckRow[] = [];
  if (!compiled.hasBackward) return { ok: true, tolerance, rows };
  const outSlot = compiled.slotOf[compiled.outputIndex];
  const analytic = Float64Array.from(compiled.grad);
  circuit.nodes.forEach((node, k) => {
    if (node.type !== 'input') return;
    const slot = compiled.slotOf[k];
    const x = compiled.value[slot];
    const h = 1e-5 * Math.max(1, Math.abs(x));
    compiled.value[slot] = x + h;
    compiled.forward();
    const up = compiled.value[outSlot];
    compiled.value[slot] = x - h;
    compiled.forward();
    const down = compiled.value[outSlot];
    compiled.value[slot] = x;
    const numerical = (compiled.outputGrad * (up - down)) / (2 * h);
    const relError = relativeError(analytic[slot], numerical);
    rows.push({ id: node.id, analytic: analytic[slot], numerical, relError, ok: relError <= tolerance });
  });
  compiled.run();
  return { ok: rows.every((row) => row.ok), tolerance, rows };
}
