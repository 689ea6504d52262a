/**
 * npm run bench: the engine against a micrograd-style baseline and a generated-code yardstick, on the same
 * graphs in one run (issue 2, "Speed"). Prints the tables, checks the targets, writes bench/results.json.
 * Exits 1 if the three implementations disagree on any graph's numbers.
 *
 * One graph at a time: build it, time the one-time cost and the memory, build the three implementations, check
 * they agree, time each one's steady-state forward+backward; then drop it all before the next graph.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { compile } from '../src/engine/index.ts';
import { Yardstick } from './codegen.ts';
import { chain, mlp, randomDag, type BenchGraph } from './graphs.ts';
import { measureMemory, type MemoryCost } from './memory.ts';
import { MicrogradRunner, buildTopoRecursive } from './micrograd.ts';
import { measureOneTime, type OneTimeCost } from './onetime.ts';
import { plan } from './plan.ts';
import { count, fmt, ratio, table } from './table.ts';
import { checkTargets } from './targets.ts';
import { timeOnce, timeTogether, type Timing, type TimingOptions } from './timing.ts';
import { verify, type Verification } from './verify.ts';

export interface GraphResult {
  name: string;
  description: string;
  gates: number;
  nodes: number;
  edges: number;
  /** Median ms per steady-state forward+backward (engine also forward and backward alone). */
  runs: { engine: Timing; engineForward: Timing; engineBackward: Timing; yardstick: Timing; micrograd: Timing };
  nsPerGate: { engine: number; engineForward: number; engineBackward: number; yardstick: number; micrograd: number };
  ratios: { microgradOverEngine: number; engineOverYardstick: number };
  /** Whether micrograd's own recursive sort survives this graph's depth (the timed baseline sorts iteratively). */
  microgradRecursiveSort: 'ok' | 'stack overflow';
  yardstick: {
    /** Generating the code and turning it into functions (new Function), once. */
    buildMs: number;
    /** TurboFan compiling every chunk, once; 0 where left to V8's tiering. */
    optimiseMs: number;
    chunks: number;
    /** Growth of V8's code space over generating and optimising it: the machine code a pass streams through. */
    codeBytes: number;
    /** Chunks running optimised code after timing; where fewer than all, the figure is not its best. */
    optimisedChunks: number;
  };
  oneTime: OneTimeCost;
  memory: MemoryCost;
  verification: Verification;
}

interface GraphSpec {
  make: () => BenchGraph;
  /** How to time the one-time cost: each part takes seconds at 1M gates, and the code is warm by then. */
  oneTime: TimingOptions;
  /**
   * Whether to compile the yardstick with TurboFan before timing it. TurboFan takes 0.2–0.35 ms per gate of
   * straight-line code, so at 1M gates that would be several minutes: the chain's yardstick is left to V8's
   * tiering and its figure is marked as not optimised.
   */
  optimiseYardstick: boolean;
}

// Samples of at least 20 ms: an edit's own garbage collection is part of what it costs, and a sample of several
// calls pays its share of it.
const ONE_TIME: TimingOptions = { warmupMs: 500, warmupCalls: 3, sampleMs: 20, budgetMs: 4000, minSamples: 5, maxSamples: 21 };
const ONE_SHOT: TimingOptions = { ...ONE_TIME, warmupMs: 0, warmupCalls: 0, sampleMs: 0, budgetMs: 0, minSamples: 1, maxSamples: 1 };
// Forward+backward: all five sampled in turns (timing.ts). Samples of 100 ms span several of micrograd's garbage
// collections, so that each pays its share rather than some none and some a whole one; on the chain one pass of
// micrograd is seconds long.
const RUNS: TimingOptions = { warmupMs: 500, warmupCalls: 2, sampleMs: 100, budgetMs: 8000, minSamples: 3, maxSamples: 15 };

const GRAPHS: GraphSpec[] = [
  { make: () => randomDag(1_000, 1), oneTime: ONE_TIME, optimiseYardstick: true },
  { make: () => randomDag(10_000, 2), oneTime: ONE_TIME, optimiseYardstick: true },
  { make: () => randomDag(100_000, 3), oneTime: ONE_TIME, optimiseYardstick: true },
  { make: () => mlp(100, 4), oneTime: ONE_TIME, optimiseYardstick: true },
  { make: () => chain(1_000_000), oneTime: ONE_SHOT, optimiseYardstick: false },
];

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function measureGraph(spec: GraphSpec): GraphResult {
  const graph = spec.make();
  const doc = graph.document;
  progress(`${graph.name}: ${count(graph.gates)} gates; one-time cost and memory`);
  const oneTime = measureOneTime(graph, spec.oneTime);
  const memory = measureMemory(graph);

  const compiled = compile(doc);
  if (!compiled.ok) throw new Error(`${graph.name}: ${compiled.error}`);
  const engine = compiled.value;
  const p = plan(doc);
  const micrograd = new MicrogradRunner(p);
  const codeBefore = codeSpaceBytes();
  const built = timeOnce(() => new Yardstick(p));
  const yardstick = built.result;
  if (spec.optimiseYardstick) progress(`${graph.name}: compiling the yardstick's ${count(yardstick.chunks)} functions with TurboFan`);
  const optimised = spec.optimiseYardstick ? timeOnce(() => yardstick.optimise()).ms : 0;
  const codeBytes = codeSpaceBytes() - codeBefore;

  const verification = verify(graph, engine, micrograd, yardstick);
  console.log(verification.line);
  let microgradRecursiveSort: GraphResult['microgradRecursiveSort'] = 'ok';
  try {
    buildTopoRecursive(micrograd.forward());
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    microgradRecursiveSort = 'stack overflow';
  }

  progress(`${graph.name}: forward+backward`);
  const runs = timeTogether({
    engine: () => engine.run(),
    engineForward: () => engine.forward(),
    engineBackward: () => engine.backward(),
    yardstick: () => yardstick.run(),
    micrograd: () => micrograd.run(),
  }, RUNS);
  const ns = (t: Timing) => (t.ms * 1e6) / graph.gates;
  const nsPerGate = {
    engine: ns(runs.engine),
    engineForward: ns(runs.engineForward),
    engineBackward: ns(runs.engineBackward),
    yardstick: ns(runs.yardstick),
    micrograd: ns(runs.micrograd),
  };
  return {
    name: graph.name,
    description: graph.description,
    gates: graph.gates,
    nodes: doc.nodes.length,
    edges: doc.edges.length,
    runs,
    nsPerGate,
    ratios: {
      microgradOverEngine: runs.micrograd.ms / runs.engine.ms,
      engineOverYardstick: runs.engine.ms / runs.yardstick.ms,
    },
    microgradRecursiveSort,
    yardstick: {
      buildMs: built.ms,
      optimiseMs: optimised,
      codeBytes,
      chunks: yardstick.chunks,
      optimisedChunks: yardstick.optimisedChunks(),
    },
    oneTime,
    memory,
    verification,
  };
}

function codeSpaceBytes(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'code_space')?.space_used_size ?? 0;
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

function notOptimised(r: GraphResult): boolean {
  return r.yardstick.optimisedChunks < r.yardstick.chunks;
}

function printTables(results: GraphResult[]): void {
  console.log('\nSteady-state forward+backward, median ns per gate (ratios: how many times slower)');
  console.log(table(
    ['graph', 'gates', 'engine', 'fwd', 'bwd', 'yardstick', 'micrograd', 'micrograd/engine', 'engine/yardstick', 'micrograd recursive sort'],
    results.map((r) => [
      r.name, count(r.gates), fmt(r.nsPerGate.engine), fmt(r.nsPerGate.engineForward), fmt(r.nsPerGate.engineBackward),
      fmt(r.nsPerGate.yardstick) + (notOptimised(r) ? '*' : ''), fmt(r.nsPerGate.micrograd), ratio(r.ratios.microgradOverEngine),
      ratio(r.ratios.engineOverYardstick), r.microgradRecursiveSort,
    ]),
  ));
  const partial = results.filter(notOptimised);
  if (partial.length > 0) {
    console.log(partial.map((r) =>
      `* ${r.name}: yardstick left to V8's tiering, ${count(r.yardstick.optimisedChunks)} of ${count(r.yardstick.chunks)} chunks optimised; not its best`,
    ).join('\n'));
  }
  console.log('\nOne-time cost, warm, median ms (recompile = validate + compile; sort is inside both), and memory');
  console.log(table(
    ['graph', 'gates', 'recompile', 'validate', 'analyse', 'sort', 'compile', 'heap B/gate', 'arrays B/gate', 'yardstick build + TurboFan', 'its code B/gate'],
    results.map((r) => [
      r.name, count(r.gates), fmt(r.oneTime.recompile.ms), fmt(r.oneTime.validate.ms), fmt(r.oneTime.analyse.ms),
      fmt(r.oneTime.sort.ms), fmt(r.oneTime.compile.ms), fmt(r.memory.heapBytesPerGate),
      fmt(r.memory.arrayBytesPerGate), `${fmt(r.yardstick.buildMs + r.yardstick.optimiseMs)} ms`,
      fmt(r.yardstick.codeBytes / r.gates),
    ]),
  ));
}

function main(): void {
  const started = Date.now();
  const info = machine();
  const loadAtStart = os.loadavg();
  console.log(`wiregrad engine bench: node ${info.node}, ${info.cpu}, ${info.cores} cores`);
  const results = GRAPHS.map(measureGraph);
  printTables(results);
  const targets = checkTargets(results);
  console.log('\nTargets');
  console.log(table(['target', 'measured', ''], targets.map((t) => [t.target, t.measured, t.met ? 'met' : 'MISSED'])));

  const seconds = (Date.now() - started) / 1000;
  // Other work on the machine during the run shows here: load averages over 1, 5 and 15 minutes.
  const load = { start: loadAtStart, end: os.loadavg() };
  const file = new URL('./results.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine: info, load, seconds, graphs: results, targets }, null, 2)}\n`);
  console.log(`\nwrote bench/results.json (${seconds.toFixed(0)} s; load average ${load.start[0].toFixed(1)} at start, ${load.end[0].toFixed(1)} at end, on ${info.cores} cores)`);
  if (results.some((r) => !r.verification.ok)) {
    console.error('the implementations disagree: the timings compare different computations');
    process.exitCode = 1;
  }
}

main();
