/** Stepping through the passes: after every step, exactly the engine's numbers for that step are on the canvas. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { compile, stepState, type Annotations, type Circuit } from '../src/engine/index.ts';
import { parseCircuit, serializeCircuit } from '../src/format/index.ts';
import { edgeLabel, node, openEditor } from './helpers.ts';

function example(name: string): Circuit {
  const parsed = parseCircuit(readFileSync(`public/examples/${name}.circuit.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

async function open(page: Page, circuit: Circuit, file = 'stepped.circuit.json') {
  await page.getByTestId('open-file').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(serializeCircuit(circuit)) });
  await expect(node(page, circuit.nodes.at(-1)!.id)).toBeVisible();
}

function stepper(circuit: Circuit) {
  const compiled = compile(circuit);
  if (!compiled.ok) throw new Error(compiled.error);
  compiled.value.run();
  return (k: number) => stepState(circuit, compiled.value, k);
}

const hook = (v: number | null) => (v === null ? '' : String(v));

async function expectShown(page: Page, circuit: Circuit, annotations: Annotations) {
  for (const edge of circuit.edges) {
    await expect(edgeLabel(page, edge.id)).toHaveAttribute('data-value', hook(annotations.edges[edge.id].value));
    await expect(edgeLabel(page, edge.id)).toHaveAttribute('data-grad', hook(annotations.edges[edge.id].grad));
  }
  for (const n of circuit.nodes) {
    await expect(page.getByTestId(`node-value-${n.id}`)).toHaveAttribute('data-value', hook(annotations.nodes[n.id].value));
    await expect(page.getByTestId(`node-grad-${n.id}`)).toHaveAttribute('data-grad', hook(annotations.nodes[n.id].grad));
  }
}

const explanation = (page: Page) => page.getByTestId('step-explanation-line');

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('(x + y) · z: every step shows what it computed and nothing more, forward then backward', async ({ page }) => {
  const circuit = example('add-multiply');
  await open(page, circuit);
  const at = stepper(circuit);
  await page.getByTestId('step-reset').click();
  await expect(page.getByTestId('step-progress')).toHaveText('reset · 7 steps');
  await expectShown(page, circuit, at(0).annotations);
  for (let k = 1; k <= 7; k++) {
    await page.getByTestId('step-next').click();
    const state = at(k);
    await expect(page.getByTestId('step-progress')).toHaveText(`${state.phase} ${state.phaseIndex}/${state.phase === 'forward' ? 5 : 2}`);
    await expectShown(page, circuit, state.annotations);
  }
  // The first backward step: f's pull on its wires, written on the wires themselves.
  await page.getByTestId('step-prev').click();
  await expect(page.getByTestId('edge-product-e3')).toHaveText('1 × (−4) = −4');
  await expect(page.getByTestId('edge-product-e4')).toHaveText('1 × 3 = 3');
  await expect(page.getByTestId('edge-product-e1')).toHaveCount(0);
  await expect(node(page, 'f').locator('.gate')).toHaveClass(/gate--step-backward/);
  await expect(explanation(page).nth(1)).toHaveAttribute('data-text', '∂f/∂q = z · ∂f/∂f = (−4) × 1 = −4');
  // Run to the end shows the full evaluation; reset clears it again.
  await page.getByTestId('step-run').click();
  await expectShown(page, circuit, at(7).annotations);
  await page.getByTestId('step-reset').click();
  await expectShown(page, circuit, at(0).annotations);
});

test('the neuron steps in the engine order, and the keyboard steps too', async ({ page }) => {
  const circuit = example('neuron');
  await open(page, circuit);
  const at = stepper(circuit);
  await page.getByTestId('step-reset').click();
  for (let k = 1; k <= 3; k++) await page.keyboard.press('.');
  // a, x, then a·x: the multiply has its value, b has none yet.
  await expectShown(page, circuit, at(3).annotations);
  await expect(page.getByTestId('node-value-ax')).toHaveAttribute('data-value', '-1');
  await expect(page.getByTestId('node-value-b')).toHaveAttribute('data-value', '');
  await expect(explanation(page).first()).toHaveAttribute('data-text', 'ax = a × x with a = 1, x = −1');
  await expect(explanation(page).last()).toHaveAttribute('data-text', 'ax = −1');
  await page.keyboard.press('Shift+E');
  await expect(page.getByTestId('step-progress')).toHaveText('backward 5/5');
  await expectShown(page, circuit, at(at(0).total).annotations);
  await page.keyboard.press(',');
  await expect(page.getByTestId('step-progress')).toHaveText('backward 4/5');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('step-progress')).toHaveText('full evaluation');
});

test('a value used twice shows each arriving share and their sum', async ({ page }) => {
  // f = x·y + x at x = 3, y = −2.
  const circuit: Circuit = {
    name: 'fan-out',
    nodes: [
      { id: 'x', type: 'input', value: 3, position: { x: 0, y: 0 } },
      { id: 'y', type: 'input', value: -2, position: { x: 0, y: 160 } },
      { id: 'p', type: 'mul', position: { x: 260, y: 80 } },
      { id: 'f', type: 'add', position: { x: 520, y: 0 } },
    ],
    edges: [
      { id: 'xp', source: 'x', target: 'p', targetHandle: 'a' },
      { id: 'yp', source: 'y', target: 'p', targetHandle: 'b' },
      { id: 'pf', source: 'p', target: 'f', targetHandle: 'a' },
      { id: 'xf', source: 'x', target: 'f', targetHandle: 'b' },
    ],
  };
  await open(page, circuit);
  await page.getByTestId('step-run').click();
  await expect(page.getByTestId('node-accumulation-x')).toHaveText('+= 1 + (−2)');
  await expect(explanation(page).last()).toHaveAttribute(
    'data-text',
    '∂f/∂x = 1 + (−2) = −1: x is used 2 times, and its gradient adds up the pulls (+=)',
  );
  await expect(page.getByTestId('node-grad-x')).toHaveAttribute('data-grad', '-1');
  await page.getByTestId('step-prev').click();
  await expect(page.getByTestId('node-accumulation-x')).toHaveCount(0);
  await expect(page.getByTestId('node-grad-x')).toHaveAttribute('data-grad', '1');
});

test('predict mode asks before each backward step and keeps the score', async ({ page }) => {
  const circuit = example('add-multiply');
  await open(page, circuit);
  await page.getByTestId('step-predict').check();
  await page.getByTestId('step-reset').click();
  for (let k = 0; k < 6; k++) await page.getByTestId('step-next').click();
  // Asked, not yet shown.
  await expect(page.getByTestId('predict-prompt')).toBeVisible();
  await expect(edgeLabel(page, 'e3')).toHaveAttribute('data-grad', '');
  await page.getByTestId('predict-e3').fill('-4');
  await page.getByTestId('predict-e4').fill('2');
  await page.getByTestId('predict-reveal').click();
  await expect(edgeLabel(page, 'e3')).toHaveAttribute('data-grad', '-4');
  await expect(page.getByTestId('verdict-e3')).toHaveAttribute('data-right', 'true');
  await expect(page.getByTestId('verdict-e4')).toHaveAttribute('data-right', 'false');
  await expect(page.getByTestId('step-score')).toHaveText('score 1/2');
});

test('editing while stepping ends the stepping and shows the full evaluation again', async ({ page }) => {
  await page.getByTestId('step-reset').click();
  await expect(edgeLabel(page, 'e1')).toHaveAttribute('data-value', '');
  await page.getByTestId('input-value-a').fill('2');
  await expect(page.getByTestId('step-progress')).toHaveText('full evaluation');
  await expect(page.getByTestId('node-value-a')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('node-value-s')).not.toHaveAttribute('data-value', '');
});

test('screenshot of a backward step', async ({ page }) => {
  test.skip(!process.env.WIREGRAD_SCREENSHOTS, 'screenshots are refreshed on request: WIREGRAD_SCREENSHOTS=1');
  await page.getByTestId('step-reset').click();
  for (let k = 0; k < 12; k++) await page.getByTestId('step-next').click();
  await page.keyboard.press('f');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-stepping.png' });
});
