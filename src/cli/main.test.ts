/**
 * The command line in-process: main(argv, io) with a fake Io that captures standard output and error, reads
 * in-memory files under mem/ (and real files elsewhere), and writes real files (into a temporary folder).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../engine/index.ts';
import { parseCircuit, serializeCircuit } from '../format/index.ts';
import { processIo, type Io } from './io.ts';
import { main } from './main.ts';

const EX = 'public/examples';

/** In-memory circuit files for the tests below. */
const MEM: Record<string, string> = {
  'mem/bad-gate.circuit.json': serializeCircuit({
    nodes: [
      { id: 'x', type: 'input', value: 1 },
      { id: 'y', type: 'input', value: 2 },
      { id: 'q', type: 'add' },
      { id: 'q2', type: 'mull' },
    ],
    edges: [],
  }),
  'mem/not-json.circuit.json': '{ "format": "wiregrad/circuit", ',
  // relu at exactly 0: analytic gradient 0, central difference 0.5.
  'mem/relu-at-0.circuit.json': serializeCircuit({
    nodes: [{ id: 'x', type: 'input', value: 0 }, { id: 'r', type: 'relu' }],
    edges: [{ id: 'e1', source: 'x', target: 'r', targetHandle: 'x' }],
  }),
  // max on a tie: gradient 1 to a and 0 to b, central differences 0.5 and 0.5.
  'mem/max-tie.circuit.json': serializeCircuit({
    nodes: [{ id: 'a', type: 'input', value: 1 }, { id: 'b', type: 'input', value: 1 }, { id: 'm', type: 'max' }],
    edges: [
      { id: 'e1', source: 'a', target: 'm', targetHandle: 'a' },
      { id: 'e2', source: 'b', target: 'm', targetHandle: 'b' },
    ],
  }),
  // An id that is also the name of Object.prototype's accessor.
  'mem/proto.circuit.json': serializeCircuit({
    nodes: [{ id: '__proto__', type: 'input', value: 2 }, { id: 'n', type: 'neg' }],
    edges: [{ id: 'e1', source: '__proto__', target: 'n', targetHandle: 'x' }],
  }),
  // Two nodes no wire leaves and no output field: no backward pass.
  'mem/two-sinks.circuit.json': serializeCircuit({
    nodes: [{ id: 'x', type: 'input', value: 1 }, { id: 'n', type: 'neg' }, { id: 't', type: 'tanh' }],
    edges: [
      { id: 'e1', source: 'x', target: 'n', targetHandle: 'x' },
      { id: 'e2', source: 'x', target: 't', targetHandle: 'x' },
    ],
  }),
  // NaN, Infinity, -Infinity and no value in one circuit; the output is 1/z at z = 0.
  'mem/non-finite.circuit.json': serializeCircuit({
    nodes: [
      { id: 'neg1', type: 'input', value: -1 },
      { id: 'z', type: 'input', value: 0 },
      { id: 'one', type: 'input', value: 1 },
      { id: 'ln', type: 'log' },
      { id: 'inf', type: 'div' },
      { id: 'ninf', type: 'log' },
      { id: 'dangling', type: 'add' },
    ],
    edges: [
      { id: 'w1', source: 'neg1', target: 'ln', targetHandle: 'x' },
      { id: 'w2', source: 'one', target: 'inf', targetHandle: 'a' },
      { id: 'w3', source: 'z', target: 'inf', targetHandle: 'b' },
      { id: 'w4', source: 'z', target: 'ninf', targetHandle: 'x' },
      { id: 'w5', source: 'one', target: 'dangling', targetHandle: 'a' },
    ],
    output: 'inf',
  }),
};

function fakeIo() {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => { stdout += text; },
    err: (text) => { stderr += text; },
    readText: (path) => (path in MEM ? { ok: true, value: MEM[path] } : processIo.readText(path)),
    writeText: (path, text) => processIo.writeText(path, text),
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

function cli(...argv: string[]) {
  const f = fakeIo();
  const code = main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

function evaluateText(text: string) {
  const circuit = parseCircuit(text);
  if (!circuit.ok) throw new Error(circuit.error);
  const result = evaluate(circuit.value);
  if (!result.ok) throw new Error(result.error);
  return { circuit: circuit.value, annotations: result.value.annotations };
}

const tmp = mkdtempSync(join(tmpdir(), 'wiregrad-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('run --json', () => {
  it('prints exactly one JSON object: output, nodes and edges with value and grad', () => {
    const r = cli('run', `${EX}/multiply.circuit.json`, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      output: 'f',
      nodes: { x: { value: -2, grad: 3 }, y: { value: 3, grad: -2 }, f: { value: -6, grad: 1 } },
      edges: { e1: { value: -2, grad: 3 }, e2: { value: 3, grad: -2 } },
    });
  });

  it('writes NaN and the infinities as strings, and null for no value', () => {
    const r = cli('run', 'mem/non-finite.circuit.json', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      output: 'inf',
      nodes: {
        neg1: { value: -1, grad: 0 },
        z: { value: 0, grad: '-Infinity' },
        one: { value: 1, grad: 'Infinity' },
        ln: { value: 'NaN', grad: 0 },
        inf: { value: 'Infinity', grad: 1 },
        ninf: { value: '-Infinity', grad: 0 },
        dangling: { value: null, grad: 0 },
      },
      edges: {
        w1: { value: -1, grad: 0 },
        w2: { value: 1, grad: 'Infinity' },
        w3: { value: 0, grad: '-Infinity' },
        w4: { value: 0, grad: 0 },
        w5: { value: 1, grad: 0 },
      },
    });
  });

  it('without a backward pass: output null and every grad null', () => {
    const r = cli('run', 'mem/two-sinks.circuit.json', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.output).toBeNull();
    expect(json.nodes.n).toEqual({ value: -1, grad: null });
    expect(json.nodes.t).toEqual({ value: Math.tanh(1), grad: null });
    expect(json.edges.e1).toEqual({ value: 1, grad: null });
  });

  // BUG (reported): the node "__proto__" is missing from the output (annotate() keeps annotations in plain objects).
  it('includes every node, also one with the id "__proto__"', () => {
    const r = cli('run', 'mem/proto.circuit.json', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"__proto__":{"value":2,"grad":-1}');
    expect(Object.keys(JSON.parse(r.stdout).nodes)).toEqual(['__proto__', 'n']);
  });

  it('prints full precision: the neuron at 0.8807970779778823', () => {
    const json = JSON.parse(cli('run', `${EX}/neuron.circuit.json`, '--json').stdout);
    expect(json.nodes.s.value).toBe(0.8807970779778823);
  });
});

describe('run (table)', () => {
  it('shows the name, the output and its pull, and a row per node and per edge with full-precision numbers', () => {
    const r = cli('run', `${EX}/multiply.circuit.json`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^x · y\noutput: f, pulled with 1\n/);
    expect(r.stdout).toMatch(/^x\s+input\s+-2\s+3$/m);
    expect(r.stdout).toMatch(/^y\s+input\s+3\s+-2$/m);
    expect(r.stdout).toMatch(/^f\s+mul\s+-6\s+1$/m);
    expect(r.stdout).toMatch(/^e1\s+x -> f\.a\s+-2\s+3$/m);
    expect(r.stdout).toMatch(/^e2\s+y -> f\.b\s+3\s+-2$/m);
    const neuron = cli('run', `${EX}/neuron.circuit.json`).stdout;
    expect(neuron).toMatch(/^s\s+sigmoid\s+0\.8807970779778823\s+1$/m);
  });

  it('marks constants, values that do not exist, and NaN/Infinity', () => {
    const svm = cli('run', `${EX}/svm-score.circuit.json`).stdout;
    expect(svm).toMatch(/^x\s+input \(constant\)\s+1\.2\s+1$/m);
    const r = cli('run', 'mem/non-finite.circuit.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dangling\s+add\s+—\s+0$/m);
    expect(r.stdout).toMatch(/^ln\s+log\s+NaN\s+0$/m);
    expect(r.stdout).toMatch(/^inf\s+div\s+Infinity\s+1$/m);
    const none = cli('run', 'mem/two-sinks.circuit.json').stdout;
    expect(none).toMatch(/^n\s+neg\s+-1\s+—$/m);
  });
});

describe('check', () => {
  it('exits 0 where every gradient agrees', () => {
    for (const name of ['multiply', 'add-multiply', 'neuron', 'svm-score', 'two-layer-net', 'svm-cost']) {
      const r = cli('check', `${EX}/${name}.circuit.json`);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toMatch(/relative tolerance (1e-6|0\.000001)\n/);
      expect(r.stdout).toContain('all gradients agree');
    }
  });

  it('--json: ok, the tolerance and a row per input', () => {
    const r = cli('check', `${EX}/add-multiply.circuit.json`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.tolerance).toBe(1e-6);
    expect(json.inputs.map((row: { id: string }) => row.id)).toEqual(['x', 'y', 'z']);
    expect(json.inputs.map((row: { analytic: number }) => row.analytic)).toEqual([-4, -4, 3]);
    for (const row of json.inputs) {
      expect(row.numerical).toBeCloseTo(row.analytic, 8);
      expect(row.ok).toBe(true);
    }
  });

  it('exits 1 where a gradient differs: relu at exactly 0 (analytic 0, numerical 0.5)', () => {
    const r = cli('check', 'mem/relu-at-0.circuit.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^x\s+0\s+0\.5\d*\s+\S+\s+FAIL$/m);
    expect(r.stdout).toContain('1 of 1 gradients differ beyond the tolerance');
    const json = JSON.parse(cli('check', 'mem/relu-at-0.circuit.json', '--json').stdout);
    expect(json.ok).toBe(false);
    expect(json.inputs[0].analytic).toBe(0);
    expect(json.inputs[0].numerical).toBeCloseTo(0.5, 10);
  });

  it('exits 1 on a max tie (1 to a, numerically 0.5 each)', () => {
    const r = cli('check', 'mem/max-tie.circuit.json', '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout).inputs;
    expect(rows.map((row: { analytic: number }) => row.analytic)).toEqual([1, 0]);
    expect(rows.map((row: { ok: boolean }) => row.ok)).toEqual([false, false]);
  });

  it('a looser --tolerance lets a small difference pass; a bad one is refused', () => {
    expect(cli('check', 'mem/relu-at-0.circuit.json', '--tolerance', '2').code).toBe(0);
    const r = cli('check', `${EX}/multiply.circuit.json`, '--tolerance', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tolerance');
  });

  it('exits 1 with no backward pass', () => {
    const r = cli('check', 'mem/two-sinks.circuit.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mem/two-sinks.circuit.json: nothing to check: the circuit has no output with a value, so no backward pass\n');
  });
});

describe('step', () => {
  it('--lr 0.01 on (x + y) * z writes the updated circuit; run again it gives -11.5924', () => {
    const r = cli('step', `${EX}/add-multiply.circuit.json`, '--lr', '0.01');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const { circuit, annotations } = evaluateText(r.stdout);
    expect(annotations.nodes.f.value).toBeCloseTo(-11.5924, 12);
    expect(circuit.nodes.find((n) => n.id === 'z')!.value).toBe(-4 + 0.01 * 3);
    // The written text is canonical: serializing what it reads gives it back.
    expect(serializeCircuit(circuit)).toBe(r.stdout);
  });

  it('-o OUT writes the file instead of standard output', () => {
    const out = join(tmp, 'stepped.circuit.json');
    const r = cli('step', `${EX}/add-multiply.circuit.json`, '--lr', '0.01', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`step 0.01: 3 inputs changed; output f: -12 → -11.5924; wrote ${out}\n`);
    expect(evaluateText(readFileSync(out, 'utf8')).annotations.nodes.f.value).toBeCloseTo(-11.5924, 12);
    const again = JSON.parse(cli('run', out, '--json').stdout);
    expect(again.nodes.f.value).toBeCloseTo(-11.5924, 12);
    const long = join(tmp, 'long.circuit.json');
    expect(cli('step', `${EX}/add-multiply.circuit.json`, '--lr', '0.01', '--output', long).code).toBe(0);
    expect(readFileSync(long, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('leaves constants alone and accepts a negative step written --lr=-H', () => {
    const r = cli('step', `${EX}/svm-score.circuit.json`, '--lr=-0.5');
    expect(r.code).toBe(0);
    const { circuit } = evaluateText(r.stdout);
    const v = (id: string) => circuit.nodes.find((n) => n.id === id)!.value;
    expect([v('x'), v('y')]).toEqual([1.2, 0.7]);
    expect([v('a'), v('b'), v('c')]).toEqual([1 - 0.5 * 1.2, -2 - 0.5 * 0.7, -1 - 0.5]);
  });

  it('exits 1 when there is nothing to update', () => {
    const r = cli('step', 'mem/two-sinks.circuit.json', '--lr', '0.01');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no backward pass');
  });

  it('exits 2 when OUT cannot be written', () => {
    const r = cli('step', `${EX}/multiply.circuit.json`, '--lr', '0.01', '-o', join(tmp, 'no-such-folder', 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
  });
});

describe('exit 2: an invalid file, the refusal on standard error naming the file and the place', () => {
  it.each([
    ['run'], ['check'], ['step', '--lr', '0.01'], ['run', '--json'],
  ])('%s', (command, ...rest) => {
    const r = cli(command, 'mem/bad-gate.circuit.json', ...rest);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mem/bad-gate.circuit.json: nodes[3].type: unknown gate "mull"\n');
  });

  it('not JSON', () => {
    const r = cli('run', 'mem/not-json.circuit.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mem\/not-json\.circuit\.json: not JSON: /);
  });

  it('a file that does not exist', () => {
    const r = cli('run', join(tmp, 'missing.circuit.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cannot read ${join(tmp, 'missing.circuit.json')}: no such file\n`);
  });

  it('a folder instead of a file', () => {
    const r = cli('run', tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cannot read ${tmp}: it is a folder\n`);
  });
});

describe('exit 2: bad arguments', () => {
  const usage = (argv: string[], message: string | RegExp) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
  };

  it('step without --lr', () => usage(['step', `${EX}/multiply.circuit.json`], 'wiregrad: step needs --lr H, the step size'));
  it('--lr that is not a number', () => usage(['step', `${EX}/multiply.circuit.json`, '--lr', 'abc'], '--lr needs a finite number, got "abc"'));
  it('--lr empty', () => usage(['step', `${EX}/multiply.circuit.json`, '--lr', ''], '--lr needs a finite number'));
  it('--lr Infinity', () => usage(['step', `${EX}/multiply.circuit.json`, '--lr', 'Infinity'], '--lr needs a finite number'));
  it('--lr with no value', () => usage(['step', `${EX}/multiply.circuit.json`, '--lr'], /--lr/));
  it('an unknown command', () => usage(['walk', `${EX}/multiply.circuit.json`], 'wiregrad: unknown command "walk"'));
  it('a command without its FILE', () => usage(['run'], 'wiregrad: run needs a circuit FILE'));
  it('an unknown option', () => usage(['run', `${EX}/multiply.circuit.json`, '--bogus'], /--bogus/));
  it('an extra argument', () => usage(['run', `${EX}/multiply.circuit.json`, 'more'], 'unexpected argument "more"'));
  it('no command at all: the usage on standard error', () => usage([], /^wiregrad: evaluate circuits/));

  it('help and gates exit 0 on standard output', () => {
    const help = cli('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: npm run wiregrad -- COMMAND FILE');
    const gates = cli('gates');
    expect(gates.code).toBe(0);
    for (const type of ['add', 'sub', 'mul', 'div', 'max', 'min', 'pow', 'neg', 'sigmoid', 'tanh', 'relu', 'exp', 'log', 'abs']) {
      expect(gates.stdout).toMatch(new RegExp(`^${type}\\s`, 'm'));
    }
  });
});

describe('the examples through the command line', () => {
  it.each(['multiply', 'add-multiply', 'neuron', 'svm-score', 'two-layer-net', 'svm-cost'])('%s: run --json agrees with the engine', (name) => {
    const text = readFileSync(`${EX}/${name}.circuit.json`, 'utf8');
    const { annotations } = evaluateText(text);
    expect(JSON.parse(cli('run', `${EX}/${name}.circuit.json`, '--json').stdout)).toStrictEqual(
      JSON.parse(JSON.stringify(annotations)),
    );
  });

  it('svm-cost: total 1.815', () => {
    const json = JSON.parse(cli('run', `${EX}/svm-cost.circuit.json`, '--json').stdout);
    expect(json.nodes.total.value).toBeCloseTo(1.815, 14);
  });
});
