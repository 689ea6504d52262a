/** Words about gates for people: palette tooltips, and why a gate's number is NaN or infinite. */
import { GATE_TYPES, gateType, type GateGroup, type GateType } from '../engine/index.ts';
import { formatNumber } from './numbers.ts';

export const GROUPS: { group: GateGroup; title: string }[] = [
  { group: 'input', title: 'Inputs' },
  { group: 'arithmetic', title: 'Arithmetic' },
  { group: 'nonlinear', title: 'Non-linearities' },
];

export function gatesOf(group: GateGroup): readonly GateType[] {
  return GATE_TYPES.filter((g) => g.group === group);
}

/** "Multiply: out = a × b; ∂out/∂a = b, ∂out/∂b = a" */
export function gateTooltip(gate: GateType): string {
  if (gate.inputs.length === 0) return `${gate.title}: a number you set; trainable or constant`;
  const locals = gate.inputs.map((port, k) => `∂out/∂${port} = ${gate.localFormulas[k]}`).join(', ');
  return `${gate.title}: out = ${gate.formula}; ${locals}`;
}

/**
 * Why a gate's value or gradient is not a finite number, from the values at its ports. Null when it is fine.
 * `inputs` are the values arriving at each port, in port order.
 */
export function troubleOf(
  type: string,
  value: number | null,
  grad: number | null,
  inputs: readonly (number | null)[],
): string | null {
  const badValue = typeof value === 'number' && !Number.isFinite(value);
  const badGrad = typeof grad === 'number' && !Number.isFinite(grad);
  if (!badValue && !badGrad) return null;
  const gate = gateType(type);
  const upstream = inputs.findIndex((v) => typeof v === 'number' && !Number.isFinite(v));
  if (badValue && upstream >= 0 && gate) {
    return `value is ${formatNumber(value)}: its input "${gate.inputs[upstream]}" is already ${formatNumber(inputs[upstream])}`;
  }
  const [a, b] = inputs;
  const reasons: Record<string, string | undefined> = {
    log: typeof a === 'number' ? (a < 0 ? 'ln of a negative number' : a === 0 ? 'ln 0 = −∞, and its slope 1/0' : undefined) : undefined,
    div: b === 0 ? (a === 0 ? '0 ÷ 0 is undefined' : 'division by zero') : undefined,
    pow: typeof a === 'number' && a < 0 ? 'a negative base to a fractional power, or ln of a negative base' : a === 0 ? 'ln 0 in the gradient of a⁰…' : undefined,
    exp: 'e^x overflows beyond x ≈ 709',
  };
  const what = badValue ? `value is ${formatNumber(value)}` : `gradient is ${formatNumber(grad)}`;
  const why = reasons[type] ?? (badGrad && !badValue ? 'a gradient that arrived from downstream is not finite' : 'an input is not finite');
  return `${what}: ${why}`;
}
