/** What the browser tests share: the editor's circuit as it autosaved it, the engine's numbers for it, drags. */
import { expect, type Locator, type Page } from '@playwright/test';
import { annotate, compile, type Annotations, type Circuit } from '../src/engine/index.ts';
import { parseCircuit } from '../src/format/index.ts';

export const AUTOSAVE_KEY = 'wiregrad.autosave';

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const handle = (page: Page, id: string, port: string) =>
  page.locator(`.react-flow__handle[data-nodeid="${id}"][data-handleid="${port}"]`);
export const edgeLabel = (page: Page, id: string) => page.getByTestId(`edge-label-${id}`);

export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await expect(node(page, 's')).toBeVisible();
  await viewSettled(page);
}

/**
 * Waits until the view stays put over two frames: a circuit just opened is first shown where a guess from its
 * positions puts it, then fitted to the measured gates, and a pointer aimed between the two lands elsewhere.
 */
export async function viewSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const transform = () => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
        const before = transform();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(transform() === before)));
      }),
  );
}

/**
 * The autosave's text. The editor saves in the task after an edit, so this first waits one task: a zero-delay
 * timer set now runs after the editor's, which was set earlier.
 */
export function autosaved(page: Page): Promise<string | null> {
  return page.evaluate(async (key) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return localStorage.getItem(key);
  }, AUTOSAVE_KEY);
}

/** The circuit the editor holds, read from its autosave: every edit is written there right after it. */
export async function editorCircuit(page: Page): Promise<Circuit> {
  const text = await autosaved(page);
  if (text === null) throw new Error('nothing autosaved yet');
  const parsed = parseCircuit(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function engineNumbers(circuit: Circuit): Annotations {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return annotate(circuit, compiled.value);
}

const exact = (v: number | null) => (v === null ? '' : String(v));

/** Every node readout and every wire label shows the engine's numbers for this circuit, to the last digit. */
export async function expectEngineNumbers(page: Page, circuit: Circuit): Promise<void> {
  const numbers = engineNumbers(circuit);
  for (const edge of circuit.edges) {
    const label = edgeLabel(page, edge.id);
    await expect(label).toHaveAttribute('data-value', exact(numbers.edges[edge.id].value));
    await expect(label).toHaveAttribute('data-grad', exact(numbers.edges[edge.id].grad));
  }
  for (const n of circuit.nodes) {
    await expect(page.getByTestId(`node-value-${n.id}`)).toHaveAttribute('data-value', exact(numbers.nodes[n.id].value));
    await expect(page.getByTestId(`node-grad-${n.id}`)).toHaveAttribute('data-grad', exact(numbers.nodes[n.id].grad));
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(circuit.edges.length);
  await expect(page.locator('.react-flow__node')).toHaveCount(circuit.nodes.length);
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on one element and releases on another, moving in steps as a hand would. */
export async function drag(page: Page, from: Locator, to: Locator | { x: number; y: number }): Promise<void> {
  const a = await centreOf(from);
  const b = 'boundingBox' in to ? await centreOf(to) : to;
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 5, a.y + 5, { steps: 2 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

export const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';
