import { expect, test } from '@playwright/test';
import { drag, edgeLabel, editorCircuit, engineNumbers, expectEngineNumbers, handle, node, openEditor } from './helpers.ts';

test('a newcomer sees the neuron with the engine numbers on every wire and gate', async ({ page }) => {
  await openEditor(page);
  const circuit = await editorCircuit(page);
  expect(circuit.name).toBe('Single neuron σ(a·x + b·y + c)');
  await expectEngineNumbers(page, circuit);
  // The guide's numbers, rounded on screen, exact on hover.
  await expect(page.getByTestId('node-value-s')).toHaveText('0.8808');
  await page.getByTestId('node-value-s').hover();
  await expect(page.getByTestId('node-value-s')).toHaveAttribute('title', 'value 0.8807970779778823');
  await edgeLabel(page, 'e9').hover();
  await expect(edgeLabel(page, 'e9')).toHaveAttribute('title', `value 2, gradient ${0.10499358540350662}`);
  await expect(page.getByTestId('node-grad-a')).toHaveText('−0.105');
  await expect(edgeLabel(page, 'e9').locator('.wire-label__value')).toHaveText('2');
  await expect(edgeLabel(page, 'e9').locator('.wire-label__grad')).toHaveText('0.105');
  await expect(node(page, 's')).toHaveClass(/selectable/);

  // A hover text already shown follows the next edit.
  await page.getByTestId('node-value-s').hover();
  await page.getByTestId('input-value-x').fill('-3');
  const edited = await editorCircuit(page);
  const numbers = engineNumbers(edited);
  expect(numbers.nodes.s.value).not.toBeCloseTo(0.8808, 3);
  await expect(page.getByTestId('node-value-s')).toHaveAttribute('title', `value ${numbers.nodes.s.value}`);
  const e9 = numbers.edges.e9;
  await expect(edgeLabel(page, 'e9')).toHaveAttribute('title', `value ${e9.value}, gradient ${e9.grad}`);
  expect(e9.grad).not.toBeCloseTo(0.10499358540350662, 6);
});

test('typing a value re-evaluates every label at once, as the engine computes it', async ({ page }) => {
  await openEditor(page);
  const field = page.getByTestId('input-value-x');
  await field.fill('2.5');
  await expect(page.getByTestId('node-value-ax')).toHaveText('2.5');
  const circuit = await editorCircuit(page);
  expect(circuit.nodes.find((n) => n.id === 'x')?.value).toBe(2.5);
  await expectEngineNumbers(page, circuit);

  // Not a number: marked, and the circuit keeps its last number.
  await field.fill('2.5x');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('node-value-ax')).toHaveText('2.5');

  // Arrow keys step the value.
  await field.fill('1');
  await field.press('ArrowUp');
  await expect(field).toHaveValue('1.1');
  await expect(page.getByTestId('node-value-x')).toHaveAttribute('data-value', '1.1');

  // The longest rounded numbers show whole inside a gate, an input's too, not cut.
  await field.fill('-1.23456e-99');
  await page.getByTestId('input-value-b').fill('-7.77777e+100');
  for (const [id, text, kind] of [['ax', '−1.235e-99', 'value'], ['axpby', '−2.333e+101', 'value'], ['b', '−7.778e+100', 'value'], ['x', '−1.235e-99', 'value']]) {
    const readout = page.getByTestId(`node-${kind}-${id}`);
    await expect(readout).toHaveText(text);
    const [inner, box] = await Promise.all([readout.evaluate((el) => el.scrollWidth <= el.clientWidth), readout.boundingBox()]);
    const gate = (await node(page, id).boundingBox())!;
    expect(inner, `${id} not cut`).toBe(true);
    expect(box!.x + box!.width, `${id} inside its gate`).toBeLessThanOrEqual(gate.x + gate.width);
  }
});

test('the wheel over a value zooms the canvas until the field is clicked into, then steps the value', async ({ page }) => {
  await openEditor(page);
  const field = page.getByTestId('input-value-a');
  const zoom = () => page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  const before = await zoom();
  await field.hover();
  await page.mouse.wheel(0, -200);
  await expect.poll(zoom).toBeGreaterThan(before);
  await expect(field).toHaveValue('1');
  await expect(page.getByTestId('node-value-a')).toHaveAttribute('data-value', '1');

  await field.click();
  const zoomed = await zoom();
  await page.mouse.wheel(0, -100);
  await expect(field).toHaveValue('1.1');
  await expect(page.getByTestId('node-value-a')).toHaveAttribute('data-value', '1.1');
  expect(await zoom()).toBe(zoomed);
});

test('the pull and the output are the user\'s to choose', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('output-grad').fill('-1');
  await expect(page.getByTestId('node-grad-s')).toHaveAttribute('data-grad', '-1');
  await page.getByTestId('output-select').selectOption('axpby');
  await expect(page.getByTestId('node-grad-axpby')).toHaveAttribute('data-grad', '-1');
  await expect(page.getByTestId('node-grad-s')).toHaveAttribute('data-grad', '0');
  const circuit = await editorCircuit(page);
  expect(circuit.output).toBe('axpby');
  expect(circuit.outputGrad).toBe(-1);
  await expectEngineNumbers(page, circuit);
});

test('a gate whose value is not finite is marked with the reason', async ({ page }) => {
  await openEditor(page);
  // ln of a negative number: a natural log gate fed by c = −3.
  await page.getByTestId('palette-log').click();
  const circuit = await editorCircuit(page);
  const log = circuit.nodes.find((n) => n.type === 'log')!;
  await expect(page.getByTestId(`node-value-${log.id}`)).toHaveText('—');
  await drag(page, handle(page, 'c', 'out'), handle(page, log.id, 'x'));
  await expect(page.getByTestId(`node-value-${log.id}`)).toHaveText('NaN');
  await expect(page.getByTestId(`node-trouble-${log.id}`)).toHaveAttribute('title', 'value is NaN: ln of a negative number');
  expect(engineNumbers(await editorCircuit(page)).nodes[log.id].value).toBeNaN();
});

test('a long exact value fits its field, set smaller, and stays exact', async ({ page }) => {
  await openEditor(page);
  const field = page.getByTestId('input-value-x');
  await field.fill('-2.9999999999999996');
  await field.press('Enter');
  await expect(field).toHaveValue('-2.9999999999999996');
  const fits = await field.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  await expect(page.getByTestId('node-value-x')).toHaveAttribute('data-value', '-2.9999999999999996');
});

test('labels that would cover each other are dimmed under the first, and hovering one brings it back on top', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('Open an example').selectOption({ label: '2-layer net: 3 ReLU neurons' });
  // Its inputs each feed three gates close by: their labels pile up between the first two columns.
  await expect.poll(() => page.locator('.wire-label--crowded').count()).toBeGreaterThan(0);
  const layout = await page.locator('.wire-label').evaluateAll((labels) =>
    labels.map((l) => ({
      id: l.getAttribute('data-testid')!,
      crowded: l.classList.contains('wire-label--crowded'),
      parts: [...l.children].filter((p) => p.textContent !== '').map((p) => p.getBoundingClientRect().toJSON() as DOMRect),
    })),
  );
  const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const touches = (a: (typeof layout)[number], b: (typeof layout)[number]) => a.parts.some((p) => b.parts.some((q) => overlap(p, q)));
  const kept = layout.filter((l) => !l.crowded);
  // No two labels shown in full cover each other; each dimmed one would have covered one shown.
  for (const a of kept) for (const b of kept) if (a !== b) expect(touches(a, b), `${a.id} and ${b.id}`).toBe(false);
  for (const c of layout.filter((l) => l.crowded)) expect(kept.some((k) => touches(c, k)), c.id).toBe(true);
  // Dimmed, not hidden: every label is still there with its numbers.
  const circuit = await editorCircuit(page);
  const numbers = engineNumbers(circuit);
  const dimmed = layout.find((l) => l.crowded)!;
  const label = page.getByTestId(dimmed.id);
  await expect(label).toBeVisible();
  await expect(label).toHaveAttribute('data-value', String(numbers.edges[dimmed.id.slice(11)].value));
  expect(await label.evaluate((l) => getComputedStyle(l).opacity)).toBe('0.2');
  // A point of it no shown label covers: hovering there brings it up.
  const point = await label.evaluate((l) => {
    for (const part of l.children) {
      const r = part.getBoundingClientRect();
      for (let y = r.top + 1; y < r.bottom; y += 2)
        for (let x = r.left + 1; x < r.right; x += 2) if (document.elementFromPoint(x, y)?.closest('.wire-label') === l) return { x, y };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);
  await expect.poll(() => label.evaluate((l) => getComputedStyle(l).opacity)).toBe('1');
});
