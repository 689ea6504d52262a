/**
 * Everything that runs a gate, generated from the registry's expressions: the forward and backward kernels, and
 * per-gate functions for reading one gate's value or local gradient.
 *
 * The kernels are one loop each over the compiled arrays, with one switch case per gate type.
 *
 * The cases are generated once, when this module loads, from the registry's expressions. A hand-written switch
 * would have to repeat every formula of gates.ts; a call through a table of per-gate functions would cost an
 * indirect call per gate. Generated cases keep each gate's arithmetic inline in a loop V8 optimises as a whole.
 */
import { GATE_TYPES, INPUT_OP } from './gates.ts';

/** Runs slots `from .. to - 1` forward; input slots keep the value already stored. */
export type ForwardKernel = (
  op: Uint8Array, in0: Int32Array, in1: Int32Array, value: Float64Array, from: number, to: number,
) => void;

/** Runs slots `count - 1 .. 0` backward, adding each gate's pull into its sources' gradients. */
export type BackwardKernel = (
  op: Uint8Array, in0: Int32Array, in1: Int32Array, value: Float64Array, grad: Float64Array, count: number,
) => void;

/** The compiled form keeps two input slots per gate. */
export const MAX_PORTS = 2;

const SLOTS = ['in0', 'in1'];

function portReads(inputs: readonly string[]): string {
  return inputs.map((name, k) => `const ${name} = value[${SLOTS[k]}[i]];`).join(' ');
}

function forwardCase(code: number): string {
  const gate = GATE_TYPES[code];
  return `case ${code}: { ${portReads(gate.inputs)} value[i] = ${gate.forward}; break; }`;
}

function backwardCase(code: number): string {
  const gate = GATE_TYPES[code];
  const pulls = gate.local.map((expr, k) => `grad[${SLOTS[k]}[i]] += g * (${expr});`).join(' ');
  return `case ${code}: { ${portReads(gate.inputs)} const out = value[i]; ${pulls} break; }`;
}

const gateCodes = GATE_TYPES.map((_, code) => code).filter((code) => code !== INPUT_OP);

for (const gate of GATE_TYPES) {
  if (gate.inputs.length > MAX_PORTS) throw new Error(`gate "${gate.type}" has more than ${MAX_PORTS} inputs`);
  if (gate.local.length !== gate.inputs.length) throw new Error(`gate "${gate.type}" needs one local per input`);
}

export const forwardKernel = new Function(
  'op', 'in0', 'in1', 'value', 'from', 'to',
  `for (let i = from; i < to; i++) {
    switch (op[i]) {
      ${gateCodes.map(forwardCase).join('\n      ')}
      default: break;
    }
  }`,
) as ForwardKernel;

export const backwardKernel = new Function(
  'op', 'in0', 'in1', 'value', 'grad', 'count',
  `for (let i = count - 1; i >= 0; i--) {
    const g = grad[i];
    switch (op[i]) {
      ${gateCodes.map(backwardCase).join('\n      ')}
      default: break;
    }
  }`,
) as BackwardKernel;

/**
 * Writes each edge's gradient share, `grad[target] · ∂target/∂port`, into `share`; an edge into a gate with no path
 * to the output (slot ≥ `count`) gets 0. One loop over the edges with the backward kernel's expressions inline,
 * instead of a call per edge through the per-gate functions below.
 */
export type EdgeShareKernel = (
  op: Uint8Array, in0: Int32Array, in1: Int32Array, value: Float64Array, grad: Float64Array,
  edgeTarget: Int32Array, edgePort: Uint8Array, count: number, share: Float64Array,
) => void;

function shareCase(code: number): string {
  const gate = GATE_TYPES[code];
  const local = gate.local.length === 1 ? `(${gate.local[0]})` : `(edgePort[e] === 0 ? (${gate.local[0]}) : (${gate.local[1]}))`;
  return `case ${code}: { ${portReads(gate.inputs)} const out = value[i]; share[e] = grad[i] * ${local}; break; }`;
}

export const edgeShareKernel = new Function(
  'op', 'in0', 'in1', 'value', 'grad', 'edgeTarget', 'edgePort', 'count', 'share',
  `for (let e = 0; e < edgeTarget.length; e++) {
    const i = edgeTarget[e];
    if (i >= count) { share[e] = 0; continue; }
    switch (op[i]) {
      ${gateCodes.map(shareCase).join('\n      ')}
      default: share[e] = 0; break;
    }
  }`,
) as EdgeShareKernel;

type Fn = (...args: number[]) => number;

interface GateFunctions {
  /** forward(...portValues) */
  readonly forward: Fn;
  /** local[i](...portValues, out) */
  readonly local: readonly Fn[];
}

// Built from the same expressions as the kernels, so that these functions and the kernels cannot disagree.
const functions = new Map<string, GateFunctions>(
  GATE_TYPES.filter((g) => g.inputs.length > 0).map((g) => [
    g.type,
    {
      forward: new Function(...g.inputs, `return ${g.forward};`) as Fn,
      local: g.local.map((expr) => new Function(...g.inputs, 'out', `return ${expr};`) as Fn),
    },
  ]),
);

/** The gate's forward function over its port values, in port order. */
export function gateForward(type: string, ...ports: number[]): number {
  const f = functions.get(type);
  if (!f) throw new Error(`no forward for gate "${type}"`);
  return f.forward(...ports);
}

/** The gate's local gradient ∂out/∂(port `index`), given its port values in port order. */
export function gateLocal(type: string, index: number, ports: readonly number[]): number {
  const f = functions.get(type);
  const local = f?.local[index];
  if (!f || !local) throw new Error(`no local gradient ${index} for gate "${type}"`);
  return local(...ports, f.forward(...ports));
}
