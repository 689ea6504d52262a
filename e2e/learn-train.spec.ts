/** Training in the browser: both examples reach 100% as the CLI does, pause and resume, and the screenshot. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { train, trainingSetupOf, type Circuit } from '../src/engine/index.ts';
import { parseCircuit } from '../src/format/index.ts';
import { editorCircuit, modifier, openEditor } from './helpers.ts';

async function example(file: string): Promise<Circuit> {
  const parsed = parseCircuit(await readFile(`public/examples/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The parameters the engine's uninterrupted run (the CLI's `train`) ends with. */
function trainedByEngine(circuit: Circuit): Record<string, number | undefined> {
  const result = train(circuit, trainingSetupOf(circuit)!);
  if (!result.ok) throw new Error(result.error);
  return valuesOf(result.value.circuit);
}

const valuesOf = (c: Circuit) => Object.fromEntries(c.nodes.filter((n) => n.type === 'input').map((n) => [n.id, n.value]));

async function openTraining(page: Page, file: string): Promise<void> {
  await openEditor(page);
  await page.getByTestId('examples').selectOption(file);
  await expect(page.getByTestId('circuit-name')).not.toHaveValue(/neuron/i);
  await page.getByTestId('learn-toggle').click();
  await page.getByTestId('learn-tab-train').click();
  await page.locator('.react-flow__controls-fitview').click();
}

const status = (page: Page) => page.getByTestId('train-status');

for (const file of ['svm-training.circuit.json', 'net-training.circuit.json']) {
  test(`${file} trains to 100% accuracy with the CLI's parameters, and one undo takes them back`, async ({ page }) => {
    const circuit = await example(file);
    await openTraining(page, file);
    await page.getByTestId('train-start').click();
    await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('train-accuracy')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('train-iteration')).toHaveText(String(circuit.training!.iterations));
    await expect(page.getByTestId('decision-boundary')).toBeVisible();
    await expect(page.locator('[data-testid="train-loss-chart"] polyline')).toHaveAttribute('points', /,/);
    expect(valuesOf(await editorCircuit(page))).toEqual(trainedByEngine(circuit));
    // The canvas shows the trained values.
    const [param, value] = Object.entries(trainedByEngine(circuit)).find(([id]) => circuit.nodes.find((n) => n.id === id)?.trainable !== false)!;
    await expect(page.getByTestId(`input-value-${param}`)).toHaveValue(String(value));

    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press(`${modifier}+z`);
    await expect.poll(async () => valuesOf(await editorCircuit(page))).toEqual(valuesOf(circuit));
  });
}

test('training pauses with its values written back, and resumes to the same result', async ({ page }) => {
  const circuit = await example('net-training.circuit.json');
  await openTraining(page, 'net-training.circuit.json');
  await page.getByTestId('train-speed').selectOption('10');
  await page.getByTestId('train-start').click();
  await expect(status(page)).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await page.getByTestId('train-iteration').textContent())).toBeGreaterThan(100);
  await page.getByTestId('train-pause').click();
  await expect(status(page)).toHaveAttribute('data-status', 'paused');
  const at = await page.getByTestId('train-iteration').textContent();
  expect(Number(at)).toBeLessThan(2000);
  await page.waitForTimeout(200);
  await expect(page.getByTestId('train-iteration')).toHaveText(at!);
  expect(valuesOf(await editorCircuit(page))).not.toEqual(valuesOf(circuit));

  await page.getByTestId('train-speed').selectOption('0');
  await page.getByTestId('train-pause').click();
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('train-accuracy')).toHaveAttribute('data-value', '1');
  expect(valuesOf(await editorCircuit(page))).toEqual(trainedByEngine(circuit));
});

test('screenshot of training the 2-layer net, with the decision boundary', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openTraining(page, 'net-training.circuit.json');
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByTestId('train-start').click();
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('train-accuracy')).toHaveText('100%');
  await page.locator('.react-flow__controls-fitview').click();
  const file = 'screenshot-training.png';
  await page.screenshot({ path: process.env.WIREGRAD_SCREENSHOTS ? `docs/${file}` : testInfo.outputPath(file) });
});
