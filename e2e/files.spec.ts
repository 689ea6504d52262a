import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { serializeCircuit } from '../src/format/index.ts';
import { autosaved, editorCircuit, expectEngineNumbers, node, openEditor } from './helpers.ts';

test('save downloads NAME.circuit.json, and opening that file brings the circuit back', async ({ page }) => {
  await openEditor(page);
  const name = page.getByTestId('circuit-name');
  await name.fill('my neuron');
  await name.press('Enter');
  await page.getByTestId('input-value-x').fill('0.5');
  const saved = await editorCircuit(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-file').click()]);
  expect(download.suggestedFilename()).toBe('my-neuron.circuit.json');
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toBe(serializeCircuit(saved));

  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByTestId('open-file').setInputFiles({ name: 'my-neuron.circuit.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(node(page, 's')).toBeVisible();
  await expect(name).toHaveValue('my neuron');
  const reopened = await editorCircuit(page);
  expect(reopened).toEqual(saved);
  await expectEngineNumbers(page, reopened);
});

test('a refused file shows the format message and leaves the open circuit as it was', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('input-value-a').fill('7');
  const before = await editorCircuit(page);
  const stored = await autosaved(page);
  const bad = serializeCircuit(before).replace('"type": "sigmoid"', '"type": "sigmoyd"');
  await page.getByTestId('open-file').setInputFiles({ name: 'bad.circuit.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(page.getByRole('alert')).toContainText('bad.circuit.json was not opened: nodes[9].type: unknown gate "sigmoyd"');
  await page.getByTestId('open-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert')).toContainText('notes.txt was not opened: not JSON');
  expect(await autosaved(page)).toBe(stored);
  await expect(page.getByTestId('input-value-a')).toHaveValue('7');
  await expectEngineNumbers(page, before);
});

test('a circuit file dropped on the canvas opens, laid out where it has no positions', async ({ page }) => {
  await openEditor(page);
  const doc = {
    format: 'wiregrad/circuit', version: 1, name: 'dropped',
    nodes: [{ id: 'p', type: 'input', value: 2 }, { id: 'q', type: 'input', value: -3 }, { id: 'm', type: 'mul' }],
    edges: [{ id: 'w1', source: 'p', target: 'm', targetHandle: 'a' }, { id: 'w2', source: 'q', target: 'm', targetHandle: 'b' }],
  };
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.circuit.json', { type: 'application/json' }));
    return data;
  }, JSON.stringify(doc));
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(node(page, 'm')).toBeVisible();
  await expect(page.getByTestId('node-value-m')).toHaveText('−6');
  const circuit = await editorCircuit(page);
  expect(circuit.nodes.every((n) => n.position)).toBe(true);
  await expectEngineNumbers(page, circuit);
});

test('every example of the menu opens with the engine numbers', async ({ page }) => {
  await openEditor(page);
  const index = JSON.parse(await readFile('public/examples/index.json', 'utf8')) as { file: string; name: string }[];
  for (const example of index) {
    await page.getByTestId('examples').selectOption(example.file);
    await expect(page.getByTestId('circuit-name')).toHaveValue(JSON.parse(await readFile(`public/examples/${example.file}`, 'utf8')).name);
    const circuit = await editorCircuit(page);
    await expectEngineNumbers(page, circuit);
  }
});

test('the work survives a reload', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('input-value-y').fill('-2');
  await page.getByTestId('palette-relu').click();
  await expect(node(page, 'relu1')).toBeVisible();
  const before = await editorCircuit(page);
  await page.reload();
  await expect(node(page, 'relu1')).toBeVisible();
  await expect(page.getByTestId('input-value-y')).toHaveValue('-2');
  expect(await editorCircuit(page)).toEqual(before);
  await expectEngineNumbers(page, before);
});

test('the shortcut sheet lists the shortcuts and closes with Escape', async ({ page }) => {
  await openEditor(page);
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Undo');
  await expect(sheet).toContainText('Duplicate');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test("the notice of an opened file leaves the stepper bar's buttons free", async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('examples').selectOption('add-multiply.circuit.json');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Opened');
  const a = (await notice.boundingBox())!;
  for (const id of ['step-reset', 'step-prev', 'step-next', 'step-run', 'step-play']) {
    const b = (await page.getByTestId(id).boundingBox())!;
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, id).toBe(false);
  }
  await page.getByTestId('step-next').click();
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('step-reset')).toBeEnabled();
});

test('the toolbar stays on one line down to 1,000 px, a long name giving way', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await openEditor(page);
  await page.getByTestId('circuit-name').fill('A rather long circuit name that would not fit beside every button');
  const toolbar = page.getByRole('toolbar', { name: 'Circuit' });
  const [height, scroll, client] = await toolbar.evaluate((t) => [t.getBoundingClientRect().height, t.scrollWidth, t.clientWidth]);
  expect(height).toBeLessThan(50);
  expect(scroll).toBeLessThanOrEqual(client);
  await expect(page.getByRole('button', { name: '?' }).or(page.getByTitle(/shortcut/i)).first()).toBeInViewport();
});

test("an opened file's notice goes by itself after a few seconds, not while it is read; a refused file's stays", async ({ page }) => {
  await page.clock.install();
  await openEditor(page);
  const notice = page.getByTestId('notice');
  const examples = page.getByTestId('examples');
  // Time jumps, then a moment of real time for whatever the jump set off to reach the page.
  const after = async (ms: number) => {
    await page.clock.fastForward(ms);
    await page.waitForTimeout(250);
  };

  await examples.selectOption('add-multiply.circuit.json');
  await expect(notice).toContainText('Opened the example “(x + y) · z”');
  await after(4_000);
  await expect(notice).toBeVisible();
  await after(3_000);
  await expect(notice).toHaveCount(0);

  // A new notice starts the wait again.
  await examples.selectOption('neuron.circuit.json');
  await expect(notice).toContainText('Opened the example “Single neuron');
  await after(4_000);
  await examples.selectOption('add-multiply.circuit.json');
  await expect(notice).toContainText('Opened the example “(x + y) · z”');
  await after(4_000);
  await expect(notice).toContainText('Opened the example “(x + y) · z”');

  // Under the pointer, or holding the focus, it stays; once left, it goes after the wait.
  await notice.hover();
  await after(20_000);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).focus();
  await page.mouse.move(5, 400);
  await after(20_000);
  await expect(notice).toBeVisible();
  await page.getByTestId('circuit-name').focus();
  await after(7_000);
  await expect(notice).toHaveCount(0);

  await page.getByTestId('open-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(notice).toContainText('notes.txt was not opened: not JSON');
  await after(60_000);
  await expect(notice).toContainText('notes.txt was not opened: not JSON');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
