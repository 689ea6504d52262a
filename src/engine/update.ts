/**
 * The guide's parameter update: every trainable input moves with its gradient, `value += h * grad`, so the
 * output is pulled in the direction of `outputGrad`.
 */
import type { Circuit, Result } from './circuit.ts';
import { compile, type CompiledCircuit } from './compile.ts';

/** Moves the trainable inputs of a compiled circuit in place; its gradients must be those of the last run. */
export function applyUpdate(compiled: CompiledCircuit, h: number): void {
  const { params, value, grad } = compiled;
  for (let k = 0; k < params.length; k++) value[params[k]] += h * grad[params[k]];
}

/** A copy of the circuit whose input values are those of the compiled form. */
export function withCompiledValues(circuit: Circuit, compiled: CompiledCircuit): Circuit {
  return {
    ...circuit,
    nodes: circuit.nodes.map((node, k) =>
      node.type === 'input' ? { ...node, value: compiled.value[compiled.slotOf[k]] } : node,
    ),
  };
}

/** One update of step `h` on a circuit: evaluate, move the trainable inputs, return the moved circuit. */
export function updateCircuit(circuit: Circuit, h: number): Result<Circuit> {
  const compiled = compile(circuit);
  if (!compiled.ok) return compiled;
  compiled.value.run();
  if (!compiled.value.hasBackward) return { ok: false, error: 'no backward pass: the circuit has no output with a value' };
  applyUpdate(compiled.value, h);
  return { ok: true, value: withCompiledValues(circuit, compiled.value) };
}
