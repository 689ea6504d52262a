/**
 * `npm run bench:editor`: the editor against bare React Flow, in Chromium, on production builds.
 *
 * For 100 and 1,000 gates: the time to open a file (until every node is visible and every wire label holds its
 * numbers), the time from typing a new value into an input that feeds every first-layer gate until the last label
 * holds its new numbers, and frame times while panning and dragging a gate. The baseline is the same graph in bare
 * React Flow (bench/editor/baseline.tsx). Prints a table, writes bench/editor/results.json.
 *
 * Options: --reps N (pages per app and size, default 5), --edits N (edits per page, default 7), --sizes 100,1000.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem, tmpdir, platform, release } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { hookNumber } from '../../src/editor/numbers.ts';
import type { Annotations, Circuit } from '../../src/engine/index.ts';
import { baselineLabel, circuitFile, EDITED_INPUT, layeredCircuit, numbersOf, withInput } from './circuits.ts';
import { PAGE_SCRIPT } from './page.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}
const REPS = Number(option('reps', '5'));
const EDITS = Number(option('edits', '7'));
const SIZES = option('sizes', '100,1000').split(',').map(Number);
const VIEWPORT = { width: 1400, height: 900 };
const FRAME_MS = 1000 / 60;
/** Mouse moves per pan or drag: at 1,000 gates each takes a quarter of a second in the editor. */
const MOVES = Number(option('moves', '30'));

type App = 'editor' | 'baseline';

// ---------- builds and a static server ----------

function build(args: string[]): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--emptyOutDir', ...args], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || path.endsWith('/')) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

// ---------- expectations ----------

interface Expect {
  kind: App;
  nodes: number;
  edges: Record<string, unknown>;
}

function expectFor(app: App, circuit: Circuit, numbers: Annotations): Expect {
  const edges: Record<string, unknown> = {};
  for (const e of circuit.edges) {
    const { value, grad } = numbers.edges[e.id];
    edges[e.id] = app === 'editor' ? [hookNumber(value), hookNumber(grad)] : baselineLabel(value, grad);
  }
  return { kind: app, nodes: circuit.nodes.length, edges };
}

// ---------- statistics ----------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

// ---------- one page ----------

interface Timing {
  dom: number;
  layout: number;
  frame: number;
}

interface Gesture {
  /** Animation-frame intervals during the gesture, ms. */
  frames: number[];
  /** Wall time per mouse move (each awaited by Playwright until the page handled it), ms. */
  perMove: number;
}

interface PageRun {
  open: Timing;
  edits: Timing[];
  pan: Gesture;
  drag: Gesture;
}

async function gesture(page: Page, from: { x: number; y: number }, steps: number): Promise<Gesture> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(() => (window as any).__bench.startFrames());
  const t0 = performance.now();
  for (let k = 1; k <= steps; k++) await page.mouse.move(from.x + (k * 240) / steps, from.y + (k * 120) / steps);
  const perMove = (performance.now() - t0) / steps;
  const frames: number[] = await page.evaluate(() => (window as any).__bench.stopFrames());
  await page.mouse.up();
  return { frames, perMove };
}

async function onePage(browser: Browser, app: App, url: string, circuit: Circuit, values: number[]): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await page.goto(url);
    if (app === 'editor') await page.locator('.react-flow__node[data-id="s"]').waitFor({ state: 'visible' });
    else await page.getByTestId('open-file').waitFor({ state: 'attached' });
    await page.evaluate(PAGE_SCRIPT);
    await page.evaluate(() => (window as any).__bench.settle());

    const openExpect = expectFor(app, circuit, numbersOf(circuit));
    const open: Timing = await page.evaluate(
      ([text, name, expect]) => (window as any).__bench.open(text, name, expect),
      [circuitFile(circuit), `layered-${circuit.nodes.length}.circuit.json`, openExpect] as const,
    );
    await page.evaluate(() => (window as any).__bench.settle());
    await page.getByTestId(`input-value-${EDITED_INPUT}`).focus();

    const edits: Timing[] = [];
    for (const value of values) {
      const expect = expectFor(app, circuit, numbersOf(withInput(circuit, EDITED_INPUT, value)));
      edits.push(await page.evaluate(([v, e]) => (window as any).__bench.edit(v, e), [String(value), expect] as const));
      await page.evaluate(() => (window as any).__bench.settle());
    }

    await page.locator('body').click({ position: { x: 2, y: VIEWPORT.height - 2 }, force: true }).catch(() => {});
    const empty = await page.evaluate(() => (window as any).__bench.emptyPoint());
    if (!empty) throw new Error(`${app}: found no empty point of the canvas to pan from`);
    const viewportBefore = await page.locator('.react-flow__viewport').getAttribute('style');
    const pan = await gesture(page, empty, MOVES);
    if ((await page.locator('.react-flow__viewport').getAttribute('style')) === viewportBefore) throw new Error(`${app}: the pan did not move the view`);
    await page.evaluate(() => (window as any).__bench.settle());
    // A gate in the middle of the circuit, with wires on both sides.
    const middle = circuit.nodes[Math.floor(circuit.nodes.length / 2)].id;
    const centre = await page.evaluate((id) => (window as any).__bench.nodeCentre(id), middle);
    if (!centre) throw new Error(`${app}: gate ${middle} is not on screen`);
    const drag = await gesture(page, centre, MOVES);
    await page.evaluate(() => (window as any).__bench.settle());
    // Both apps must really move the gate, or the timing measures a drag that does nothing.
    const after = await page.evaluate((id) => (window as any).__bench.nodeCentre(id), middle);
    if (after !== null && Math.abs(after.x - centre.x) < 100) throw new Error(`${app}: the dragged gate did not move (${JSON.stringify(centre)} → ${JSON.stringify(after)})`);
    return { open, edits, pan, drag };
  } finally {
    await context.close();
  }
}

// ---------- main ----------

interface Figures {
  openMs: number;
  openLayoutMs: number;
  editMs: number;
  editLayoutMs: number;
  editFrameMs: number;
  panFrameP50: number;
  panFrameP95: number;
  panPerMoveMs: number;
  dragFrameP50: number;
  dragFrameP95: number;
  dragPerMoveMs: number;
  samples: { open: number[]; edit: number[] };
}

function summarise(runs: PageRun[]): Figures {
  const edits = runs.flatMap((r) => r.edits);
  const pan = runs.flatMap((r) => r.pan.frames);
  const drag = runs.flatMap((r) => r.drag.frames);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    openMs: r1(median(runs.map((r) => r.open.dom))),
    openLayoutMs: r1(median(runs.map((r) => r.open.layout))),
    editMs: r1(median(edits.map((e) => e.dom))),
    editLayoutMs: r1(median(edits.map((e) => e.layout))),
    editFrameMs: r1(median(edits.map((e) => e.frame))),
    panFrameP50: r1(median(pan)),
    panFrameP95: r1(quantile(pan, 0.95)),
    panPerMoveMs: r1(median(runs.map((r) => r.pan.perMove))),
    dragFrameP50: r1(median(drag)),
    dragFrameP95: r1(quantile(drag, 0.95)),
    dragPerMoveMs: r1(median(runs.map((r) => r.drag.perMove))),
    samples: { open: runs.map((r) => r1(r.open.dom)), edit: edits.map((e) => r1(e.dom)) },
  };
}

async function main() {
  const started = Date.now();
  const out = mkdtempSync(join(tmpdir(), 'wiregrad-bench-editor-'));
  const servers: Server[] = [];
  let browser: Browser | null = null;
  try {
    console.log('building the editor and the baseline (production builds)…');
    build(['--outDir', join(out, 'editor')]);
    build(['--config', join(here, 'vite.config.ts'), '--outDir', join(out, 'baseline')]);
    const urls = {} as Record<App, string>;
    for (const app of ['editor', 'baseline'] as App[]) {
      const { server, url } = await serve(join(out, app));
      servers.push(server);
      urls[app] = url;
    }
    const executablePath = process.env.WIREGRAD_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
    browser = await chromium.launch({
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });

    const results: Record<string, Record<App, Figures>> = {};
    for (const size of SIZES) {
      const circuit = layeredCircuit(size);
      const values = Array.from({ length: EDITS }, (_, k) => Math.round((0.8 + 0.05 * ((k % 5) + 1) * (k % 2 ? -1 : 1)) * 100) / 100);
      const runs: Record<App, PageRun[]> = { editor: [], baseline: [] };
      // Alternate the apps so that a slow spell of the machine hits both alike.
      for (let rep = 0; rep < REPS; rep++) {
        for (const app of ['editor', 'baseline'] as App[]) {
          const run = await onePage(browser, app, urls[app], circuit, values);
          runs[app].push(run);
          const editMed = median(run.edits.map((e) => e.dom));
          console.log(`  ${String(size).padStart(5)} gates ${app.padEnd(8)} rep ${rep + 1}: open ${run.open.dom.toFixed(0)} ms, edit ${editMed.toFixed(1)} ms`);
        }
      }
      results[String(size)] = { editor: summarise(runs.editor), baseline: summarise(runs.baseline) };
      results[String(size)].editor;
      const edgesOf = circuit.edges.length;
      console.log(`  (${size} gates, ${edgesOf} wires)`);
    }

    // ---------- the table ----------
    const rows: [string, keyof Figures, string][] = [
      ['open (ms)', 'openMs', 'file set → all nodes visible, every label holds its numbers'],
      ['open + layout (ms)', 'openLayoutMs', ''],
      ['edit → last label (ms)', 'editMs', 'typing in x → last label holds its new numbers'],
      ['edit + layout (ms)', 'editLayoutMs', ''],
      ['edit → next frame (ms)', 'editFrameMs', 'includes waiting for vsync'],
      ['pan frame p50 (ms)', 'panFrameP50', ''],
      ['pan frame p95 (ms)', 'panFrameP95', ''],
      ['pan per move (ms)', 'panPerMoveMs', ''],
      ['drag frame p50 (ms)', 'dragFrameP50', ''],
      ['drag frame p95 (ms)', 'dragFrameP95', ''],
      ['drag per move (ms)', 'dragPerMoveMs', ''],
    ];
    const table: string[] = [];
    table.push(`| measure | gates | editor | bare React Flow | ratio |`);
    table.push(`| --- | ---: | ---: | ---: | ---: |`);
    for (const [label, key] of rows)
      for (const size of SIZES) {
        const e = results[String(size)].editor[key] as number;
        const b = results[String(size)].baseline[key] as number;
        table.push(`| ${label} | ${size} | ${e.toFixed(1)} | ${b.toFixed(1)} | ${(e / b).toFixed(2)}× |`);
      }
    console.log('\n' + table.join('\n'));

    const big = results[String(Math.max(...SIZES))];
    const targets = big
      ? {
          open1000Under1s: big.editor.openMs < 1000,
          editWithinOneFrame: big.editor.editLayoutMs <= FRAME_MS,
          openWithin2xBaseline: big.editor.openMs <= 2 * big.baseline.openMs,
          editWithin2xBaseline: big.editor.editMs <= 2 * big.baseline.editMs,
          panWithin2xBaseline: big.editor.panPerMoveMs <= 2 * big.baseline.panPerMoveMs,
          panSmooth: big.editor.panFrameP95 <= 1.5 * FRAME_MS,
          dragWithin2xBaseline: big.editor.dragPerMoveMs <= 2 * big.baseline.dragPerMoveMs,
        }
      : {};
    console.log('\ntargets:', targets);

    const file = join(here, 'results.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: {
            cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30),
            os: `${platform()} ${release()}`, node: process.version, chromium: browser.version(), viewport: VIEWPORT,
          },
          method: { pagesPerAppAndSize: REPS, editsPerPage: EDITS, statistic: 'median', mouseMovesPerGesture: MOVES },
          circuits: Object.fromEntries(SIZES.map((n) => [n, { gates: n, wires: layeredCircuit(n).edges.length }])),
          results,
          targets,
          table,
          seconds: Math.round((Date.now() - started) / 1000),
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nwrote ${file} in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
