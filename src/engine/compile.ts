/**
 * Compiles a circuit once into flat typed arrays, over which forward and backward run with no allocation.
 *
 * Slots are the nodes renumbered in a topological order chosen so that each pass is one contiguous range:
 *   [0, reachCount)          live gates with a path to the output: the backward pass runs over these;
 *   [reachCount, liveCount)  live gates with no path to the output: forward only, gradient 0;
 *   [liveCount, nodeCount)   gates with no value (an unwired input upstream): never run.
 * This order is valid because the ancestors of the output are closed under "is an input of".
 * Changing an input's value needs no recompile: write it with setValue and run again.
 */
import type { Circuit, Result } from './circuit.ts';
import { GATE_TYPES, INPUT_OP, opCode } from './gates.ts';
import { backwardKernel, edgeShareKernel, forwardKernel, gateLocal } from './kernel.ts';
import { topologicalOrder } from './topo.ts';

export class CompiledCircuit {
  constructor(
    readonly op: Uint8Array,
    readonly in0: Int32Array,
    readonly in1: Int32Array,
    readonly value: Float64Array,
    readonly grad: Float64Array,
    /** Node index → slot. */
    readonly slotOf: Int32Array,
    /** Edge index → slot of the gate it feeds, and which of its ports. */
    readonly edgeTarget: Int32Array,
    readonly edgePort: Uint8Array,
    /** Slots of the trainable inputs. */
    readonly params: Int32Array,
    readonly reachCount: number,
    readonly liveCount: number,
    /** Node index of the output, or -1 where there is none. */
    readonly outputIndex: number,
    public outputGrad: number,
  ) {}

  /** Nodes are addressed by their index in the circuit's node list, edges likewise. */
  get nodeCount(): number {
    return this.slotOf.length;
  }

  get edgeCount(): number {
    return this.edgeTarget.length;
  }

  /** Whether there is a backward pass: the output exists and has a value. */
  get hasBackward(): boolean {
    return this.outputIndex >= 0 && this.slotOf[this.outputIndex] < this.liveCount;
  }

  /** The scratch slot, one past the nodes: a wire can be pointed at it to carry a value of its own. */
  get scratchSlot(): number {
    return this.slotOf.length;
  }

  /** Sets an input node's value (by node index); run again to see its effect. */
  setValue(nodeIndex: number, v: number): void {
    this.value[this.slotOf[nodeIndex]] = v;
  }

  /** Runs the forward pass, from slot `from` on when only what follows it has changed. */
  forward(from = 0): void {
    forwardKernel(this.op, this.in0, this.in1, this.value, from, this.liveCount);
  }

  backward(): void {
    this.grad.fill(0);
    if (!this.hasBackward) return;
    this.grad[this.slotOf[this.outputIndex]] = this.outputGrad;
    backwardKernel(this.op, this.in0, this.in1, this.value, this.grad, this.reachCount);
  }

  run(): void {
    this.forward();
    this.backward();
  }

  nodeValue(nodeIndex: number): number | null {
    const slot = this.slotOf[nodeIndex];
    return slot < this.liveCount ? this.value[slot] : null;
  }

  nodeGrad(nodeIndex: number): number | null {
    return this.hasBackward ? this.grad[this.slotOf[nodeIndex]] : null;
  }

  outputValue(): number | null {
    return this.outputIndex >= 0 ? this.nodeValue(this.outputIndex) : null;
  }

  /** The value a wire carries: its source's value. */
  edgeValue(edgeIndex: number): number | null {
    const source = this.edgeSource(edgeIndex);
    return source < this.liveCount ? this.value[source] : null;
  }

  /** The gradient flowing back along this wire alone: its target's gradient times the local gradient. */
  edgeGrad(edgeIndex: number): number | null {
    if (!this.hasBackward) return null;
    const target = this.edgeTarget[edgeIndex];
    if (target >= this.reachCount) return 0;
    return this.grad[target] * this.localGrad(target, this.edgePort[edgeIndex]);
  }

  /**
   * Every edge's gradient at once, as edgeGrad gives them one by one (the same numbers, bit for bit), into `into`
   * (one entry per edge); null where there is no backward pass.
   */
  edgeGrads(into = new Float64Array(this.edgeCount)): Float64Array | null {
    if (!this.hasBackward) return null;
    edgeShareKernel(this.op, this.in0, this.in1, this.value, this.grad, this.edgeTarget, this.edgePort, this.reachCount, into);
    return into;
  }

  /** ∂(gate at slot)/∂(its port), from the values of the last forward pass. */
  localGrad(slot: number, port: number): number {
    const gate = GATE_TYPES[this.op[slot]];
    const ports = gate.inputs.map((_, k) => this.value[k === 0 ? this.in0[slot] : this.in1[slot]]);
    return gateLocal(gate.type, port, ports);
  }

  edgeSource(edgeIndex: number): number {
    const target = this.edgeTarget[edgeIndex];
    return this.edgePort[edgeIndex] === 0 ? this.in0[target] : this.in1[target];
  }

  /** Node indices of the live gates in the order the forward pass computes them. */
  forwardOrder(): Int32Array {
    return this.nodesOfSlots(0, this.liveCount);
  }

  /** Node indices in the order the backward pass visits them (reverse topological, output first). */
  backwardOrder(): Int32Array {
    return this.nodesOfSlots(0, this.reachCount).reverse();
  }

  private nodesOfSlots(from: number, to: number): Int32Array {
    const nodes = new Int32Array(to - from);
    for (let k = 0; k < this.slotOf.length; k++) {
      const slot = this.slotOf[k];
      if (slot >= from && slot < to) nodes[slot - from] = k;
    }
    return nodes;
  }
}

/** What compiling learns of a circuit's structure before it lays out slots. */
export interface Structure {
  /** Op code per node, by node index. */
  ops: Uint8Array;
  /** Source node index per node for its first and second port; -1 where unwired. */
  src0: Int32Array;
  src1: Int32Array;
  /** Per edge: source and target node index, and the target's port index. */
  from: Int32Array;
  to: Int32Array;
  edgePort: Uint8Array;
  /** Node indices in topological order. */
  order: Int32Array;
  indexOf: Map<string, number>;
}

/**
 * Checks what the engine needs of a circuit's structure: known gates, unique node ids, edges between existing
 * nodes and ports, at most one wire per port, none into an input, no cycle. Refusals name the place in the
 * format's words; the format layer reports these same messages for files.
 */
export function analyse(circuit: Circuit): Result<Structure> {
  const { nodes, edges } = circuit;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  const ops = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const node = nodes[k];
    const code = opCode(node.type);
    if (code < 0) return fail(`nodes[${k}].type: unknown gate "${node.type}"`);
    const other = indexOf.get(node.id);
    if (other !== undefined) return fail(`nodes[${k}].id: "${node.id}" is already the id of nodes[${other}]`);
    indexOf.set(node.id, k);
    ops[k] = code;
  }

  const src0 = new Int32Array(n).fill(-1);
  const src1 = new Int32Array(n).fill(-1);
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const edgePort = new Uint8Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined) return fail(`edges[${e}].source: no node "${edge.source}"`);
    if (t === undefined) return fail(`edges[${e}].target: no node "${edge.target}"`);
    if (ops[t] === INPUT_OP) return fail(`edges[${e}].target: "${edge.target}" is an input and takes no wire`);
    const gate = GATE_TYPES[ops[t]];
    const port = gate.inputs.indexOf(edge.targetHandle);
    if (port < 0) {
      const ports = gate.inputs.map((name) => `"${name}"`).join(', ');
      return fail(`edges[${e}].targetHandle: ${gate.type} gate "${edge.target}" has no port "${edge.targetHandle}" (its ports: ${ports})`);
    }
    const sources = port === 0 ? src0 : src1;
    if (sources[t] >= 0) {
      const first = edges.findIndex((other) => other.target === edge.target && other.targetHandle === edge.targetHandle);
      return fail(`edges[${e}].targetHandle: port "${edge.targetHandle}" of "${edge.target}" is already wired by edges[${first}]`);
    }
    sources[t] = s;
    from[e] = s;
    to[e] = t;
    edgePort[e] = port;
  }

  const sorted = topologicalOrder(n, from, to, edgePort);
  if (!sorted.ok) return fail(`cycle: ${sorted.cycle.map((k) => nodes[k].id).join(' -> ')}`);
  return { ok: true, value: { ops, src0, src1, from, to, edgePort, order: sorted.order, indexOf } };
}

/** Compiles a circuit, refusing what analyse refuses. */
export function compile(circuit: Circuit): Result<CompiledCircuit> {
  const analysed = analyse(circuit);
  if (!analysed.ok) return analysed;
  const { ops, src0, src1, from, to, edgePort, order, indexOf } = analysed.value;
  const { nodes, edges } = circuit;
  const n = nodes.length;

  const live = new Uint8Array(n);
  for (const v of order) {
    const arity = GATE_TYPES[ops[v]].inputs.length;
    let ok = 1;
    for (let p = 0; p < arity; p++) {
      const s = p === 0 ? src0[v] : src1[v];
      if (s < 0 || !live[s]) ok = 0;
    }
    live[v] = ok;
  }

  const outputIndex = resolveOutput(circuit, indexOf, from);
  if (typeof outputIndex === 'string') return fail(outputIndex);

  // Ancestors of a live output, found by walking port sources with an explicit stack.
  const reach = new Uint8Array(n);
  if (outputIndex >= 0 && live[outputIndex]) {
    const stack = [outputIndex];
    reach[outputIndex] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const s of [src0[v], src1[v]]) {
        if (s >= 0 && !reach[s]) {
          reach[s] = 1;
          stack.push(s);
        }
      }
    }
  }

  const slotOf = new Int32Array(n);
  let next = 0;
  for (const v of order) if (reach[v]) slotOf[v] = next++;
  const reachCount = next;
  for (const v of order) if (live[v] && !reach[v]) slotOf[v] = next++;
  const liveCount = next;
  for (const v of order) if (!live[v]) slotOf[v] = next++;

  const op = new Uint8Array(n);
  const in0 = new Int32Array(n);
  const in1 = new Int32Array(n);
  // One slot past the nodes is scratch: the gradient check feeds a perturbed value to a single wire through it.
  const value = new Float64Array(n + 1);
  const params: number[] = [];
  for (let k = 0; k < n; k++) {
    const slot = slotOf[k];
    op[slot] = ops[k];
    in0[slot] = src0[k] >= 0 ? slotOf[src0[k]] : -1;
    in1[slot] = src1[k] >= 0 ? slotOf[src1[k]] : -1;
    if (ops[k] === INPUT_OP) {
      const node = nodes[k];
      if (typeof node.value !== 'number') return fail(`nodes[${k}].value: an input needs a number`);
      value[slot] = node.value;
      if (node.trainable !== false) params.push(slot);
    }
  }
  const edgeTarget = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) edgeTarget[e] = slotOf[to[e]];

  const compiled = new CompiledCircuit(
    op, in0, in1, value, new Float64Array(n), slotOf,
    edgeTarget, edgePort, Int32Array.from(params), reachCount, liveCount, outputIndex, circuit.outputGrad ?? 1,
  );
  return { ok: true, value: compiled };
}

/** The output's node index, -1 where none can be chosen, or a refusal message. */
function resolveOutput(circuit: Circuit, indexOf: Map<string, number>, from: Int32Array): number | string {
  if (circuit.output !== undefined) {
    const k = indexOf.get(circuit.output);
    return k === undefined ? `output: no node "${circuit.output}"` : k;
  }
  const leaves = new Uint8Array(circuit.nodes.length);
  for (const s of from) leaves[s] = 1;
  let sink = -1;
  for (let k = 0; k < leaves.length; k++) {
    if (leaves[k]) continue;
    if (sink >= 0) return -1;
    sink = k;
  }
  return sink;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

