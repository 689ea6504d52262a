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

/** The status without a session, and its tooltip. */
const IDLE = 'all passes shown — Next steps gate by gate';
const IDLE_WHY = /^The canvas shows the complete forward and backward pass.*one gate at a time/;

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
  await expect(page.getByTestId('step-progress')).toHaveText(IDLE);
  await expect(page.getByTestId('step-progress')).toHaveAttribute('title', IDLE_WHY);
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
  await expect(page.getByTestId('step-progress')).toHaveText(IDLE);
  await expect(page.getByTestId('node-value-a')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('node-value-s')).not.toHaveAttribute('data-value', '');
});

test('with nothing to step the buttons and keys are off and the bar says why; an input gives one step', async ({ page }) => {
  const progress = page.getByTestId('step-progress');
  const buttons = ['step-reset', 'step-prev', 'step-next', 'step-run', 'step-play'].map((id) => page.getByTestId(id));
  await expect(progress).toHaveText(IDLE);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(node(page, 's')).toHaveCount(0);
  await expect(progress).toHaveText('nothing to step: add gates and wire an output');
  await expect(progress).toHaveAttribute('title', /^The circuit is empty\./);
  for (const button of buttons) await expect(button).toBeDisabled();
  // The keys start no session either: no progress, no ✕ Done, no notice.
  for (const key of ['.', ',', 'Shift+R', 'Shift+E', 'k']) await page.keyboard.press(key);
  await expect(progress).toHaveText('nothing to step: add gates and wire an output');
  await expect(page.getByTestId('step-stop')).toHaveCount(0);
  await expect(page.getByTestId('step-play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // A gate with its ports unwired has no value: still nothing to step.
  await page.getByTestId('palette-add').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(progress).toHaveText('nothing to step: wire inputs into the gates');
  for (const button of buttons) await expect(button).toBeDisabled();

  // An input has a value: one forward step, and the buttons come on.
  await page.getByTestId('palette-input').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(progress).toHaveText(IDLE);
  for (const button of buttons) await expect(button).toBeEnabled();
  await page.keyboard.press('.');
  await expect(progress).toHaveText('forward 1/1');
  await expect(page.getByTestId('step-next')).toBeDisabled();
  await expect(page.getByTestId('step-run')).toBeDisabled();
  await expect(page.getByTestId('step-prev')).toBeEnabled();
  await expect(page.getByTestId('step-stop')).toBeVisible();
});

test('screenshot of a backward step', async ({ page }) => {
  test.skip(!process.env.WIREGRAD_SCREENSHOTS, 'screenshots are refreshed on request: WIREGRAD_SCREENSHOTS=1');
  await page.getByTestId('step-reset').click();
  for (let k = 0; k < 12; k++) await page.getByTestId('step-next').click();
  await page.keyboard.press('f');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-stepping.png' });
});
