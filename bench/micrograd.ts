/**
 * The baseline: automatic differentiation in the style of Karpathy's micrograd. Every forward pass allocates a
 * Value object per gate, each holding its children and a closure that knows its local gradients; every backward
 * pass sorts the graph again from the output, then calls the closures in reverse order.
 *
 * Two liberties, both in the baseline's favour and both said in docs/performance.md: children are kept in an
 * array rather than a set, and sub, max, min and sigmoid are single operations rather than compositions.
 * The sort is micrograd's depth-first post-order, written with an explicit stack (`buildTopo`), because
 * micrograd's recursive one (`buildTopoRecursive`, kept for the report) overflows the call stack on deep graphs.
 */
import type { Plan } from './plan.ts';

const NO_CHILDREN: readonly Value[] = [];
const noBackward = (): void => {};

export class Value {
  grad = 0;
  _backward: () => void = noBackward;

  constructor(
    public data: number,
    readonly _prev: readonly Value[] = NO_CHILDREN,
  ) {}

  add(other: Value): Value {
    const out = new Value(this.data + other.data, [this, other]);
    out._backward = () => {
      this.grad += out.grad;
      other.grad += out.grad;
    };
    return out;
  }

  sub(other: Value): Value {
    const out = new Value(this.data - other.data, [this, other]);
    out._backward = () => {
      this.grad += out.grad;
      other.grad -= out.grad;
    };
    return out;
  }

  mul(other: Value): Value {
    const out = new Value(this.data * other.data, [this, other]);
    out._backward = () => {
      this.grad += other.data * out.grad;
      other.grad += this.data * out.grad;
    };
    return out;
  }

  max(other: Value): Value {
    const first = this.data >= other.data;
    const out = new Value(first ? this.data : other.data, [this, other]);
    out._backward = () => {
      if (first) this.grad += out.grad;
      else other.grad += out.grad;
    };
    return out;
  }

  min(other: Value): Value {
    const first = this.data <= other.data;
    const out = new Value(first ? this.data : other.data, [this, other]);
    out._backward = () => {
      if (first) this.grad += out.grad;
      else other.grad += out.grad;
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out._backward = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  sigmoid(): Value {
    const s = 1 / (1 + Math.exp(-this.data));
    const out = new Value(s, [this]);
    out._backward = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  /** micrograd's backward: sort from here, seed the gradient, run the closures from the output down. */
  backward(seed = 1): void {
    const topo = buildTopo(this);
    this.grad = seed;
    for (let k = topo.length - 1; k >= 0; k--) topo[k]._backward();
  }
}

/** micrograd's build_topo as written there: recursion, one frame per level of depth. */
export function buildTopoRecursive(root: Value): Value[] {
  const topo: Value[] = [];
  const visited = new Set<Value>();
  const visit = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    for (const child of v._prev) visit(child);
    topo.push(v);
  };
  visit(root);
  return topo;
}

/** The same post-order as buildTopoRecursive, with the recursion's frames kept in arrays. */
export function buildTopo(root: Value): Value[] {
  const topo: Value[] = [];
  const visited = new Set<Value>([root]);
  const stack: Value[] = [root];
  const next: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top];
    const k = next[top];
    if (k < v._prev.length) {
      next[top] = k + 1;
      const child = v._prev[k];
      if (!visited.has(child)) {
        visited.add(child);
        stack.push(child);
        next.push(0);
      }
    } else {
      topo.push(v);
      stack.pop();
      next.pop();
    }
  }
  return topo;
}

const OPS = ['input', 'add', 'sub', 'mul', 'max', 'min', 'tanh', 'sigmoid'];

/**
 * A circuit run the micrograd way. The inputs are long-lived Values (micrograd's parameters, zeroed before each
 * pass); every gate is a new Value on every forward pass, as when a micrograd program runs again.
 */
export class MicrogradRunner {
  private readonly ops: Uint8Array;
  readonly inputs: (Value | undefined)[];
  /** The Values of the last forward pass, by node index. */
  values: Value[] = [];

  constructor(private readonly plan: Plan) {
    this.ops = Uint8Array.from(plan.types, (type) => {
      const op = OPS.indexOf(type);
      if (op < 0) throw new Error(`micrograd baseline has no gate "${type}"`);
      return op;
    });
    this.inputs = plan.types.map((type, k) => (type === 'input' ? new Value(plan.inputValue[k]) : undefined));
  }

  forward(): Value {
    const { ops, inputs } = this;
    const { src0, src1 } = this.plan;
    const n = ops.length;
    const values: Value[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const a = values[src0[k]];
      const b = values[src1[k]];
      switch (ops[k]) {
        case 0: values[k] = inputs[k]!; break;
        case 1: values[k] = a.add(b); break;
        case 2: values[k] = a.sub(b); break;
        case 3: values[k] = a.mul(b); break;
        case 4: values[k] = a.max(b); break;
        case 5: values[k] = a.min(b); break;
        case 6: values[k] = a.tanh(); break;
        case 7: values[k] = a.sigmoid(); break;
      }
    }
    this.values = values;
    return values[this.plan.output];
  }

  run(): void {
    for (const input of this.inputs) if (input) input.grad = 0;
    this.forward().backward(this.plan.outputGrad);
  }
}
