/**
 * Property tests over thousands of random valid circuits: the engine against a plain recursive evaluation written
 * in the test (src/engine/testing/reference.ts, its own gate formulas), and its analytic gradients against central
 * differences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotations } from './annotate.ts';
import type { Circuit } from './circuit.ts';
import { evaluate } from './evaluate.ts';
import { REF_PORTS, refEvaluate, type RefResult } from './testing/reference.ts';
import { buildCircuit, circuitPlan, randomCircuit } from './testing/random-circuits.ts';

const SEED = 0x5eed2;

/** Which side of its kink every relu/abs/max/min gate is on, from a reference evaluation's values. */
function branches(circuit: Circuit, values: RefResult['values']): string {
  const into = new Map<string, string[]>();
  for (const e of circuit.edges) {
    const target = circuit.nodes.find((n) => n.id === e.target)!;
    const list = into.get(e.target) ?? [];
    list[REF_PORTS[target.type].indexOf(e.targetHandle)] = e.source;
    into.set(e.target, list);
  }
  return circuit.nodes
    .map((n) => {
      const args = (into.get(n.id) ?? []).map((s) => values.get(s)!);
      if (n.type === 'relu' || n.type === 'abs') return args[0] > 0 ? '+' : args[0] < 0 ? '-' : '0';
      if (n.type === 'max') return args[0] >= args[1] ? 'a' : 'b';
      if (n.type === 'min') return args[0] <= args[1] ? 'a' : 'b';
      return '';
    })
    .join('|');
}

/** |x − y| ≤ rel · max(1, |x|, |y|). */
function close(x: number, y: number, rel: number): boolean {
  return Math.abs(x - y) <= rel * Math.max(1, Math.abs(x), Math.abs(y));
}

describe('random valid circuits (fast-check)', () => {
  it('values equal a plain recursive evaluation exactly, gradients its recursive chain rule, and central differences', () => {
    let withBackward = 0;
    let compared = 0;
    let skipped = 0;
    fc.assert(
      fc.property(randomCircuit(4, 8), (circuit) => {
        const evaluated = evaluate(circuit);
        if (!evaluated.ok) throw new Error(evaluated.error);
        const { annotations, compiled } = evaluated.value;
        const ref = refEvaluate(circuit);

        expectMatchesReference(circuit, annotations, ref);
        if (ref.output === null || ref.values.get(ref.output) === null) {
          expect(compiled.hasBackward).toBe(false);
          return;
        }
        withBackward++;

        // Analytic gradient of every input against a central difference of the reference's output.
        const output = ref.output;
        const pull = circuit.outputGrad ?? 1;
        const here = branches(circuit, ref.values);
        for (const node of circuit.nodes) {
          if (node.type !== 'input') continue;
          const v = node.value!;
          const h = 1e-6 * Math.max(1, Math.abs(v));
          const up = refEvaluate(circuit, new Map([[node.id, v + h]]));
          const down = refEvaluate(circuit, new Map([[node.id, v - h]]));
          if (branches(circuit, up.values) !== here || branches(circuit, down.values) !== here) {
            skipped++; // the nudge crossed a kink: the difference says nothing
            continue;
          }
          const numerical = (pull * (up.values.get(output)! - down.values.get(output)!)) / (2 * h);
          const analytic = annotations.nodes[node.id].grad!;
          compared++;
          if (!close(analytic, numerical, 1e-5)) {
            expect.fail(`input ${node.id}: analytic ${analytic}, central difference ${numerical}`);
          }
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
    // The generator must mostly give circuits with a backward pass, and the kink filter must rarely bite.
    expect(withBackward).toBeGreaterThan(1200);
    expect(compared).toBeGreaterThan(2500);
    expect(skipped).toBeLessThan(compared / 100);
  });

  it('incomplete circuits (random wires removed, output sometimes absent) match the reference: nulls downstream, the rest evaluated', () => {
    let incomplete = 0;
    fc.assert(
      fc.property(circuitPlan(4, 8), fc.array(fc.nat({ max: 3 }), { minLength: 30, maxLength: 30 }), (plan, drop) => {
        const full = buildCircuit(plan);
        const circuit: Circuit = { ...full, edges: full.edges.filter((_, k) => drop[k % drop.length] !== 0) };
        const evaluated = evaluate(circuit);
        if (!evaluated.ok) throw new Error(evaluated.error);
        const { annotations } = evaluated.value;
        const ref = refEvaluate(circuit);
        if ([...ref.values.values()].includes(null)) incomplete++;
        expectMatchesReference(circuit, annotations, ref);
      }),
      { numRuns: 1000, seed: SEED + 1 },
    );
    expect(incomplete).toBeGreaterThan(300);
  });

  it("annotations obey the format's identities: node grad = Σ grads of the wires leaving it (+ outputGrad on the output)", () => {
    fc.assert(
      fc.property(randomCircuit(3, 10), (circuit) => {
        const evaluated = evaluate(circuit);
        if (!evaluated.ok) throw new Error(evaluated.error);
        const { annotations } = evaluated.value;
        if (annotations.output === null || annotations.nodes[annotations.output].value === null) return;
        for (const node of circuit.nodes) {
          let sum: number = node.id === annotations.output ? (circuit.outputGrad ?? 1) : 0;
          for (const edge of circuit.edges) if (edge.source === node.id) sum += annotations.edges[edge.id].grad!;
          const grad = annotations.nodes[node.id].grad!;
          if (!close(grad, sum, 1e-12)) expect.fail(`node ${node.id}: grad ${grad}, Σ wires ${sum}`);
        }
        for (const edge of circuit.edges) expect(annotations.edges[edge.id].value).toBe(annotations.nodes[edge.source].value);
      }),
      { numRuns: 500, seed: SEED + 2 },
    );
  });
});

/**
 * The engine's annotations against the reference's: values equal to the last bit (every gate does the same IEEE
 * operation on the same operands), gradients within 1e-12 (sums may be added in another order).
 */
function expectMatchesReference(circuit: Circuit, annotations: Annotations, ref: RefResult): void {
  expect(annotations.output).toBe(ref.output);
  const compare = (kind: string, id: string, a: number | null, g: number | null) => {
    if (g === null) expect(a).toBeNull();
    else if (!close(a!, g, 1e-12)) expect.fail(`${kind} ${id}: engine grad ${a}, reference ${g}`);
  };
  for (const node of circuit.nodes) {
    expect(annotations.nodes[node.id].value).toBe(ref.values.get(node.id));
    compare('node', node.id, annotations.nodes[node.id].grad, ref.grads.get(node.id)!);
  }
  for (const edge of circuit.edges) {
    expect(annotations.edges[edge.id].value).toBe(ref.edgeValues.get(edge.id));
    compare('edge', edge.id, annotations.edges[edge.id].grad, ref.edgeGrads.get(edge.id)!);
  }
}
