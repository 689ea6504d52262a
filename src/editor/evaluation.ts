/**
 * The one place the editor gets its numbers: the engine compiles the circuit once per structural edit, and a
 * value edit only writes the new values into the compiled form and runs it again. Everything shown on a gate or
 * a wire is read from the annotations this returns.
 */
import { annotate, compile, type Annotations, type Circuit, type CompiledCircuit } from '../engine/index.ts';
import type { Impact } from './impact.ts';

export interface Evaluated {
  annotations: Annotations | null;
  /** Why the circuit could not be compiled; the editor prevents this, but a stale output could cause it. */
  error: string | null;
}

export class Evaluation {
  private compiled: CompiledCircuit | null = null;
  /** How many times the circuit was compiled: a value edit must not add to it. */
  compileCount = 0;

  update(circuit: Circuit, impact: Impact, previous: Evaluated): Evaluated {
    if (impact.kind === 'none') return previous;
    if (impact.kind === 'values' && this.compiled) {
      for (const k of impact.nodes) {
        const v = circuit.nodes[k]?.value;
        if (typeof v === 'number') this.compiled.setValue(k, v);
      }
      this.compiled.outputGrad = circuit.outputGrad ?? 1;
      this.compiled.run();
      return { annotations: annotate(circuit, this.compiled, previous.annotations), error: null };
    }
    return this.rebuild(circuit, previous.annotations);
  }

  rebuild(circuit: Circuit, previous: Annotations | null = null): Evaluated {
    this.compileCount++;
    const compiled = compile(circuit);
    if (!compiled.ok) {
      this.compiled = null;
      return { annotations: null, error: compiled.error };
    }
    this.compiled = compiled.value;
    this.compiled.run();
    return { annotations: annotate(circuit, this.compiled, previous), error: null };
  }
}
