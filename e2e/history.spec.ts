import { expect, test } from '@playwright/test';
import { drag, editorCircuit, expectEngineNumbers, handle, modifier, node, openEditor } from './helpers.ts';

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
