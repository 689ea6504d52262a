/**
 * A variant layout: one Int32Array holding, per slot, the op code and both input slots side by side
 * ([op, in0, in1]), so that a gate's instruction is one cache line's neighbour rather than three arrays' worth
 * of loads. The kernels are generated from the engine's gate registry, as kernel.ts does.
 */
import { GATE_TYPES, INPUT_OP, type CompiledCircuit } from '../../src/engine/index.ts';

const codes = GATE_TYPES.map((_, code) => code).filter((code) => code !== INPUT_OP);
const OFFSET = ['1', '2'];
const reads = (inputs: readonly string[]) =>
  inputs.map((name, k) => `const ${name} = value[code[j + ${OFFSET[k]}]];`).join(' ');

const forward = new Function('code', 'value', 'count', `
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    switch (code[j]) {
      ${codes.map((c) => `case ${c}: { ${reads(GATE_TYPES[c].inputs)} value[i] = ${GATE_TYPES[c].forward}; break; }`).join('\n      ')}
      default: break;
    }
  }`) as (code: Int32Array, value: Float64Array, count: number) => void;

const backward = new Function('code', 'value', 'grad', 'count', `
  for (let i = count - 1, j = 3 * (count - 1); i >= 0; i--, j -= 3) {
    const g = grad[i];
    switch (code[j]) {
      ${codes.map((c) => {
        const gate = GATE_TYPES[c];
        const pulls = gate.local.map((expr, k) => `grad[code[j + ${OFFSET[k]}]] += g * (${expr});`).join(' ');
        return `case ${c}: { ${reads(gate.inputs)} const out = value[i]; ${pulls} break; }`;
      }).join('\n      ')}
      default: break;
    }
  }`) as (code: Int32Array, value: Float64Array, grad: Float64Array, count: number) => void;

export function pack(c: CompiledCircuit): Int32Array {
  const code = new Int32Array(3 * c.nodeCount);
  for (let i = 0; i < c.nodeCount; i++) {
    code[3 * i] = c.op[i];
    code[3 * i + 1] = c.in0[i];
    code[3 * i + 2] = c.in1[i];
  }
  return code;
}

export function runPacked(c: CompiledCircuit, code: Int32Array): void {
  forward(code, c.value, c.liveCount);
  c.grad.fill(0);
  c.grad[c.slotOf[c.outputIndex]] = c.outputGrad;
  backward(code, c.value, c.grad, c.reachCount);
}
