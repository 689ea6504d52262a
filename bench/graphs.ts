/**
 * The graphs the bench measures, as circuit documents (the file format, envelope included, so that the one-time
 * cost can include validation). Every generator is deterministic and emits its nodes in a topological order:
 * the baselines rely on that to evaluate in node order without a sort of their own.
 */
import type { CircuitEdge, CircuitNode } from '../src/engine/index.ts';
import { below, prng } from './prng.ts';

export interface CircuitDocument {
  format: 'wiregrad/circuit';
  version: 1;
  name: string;
  nodes: CircuitNode[];
  edges: CircuitEdge[];
  output: string;
  outputGrad: number;
}

export interface BenchGraph {
  /** Row label in the table and key in results.json. */
  name: string;
  /** What the graph is, for the docs. */
  description: string;
  document: CircuitDocument;
  /** Nodes that are not inputs: the unit of every per-gate figure. */
  gates: number;
  inputs: number;
  /** A few input node indices whose gradients the three implementations must agree on. */
  probes: number[];
}

const BINARY_PORTS = ['a', 'b'];

/** Appends nodes and edges with short ids; node k is `n<k>`, so a node's index is its id's number. */
class Builder {
  readonly nodes: CircuitNode[] = [];
  readonly edges: CircuitEdge[] = [];
  inputs = 0;

  input(value: number, trainable = true): number {
    this.inputs++;
    const node: CircuitNode = { id: `n${this.nodes.length}`, type: 'input', value };
    if (!trainable) node.trainable = false;
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  gate(type: string, ...sources: number[]): number {
    const k = this.nodes.length;
    this.nodes.push({ id: `n${k}`, type });
    const ports = sources.length === 1 ? ['x'] : BINARY_PORTS;
    sources.forEach((s, p) => {
      this.edges.push({ id: `e${this.edges.length}`, source: `n${s}`, target: `n${k}`, targetHandle: ports[p] });
    });
    return k;
  }

  /** Adds a list of nodes up with a chain of add gates; returns the last. */
  sum(terms: number[]): number {
    let acc = terms[0];
    for (let k = 1; k < terms.length; k++) acc = this.gate('add', acc, terms[k]);
    return acc;
  }

  graph(name: string, description: string, output: number, probes: number[]): BenchGraph {
    return {
      name,
      description,
      document: {
        format: 'wiregrad/circuit', version: 1, name, nodes: this.nodes, edges: this.edges,
        output: `n${output}`, outputGrad: 1,
      },
      gates: this.nodes.length - this.inputs,
      inputs: this.inputs,
      probes,
    };
  }
}

/**
 * Two-input gates only. add and sub widen the range of values and mul narrows it below 1, so the mix stays
 * finite over 100k gates; max and min keep it. div and pow are left out: they make NaN and infinities that would
 * say nothing about speed.
 */
const DAG_GATES = ['add', 'sub', 'mul', 'mul', 'max', 'min'];

/**
 * A random DAG of exactly `gates` gates over gates/100 inputs (at least 8). Each gate's first input is the oldest
 * node nothing reads yet (a queue), its second any earlier node, uniformly: the queue leaves few sinks, and the
 * sinks that remain at the end are summed into the output, so every gate reaches the output.
 */
export function randomDag(gates: number, seed: number): BenchGraph {
  const random = prng(seed);
  const b = new Builder();
  const inputCount = Math.max(8, Math.round(gates / 100));
  const unread: number[] = [];
  let head = 0;
  const read = new Uint8Array(gates + inputCount);
  for (let k = 0; k < inputCount; k++) unread.push(b.input(random() * 2 - 1));
  const markRead = (k: number) => {
    read[k] = 1;
  };
  let made = 0;
  // Stop when the gates made plus the adds that will sum the remaining sinks come to `gates`.
  while (made + (unread.length - head) - 1 < gates) {
    while (head < unread.length && read[unread[head]]) head++;
    const first = head < unread.length ? unread[head++] : below(random, b.nodes.length);
    const second = below(random, b.nodes.length);
    const k = b.gate(DAG_GATES[below(random, DAG_GATES.length)], first, second);
    markRead(first);
    markRead(second);
    unread.push(k);
    made++;
  }
  const sinks = unread.slice(head).filter((k) => !read[k]);
  const output = b.sum(sinks);
  const probes = [0, 1, 2, Math.floor(inputCount / 2), inputCount - 1];
  const name = `dag ${label(gates)}`;
  return b.graph(name, `random DAG, ${gates} two-input gates (add/sub/mul/max/min), ${inputCount} inputs`, output, probes);
}

/**
 * A chain of `gates` operations cycling add, mul, tanh, each reading the one before; add and mul take their other
 * operand from two shared constants. Its depth is its length: anything recursive overflows on it.
 */
export function chain(gates: number): BenchGraph {
  const b = new Builder();
  const x = b.input(0.3);
  const shift = b.input(0.5);
  const scale = b.input(0.9);
  let last = x;
  for (let k = 0; k < gates; k++) {
    const phase = k % 3;
    last = phase === 0 ? b.gate('add', last, shift) : phase === 1 ? b.gate('mul', last, scale) : b.gate('tanh', last);
  }
  return b.graph(`chain ${label(gates)}`, `chain of ${gates} gates cycling add, mul, tanh`, last, [x, shift, scale]);
}

/**
 * A 2-16-16-1 multilayer perceptron (tanh hidden layers, linear output) applied to `points` points, with the
 * squared errors summed into one loss. The weights are inputs shared by every point; the points' coordinates
 * and targets are constants. Built gate by gate, as a learner would wire it in the editor.
 */
export function mlp(points: number, seed: number): BenchGraph {
  const random = prng(seed);
  const b = new Builder();
  const sizes = [2, 16, 16, 1];
  const layers: { w: number[][]; bias: number[] }[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const scale = 1 / Math.sqrt(sizes[l - 1]);
    const w: number[][] = [];
    const bias: number[] = [];
    for (let j = 0; j < sizes[l]; j++) {
      w.push(Array.from({ length: sizes[l - 1] }, () => b.input((random() * 2 - 1) * scale)));
      bias.push(b.input(random() * 0.2 - 0.1));
    }
    layers.push({ w, bias });
  }
  const losses: number[] = [];
  for (let p = 0; p < points; p++) {
    const x0 = random() * 4 - 2;
    const x1 = random() * 4 - 2;
    let activations = [b.input(x0, false), b.input(x1, false)];
    layers.forEach(({ w, bias }, l) => {
      activations = w.map((row, j) => {
        const terms = row.map((weight, i) => b.gate('mul', weight, activations[i]));
        const pre = b.sum([...terms, bias[j]]);
        return l < layers.length - 1 ? b.gate('tanh', pre) : pre;
      });
    });
    const target = b.input(Math.sin(x0) * Math.cos(x1), false);
    const error = b.gate('sub', activations[0], target);
    losses.push(b.gate('mul', error, error));
  }
  const loss = b.sum(losses);
  // Probes: a first-layer weight, a second-layer weight, the output layer's bias.
  const probes = [layers[0].w[0][0], layers[1].w[3][5], layers[2].bias[0]];
  return b.graph(`mlp ${points}pt`, `2-16-16-1 tanh MLP over ${points} points, summed squared error`, loss, probes);
}

function label(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}
