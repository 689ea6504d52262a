import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../src/editor/numbers.ts';
import { gradClass, widthOf } from '../src/editor/components/wireLook.ts';
import { edgeLabel, editorCircuit, engineNumbers, expectEngineNumbers, modifier, node, openEditor } from './helpers.ts';

const canvas = (page: Page) => page.getByTestId('canvas');

async function zoomOutUntilFar(page: Page): Promise<void> {
  for (let k = 0; k < 20 && !(await canvas(page).evaluate((el) => el.classList.contains('canvas--far'))); k++) {
    await page.locator('.react-flow__controls-zoomout').click();
  }
  await expect(canvas(page)).toHaveClass(/canvas--far/);
}

/** Each wire's stroke width and colour class, by id. */
const wireLooks = (page: Page) =>
  page.locator('.react-flow__edge-path.wire').evaluateAll((paths) =>
    Object.fromEntries(paths.map((p) => [p.id, { width: parseFloat(getComputedStyle(p).strokeWidth), classes: p.getAttribute('class') ?? '' }])),
  );

const gateSizes = (page: Page) =>
  page.locator('.react-flow__node .gate').evaluateAll((gates) =>
    gates.map((g) => [(g as HTMLElement).offsetWidth, (g as HTMLElement).offsetHeight]),
  );

test('zoomed far out, gates show only their symbol at the same size, and numbers edited meanwhile show on return', async ({ page }) => {
  await openEditor(page);
  const field = page.getByTestId('input-value-x');
  await field.fill('1.5');
  await field.press('Enter');
  await expect(page.getByTestId('node-value-x')).toHaveText('1.5');
  const sizes = await gateSizes(page);
  const handles = await page.locator('.react-flow__edge-path.wire').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
  const edited = engineNumbers(await editorCircuit(page));
  const looksBefore = await wireLooks(page);
  for (const [id, look] of Object.entries(looksBefore)) expect(look.width, id).toBe(widthOf(edited.edges[id].grad));

  await zoomOutUntilFar(page);
  // The gate's text is gone, its symbol drawn large instead; nothing moved, so no wire moved.
  await expect(node(page, 's').locator('.gate__name')).toBeHidden();
  expect(await node(page, 's').locator('.gate').evaluate((g) => getComputedStyle(g, '::after').content)).toBe('"σ"');
  expect(await node(page, 'x').locator('.gate').evaluate((g) => getComputedStyle(g, '::after').content)).toBe('"x"');
  expect(await gateSizes(page)).toEqual(sizes);
  expect(await page.locator('.react-flow__edge-path.wire').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')))).toEqual(handles);
  await expect(edgeLabel(page, 'e9')).toBeHidden();

  // An edit far out (undo of the 1.5) reaches the wire labels' hooks at once; the text, and the gates' readouts
  // with their exact numbers, when the view comes back.
  await page.keyboard.press(`${modifier}+z`);
  const circuit = await editorCircuit(page);
  expect(circuit.nodes.find((n) => n.id === 'x')?.value).toBe(-1);
  const numbers = engineNumbers(circuit);
  for (const edge of circuit.edges) {
    await expect(edgeLabel(page, edge.id)).toHaveAttribute('data-value', String(numbers.edges[edge.id].value));
    await expect(edgeLabel(page, edge.id)).toHaveAttribute('data-grad', String(numbers.edges[edge.id].grad));
  }
  // Colours follow at once, far out too; widths wait for the view's return.
  for (const [id, look] of Object.entries(await wireLooks(page))) expect(look.classes, id).toContain(gradClass(numbers.edges[id].grad));
  await page.locator('.react-flow__controls-fitview').click();
  await expect(canvas(page)).not.toHaveClass(/canvas--far/);
  await expect(page.getByTestId('node-value-x')).toHaveText('−1');
  await expect(page.getByTestId('node-value-s')).toHaveText('0.8808');
  const changed = circuit.edges.filter((e) => widthOf(numbers.edges[e.id].grad) !== looksBefore[e.id].width);
  expect(changed.length).toBeGreaterThan(0);
  const looksAfter = await wireLooks(page);
  for (const edge of circuit.edges) expect(looksAfter[edge.id].width, edge.id).toBe(widthOf(numbers.edges[edge.id].grad));
  for (const edge of circuit.edges) {
    await expect(edgeLabel(page, edge.id).locator('.wire-label__value')).toHaveText(formatNumber(numbers.edges[edge.id].value));
    await expect(edgeLabel(page, edge.id).locator('.wire-label__grad')).toHaveText(formatNumber(numbers.edges[edge.id].grad));
  }
  for (const n of circuit.nodes) await expect(page.getByTestId(`node-grad-${n.id}`)).toHaveText(formatNumber(numbers.nodes[n.id].grad));
  await expectEngineNumbers(page, circuit);
});

test('the minimap shows every gate as soon as a circuit opens, and follows a gate that moves', async ({ page }) => {
  await openEditor(page);
  const circuit = await editorCircuit(page);
  const rects = page.locator('.react-flow__minimap-node');
  await expect(rects).toHaveCount(circuit.nodes.length);
  const rightmost = () => rects.evaluateAll((all) => Math.max(...all.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')))));
  const before = await rightmost();
  // s, the output, is the rightmost gate: dragged further right, the minimap's rightmost edge follows it.
  const box = (await node(page, 's').locator('.gate__header').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  // The drop reaches the saved circuit in the task after it; under load, that can be after this line runs.
  const movedX = async () => (await editorCircuit(page)).nodes.find((n) => n.id === 's')!.position!.x;
  await expect.poll(movedX).toBeGreaterThan(circuit.nodes.find((n) => n.id === 's')!.position!.x + 50);
  await expect.poll(rightmost).toBeGreaterThan(before);
});

test('a fitted circuit keeps its gates clear of the stepper bar floating over the top of the canvas', async ({ page }) => {
  await openEditor(page);
  for (const example of ['two-layer-net.circuit.json', 'net-training.circuit.json', 'neuron.circuit.json']) {
    await page.getByTestId('examples').selectOption(example);
    await page.locator('.react-flow__controls-fitview').click();
    const bar = (await page.locator('.stepper__bar').boundingBox())!;
    await expect
      .poll(async () => {
        const tops = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().top));
        return Math.min(...tops);
      }, { message: example })
      .toBeGreaterThanOrEqual(bar.y + bar.height);
  }
});
