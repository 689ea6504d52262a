import { expect, test } from '@playwright/test';
import { circuitFile, layeredCircuit } from '../bench/editor/circuits.ts';
import { USUAL_GATE } from '../src/editor/placement.ts';
import { drag, editorCircuit, expectEngineNumbers, handle, modifier, node, openEditor, viewSettled } from './helpers.ts';

test('every edit, moves included, is undone and redone with the keyboard and the buttons', async ({ page }) => {
  await openEditor(page);
  const original = await editorCircuit(page);

  await page.getByTestId('input-value-b').fill('-4');
  await page.getByTestId('input-value-b').press('Enter');
  await page.getByTestId('palette-sigmoid').click();
  await expect(node(page, 'sigmoid1')).toBeVisible();
  await drag(page, handle(page, 'ax', 'out'), handle(page, 'sigmoid1', 'x'));
  await expect(page.getByTestId('node-value-sigmoid1')).not.toHaveText('—');
  const header = node(page, 'c').locator('.readouts');
  const box = (await header.boundingBox())!;
  await drag(page, header, { x: box.x + box.width / 2 + 100, y: box.y + box.height / 2 + 60 });
  const edited = await editorCircuit(page);
  const moved = edited.nodes.find((n) => n.id === 'c')!.position!;
  expect(moved).not.toEqual(original.nodes.find((n) => n.id === 'c')!.position);

  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press(`${modifier}+z`);
  expect((await editorCircuit(page)).nodes.find((n) => n.id === 'c')!.position).toEqual(original.nodes.find((n) => n.id === 'c')!.position);
  await page.keyboard.press(`${modifier}+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(original.edges.length);
  await page.keyboard.press(`${modifier}+z`);
  await expect(node(page, 'sigmoid1')).toHaveCount(0);
  await page.keyboard.press(`${modifier}+z`);
  await expect(page.getByTestId('input-value-b')).toHaveValue('2');
  expect(await editorCircuit(page)).toEqual(original);
  await expectEngineNumbers(page, original);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.keyboard.press(`${modifier}+Shift+z`);
  await expect(page.getByTestId('input-value-b')).toHaveValue('-4');
  await page.keyboard.press('Control+y');
  await expect(node(page, 'sigmoid1')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
  const redone = await editorCircuit(page);
  expect(redone).toEqual(edited);
  await expectEngineNumbers(page, redone);
});

test('typing a number is one undo step, not one per keystroke', async ({ page }) => {
  await openEditor(page);
  const field = page.getByTestId('input-value-y');
  await field.click();
  await field.press('End');
  await field.pressSequentially('.25');
  await field.press('Enter');
  await expect(page.getByTestId('node-value-y')).toHaveAttribute('data-value', '3.25');
  await page.keyboard.press(`${modifier}+z`);
  await expect(page.getByTestId('node-value-y')).toHaveAttribute('data-value', '3');
  await expectEngineNumbers(page, await editorCircuit(page));
});

test('all of a 1,000-gate circuit is pasted beside it, covering no gate, in one undo step', async ({ page }) => {
  await openEditor(page);
  const circuit = layeredCircuit(1000);
  await page.getByTestId('open-file').setInputFiles({ name: 'large.circuit.json', mimeType: 'application/json', buffer: Buffer.from(circuitFile(circuit)) });
  await expect(page.getByTestId('overview')).toBeAttached();
  await viewSettled(page);
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press(`${modifier}+a`);
  await page.keyboard.press(`${modifier}+c`);
  await page.keyboard.press(`${modifier}+v`);
  await expect.poll(async () => (await editorCircuit(page)).nodes.length).toBe(2000);
  const pasted = await editorCircuit(page);
  expect(pasted.edges).toHaveLength(2 * circuit.edges.length);
  // Every gate at its size on the canvas: inputs as React Flow measured them, the overview's gates at the usual size.
  const sizes: Record<string, { width: number; height: number }> = await page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-id'), { width: (n as HTMLElement).offsetWidth, height: (n as HTMLElement).offsetHeight }])));
  const boxes = pasted.nodes.map((n) => ({ ...n.position!, ...(sizes[n.id] ?? USUAL_GATE) }));
  const [originals, copies] = [boxes.slice(0, 1000), boxes.slice(1000)];
  for (const c of copies) {
    const over = originals.find((o) => c.x < o.x + o.width && o.x < c.x + c.width && c.y < o.y + o.height && o.y < c.y + c.height);
    expect(over, `a copy at ${c.x},${c.y} covers a gate`).toBeUndefined();
  }
  await page.keyboard.press(`${modifier}+z`);
  await expect.poll(async () => (await editorCircuit(page)).nodes.length).toBe(1000);
  const undone = await editorCircuit(page);
  expect(undone.nodes.map((n) => [n.id, n.position])).toEqual(circuit.nodes.map((n) => [n.id, n.position]));
  expect(undone.edges).toHaveLength(circuit.edges.length);
});
