/**
 * Experiment (not part of npm run bench): where the engine's forward+backward time goes, by trying layouts and
 * kernels on the same compiled arrays. Run with `npx tsx bench/experiments/kernels.ts`.
 *
 *   engine        compiled.run() as it is: slots in depth-first order, a switch per gate
 *   level order   the same kernels over slots renumbered by (level, op): the switch becomes predictable
 *   level runs    level order with a switch per run of one op and a tight loop inside (runkernel.ts)
 *   packed        depth-first order, op and input slots interleaved in one Int32Array (packed.ts)
 */
import { compile, type CompiledCircuit } from '../../src/engine/index.ts';
import { chain, mlp, randomDag, type BenchGraph } from '../graphs.ts';
import { count, fmt, table } from '../table.ts';
import { timeTogether } from '../timing.ts';
import { pack, runPacked } from './packed.ts';
import { levelOrdered } from './reorder.ts';
import { runRuns } from './runkernel.ts';

const graphs: (() => BenchGraph)[] = [
  () => randomDag(1_000, 1),
  () => randomDag(10_000, 2),
  () => randomDag(100_000, 3),
  () => mlp(100, 4),
  () => chain(1_000_000),
];

function outputAndGrads(c: CompiledCircuit, probes: number[]): number[] {
  return [c.outputValue() ?? Number.NaN, ...probes.map((k) => c.nodeGrad(k) ?? Number.NaN)];
}

const rows: string[][] = [];
for (const make of graphs) {
  const graph = make();
  const compiled = compile(graph.document);
  if (!compiled.ok) throw new Error(compiled.error);
  const engine = compiled.value;
  const { compiled: leveled, runs } = levelOrdered(engine);
  const runsCopy = levelOrdered(engine);
  const packedCopy = compile(graph.document);
  if (!packedCopy.ok) throw new Error(packedCopy.error);
  const packed = packedCopy.value;
  const code = pack(packed);
  engine.run();
  runPacked(packed, code);
  leveled.run();
  runRuns(runsCopy.compiled, runsCopy.runs);
  const expected = outputAndGrads(engine, graph.probes);
  for (const [name, c] of [['level order', leveled], ['level runs', runsCopy.compiled], ['packed', packed]] as const) {
    const got = outputAndGrads(c, graph.probes);
    const worst = Math.max(...got.map((x, k) => Math.abs(x - expected[k]) / Math.max(Math.abs(expected[k]), 1e-12)));
    if (!(worst < 1e-9)) throw new Error(`${graph.name}: ${name} disagrees with the engine (${got} vs ${expected})`);
  }
  const t = timeTogether({
    engine: () => engine.run(),
    level: () => leveled.run(),
    runs: () => runRuns(runsCopy.compiled, runsCopy.runs),
    packed: () => runPacked(packed, code),
  }, { warmupMs: 500, sampleMs: 20, budgetMs: 4000, minSamples: 5, maxSamples: 21 });
  const ns = (ms: number) => fmt((ms * 1e6) / graph.gates);
  rows.push([
    graph.name, count(graph.gates), ns(t.engine.ms), ns(t.level.ms), ns(t.runs.ms), ns(t.packed.ms),
    fmt(engine.reachCount / (runs.op.length || 1)),
  ]);
  process.stderr.write(`${graph.name} done\n`);
}
console.log('forward+backward, median ns per gate');
console.log(table(['graph', 'gates', 'engine', 'level order', 'level runs', 'packed', 'gates per run'], rows));
