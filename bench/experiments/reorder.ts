/**
 * A variant of the engine's slot layout, built from its compiled form: the same arrays, with the gates that
 * reach the output renumbered by level (longest path from an input) and, within a level, by op code. Gates of
 * one level never read each other, so this is still a topological order; and gates of one op now come in runs,
 * so the kernels' `switch (op[i])` takes the same branch many times in a row instead of a random one.
 */
import { CompiledCircuit } from '../../src/engine/index.ts';

export interface Runs {
  /** Op code of each run, and where each run starts in the slot order (one more entry: the end). */
  op: Uint8Array;
  start: Int32Array;
}

export function levelOrdered(c: CompiledCircuit): { compiled: CompiledCircuit; runs: Runs } {
  const n = c.nodeCount;
  const reach = c.reachCount;
  const level = new Int32Array(reach);
  for (let i = 0; i < reach; i++) {
    if (c.op[i] === 0) continue;
    const a = c.in0[i];
    const b = c.in1[i];
    level[i] = 1 + Math.max(a >= 0 ? level[a] : 0, b >= 0 ? level[b] : 0);
  }
  const slots = Array.from({ length: reach }, (_, i) => i);
  slots.sort((x, y) => level[x] - level[y] || c.op[x] - c.op[y] || x - y);
  // newSlot[old] for every slot; slots past reachCount keep their place.
  const newSlot = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) newSlot[i] = i;
  slots.forEach((old, k) => {
    newSlot[old] = k;
  });
  const op = new Uint8Array(n);
  const in0 = new Int32Array(n);
  const in1 = new Int32Array(n);
  const value = new Float64Array(n + 1);
  for (let old = 0; old < n; old++) {
    const k = newSlot[old];
    op[k] = c.op[old];
    in0[k] = c.in0[old] >= 0 ? newSlot[c.in0[old]] : -1;
    in1[k] = c.in1[old] >= 0 ? newSlot[c.in1[old]] : -1;
    value[k] = c.value[old];
  }
  const compiled = new CompiledCircuit(
    op, in0, in1, value, new Float64Array(n), c.slotOf.map((s) => newSlot[s]), c.edgeTarget.map((s) => newSlot[s]),
    c.edgePort, c.params.map((s) => newSlot[s]), c.reachCount, c.liveCount, c.outputIndex, c.outputGrad,
  );
  const runOps: number[] = [];
  const runStarts: number[] = [];
  for (let i = 0; i < c.liveCount; i++) {
    if (i === 0 || op[i] !== op[i - 1] || i === reach) {
      runOps.push(op[i]);
      runStarts.push(i);
    }
  }
  runStarts.push(c.liveCount);
  return { compiled, runs: { op: Uint8Array.from(runOps), start: Int32Array.from(runStarts) } };
}
