/** What a command needs from the outside world, so commands can be run in tests without a process. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Circuit, Result } from '../engine/index.ts';
import { parseCircuit } from '../format/index.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Result<string>;
  writeText(path: string, text: string): Result<void>;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText(path) {
    try {
      return { ok: true, value: readFileSync(path, 'utf8') };
    } catch (error) {
      return { ok: false, error: `cannot read ${path}: ${systemMessage(error)}` };
    }
  },
  writeText(path, text) {
    try {
      writeFileSync(path, text);
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: `cannot write ${path}: ${systemMessage(error)}` };
    }
  },
};

function systemMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return 'no such file';
  if (error && typeof error === 'object' && 'code' in error && error.code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** Reads and validates a circuit file; a refusal names the file and the place in it. */
export function readCircuit(io: Io, path: string): Result<Circuit> {
  const text = io.readText(path);
  if (!text.ok) return text;
  const circuit = parseCircuit(text.value);
  return circuit.ok ? circuit : { ok: false, error: `${path}: ${circuit.error}` };
}
