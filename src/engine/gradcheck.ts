/**
 * Numerical gradient check: each analytic gradient beside a central difference of the output. Central
 * differences have error O(h²) against O(h) for the guide's one-sided ones, so a tight tolerance holds.
 *
 * Inputs are checked by nudging their value. Wires are checked by nudging the value that one wire carries and
 * nothing else: the wire's target is pointed at the compiled form's scratch slot, which holds the nudged value,
 * and the forward pass reruns from that target on.
 */
import type { Circuit } from './circuit.ts';
import type { CompiledCircuit } from './compile.ts';

export interface GradCheckRow {
  kind: 'input' | 'wire';
  /** The input's node id or the wire's edge id. */
  id: string;
  analytic: number;
  numerical: number;
  /** |analytic − numerical| / max(|analytic|, |numerical|, floor); 0 where both are equal (see relativeError). */
  relError: number;
  ok: boolean;
}

export interface GradCheckReport {
  ok: boolean;
  tolerance: number;
  rows: GradCheckRow[];
}

export interface GradCheckOptions {
  tolerance?: number;
  /** Also check every wire whose target has a value. */
  wires?: boolean;
}

export const DEFAULT_TOLERANCE = 1e-6;

/**
 * A central difference of an output of size |f| carries rounding noise of about ε·|f|/h ≈ 2·10⁻¹¹·|f| at our h,
 * however small the gradient: a saturated sigmoid's 2·10⁻⁹ cannot be matched to six relative digits. So the
 * error is relative to the larger gradient, but never to less than this floor, which lets through differences
 * of up to tolerance × floor ≈ 10⁻¹⁰·|f|, five times the noise, and catches anything larger.
 */
export function gradientFloor(output: number): number {
  return 1e-4 * Math.max(1, Math.abs(output));
}

export function relativeError(a: number, b: number, floor = gradientFloor(1)): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** The nudge for a value x: small against x, never below 1e-5. */
function stepFor(x: number): number {
  return 1e-5 * Math.max(1, Math.abs(x));
}

/**
 * Checks every input node (and every wire, if asked). Leaves the compiled circuit as it found it after a run.
 * Where there is no backward pass there is nothing to check, and the report has no rows.
 */
export function checkGradients(
  circuit: Circuit, compiled: CompiledCircuit, options: GradCheckOptions | number = {},
): GradCheckReport {
  const { tolerance = DEFAULT_TOLERANCE, wires = false } = typeof options === 'number' ? { tolerance: options } : options;
  compiled.run();
  const rows: GradCheckRow[] = [];
  if (!compiled.hasBackward) return { ok: true, tolerance, rows };
  const floor = gradientFloor(compiled.outputValue() ?? 1);
  const row = (kind: GradCheckRow['kind'], id: string, analytic: number, numerical: number): GradCheckRow => {
    const relError = relativeError(analytic, numerical, floor);
    return { kind, id, analytic, numerical, relError, ok: relError <= tolerance };
  };

  circuit.nodes.forEach((node, k) => {
    if (node.type !== 'input') return;
    const slot = compiled.slotOf[k];
    const analytic = compiled.grad[slot];
    const numerical = centralDifference(compiled, slot, compiled.value[slot], (v) => {
      compiled.value[slot] = v;
    });
    rows.push(row('input', node.id, analytic, numerical));
  });

  if (wires) {
    circuit.edges.forEach((edge, e) => {
      const target = compiled.edgeTarget[e];
      const carried = compiled.edgeValue(e);
      if (target >= compiled.liveCount || carried === null) return;
      const ports = compiled.edgePort[e] === 0 ? compiled.in0 : compiled.in1;
      const source = ports[target];
      const analytic = compiled.edgeGrad(e)!;
      ports[target] = compiled.scratchSlot;
      const numerical = centralDifference(compiled, target, carried, (v) => {
        compiled.value[compiled.scratchSlot] = v;
      });
      ports[target] = source;
      compiled.forward(target);
      rows.push(row('wire', edge.id, analytic, numerical));
    });
  }

  compiled.run();
  return { ok: rows.every((r) => r.ok), tolerance, rows };
}

/** outputGrad · ∂output/∂v by a central difference, where `set` writes v and the forward pass reruns from `from`. */
function centralDifference(compiled: CompiledCircuit, from: number, v: number, set: (v: number) => void): number {
  const outSlot = compiled.slotOf[compiled.outputIndex];
  const h = stepFor(v);
  set(v + h);
  compiled.forward(from);
  const up = compiled.value[outSlot];
  set(v - h);
  compiled.forward(from);
  const down = compiled.value[outSlot];
  set(v);
  compiled.forward(from);
  return (compiled.outputGrad * (up - down)) / (2 * h);
}
