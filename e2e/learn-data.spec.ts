/** The Learn panel's dataset: built-ins, the table, CSV pasted or opened (and refused), clicks on the plot. */
import { expect, test, type Page } from '@playwright/test';
import { GUIDE_DATASETS } from '../src/engine/index.ts';
import { autosaved, editorCircuit, modifier, openEditor } from './helpers.ts';

async function openData(page: Page): Promise<void> {
  await openEditor(page);
  await page.getByTestId('learn-toggle').click();
  await page.getByTestId('learn-tab-data').click();
}

const rows = (page: Page) => page.locator('[data-testid^="dataset-row-"]:not([data-testid*="remove"]):not([data-testid$="add"])');

test('a built-in dataset fills the table and the plot, rows are added, edited and removed, and undo takes each back', async ({ page }) => {
  await openData(page);
  await expect(page.getByTestId('dataset-none')).toBeVisible();
  await page.getByTestId('dataset-builtin').selectOption({ label: GUIDE_DATASETS[1].name });
  await expect(rows(page)).toHaveCount(6);
  await expect(page.locator('[data-testid^="dataset-point-"]')).toHaveCount(6);
  let circuit = await editorCircuit(page);
  expect(circuit.dataset).toEqual(GUIDE_DATASETS[1]);
  expect(circuit.bindings).toEqual({ x: 'x', y: 'y' });
  expect(circuit.training).toMatchObject({ loss: 's', score: 's', label: 'label' });

  await page.getByTestId('dataset-row-add').click();
  await expect(rows(page)).toHaveCount(7);
  await page.getByTestId('dataset-cell-6-0').fill('2.5');
  await page.getByTestId('dataset-cell-6-0').press('Enter');
  await page.getByTestId('dataset-row-remove-0').click();
  await expect(rows(page)).toHaveCount(6);
  circuit = await editorCircuit(page);
  expect(circuit.dataset!.rows.at(-1)).toEqual([2.5, 0, 0]);
  expect(circuit.dataset!.rows[0]).toEqual(GUIDE_DATASETS[1].rows[1]);

  await page.locator('body').click({ position: { x: 600, y: 400 } });
  await page.keyboard.press(`${modifier}+z`);
  await expect(rows(page)).toHaveCount(7);
});

test('a malformed CSV is refused with its line and column, and the dataset is kept; a good one replaces it', async ({ page }) => {
  await openData(page);
  await page.getByTestId('dataset-builtin').selectOption({ label: GUIDE_DATASETS[0].name });
  await expect(rows(page)).toHaveCount(6);
  const before = await editorCircuit(page);

  await page.getByTestId('dataset-csv-input').fill('x,y,label\n1,2,1\n3,abc,-1\n');
  await page.getByTestId('dataset-csv-apply').click();
  await expect(page.getByTestId('dataset-csv-error')).toHaveText('the pasted CSV was not used: line 3, column 2 (y): "abc" is not a number');
  await expect(rows(page)).toHaveCount(6);
  expect(await editorCircuit(page)).toEqual(before);
  // What was typed stays, to be fixed.
  await expect(page.getByTestId('dataset-csv-input')).toHaveValue('x,y,label\n1,2,1\n3,abc,-1\n');

  await page.getByTestId('dataset-csv-input').fill('x,y,label\n1,2,1\n3,-4,-1\n');
  await page.getByTestId('dataset-csv-apply').click();
  await expect(page.getByTestId('dataset-csv-error')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  expect((await editorCircuit(page)).dataset?.rows).toEqual([[1, 2, 1], [3, -4, -1]]);
});

test('a CSV file opens as the dataset; a broken file names its fault', async ({ page }) => {
  await openData(page);
  await page.getByTestId('dataset-csv-file').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,label\n0.5,0.5,1\n-1,-1,-1\n1,-1,1\n') });
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId('dataset-name')).toHaveText('points.csv');
  await page.getByTestId('dataset-csv-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2,3\n') });
  await expect(page.getByTestId('dataset-csv-error')).toContainText('broken.csv was not used: line 2: expected 2 cells');
  await expect(rows(page)).toHaveCount(3);
});

test('clicking the plot adds an example of the chosen class where it was clicked', async ({ page }) => {
  await openData(page);
  await page.getByTestId('dataset-builtin').selectOption({ label: GUIDE_DATASETS[0].name });
  await page.getByTestId('dataset-class').selectOption('-1');
  const plot = page.getByTestId('dataset-plot');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page.locator('[data-testid^="dataset-point-"]')).toHaveCount(7);
  const added = (await editorCircuit(page)).dataset!.rows[6];
  expect(added[2]).toBe(-1);
  // The centre of the plot is the centre of the points' ranges.
  expect(added[0]).toBeCloseTo((3 + -1) / 2, 1);
  expect(added[1]).toBeCloseTo((1.1 + -3) / 2, 1);
});

test('a version-1 file still opens, and gains a dataset as version 2', async ({ page }) => {
  await openData(page);
  const v1 = await autosaved(page);
  expect(JSON.parse(v1!).version).toBe(1);
  await page.getByTestId('dataset-builtin').selectOption({ label: GUIDE_DATASETS[0].name });
  await expect(rows(page)).toHaveCount(6);
  const v2 = await autosaved(page);
  expect(JSON.parse(v2!).version).toBe(2);
  await page.getByTestId('dataset-remove').click();
  await expect(page.getByTestId('dataset-none')).toBeVisible();
  const back = await autosaved(page);
  expect(JSON.parse(back!)).not.toHaveProperty('training');
});
