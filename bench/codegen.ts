/**
 * The yardstick: straight-line JavaScript generated for one graph, one statement per gate with its node indices
 * written in as constants, no loop, no dispatch. It is what a compiler for that single graph would emit, so it
 * bounds what an interpreter of the compiled arrays can hope for. V8 will not optimise one enormous function,
 * so the code is split into functions of CHUNK gates each, called in turn; `optimise` has TurboFan compile them
 * all at once rather than after the thousand passes V8's tiering would wait for (see natives.ts).
 */
import { forceOptimise, isOptimised } from './natives.ts';
import type { Plan } from './plan.ts';

export const CHUNK = 256;

type ForwardChunk = (v: Float64Array) => void;
type BackwardChunk = (v: Float64Array, g: Float64Array) => void;

function forwardStatement(type: string, k: number, a: number, b: number): string {
  switch (type) {
    case 'add': return `v[${k}] = v[${a}] + v[${b}];`;
    case 'sub': return `v[${k}] = v[${a}] - v[${b}];`;
    case 'mul': return `v[${k}] = v[${a}] * v[${b}];`;
    case 'max': return `v[${k}] = Math.max(v[${a}], v[${b}]);`;
    case 'min': return `v[${k}] = Math.min(v[${a}], v[${b}]);`;
    case 'tanh': return `v[${k}] = Math.tanh(v[${a}]);`;
    case 'sigmoid': return `v[${k}] = 1 / (1 + Math.exp(-v[${a}]));`;
    default: throw new Error(`yardstick has no gate "${type}"`);
  }
}

/** Pulls gate k's gradient into its sources; `t` holds g[k]. Ties of max and min go to the first port. */
function backwardStatement(type: string, k: number, a: number, b: number): string {
  const t = `t = g[${k}];`;
  switch (type) {
    case 'add': return `${t} g[${a}] += t; g[${b}] += t;`;
    case 'sub': return `${t} g[${a}] += t; g[${b}] -= t;`;
    case 'mul': return `${t} g[${a}] += t * v[${b}]; g[${b}] += t * v[${a}];`;
    case 'max': return `${t} if (v[${a}] >= v[${b}]) g[${a}] += t; else g[${b}] += t;`;
    case 'min': return `${t} if (v[${a}] <= v[${b}]) g[${a}] += t; else g[${b}] += t;`;
    case 'tanh': return `${t} g[${a}] += t * (1 - v[${k}] * v[${k}]);`;
    case 'sigmoid': return `${t} g[${a}] += t * v[${k}] * (1 - v[${k}]);`;
    default: throw new Error(`yardstick has no gate "${type}"`);
  }
}

export class Yardstick {
  readonly value: Float64Array;
  readonly grad: Float64Array;
  private readonly forwardChunks: ForwardChunk[] = [];
  private readonly backwardChunks: BackwardChunk[] = [];

  constructor(private readonly plan: Plan) {
    const n = plan.types.length;
    this.value = Float64Array.from(plan.inputValue);
    this.grad = new Float64Array(n);
    const gates: number[] = [];
    for (let k = 0; k < n; k++) if (plan.types[k] !== 'input') gates.push(k);
    for (let start = 0; start < gates.length; start += CHUNK) {
      const chunk = gates.slice(start, start + CHUNK);
      const forward = chunk.map((k) => forwardStatement(plan.types[k], k, plan.src0[k], plan.src1[k]));
      this.forwardChunks.push(new Function('v', forward.join('\n')) as ForwardChunk);
      const backward = chunk.reverse().map((k) => backwardStatement(plan.types[k], k, plan.src0[k], plan.src1[k]));
      this.backwardChunks.push(new Function('v', 'g', `let t;\n${backward.join('\n')}`) as BackwardChunk);
    }
    this.backwardChunks.reverse();
  }

  get chunks(): number {
    return this.forwardChunks.length + this.backwardChunks.length;
  }

  /** How many chunks run optimised code now. */
  optimisedChunks(): number {
    return [...this.forwardChunks, ...this.backwardChunks].filter(isOptimised).length;
  }

  /** Compiles every chunk with TurboFan now (see natives.ts); returns how many are optimised. */
  optimise(): number {
    return forceOptimise([...this.forwardChunks, ...this.backwardChunks], () => this.run());
  }

  run(): void {
    const { value, grad, forwardChunks, backwardChunks } = this;
    for (let c = 0; c < forwardChunks.length; c++) forwardChunks[c](value);
    grad.fill(0);
    grad[this.plan.output] = this.plan.outputGrad;
    for (let c = 0; c < backwardChunks.length; c++) backwardChunks[c](value, grad);
  }
}
