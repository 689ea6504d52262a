/**
 * Stepping through the passes one gate at a time, for learners. The steps follow the engine's own order: the
 * forward pass visits every node with a value in the compiled topological order, then the backward pass visits
 * every gate on a path to the output in reverse. The state after k steps shows only what those k steps computed;
 * its numbers are read from a full run of the compiled circuit, so that stepping can never disagree with it.
 */
import type { Annotation, Annotations } from './annotate.ts';
import { annotate, idRecord } from './annotate.ts';
import type { Circuit } from './circuit.ts';
import type { CompiledCircuit } from './compile.ts';
import { GATE_TYPES, INPUT_OP } from './gates.ts';

export type StepPhase = 'forward' | 'backward';

export interface Step {
  phase: StepPhase;
  /** Node index in the circuit. */
  node: number;
}

export interface ForwardDetail {
  phase: 'forward';
  node: string;
  type: string;
  /** The values read from each wired port, in port order (none for an input). */
  inputs: { port: string; edge: string; source: string; value: number }[];
  value: number;
}

export interface WirePull {
  edge: string;
  port: string;
  source: string;
  /** The gate's gradient, ∂output/∂gate. */
  upstream: number;
  /** ∂gate/∂port at the forward values. */
  local: number;
  /** upstream × local: the gradient this wire carries back. */
  grad: number;
  /** The source's gradient before and after this pull is added (its accumulation, `+=`). */
  sourceBefore: number | null;
  sourceAfter: number;
}

export interface BackwardDetail {
  phase: 'backward';
  node: string;
  type: string;
  /** The gradient that arrived at this gate; for the output, the pull `outputGrad`. */
  grad: number;
  isOutput: boolean;
  pulls: WirePull[];
}

export interface StepState {
  /** Steps taken so far, 0 (reset) to total. */
  index: number;
  total: number;
  forwardCount: number;
  backwardCount: number;
  /** Where the last step taken was; `reset` before any. */
  phase: 'reset' | StepPhase;
  /** 1-based position within the phase of the last step taken (0 at reset). */
  phaseIndex: number;
  /** Values and gradients computed so far; null where not yet computed. At the end, the full annotations. */
  annotations: Annotations;
  /** The pulls each node has received so far, in arrival order (the output's first term is outputGrad). */
  shares: Record<string, number[]>;
  current: ForwardDetail | BackwardDetail | null;
}

export function planSteps(compiled: CompiledCircuit): Step[] {
  const forward = Array.from(compiled.forwardOrder(), (node): Step => ({ phase: 'forward', node }));
  const backward = Array.from(compiled.backwardOrder())
    .filter((node) => compiled.op[compiled.slotOf[node]] !== INPUT_OP)
    .map((node): Step => ({ phase: 'backward', node }));
  return [...forward, ...backward];
}

/** The state after `index` steps (clamped to 0..total). The compiled circuit must have been run. */
export function stepState(circuit: Circuit, compiled: CompiledCircuit, index: number): StepState {
  const steps = planSteps(compiled);
  const total = steps.length;
  const forwardCount = steps.filter((s) => s.phase === 'forward').length;
  const taken = Math.max(0, Math.min(total, Math.round(index)));
  const full = annotate(circuit, compiled);
  const lastStep = taken > 0 ? steps[taken - 1] : undefined;
  const phase = lastStep?.phase ?? 'reset';
  const phaseIndex = phase === 'backward' ? taken - forwardCount : taken;
  const base = { index: taken, total, forwardCount, backwardCount: total - forwardCount, phase, phaseIndex } as const;

  const nodes = idRecord<Annotation>();
  const edges = idRecord<Annotation>();
  const known = new Uint8Array(circuit.nodes.length);
  for (let k = 0; k < Math.min(taken, forwardCount); k++) known[steps[k].node] = 1;
  const indexOf = new Map(circuit.nodes.map((node, k) => [node.id, k]));

  const backwardTaken = steps.slice(forwardCount, Math.max(forwardCount, taken));
  const shares = collectShares(circuit, compiled, backwardTaken);
  const pulled = new Set(backwardTaken.map((s) => s.node));

  circuit.nodes.forEach((node, k) => {
    const received = shares.received[node.id];
    nodes[node.id] = {
      value: known[k] ? full.nodes[node.id].value : null,
      grad: received ? shares.sum[node.id] : null,
    };
  });
  circuit.edges.forEach((edge, e) => {
    const target = indexOf.get(edge.target)!;
    edges[edge.id] = {
      value: known[indexOf.get(edge.source)!] ? full.edges[edge.id].value : null,
      grad: pulled.has(target) ? compiled.edgeGrad(e) : null,
    };
  });

  let current: StepState['current'] = null;
  if (lastStep?.phase === 'forward') current = forwardDetail(circuit, compiled, lastStep.node);
  if (lastStep?.phase === 'backward') current = backwardDetail(circuit, compiled, lastStep.node, shares);
  // The last step leaves exactly what a full run shows, gradients of 0 off the output's paths included.
  if (taken === total && total > 0) return { ...base, annotations: full, shares: shares.received, current };
  return { ...base, annotations: { output: full.output, nodes, edges }, shares: shares.received, current };
}

interface Shares {
  received: Record<string, number[]>;
  sum: Record<string, number>;
  /** Per edge index pulled so far: the source's gradient before and after the pull. */
  before: Map<number, number | null>;
  after: Map<number, number>;
}

/** Replays the pulls of the given backward steps in order, summing them as the backward kernel does. */
function collectShares(circuit: Circuit, compiled: CompiledCircuit, backward: readonly Step[]): Shares {
  const received = idRecord<number[]>();
  const sum = idRecord<number>();
  const before = new Map<number, number | null>();
  const after = new Map<number, number>();
  if (backward.length === 0) return { received, sum, before, after };
  const output = circuit.nodes[compiled.outputIndex].id;
  received[output] = [compiled.outputGrad];
  sum[output] = compiled.outputGrad;
  const incoming = edgesByTarget(circuit);
  for (const step of backward) {
    for (const e of incoming.get(step.node) ?? []) {
      const source = circuit.edges[e].source;
      const share = compiled.edgeGrad(e)!;
      before.set(e, source in sum ? sum[source] : null);
      sum[source] = (sum[source] ?? 0) + share;
      (received[source] ??= []).push(share);
      after.set(e, sum[source]);
    }
  }
  return { received, sum, before, after };
}

/** Edge indices into each node, in port order (the order the backward kernel adds them). */
function edgesByTarget(circuit: Circuit): Map<number, number[]> {
  const indexOf = new Map(circuit.nodes.map((node, k) => [node.id, k]));
  const byTarget = new Map<number, number[]>();
  circuit.edges.forEach((edge, e) => {
    const t = indexOf.get(edge.target)!;
    const list = byTarget.get(t) ?? [];
    list.push(e);
    byTarget.set(t, list);
  });
  for (const [t, list] of byTarget) {
    const ports = GATE_TYPES.find((g) => g.type === circuit.nodes[t].type)!.inputs;
    list.sort((e1, e2) => ports.indexOf(circuit.edges[e1].targetHandle) - ports.indexOf(circuit.edges[e2].targetHandle));
  }
  return byTarget;
}

function forwardDetail(circuit: Circuit, compiled: CompiledCircuit, node: number): ForwardDetail {
  const gate = circuit.nodes[node];
  const inputs = circuit.edges
    .map((edge, e) => ({ edge, e }))
    .filter(({ edge }) => edge.target === gate.id)
    .map(({ edge, e }) => ({ port: edge.targetHandle, edge: edge.id, source: edge.source, value: compiled.edgeValue(e)! }));
  const ports = GATE_TYPES[compiled.op[compiled.slotOf[node]]].inputs;
  inputs.sort((p, q) => ports.indexOf(p.port) - ports.indexOf(q.port));
  return { phase: 'forward', node: gate.id, type: gate.type, inputs, value: compiled.nodeValue(node)! };
}

function backwardDetail(circuit: Circuit, compiled: CompiledCircuit, node: number, shares: Shares): BackwardDetail {
  const gate = circuit.nodes[node];
  const slot = compiled.slotOf[node];
  const pulls: WirePull[] = (edgesByTarget(circuit).get(node) ?? []).map((e) => {
    const edge = circuit.edges[e];
    const port = compiled.edgePort[e];
    return {
      edge: edge.id,
      port: edge.targetHandle,
      source: edge.source,
      upstream: compiled.grad[slot],
      local: compiled.localGrad(slot, port),
      grad: compiled.edgeGrad(e)!,
      sourceBefore: shares.before.get(e) ?? null,
      sourceAfter: shares.after.get(e)!,
    };
  });
  return {
    phase: 'backward', node: gate.id, type: gate.type, grad: compiled.grad[slot], isOutput: node === compiled.outputIndex, pulls,
  };
}
