import { expect, test, type Page } from '@playwright/test';
import { circuitFile, COLUMN, layeredCircuit, ROW } from '../bench/editor/circuits.ts';
import { USUAL_GATE } from '../src/editor/placement.ts';
import type { Circuit } from '../src/engine/index.ts';
import { edgeLabel, editorCircuit, engineNumbers, modifier, node, openEditor, viewSettled } from './helpers.ts';

const overview = (page: Page) => page.getByTestId('overview');

/** Opens a layered circuit of `size` gates (the benchmark's), which fits into view far out. */
async function openLarge(page: Page, size = 400): Promise<Circuit> {
  await openEditor(page);
  const circuit = layeredCircuit(size);
  await page.getByTestId('open-file').setInputFiles({ name: 'large.circuit.json', mimeType: 'application/json', buffer: Buffer.from(circuitFile(circuit)) });
  await expect(overview(page)).toBeAttached();
  await viewSettled(page);
  return circuit;
}

/** Every wire label hook's numbers, by wire id, read in one go. */
const hooks = (page: Page) =>
  page.locator('[data-testid^="edge-label-"]').evaluateAll((labels) =>
    Object.fromEntries(labels.map((l) => [l.getAttribute('data-testid')!.slice(11), [l.getAttribute('data-value'), l.getAttribute('data-grad')]])),
  );

const expected = (circuit: Circuit) => {
  const numbers = engineNumbers(circuit);
  const exact = (v: number | null) => (v === null ? '' : String(v));
  return Object.fromEntries(circuit.edges.map((e) => [e.id, [exact(numbers.edges[e.id].value), exact(numbers.edges[e.id].grad)]]));
};

/** Where a gate the overview draws is on screen: its position through the view's transform, at its usual size. */
async function drawnCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const { position } = (await editorCircuit(page)).nodes.find((n) => n.id === id)!;
  return page.evaluate(
    ([x, y, w, h]) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      return { x: pane.left + m.e + (x + w / 2) * m.a, y: pane.top + m.f + (y + h / 2) * m.a };
    },
    [position!.x, position!.y, USUAL_GATE.width, USUAL_GATE.height],
  );
}

const viewZoom = (page: Page) =>
  page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

/** The alpha of the overview's pixel under a screen point. */
const alphaAt = (page: Page, at: { x: number; y: number }) =>
  overview(page).evaluate((canvas: HTMLCanvasElement, p) => {
    const r = canvas.getBoundingClientRect();
    return canvas.getContext('2d')!.getImageData(Math.round(p.x - r.left), Math.round(p.y - r.top), 1, 1).data[3];
  }, at);

test('a large circuit far out is drawn as an overview: inputs stay gates, every wire keeps its hook, and an edit reaches them all', async ({ page }) => {
  const circuit = await openLarge(page);
  const inputs = circuit.nodes.filter((n) => n.type === 'input');
  // React Flow mounts only the inputs, where values are typed; the overview draws every other gate.
  await expect(page.locator('.react-flow__node')).toHaveCount(inputs.length);
  await expect(overview(page)).toHaveAttribute('data-gates', String(circuit.nodes.length - inputs.length));
  await expect(overview(page)).toHaveAttribute('data-wires', String(circuit.edges.length));
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  expect(await hooks(page)).toEqual(expected(circuit));

  // Drawn where it is: a gate's middle is painted; above the top row, between two columns, nothing is.
  const centre = await drawnCentre(page, 'g3_5');
  expect(await alphaAt(page, centre)).toBeGreaterThan(0);
  const top = await drawnCentre(page, 'g3_0');
  const zoom = await viewZoom(page);
  expect(await alphaAt(page, { x: top.x + (COLUMN / 2) * zoom, y: top.y - 80 * zoom })).toBe(0);

  // Far out an input's field is hidden with the rest of its text (a user zooms in to type): as the benchmark does, the
  // value goes in through the field's own input event.
  await page.getByTestId('input-value-x').evaluate((field: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, '0.9');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const edited = await editorCircuit(page);
  expect(edited.nodes.find((n) => n.id === 'x')?.value).toBe(0.9);
  await expect.poll(() => hooks(page)).toEqual(expected(edited));
  expect(expected(edited)).not.toEqual(expected(circuit));
  // Undo, as a user far out would: every hook is back.
  await page.keyboard.press(`${modifier}+z`);
  await expect.poll(() => hooks(page)).toEqual(expected(circuit));

  // A reload reopens the autosaved circuit, fitted far out: the overview again, with every hook.
  await page.reload();
  await expect(overview(page)).toHaveAttribute('data-gates', String(circuit.nodes.length - inputs.length));
  await expect(page.locator('.react-flow__node')).toHaveCount(inputs.length);
  await expect.poll(() => hooks(page)).toEqual(expected(circuit));
});

test('in the overview a gate is selected by a click, dragged, deleted and restored, and a double-click zooms in on it', async ({ page }) => {
  await openLarge(page);
  const id = 'g3_5';
  const before = (await editorCircuit(page)).nodes.find((n) => n.id === id)!.position!;
  const at = await drawnCentre(page, id);

  // Hovering names the gate and its exact numbers.
  await page.mouse.move(at.x, at.y);
  await expect(page.locator('.react-flow__pane')).toHaveAttribute('title', new RegExp(`gate ${id}: value -?\\d`));

  // A drag moves the gate (and not the view), in the same steps as a gate node would, snapped to the grid.
  const zoom = await viewZoom(page);
  const viewBefore = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.mouse.down();
  await page.mouse.move(at.x + 20, at.y + 10, { steps: 4 });
  await page.mouse.move(at.x + 60, at.y + 30, { steps: 4 });
  await page.mouse.up();
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(viewBefore);
  const after = (await editorCircuit(page)).nodes.find((n) => n.id === id)!.position!;
  // Within half the grid, and the pointer's rounding to whole pixels.
  expect(Math.abs(after.x - (before.x + 60 / zoom))).toBeLessThanOrEqual(5 + 1 / zoom);
  expect(Math.abs(after.y - (before.y + 30 / zoom))).toBeLessThanOrEqual(5 + 1 / zoom);
  expect(after.x % 10).toBe(0);
  // One undo puts it back.
  await page.keyboard.press(`${modifier}+z`);
  await expect.poll(async () => (await editorCircuit(page)).nodes.find((n) => n.id === id)!.position).toEqual(before);

  // A click selects it: Delete removes it and its wires (their hooks go too); undo brings all back.
  const wires = (await editorCircuit(page)).edges.filter((e) => e.source === id || e.target === id).map((e) => e.id);
  expect(wires.length).toBeGreaterThan(0);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await editorCircuit(page)).nodes.some((n) => n.id === id)).toBe(false);
  for (const wire of wires) await expect(edgeLabel(page, wire)).toHaveCount(0);
  await page.keyboard.press(`${modifier}+z`);
  await expect.poll(async () => (await editorCircuit(page)).nodes.some((n) => n.id === id)).toBe(true);
  for (const wire of wires) await expect(edgeLabel(page, wire)).toHaveCount(1);

  // A double-click on it zooms in: close up, it is a gate node again with its labelled wires, and no search opens.
  const again = await drawnCentre(page, id);
  await page.mouse.dblclick(again.x, again.y);
  await expect(overview(page)).toHaveCount(0);
  await expect(node(page, id)).toBeVisible();
  // Only the gates in view are mounted, not every gate React Flow had not measured yet.
  expect(await page.locator('.react-flow__node').count()).toBeLessThan(60);
  await expect(edgeLabel(page, wires[0])).toBeVisible();
  await expect(page.getByTestId('gate-search')).toHaveCount(0);
});

/** Where a flow point is on screen, through the view's transform. */
const onScreen = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([fx, fy]) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      return { x: pane.left + m.e + fx * m.a, y: pane.top + m.f + fy * m.a };
    },
    [x, y],
  );

const has = async (page: Page, id: string) => (await editorCircuit(page)).nodes.some((n) => n.id === id);

test('in the overview Shift-click and a Shift-drag box add gates to the selection, and arrow keys move it', async ({ page }) => {
  await openLarge(page);
  // Shift-click adds a second gate: Delete removes both.
  const a = await drawnCentre(page, 'g3_5');
  const b = await drawnCentre(page, 'g3_6');
  await page.mouse.click(a.x, a.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Shift');
  await page.keyboard.press('Delete');
  await expect.poll(async () => [await has(page, 'g3_5'), await has(page, 'g3_6')]).toEqual([false, false]);
  await page.keyboard.press(`${modifier}+z`);
  await expect.poll(async () => [await has(page, 'g3_5'), await has(page, 'g3_6')]).toEqual([true, true]);

  // A Shift-drag box from the empty space above column 4 around its first two gates selects exactly those.
  const from = await onScreen(page, 4 * COLUMN - 30, -40);
  const to = await onScreen(page, 4 * COLUMN + USUAL_GATE.width + 30, ROW + USUAL_GATE.height + 30);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // Arrow keys move what is selected: one grid step right, four with Shift down.
  const before = await editorCircuit(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const after = await editorCircuit(page);
  const moved = after.nodes.filter((n) => {
    const old = before.nodes.find((o) => o.id === n.id)!;
    return old.position!.x !== n.position!.x || old.position!.y !== n.position!.y;
  });
  expect(moved.map((n) => n.id).sort()).toEqual(['g4_0', 'g4_1']);
  for (const n of moved) {
    const old = before.nodes.find((o) => o.id === n.id)!.position!;
    expect(n.position).toEqual({ x: old.x + 10, y: old.y + 40 });
  }
});

test('stepping in the overview marks the stepped gate, so that it can be found among hundreds', async ({ page }) => {
  await openLarge(page);
  // The inputs come first in the forward pass; the first gate after them is drawn with its mark.
  for (let k = 0; k < 80 && !(await overview(page).getAttribute('data-focus')); k++) await page.getByTestId('step-next').click();
  const id = await overview(page).getAttribute('data-focus');
  expect(id).toMatch(/^g1_/);
  await expect(page.locator('.react-flow__node.selected, .gate--step')).toHaveCount(0);
  // The ring, 24 px out from the gate's half-diagonal, is drawn in the forward colour.
  const zoom = await viewZoom(page);
  const centre = await drawnCentre(page, id!);
  const r = (Math.hypot(USUAL_GATE.width, USUAL_GATE.height) / 2) * zoom + 24;
  const colour = await overview(page).evaluate((canvas: HTMLCanvasElement, p) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.getContext('2d')!.getImageData(Math.round(p.x - box.left), Math.round(p.y - box.top), 1, 1).data];
  }, { x: centre.x, y: centre.y - r });
  const accent = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--accent').trim());
  const rgb = [1, 3, 5].map((k) => parseInt(accent.slice(k, k + 2), 16));
  expect(colour[3]).toBeGreaterThan(100);
  for (let k = 0; k < 3; k++) expect(Math.abs(colour[k] - rgb[k]), `channel ${k} of ${colour} against ${accent}`).toBeLessThan(40);
});

test('screenshot of a 1,000-gate circuit in the overview', async ({ page }) => {
  test.skip(!process.env.WIREGRAD_SCREENSHOTS, 'set WIREGRAD_SCREENSHOTS=1 to refresh the screenshots in docs/');
  await page.setViewportSize({ width: 1400, height: 900 });
  await openLarge(page, 1000);
  await page.screenshot({ path: 'docs/overview.png' });
});
