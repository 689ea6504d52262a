/**
 * A variant kernel for the level-ordered layout (reorder.ts): one switch per run of gates of one op, and inside
 * each case a tight loop over the run, generated from the engine's gate registry as kernel.ts does. The op is no
 * longer read per gate and the dispatch branch is taken once per run.
 */
import { GATE_TYPES, INPUT_OP, type CompiledCircuit } from '../../src/engine/index.ts';
import type { Runs } from './reorder.ts';

const SLOTS = ['in0', 'in1'];
const reads = (inputs: readonly string[]) => inputs.map((name, k) => `const ${name} = value[${SLOTS[k]}[i]];`).join(' ');
const codes = GATE_TYPES.map((_, code) => code).filter((code) => code !== INPUT_OP);

const forwardRuns = new Function('runOp', 'runStart', 'runCount', 'in0', 'in1', 'value', `
  for (let r = 0; r < runCount; r++) {
    const from = runStart[r];
    const to = runStart[r + 1];
    switch (runOp[r]) {
      ${codes.map((code) => `case ${code}: for (let i = from; i < to; i++) { ${reads(GATE_TYPES[code].inputs)} value[i] = ${GATE_TYPES[code].forward}; } break;`).join('\n      ')}
      default: break;
    }
  }`) as (runOp: Uint8Array, runStart: Int32Array, runCount: number, in0: Int32Array, in1: Int32Array, value: Float64Array) => void;

const backwardRuns = new Function('runOp', 'runStart', 'runCount', 'in0', 'in1', 'value', 'grad', `
  for (let r = runCount - 1; r >= 0; r--) {
    const from = runStart[r];
    const to = runStart[r + 1];
    switch (runOp[r]) {
      ${codes.map((code) => {
        const gate = GATE_TYPES[code];
        const pulls = gate.local.map((expr, k) => `grad[${SLOTS[k]}[i]] += g * (${expr});`).join(' ');
        return `case ${code}: for (let i = to - 1; i >= from; i--) { const g = grad[i]; ${reads(gate.inputs)} const out = value[i]; ${pulls} } break;`;
      }).join('\n      ')}
      default: break;
    }
  }`) as (runOp: Uint8Array, runStart: Int32Array, runCount: number, in0: Int32Array, in1: Int32Array, value: Float64Array, grad: Float64Array) => void;

/** Forward over all live runs, backward over the runs that reach the output (they come first). */
export function runRuns(c: CompiledCircuit, runs: Runs): void {
  const count = runs.op.length;
  forwardRuns(runs.op, runs.start, count, c.in0, c.in1, c.value);
  c.grad.fill(0);
  c.grad[c.slotOf[c.outputIndex]] = c.outputGrad;
  let reachRuns = 0;
  while (reachRuns < count && runs.start[reachRuns] < c.reachCount) reachRuns++;
  backwardRuns(runs.op, runs.start, reachRuns, c.in0, c.in1, c.value, c.grad);
}
