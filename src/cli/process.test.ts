/**
 * The shipped entry, as a user runs it: `npm run -s wiregrad -- ...` in a real process, exit codes included, and
 * no stack trace on standard error.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function wiregrad(...args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'wiregrad', '--', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      // npm's own warnings about the machine's npm configuration are not ours.
      const ours = stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n');
      resolve({ code, stdout, stderr: ours });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'wiregrad-process-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noStackTrace = (stderr: string) => {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:/);
};

describe('npm run wiregrad', () => {
  it('run --json, check, step and refusals: exit codes 0, 1 and 2', async () => {
    const bad = join(tmp, 'bad.circuit.json');
    writeFileSync(bad, JSON.stringify({
      format: 'wiregrad/circuit', version: 1,
      nodes: [{ id: 'x', type: 'input', value: 1 }, { id: 'q', type: 'add' }],
      edges: [{ id: 'e1', source: 'x', target: 'q', targetHandle: 'a' }, { id: 'e2', source: 'x', target: 'q2', targetHandle: 'b' }],
    }));
    const kink = join(tmp, 'kink.circuit.json');
    writeFileSync(kink, JSON.stringify({
      format: 'wiregrad/circuit', version: 1,
      nodes: [{ id: 'x', type: 'input', value: 0 }, { id: 'r', type: 'relu' }],
      edges: [{ id: 'e1', source: 'x', target: 'r', targetHandle: 'x' }],
    }));

    const [run, check, step, refused, usage] = await Promise.all([
      wiregrad('run', 'public/examples/add-multiply.circuit.json', '--json'),
      wiregrad('check', kink),
      wiregrad('step', 'public/examples/add-multiply.circuit.json', '--lr', '0.01'),
      wiregrad('run', bad),
      wiregrad('step', 'public/examples/add-multiply.circuit.json', '--lr', 'fast'),
    ]);

    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.output).toBe('f');
    expect(json.nodes.f).toEqual({ value: -12, grad: 1 });
    expect([json.nodes.x.grad, json.nodes.y.grad, json.nodes.z.grad]).toEqual([-4, -4, 3]);

    expect(check.code).toBe(1);
    expect(check.stdout).toContain('FAIL');

    expect(step.code).toBe(0);
    expect(JSON.parse(step.stdout).nodes.find((n: { id: string }) => n.id === 'x').value).toBe(-2.04);

    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim()).toBe(`${bad}: edges[1].target: no node "q2"`);
    noStackTrace(refused.stderr);

    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--lr needs a finite number, got "fast"');
    noStackTrace(usage.stderr);
  }, 60_000);
});
