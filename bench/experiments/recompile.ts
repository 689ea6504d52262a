/**
 * Experiment (not part of npm run bench): where a recompile's time goes, and what it would come to if the
 * document were analysed once and its shape checked without zod. Run with `npx tsx bench/experiments/recompile.ts`.
 *
 *   now         validateCircuit(doc) then compile(circuit), as the bench measures it
 *   zod         documentSchema.safeParse(doc) alone: the shape check, which copies the document
 *   analyse     the engine's analyse (ids, ports, sort), run once by validate and again by compile
 *   layout      compile minus analyse: liveness, reach, slots, arrays
 *   shape       a plain-loop shape check (shape.ts), and the edge-id uniqueness check validate also makes
 *   projected   shape + edge ids + analyse + layout: one analysis, no zod
 */
import { analyse, compile } from '../../src/engine/index.ts';
import { validateCircuit } from '../../src/format/index.ts';
import { documentSchema } from '../../src/format/schema.ts';
import { randomDag } from '../graphs.ts';
import { count, fmt, table } from '../table.ts';
import { timeTogether } from '../timing.ts';
import { checkShape, uniqueEdgeIds } from './shape.ts';

const rows: string[][] = [];
for (const gates of [1_000, 10_000, 100_000]) {
  const graph = randomDag(gates, gates === 1_000 ? 1 : gates === 10_000 ? 2 : 3);
  const doc = graph.document;
  if (checkShape(doc as unknown as Record<string, unknown>) !== undefined) throw new Error('shape check refuses a good graph');
  const current = { ...doc, version: 2 };
  const t = timeTogether({
    now: () => {
      const v = validateCircuit(doc);
      if (!v.ok) throw new Error(v.error);
      compile(v.value);
    },
    zod: () => documentSchema.safeParse(current),
    analyse: () => analyse(doc),
    compile: () => compile(doc),
    shape: () => checkShape(doc as unknown as Record<string, unknown>),
    edgeIds: () => uniqueEdgeIds(doc.edges),
  }, { warmupMs: 300, warmupCalls: 3, sampleMs: 20, budgetMs: 5000, minSamples: 5, maxSamples: 21 });
  const layout = t.compile.ms - t.analyse.ms;
  const projected = t.shape.ms + t.edgeIds.ms + t.analyse.ms + layout;
  rows.push([
    graph.name, count(gates), fmt(t.now.ms), fmt(t.zod.ms), fmt(t.analyse.ms), fmt(layout), fmt(t.shape.ms),
    fmt(t.edgeIds.ms), fmt(projected),
  ]);
  process.stderr.write(`${graph.name} done\n`);
}
console.log('recompile and its parts, median ms');
console.log(table(['graph', 'gates', 'now', 'zod', 'analyse', 'layout', 'shape', 'edge ids', 'projected'], rows));
