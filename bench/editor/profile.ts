/**
 * Where the editor's time goes when it opens a circuit, edits an input, pans and drags: Chromium's own counters
 * (script, style, layout) and the JavaScript functions with the most self time, from a CPU profile over CDP.
 * `npx tsx bench/editor/profile.ts [gates] [open|edit|pan|drag]` (default 1000 open). A production build of the app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { hookNumber } from '../../src/editor/numbers.ts';
import { baselineLabel, circuitFile, EDITED_INPUT, layeredCircuit, numbersOf, withInput } from './circuits.ts';
import { PAGE_SCRIPT } from './page.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const size = Number(process.argv[2] ?? 1000);
const what = process.argv[3] ?? 'open';
const out = mkdtempSync(join(tmpdir(), 'wiregrad-profile-'));
// BASELINE=1 profiles bare React Flow (bench/editor/baseline.tsx) instead of the editor.
const baseline = process.env.BASELINE === '1';
const built = spawnSync('npx', ['vite', 'build', ...(baseline ? ['--config', 'bench/editor/vite.config.ts'] : []), '--logLevel', 'error', '--emptyOutDir', '--outDir', out, ...(process.env.MINIFY === '0' ? ['--minify', 'false'] : [])], { cwd: repo, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = existsSync(join(out, path)) && path !== '/' ? join(out, path) : join(out, 'index.html');
  res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : extname(file) === '.css' ? 'text/css' : 'text/html' });
  res.end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  if (baseline) await page.getByTestId('open-file').waitFor({ state: 'attached' });
  else await page.locator('.react-flow__node[data-id="s"]').waitFor({ state: 'visible' });
  await page.evaluate(PAGE_SCRIPT);
  // An experiment's CSS, e.g. CSS='.react-flow__minimap{display:none}', to see what a style costs.
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  const circuit = layeredCircuit(size);
  const expect = (c = circuit) => {
    const n = numbersOf(c);
    if (baseline) return { kind: 'baseline', nodes: c.nodes.length, edges: Object.fromEntries(c.edges.map((e) => [e.id, baselineLabel(n.edges[e.id].value, n.edges[e.id].grad)])) };
    return { kind: 'editor', nodes: c.nodes.length, edges: Object.fromEntries(c.edges.map((e) => [e.id, [hookNumber(n.edges[e.id].value), hookNumber(n.edges[e.id].grad)]])) };
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const run = async () => {
    if (what === 'open') return page.evaluate(([t, e]) => (window as any).__bench.open(t, 'p.circuit.json', e), [circuitFile(circuit), expect()] as const);
    await page.evaluate(([t, e]) => (window as any).__bench.open(t, 'p.circuit.json', e), [circuitFile(circuit), expect()] as const);
    await page.evaluate(() => (window as any).__bench.settle());
    if (what === 'edit') {
      await page.getByTestId(`input-value-${EDITED_INPUT}`).focus();
      // MUTATIONS=1: what the edit wrote into the page, counted by kind and target, to see what dirties style and layout.
      if (process.env.MUTATIONS === '1') {
        await page.evaluate(() => {
          const counts = new Map<string, number>();
          (window as any).__mutations = counts;
          new MutationObserver((records) => {
            for (const r of records) {
              const el = r.target instanceof Element ? r.target : r.target.parentElement;
              const key = `${r.type} ${r.attributeName ?? ''} on ${el?.tagName.toLowerCase()}.${[...(el?.classList ?? [])].slice(0, 2).join('.')}`;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
          }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
        });
        const t = await page.evaluate(([v, e]) => (window as any).__bench.edit(v, e), ['0.9', expect(withInput(circuit, EDITED_INPUT, 0.9))] as const);
        await page.waitForTimeout(300);
        console.log(await page.evaluate(() => [...(window as any).__mutations].sort((a: any, b: any) => b[1] - a[1]).map(([k, v]: any) => `    ${String(v).padStart(5)}  ${k}`).join('\n')));
        return { t };
      }
      return { before: await metrics(), start: await cdp.send('Profiler.start'), t: await page.evaluate(([v, e]) => (window as any).__bench.edit(v, e), ['0.9', expect(withInput(circuit, EDITED_INPUT, 0.9))] as const) };
    }
    // As the benchmark does: a click outside the canvas first (it blurs the edited field).
    await page.locator('body').click({ position: { x: 2, y: 898 }, force: true }).catch(() => {});
    const from = what === 'pan'
      ? await page.evaluate(() => (window as any).__bench.emptyPoint())
      : await page.evaluate((id) => (window as any).__bench.nodeCentre(id), circuit.nodes[circuit.nodes.length >> 1].id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const before = await metrics();
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    for (let k = 1; k <= 30; k++) await page.mouse.move(from.x + k * 8, from.y + k * 4);
    await page.mouse.up();
    return { before, t: `${((Date.now() - t0) / 30).toFixed(1)} ms per move` };
  };
  // LAYERS=1: the page's composited layers after opening the circuit, and why Chromium made each one.
  if (process.env.LAYERS === '1') {
    const layers: any[] = [];
    cdp.on('LayerTree.layerTreeDidChange', (e: any) => { if (e.layers) layers.splice(0, layers.length, ...e.layers); });
    await cdp.send('LayerTree.enable' as any);
    await page.evaluate(([t, e]) => (window as any).__bench.open(t, 'p.circuit.json', e), [circuitFile(circuit), expect()] as const);
    await page.waitForTimeout(500);
    for (const l of layers.filter((x) => x.drawsContent)) {
      const why = await cdp.send('LayerTree.compositingReasons' as any, { layerId: l.layerId }).catch(() => ({ compositingReasonIds: ['?'] }));
      console.log(`  layer ${l.layerId} ${l.width}x${l.height} node ${l.backendNodeId ?? '-'}: ${(why as any).compositingReasonIds?.join(', ')}`);
    }
    console.log(`  ${layers.length} layers, ${layers.filter((x) => x.drawsContent).length} drawing`);
  }
  let before = await metrics();
  if (process.env.TRACE === '1') await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  if (what === 'open') await cdp.send('Profiler.start');
  const result: any = await run();
  if (process.env.TRACE === '1') {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number }[] };
    const tasks = trace.traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > Number(process.env.TASK_MS ?? 30) * 1000);
    // The renderer's main thread is the one that runs script; other threads have short tasks of their own.
    const main = trace.traceEvents.find((e) => e.name === 'FunctionCall')?.tid;
    const mainTasks = tasks.filter((x) => x.tid === main);
    console.log('  tasks over TASK_MS (default 30) ms on the main thread (ms: top-level breakdown):');
    const all = trace.traceEvents.filter((e) => e.ph === 'X' && e.tid === main);
    const total = new Map<string, number>();
    for (const t of mainTasks) {
      const inside = all.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
      const by = new Map<string, number>();
      for (const e of inside) if (['FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'TimerFire', 'V8.GC_MC_BACKGROUND', 'MajorGC', 'MinorGC', 'ResizeObserver', 'UpdateLayer', 'Commit', 'HitTest', 'v8.run', 'ScheduleStyleRecalculation'].includes(e.name)) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      for (const [k, v] of by) total.set(k, (total.get(k) ?? 0) + v);
      console.log(`    at ${((t.ts - mainTasks[0].ts) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms — ${[...by].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
      // PAINTS=1: what each paint of the task covered (layer and clip), to find what a gesture repaints.
      if (process.env.PAINTS === '1') for (const e of inside.filter((x) => x.name === 'Paint')) console.log(`      paint ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify((e as any).args?.data)}`);
      // LAYOUTS=1: how many objects each style recalculation and layout of the task touched, to find what an edit dirties.
      if (process.env.LAYOUTS === '1')
        for (const e of inside.filter((x) => x.name === 'Layout' || x.name === 'UpdateLayoutTree'))
          console.log(`      ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify((e as any).args?.beginData ?? (e as any).args?.elementCount ?? (e as any).args)}`);
    }
    console.log(`  sum of those ${mainTasks.length} tasks: ${[...total].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  if (result?.before) before = result.before;
  const { profile } = await cdp.send('Profiler.stop');
  const after = await metrics();
  console.log(what, size, JSON.stringify(result?.t ?? result));
  for (const k of ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'RecalcStyleCount', 'LayoutCount'])
    console.log(`  ${k}: ${k.endsWith('Count') ? after[k] - before[k] : ((after[k] - before[k]) * 1000).toFixed(1) + ' ms'}`);
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, k) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![k] ?? 0) / 1000));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  // INCLUSIVE=1: the functions with the most total time (themselves and what they call), to see which entry points cost.
  if (process.env.INCLUSIVE === '1') {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const inclusive = new Map<number, number>();
    const total = (id: number): number => {
      if (inclusive.has(id)) return inclusive.get(id)!;
      const n = byId.get(id)!;
      const t = (dt.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(c), 0);
      inclusive.set(id, t);
      return t;
    };
    const byName = new Map<string, number>();
    for (const n of profile.nodes) {
      const f = n.callFrame;
      if (!f.functionName || f.url === '') continue;
      const key = `${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber}`;
      // A recursive function counts once: only its outermost frames.
      let p = n.id;
      let nested = false;
      for (const m of profile.nodes) if ((m.children ?? []).includes(p) && m.callFrame.functionName === f.functionName && m.callFrame.lineNumber === f.lineNumber) nested = true;
      if (!nested) byName.set(key, (byName.get(key) ?? 0) + total(n.id));
    }
    console.log('  top inclusive time:');
    for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
  console.log('  top self time:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
