/**
 * The three commands of the format's "Command line" section. Each returns its exit status: 0 done, 1 the
 * command's own failure (a gradient check that fails, nothing to update), 2 a refused file or bad arguments.
 */
import {
  GATE_TYPES, checkGradients, evaluate, train, trainingSetupOf, updateCircuit, type Circuit, type TrainingSettings,
} from '../engine/index.ts';
import { serializeCircuit } from '../format/index.ts';
import { readCircuit, type Io } from './io.ts';
import { jsonNumber, showNumber } from './numbers.ts';
import { table } from './table.ts';

export function runCommand(io: Io, file: string, json: boolean): number {
  const circuit = readCircuit(io, file);
  if (!circuit.ok) return refuse(io, circuit.error);
  const evaluated = evaluate(circuit.value);
  if (!evaluated.ok) return refuse(io, `${file}: ${evaluated.error}`);
  const { annotations } = evaluated.value;
  const c = circuit.value;
  if (json) {
    const pairs = (record: typeof annotations.nodes) =>
      Object.fromEntries(
        Object.entries(record).map(([id, a]) => [id, { value: jsonNumber(a.value), grad: jsonNumber(a.grad) }]),
      );
    io.out(`${JSON.stringify({ output: annotations.output, nodes: pairs(annotations.nodes), edges: pairs(annotations.edges) })}\n`);
    return 0;
  }
  const pull = c.outputGrad ?? 1;
  io.out(`${c.name ?? file}\noutput: ${annotations.output ?? 'none (no single gate ends the circuit)'}, pulled with ${pull}\n\n`);
  io.out(
    table(
      ['node', 'type', 'value', 'grad'],
      c.nodes.map((node) => {
        const a = annotations.nodes[node.id];
        const type = node.type === 'input' && node.trainable === false ? 'input (constant)' : node.type;
        return [labelled(node.id, node.label), type, showNumber(a.value), showNumber(a.grad)];
      }),
    ),
  );
  io.out('\n');
  io.out(
    table(
      ['edge', 'wire', 'value', 'grad'],
      c.edges.map((edge) => {
        const a = annotations.edges[edge.id];
        return [edge.id, `${edge.source} -> ${edge.target}.${edge.targetHandle}`, showNumber(a.value), showNumber(a.grad)];
      }),
    ),
  );
  return 0;
}

export function checkCommand(io: Io, file: string, json: boolean, tolerance?: number, wires = false): number {
  const circuit = readCircuit(io, file);
  if (!circuit.ok) return refuse(io, circuit.error);
  const evaluated = evaluate(circuit.value);
  if (!evaluated.ok) return refuse(io, `${file}: ${evaluated.error}`);
  const { compiled } = evaluated.value;
  if (!compiled.hasBackward) {
    io.err(`${file}: nothing to check: the circuit has no output with a value, so no backward pass\n`);
    return 1;
  }
  const report = checkGradients(circuit.value, compiled, { tolerance, wires });
  if (json) {
    const rows = report.rows.map((row) => ({
      ...row,
      analytic: jsonNumber(row.analytic),
      numerical: jsonNumber(row.numerical),
      relError: jsonNumber(row.relError),
    }));
    const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ kind: _kind, ...rest }) => rest);
    const result = { ok: report.ok, tolerance: report.tolerance, inputs: of('input'), ...(wires ? { wires: of('wire') } : {}) };
    io.out(`${JSON.stringify(result)}\n`);
  } else {
    io.out(`gradient check: analytic vs central difference, relative tolerance ${report.tolerance}\n\n`);
    io.out(
      table(
        [wires ? 'input or wire' : 'input', 'analytic', 'numerical', 'relative error', 'verdict'],
        report.rows.map((row) => [
          row.kind === 'wire' ? `wire ${row.id}` : row.id, showNumber(row.analytic), showNumber(row.numerical), row.relError.toExponential(2), row.ok ? 'ok' : 'FAIL',
        ]),
      ),
    );
    const failed = report.rows.filter((row) => !row.ok).length;
    io.out(failed === 0 ? '\nall gradients agree\n' : `\n${failed} of ${report.rows.length} gradients differ beyond the tolerance\n`);
  }
  return report.ok ? 0 : 1;
}

export function stepCommand(io: Io, file: string, lr: number, outFile?: string): number {
  const circuit = readCircuit(io, file);
  if (!circuit.ok) return refuse(io, circuit.error);
  const updated = updateCircuit(circuit.value, lr);
  if (!updated.ok) {
    io.err(`${file}: ${updated.error}\n`);
    return 1;
  }
  const text = serializeCircuit(updated.value);
  if (outFile === undefined) {
    io.out(text);
    return 0;
  }
  const written = io.writeText(outFile, text);
  if (!written.ok) return refuse(io, written.error);
  // Written to a file, the circuit is not on the screen: say what the step did, so that success is visible.
  io.out(`${stepSummary(circuit.value, updated.value, lr)}; wrote ${outFile}\n`);
  return 0;
}

function stepSummary(before: Circuit, after: Circuit, lr: number): string {
  const moved = after.nodes.filter((n, k) => n.type === 'input' && n.value !== before.nodes[k]?.value).length;
  const outputOf = (c: Circuit) => {
    const evaluated = evaluate(c);
    const a = evaluated.ok ? evaluated.value.annotations : null;
    return a?.output ? { id: a.output, value: a.nodes[a.output]?.value ?? null } : null;
  };
  const [was, now] = [outputOf(before), outputOf(after)];
  const output = was && now ? `; output ${was.id}: ${showNumber(was.value)} → ${showNumber(now.value)}` : '';
  return `step ${showNumber(lr)}: ${moved} input${moved === 1 ? '' : 's'} changed${output}`;
}

export interface TrainOverrides {
  iterations?: number;
  learningRate?: number;
  seed?: number;
  every: number;
}

/**
 * Trains on the circuit's dataset. Progress goes to standard output when the circuit goes to a file, and to
 * standard error when the trained circuit itself goes to standard output, so that the two never mix.
 */
export function trainCommand(io: Io, file: string, overrides: TrainOverrides, json: boolean, outFile?: string): number {
  const circuit = readCircuit(io, file);
  if (!circuit.ok) return refuse(io, circuit.error);
  const setup = trainingSetupOf(circuit.value);
  if (!setup) {
    io.err(`${file}: nothing to train: the circuit has no dataset and training settings (see docs/format.md)\n`);
    return 1;
  }
  const settings: TrainingSettings = {
    ...setup.training,
    ...(overrides.iterations !== undefined && { iterations: overrides.iterations }),
    ...(overrides.learningRate !== undefined && { learningRate: overrides.learningRate }),
    ...(overrides.seed !== undefined && { seed: overrides.seed }),
  };
  const result = train(circuit.value, { ...setup, training: settings }, overrides.every);
  if (!result.ok) return refuse(io, `${file}: ${result.error}`);
  const progress = outFile === undefined ? io.err : io.out;
  for (const report of result.value.reports) {
    progress(
      json
        ? `${JSON.stringify(report)}\n`
        : `iteration ${String(report.iteration).padStart(6)}  loss ${report.loss.toFixed(6)}  accuracy ${(100 * report.accuracy).toFixed(1)}%\n`,
    );
  }
  const text = serializeCircuit({ ...result.value.circuit, training: settings });
  if (outFile === undefined) {
    io.out(text);
    return 0;
  }
  const written = io.writeText(outFile, text);
  return written.ok ? 0 : refuse(io, written.error);
}

export function gatesHelp(): string {
  return table(
    ['gate', 'ports', 'forward', 'local gradients'],
    GATE_TYPES.filter((g) => g.type !== 'input').map((g) => [g.type, g.inputs.join(', '), g.formula, g.localFormulas.join('; ')]),
  );
}

function labelled(id: string, label: Circuit['nodes'][number]['label']): string {
  return label && label !== id ? `${id} (${label})` : id;
}

function refuse(io: Io, message: string): number {
  io.err(`${message}\n`);
  return 2;
}
