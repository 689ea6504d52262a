/** Issue 2's targets, checked against one run's figures. */
import type { GraphResult } from './engine.bench.ts';
import { fmt } from './table.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export function checkTargets(results: GraphResult[]): TargetCheck[] {
  const find = (name: string) => {
    const r = results.find((g) => g.name === name);
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  };
  const dag1k = find('dag 1k');
  const dag10k = find('dag 10k');
  const dag100k = find('dag 100k');
  const chain = find('chain 1M');
  const worstHeap = results.reduce((worst, r) => (r.memory.heapBytesPerGate > worst.memory.heapBytesPerGate ? r : worst));
  const worstArrays = results.reduce((worst, r) => (r.memory.arrayBytesPerGate > worst.memory.arrayBytesPerGate ? r : worst));
  const recompile = (r: GraphResult, limitMs: number): TargetCheck => ({
    target: `recompile (validate + sort + compile) at ${r.name.replace('dag ', '')}: < ${limitMs} ms`,
    measured: `${fmt(r.oneTime.recompile.ms)} ms`,
    met: r.oneTime.recompile.ms < limitMs,
  });
  return [
    {
      target: 'fwd+bwd at 100k: >= 30x faster than micrograd-style',
      measured: `${fmt(dag100k.ratios.microgradOverEngine)}x`,
      met: dag100k.ratios.microgradOverEngine >= 30,
    },
    {
      target: 'fwd+bwd at 100k: no slower than the yardstick',
      measured: `engine/yardstick ${fmt(dag100k.ratios.engineOverYardstick)}`,
      met: dag100k.ratios.engineOverYardstick <= 1,
    },
    {
      target: 'fwd+bwd at 1k: within 1.5x of the yardstick',
      measured: `engine/yardstick ${fmt(dag1k.ratios.engineOverYardstick)}`,
      met: dag1k.ratios.engineOverYardstick <= 1.5,
    },
    {
      target: 'fwd+bwd at 100k: about 20 ns per gate or better',
      measured: `${fmt(dag100k.nsPerGate.engine)} ns`,
      met: dag100k.nsPerGate.engine <= 20,
    },
    recompile(dag1k, 1.5),
    recompile(dag10k, 5),
    recompile(dag100k, 100),
    {
      target: 'compiled form: <= 40 bytes per gate (live heap, worst graph)',
      measured: `${fmt(worstHeap.memory.heapBytesPerGate)} B (${worstHeap.name}); arrays ${fmt(worstArrays.memory.arrayBytesPerGate)} B (${worstArrays.name})`,
      met: worstHeap.memory.heapBytesPerGate <= 40,
    },
    {
      target: '1M-gate chain sorts and runs, no stack overflow',
      measured: chain.verification.ok ? `compiled in ${fmt(chain.oneTime.compile.ms)} ms, ran, output ${fmt(chain.verification.output)}` : 'failed',
      met: chain.verification.ok,
    },
  ];
}
