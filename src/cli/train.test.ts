/** The command line's train and check --wires, in-process with a capturing Io. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCircuit } from '../format/index.ts';
import { processIo, type Io } from './io.ts';
import { main } from './main.ts';

function capture(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { ...processIo, out: (t) => void (out += t), err: (t) => void (err += t) },
    out: () => out,
    err: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'wiregrad-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('train', () => {
  it.each([
    ['svm-training', 400],
    ['net-training', 2000],
  ])('trains %s to 100% accuracy, reporting as it goes, and writes the trained circuit', (name, iterations) => {
    const { io, out, err } = capture();
    const file = join(dir, `${name}.circuit.json`);
    expect(main(['train', `public/examples/${name}.circuit.json`, '--json', '--every', '100', '-o', file], io)).toBe(0);
    expect(err()).toBe('');
    const reports = out().trim().split('\n').map((line) => JSON.parse(line) as { iteration: number; accuracy: number; loss: number });
    expect(reports.map((r) => r.iteration)).toEqual(Array.from({ length: iterations / 100 + 1 }, (_, k) => k * 100));
    expect(reports.at(-1)!.accuracy).toBe(1);
    const trained = parseCircuit(readFileSync(file, 'utf8'));
    if (!trained.ok) throw new Error(trained.error);
    const original = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
    if (!original.ok) throw new Error(original.error);
    // The parameters moved; the bound inputs and the dataset did not.
    const value = (c: typeof trained.value, id: string) => c.nodes.find((n) => n.id === id)!.value;
    expect(value(trained.value, name === 'svm-training' ? 'a' : 'a1')).not.toBe(value(original.value, name === 'svm-training' ? 'a' : 'a1'));
    expect(value(trained.value, 'x')).toBe(value(original.value, 'x'));
    expect(trained.value.dataset).toEqual(original.value.dataset);
  });

  it('is deterministic for a seed, and overrides the file with --iterations, --lr and --seed', () => {
    const run = (...args: string[]) => {
      const c = capture();
      expect(main(['train', 'public/examples/svm-training.circuit.json', '--json', ...args], c.io)).toBe(0);
      return { circuit: c.out(), reports: c.err() };
    };
    const a = run('--seed', '7', '--iterations', '50', '--lr', '0.02');
    expect(run('--seed', '7', '--iterations', '50', '--lr', '0.02')).toEqual(a);
    expect(run('--seed', '8', '--iterations', '50', '--lr', '0.02')).not.toEqual(a);
    const written = parseCircuit(a.circuit);
    if (!written.ok) throw new Error(written.error);
    expect(written.value.training).toMatchObject({ seed: 7, iterations: 50, learningRate: 0.02 });
    expect(a.reports.trim().split('\n').at(-1)).toContain('"iteration":50');
  });

  it('exits 1 on a circuit with nothing to train, and 2 on bad arguments', () => {
    const plain = capture();
    expect(main(['train', 'public/examples/neuron.circuit.json'], plain.io)).toBe(1);
    expect(plain.err()).toContain('nothing to train');
    for (const args of [['--iterations=-3'], ['--lr', '0'], ['--seed', 'x'], ['--every', '0']]) {
      const bad = capture();
      expect(main(['train', 'public/examples/svm-training.circuit.json', ...args], bad.io)).toBe(2);
      expect(bad.err()).toMatch(/^wiregrad: --/);
    }
  });
});

describe('check --wires', () => {
  it('lists every wire beside every input, all agreeing on the guide examples', () => {
    const { io, out } = capture();
    expect(main(['check', 'public/examples/neuron.circuit.json', '--wires', '--json'], io)).toBe(0);
    const report = JSON.parse(out()) as { ok: boolean; inputs: { id: string }[]; wires: { id: string; ok: boolean }[] };
    expect(report.ok).toBe(true);
    expect(report.inputs.map((r) => r.id)).toEqual(['a', 'x', 'b', 'y', 'c']);
    expect(report.wires).toHaveLength(9);
    expect(report.wires.every((w) => w.ok)).toBe(true);
  });
});
