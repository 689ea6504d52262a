/**
 * The words and formulas of a step, in the guide's terms, from the engine's account of it. Every number here is
 * one the engine computed; this file only writes them down, each line once as plain text (for reading aloud and
 * for tests) and once as TeX (for typesetting).
 */
import { gateType, type BackwardDetail, type Circuit, type ForwardDetail, type StepState } from '../../engine/index.ts';
import { formatNumber } from '../numbers.ts';

export interface Line {
  text: string;
  tex: string;
}

/** A number as a factor: negative numbers in parentheses, as one writes (−2) × 3. */
export function factor(v: number): string {
  const shown = formatNumber(v);
  return v < 0 ? `(${shown})` : shown;
}

function texNumber(v: number): string {
  return formatNumber(v).replace('−', '-').replace('∞', '\\infty');
}

function texFactor(v: number): string {
  return v < 0 ? `(${texNumber(v)})` : texNumber(v);
}

/** What a node is called on screen: its label, else its id. */
export function nodeName(circuit: Circuit, id: string): string {
  return circuit.nodes.find((n) => n.id === id)?.label || id;
}

/** Text safe inside \\text{…}. */
function texText(text: string): string {
  return text.replace(/[\\{}_^#$%&~]/g, (c) => `\\${c}`);
}

function texName(name: string): string {
  return /^[A-Za-z]$/.test(name) ? name : `\\text{${texText(name)}}`;
}

/**
 * A gate's formula with each port name replaced by the name of the node wired to it: "a × b" on a gate fed by x and y
 * reads "x × y". Port names are letters; a letter inside a longer word (max, tanh, \\frac) is not a port.
 */
function withSources(formula: string, sources: ReadonlyMap<string, string>, render: (name: string) => string): string {
  if (sources.size === 0) return formula;
  const ports = [...sources.keys()].map((p) => p.replace(/[^A-Za-z0-9]/g, '')).join('|');
  return formula.replace(new RegExp(`(?<![A-Za-z\\\\])(${ports})(?![A-Za-z])`, 'g'), (port) => render(sources.get(port)!));
}

/** A node's name inside a plain-text formula: as it is when it is one word, else in parentheses. */
function textOperand(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `(${name})`;
}

function partial(of: string, wrt: string): { text: string; tex: string } {
  return { text: `∂${textOperand(of)}/∂${textOperand(wrt)}`, tex: `\\dfrac{\\partial ${texName(of)}}{\\partial ${texName(wrt)}}` };
}

export function explainForward(circuit: Circuit, detail: ForwardDetail): Line[] {
  const name = nodeName(circuit, detail.node);
  if (detail.type === 'input') {
    return [{ text: `${name} = ${formatNumber(detail.value)}, an input`, tex: `${texName(name)} = ${texNumber(detail.value)}` }];
  }
  const gate = gateType(detail.type)!;
  const sources = new Map(detail.inputs.map((p) => [p.port, nodeName(circuit, p.source)]));
  // A node wired to both ports is given once.
  const read = [...new Map(detail.inputs.map((p) => [nodeName(circuit, p.source), p.value])).entries()];
  const given = read.map(([source, value]) => `${source} = ${formatNumber(value)}`);
  const texGiven = read.map(([source, value]) => `${texName(source)} = ${texNumber(value)}`).join(',\\quad ');
  const formula = withSources(gate.formula, sources, textOperand);
  const texFormula = withSources(gate.tex.forward, sources, texName);
  return [
    { text: `${name} = ${formula} with ${given.join(', ')}`, tex: `${texName(name)} = ${texFormula},\\quad ${texGiven}` },
    { text: `${name} = ${formatNumber(detail.value)}`, tex: `${texName(name)} = ${texNumber(detail.value)}` },
  ];
}

/**
 * One line per wire the gate pulls on, in the names of the nodes wired to it: for p = x × y,
 * ∂f/∂x = y · ∂f/∂p = 3 × (−2) = −6 (+= where x is used more than once); then, for every source that had already
 * received a pull, the accumulation: ∂f/∂x = (−4) + 3 = −1.
 */
export function explainBackward(circuit: Circuit, state: StepState, detail: BackwardDetail): Line[] {
  const f = nodeName(circuit, state.annotations.output ?? detail.node);
  const gate = gateType(detail.type)!;
  const lines: Line[] = [];
  const here = nodeName(circuit, detail.node);
  const out = partial(f, here);
  const sources = new Map(detail.pulls.map((p) => [p.port, nodeName(circuit, p.source)]));
  if (detail.isOutput) {
    const self = partial(f, f);
    lines.push({
      text: `${self.text} = ${formatNumber(detail.grad)}: the pull on the output`,
      tex: `${self.tex} = ${texNumber(detail.grad)}`,
    });
  } else {
    lines.push({
      text: `${out.text} = ${formatNumber(detail.grad)} has arrived at ${here} (${gate.title.toLowerCase()})`,
      tex: `${out.tex} = ${texNumber(detail.grad)}`,
    });
  }
  detail.pulls.forEach((pull) => {
    const k = gate.inputs.indexOf(pull.port);
    const source = nodeName(circuit, pull.source);
    const wrt = partial(f, source);
    // A node used more than once gets a share from each use: this line adds one (the guide's +=).
    const shared = circuit.edges.filter((e) => e.source === pull.source).length > 1;
    const is = shared ? '+=' : '=';
    const local = withSources(gate.localFormulas[k], sources, textOperand);
    const texLocal = withSources(gate.tex.local[k], sources, texName);
    lines.push({
      text: `${wrt.text} ${is} ${local} · ${out.text} = ${factor(pull.local)} × ${factor(pull.upstream)} = ${formatNumber(pull.grad)}`,
      tex: `${wrt.tex} ${shared ? '\\mathrel{+}=' : '='} ${texLocal} \\cdot ${out.tex} = ${texFactor(pull.local)} \\times ${texFactor(pull.upstream)} = ${texNumber(pull.grad)}\\quad \\text{(through port ${texText(pull.port)} of ${texText(here)})}`,
    });
  });
  const accumulated = new Set<string>();
  detail.pulls.forEach((pull) => {
    if (pull.sourceBefore === null || accumulated.has(pull.source)) return;
    accumulated.add(pull.source);
    // Every pull this source has received so far, this step's included; the last one's total is its gradient now.
    const arrived = state.shares[pull.source] ?? [];
    const total = detail.pulls.filter((p) => p.source === pull.source).at(-1)!.sourceAfter;
    const wrt = partial(f, nodeName(circuit, pull.source));
    lines.push({
      text: `${wrt.text} = ${arrived.map(factor).join(' + ')} = ${formatNumber(total)}: ${nodeName(circuit, pull.source)} is used ${arrived.length} times, and its gradient adds up the pulls (+=)`,
      tex: `${wrt.tex} = ${arrived.map(texFactor).join(' + ')} = ${texNumber(total)}`,
    });
  });
  return lines;
}

export function explain(circuit: Circuit, state: StepState): Line[] {
  if (!state.current) return [];
  return state.current.phase === 'forward'
    ? explainForward(circuit, state.current)
    : explainBackward(circuit, state, state.current);
}

/** What a wire shows while its gate's backward step is current: upstream × local = this wire's gradient. */
export function wireProduct(upstream: number, local: number, grad: number): string {
  return `${factor(upstream)} × ${factor(local)} = ${formatNumber(grad)}`;
}

/** The progress a stepper shows: "forward 3/7", "backward 2/7", or "reset". */
export function progressText(state: StepState): string {
  if (state.phase === 'reset') return `reset · ${state.total} ${state.total === 1 ? 'step' : 'steps'}`;
  const of = state.phase === 'forward' ? state.forwardCount : state.backwardCount;
  return `${state.phase} ${state.phaseIndex}/${of}`;
}

/** A guess is right when it reads the same as the true value at the precision shown on screen. */
export function guessIsRight(guess: number, actual: number): boolean {
  return formatNumber(guess) === formatNumber(actual);
}
