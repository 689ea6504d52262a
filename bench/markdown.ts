/**
 * Prints bench/results.json as the Markdown tables of docs/performance.md, so that the page shows one run's
 * figures exactly: `npx tsx bench/markdown.ts` after `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import type { GraphResult } from './engine.bench.ts';
import { count, fmt } from './table.ts';
import type { TargetCheck } from './targets.ts';

interface Results {
  date: string;
  machine: { node: string; v8: string; cpu: string; cores: number; platform: string; memoryGiB: number };
  load: { start: number[]; end: number[] };
  seconds: number;
  graphs: GraphResult[];
  targets: TargetCheck[];
}

const results = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as Results;
const { machine, load } = results;

function markdown(header: string[], rows: string[][]): string {
  const align = header.map((_, c) => (c === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

console.log(`Run of ${results.date.slice(0, 10)}: Node ${machine.node} (V8 ${machine.v8}), ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; ${Math.round(results.seconds)} s; load average ${load.start[0].toFixed(1)} at the start and ${load.end[0].toFixed(1)} at the end.\n`);
console.log(markdown(
  ['graph', 'gates', 'engine', 'forward', 'backward', 'yardstick', 'micrograd-style', 'micrograd / engine', 'engine / yardstick'],
  results.graphs.map((r) => [
    r.name, count(r.gates), fmt(r.nsPerGate.engine), fmt(r.nsPerGate.engineForward), fmt(r.nsPerGate.engineBackward),
    fmt(r.nsPerGate.yardstick) + (r.yardstick.optimisedChunks < r.yardstick.chunks ? '*' : ''), fmt(r.nsPerGate.micrograd),
    `${fmt(r.ratios.microgradOverEngine)}x`, fmt(r.ratios.engineOverYardstick),
  ]),
));
console.log();
console.log(markdown(
  ['graph', 'recompile', 'validate', 'analyse', 'sort', 'compile', 'heap B/gate', 'arrays B/gate', 'yardstick: generate + TurboFan', 'yardstick code B/gate', "micrograd's recursive sort"],
  results.graphs.map((r) => [
    r.name, fmt(r.oneTime.recompile.ms), fmt(r.oneTime.validate.ms), fmt(r.oneTime.analyse.ms), fmt(r.oneTime.sort.ms),
    fmt(r.oneTime.compile.ms), fmt(r.memory.heapBytesPerGate), fmt(r.memory.arrayBytesPerGate),
    `${fmt(r.yardstick.buildMs)} + ${fmt(r.yardstick.optimiseMs)} ms`, fmt(r.yardstick.codeBytes / r.gates),
    r.microgradRecursiveSort,
  ]),
));
console.log();
console.log(markdown(['target', 'measured', ''], results.targets.map((t) => [t.target, t.measured, t.met ? 'met' : '**missed**'])));
