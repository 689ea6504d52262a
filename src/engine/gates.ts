/**
 * The gate registry: one entry per gate type of the circuit format.
 *
 * Each entry states its forward function and its local gradients once, as JavaScript expressions over its port
 * names (and `out`, the gate's own value). The engine turns these expressions into the switch cases of its
 * forward and backward kernels (see kernel.ts), so that adding a gate type is adding one entry here, and the
 * interpreter still runs each gate inline, without a function call per gate.
 */

export type GateGroup = 'input' | 'arithmetic' | 'nonlinear';

export interface GateType {
  readonly type: string;
  /** Input port names, in the order of the format's table; empty for `input`. */
  readonly inputs: readonly string[];
  /** JavaScript expression of the output over the port names. */
  readonly forward: string;
  /** For each input port, JavaScript expression of ∂out/∂port over the port names and `out`. */
  readonly local: readonly string[];
  readonly group: GateGroup;
  /** Short symbol drawn on the gate. */
  readonly symbol: string;
  readonly title: string;
  /** Plain-text formulas for tooltips and the command line. */
  readonly formula: string;
  readonly localFormulas: readonly string[];
  /** TeX for typeset explanations: the forward expression and each local gradient. */
  readonly tex: { readonly forward: string; readonly local: readonly string[] };
}

const binary = ['a', 'b'] as const;
const unary = ['x'] as const;

/** In the order of the format's table; the position in this list is the gate's op code. */
export const GATE_TYPES: readonly GateType[] = [
  {
    type: 'input', inputs: [], forward: '', local: [], group: 'input', symbol: 'in', title: 'Input',
    formula: 'value', localFormulas: [], tex: { forward: 'v', local: [] },
  },
  {
    type: 'add', inputs: binary, forward: 'a + b', local: ['1', '1'], group: 'arithmetic', symbol: '+',
    title: 'Add', formula: 'a + b', localFormulas: ['1', '1'], tex: { forward: 'a + b', local: ['1', '1'] },
  },
  {
    type: 'sub', inputs: binary, forward: 'a - b', local: ['1', '-1'], group: 'arithmetic', symbol: '−',
    title: 'Subtract', formula: 'a − b', localFormulas: ['1', '−1'], tex: { forward: 'a - b', local: ['1', '-1'] },
  },
  {
    type: 'mul', inputs: binary, forward: 'a * b', local: ['b', 'a'], group: 'arithmetic', symbol: '×',
    title: 'Multiply', formula: 'a × b', localFormulas: ['b', 'a'],
    tex: { forward: 'a \\cdot b', local: ['b', 'a'] },
  },
  {
    type: 'div', inputs: binary, forward: 'a / b', local: ['1 / b', '-a / (b * b)'], group: 'arithmetic',
    symbol: '÷', title: 'Divide', formula: 'a ÷ b', localFormulas: ['1/b', '−a/b²'],
    tex: { forward: '\\frac{a}{b}', local: ['\\frac{1}{b}', '-\\frac{a}{b^2}'] },
  },
  {
    // Ties go to `a`, as the format says; Math.max keeps NaN a NaN.
    type: 'max', inputs: binary, forward: 'Math.max(a, b)', local: ['a >= b ? 1 : 0', 'a >= b ? 0 : 1'],
    group: 'arithmetic', symbol: 'max', title: 'Maximum', formula: 'max(a, b)',
    localFormulas: ['1 if a ≥ b, else 0', '1 if b > a, else 0'],
    tex: { forward: '\\max(a, b)', local: ['[a \\ge b]', '[b > a]'] },
  },
  {
    type: 'min', inputs: binary, forward: 'Math.min(a, b)', local: ['a <= b ? 1 : 0', 'a <= b ? 0 : 1'],
    group: 'arithmetic', symbol: 'min', title: 'Minimum', formula: 'min(a, b)',
    localFormulas: ['1 if a ≤ b, else 0', '1 if b < a, else 0'],
    tex: { forward: '\\min(a, b)', local: ['[a \\le b]', '[b < a]'] },
  },
  {
    type: 'pow', inputs: binary, forward: 'Math.pow(a, b)', local: ['b * Math.pow(a, b - 1)', 'out * Math.log(a)'],
    group: 'arithmetic', symbol: 'xʸ', title: 'Power', formula: 'a ^ b',
    localFormulas: ['b · a^(b−1)', 'a^b · ln a'],
    tex: { forward: 'a^{b}', local: ['b\\,a^{b-1}', 'a^{b} \\ln a'] },
  },
  {
    type: 'neg', inputs: unary, forward: '-x', local: ['-1'], group: 'arithmetic', symbol: '−x', title: 'Negate',
    formula: '−x', localFormulas: ['−1'], tex: { forward: '-x', local: ['-1'] },
  },
  {
    type: 'sigmoid', inputs: unary, forward: '1 / (1 + Math.exp(-x))', local: ['out * (1 - out)'],
    group: 'nonlinear', symbol: 'σ', title: 'Sigmoid', formula: 'σ(x) = 1 / (1 + e^−x)',
    localFormulas: ['σ(x) · (1 − σ(x))'],
    tex: { forward: '\\sigma(x) = \\frac{1}{1 + e^{-x}}', local: ['\\sigma(x)\\,(1 - \\sigma(x))'] },
  },
  {
    type: 'tanh', inputs: unary, forward: 'Math.tanh(x)', local: ['1 - out * out'], group: 'nonlinear',
    symbol: 'tanh', title: 'Tanh', formula: 'tanh(x)', localFormulas: ['1 − tanh(x)²'],
    tex: { forward: '\\tanh x', local: ['1 - \\tanh^2 x'] },
  },
  {
    type: 'relu', inputs: unary, forward: 'Math.max(0, x)', local: ['x > 0 ? 1 : 0'], group: 'nonlinear',
    symbol: 'ReLU', title: 'ReLU', formula: 'max(0, x)', localFormulas: ['1 if x > 0, else 0'],
    tex: { forward: '\\max(0, x)', local: ['[x > 0]'] },
  },
  {
    type: 'exp', inputs: unary, forward: 'Math.exp(x)', local: ['out'], group: 'nonlinear', symbol: 'eˣ',
    title: 'Exponential', formula: 'e^x', localFormulas: ['e^x'], tex: { forward: 'e^{x}', local: ['e^{x}'] },
  },
  {
    type: 'log', inputs: unary, forward: 'Math.log(x)', local: ['1 / x'], group: 'nonlinear', symbol: 'ln',
    title: 'Natural log', formula: 'ln x', localFormulas: ['1/x'], tex: { forward: '\\ln x', local: ['\\frac{1}{x}'] },
  },
  {
    type: 'abs', inputs: unary, forward: 'Math.abs(x)', local: ['Math.sign(x)'], group: 'nonlinear', symbol: '|x|',
    title: 'Absolute value', formula: '|x|', localFormulas: ['sign(x), 0 at 0'],
    tex: { forward: '|x|', local: ['\\operatorname{sign}(x)'] },
  },
];

const byType = new Map(GATE_TYPES.map((g, code) => [g.type, { gate: g, code }]));

export function gateType(type: string): GateType | undefined {
  return byType.get(type)?.gate;
}

/** The op code the compiled form stores for a gate type, or -1 for an unknown type. */
export function opCode(type: string): number {
  return byType.get(type)?.code ?? -1;
}

export const INPUT_OP = 0;
