/** Compile, run both passes and annotate: the whole evaluation of the format's "Evaluation" section in one call. */
import { annotate, type Annotations } from './annotate.ts';
import type { Circuit, Result } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';

export interface Evaluation {
  compiled: CompiledCircuit;
  annotations: Annotations;
}

export function evaluate(circuit: Circuit): Result<Evaluation> {
  const compiled = compile(circuit);
  if (!compiled.ok) return compiled;
  compiled.value.run();
  return { ok: true, value: { compiled: compiled.value, annotations: annotate(circuit, compiled.value) } };
}
