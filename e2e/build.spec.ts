import { expect, test } from '@playwright/test';
import { drag, edgeLabel, editorCircuit, expectEngineNumbers, handle, modifier, node, openEditor } from './helpers.ts';

test('dragging a gate from the palette drops it where the pointer is', async ({ page }) => {
  await openEditor(page);
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.getByTestId('palette-tanh').dragTo(pane, { targetPosition: { x: 120, y: box.height - 120 } });
  await expect(node(page, 'tanh1')).toBeVisible();
  const gate = (await node(page, 'tanh1').boundingBox())!;
  // Centred on the drop point, give or take the snap to the grid.
  expect(Math.abs(gate.x + gate.width / 2 - (box.x + 120))).toBeLessThan(gate.width / 2);
  expect(Math.abs(gate.y + gate.height / 2 - (box.y + box.height - 120))).toBeLessThan(gate.height / 2);
  const circuit = await editorCircuit(page);
  expect(circuit.nodes.find((n) => n.id === 'tanh1')?.type).toBe('tanh');
  await expect(page.getByTestId('node-value-tanh1')).toHaveText('—');
  await expect(handle(page, 'tanh1', 'x')).toHaveClass(/handle--open/);
});

test('a click or Enter on a palette item adds the gate at the centre of the view, or the free spot nearest it', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('palette-mul').click();
  await expect(node(page, 'mul1')).toBeVisible();
  await page.getByTestId('palette-input').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'd')).toBeVisible();
  await page.getByTestId('palette-tanh').click();
  await expect(node(page, 'tanh1')).toBeVisible();
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  for (const id of ['mul1', 'd', 'tanh1']) {
    const gate = (await node(page, id).boundingBox())!;
    expect(Math.hypot(gate.x + gate.width / 2 - (canvas.x + canvas.width / 2), gate.y + gate.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(3 * gate.width);
  }
  // Three gates added at the same centre, beside the neuron's: no two overlap.
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.left >= b.right || b.left >= a.right || a.top >= b.bottom || b.top >= a.bottom, `${i} and ${j} overlap`).toBe(true);
    }
});

test('the search box adds the gate typed', async ({ page }) => {
  await openEditor(page);
  await page.locator('.react-flow__pane').click({ position: { x: 60, y: 60 } });
  await page.keyboard.press('/');
  await page.getByTestId('gate-search').fill('relu');
  await page.keyboard.press('Enter');
  await expect(node(page, 'relu1')).toBeVisible();
  await expect(page.getByTestId('gate-search')).toHaveCount(0);
  // Double-clicking the canvas opens it at that spot.
  await page.locator('.react-flow__pane').dblclick({ position: { x: 80, y: 80 } });
  await page.getByTestId('gate-search').fill('sub');
  await page.keyboard.press('Enter');
  await expect(node(page, 'sub1')).toBeVisible();

  // sub1 sits left of c: a wire from c back into it goes around in right angles; a wire forward stays a curve.
  await drag(page, handle(page, 'c', 'out'), handle(page, 'sub1', 'a'));
  const wire = (await editorCircuit(page)).edges.find((e) => e.source === 'c' && e.target === 'sub1')!;
  const d = (id: string) => page.locator(`.react-flow__edge[data-id="${id}"] path.wire`).getAttribute('d');
  expect(await d(wire.id)).not.toMatch(/C/);
  expect(await d(wire.id)).toMatch(/L/);
  expect(await d('e9')).toMatch(/C/);
});

test('wiring an output to an input port re-evaluates, and dropping on a wired port replaces its wire', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('palette-tanh').click();
  await expect(node(page, 'tanh1')).toBeVisible();
  await drag(page, handle(page, 's', 'out'), handle(page, 'tanh1', 'x'));
  await expect(page.getByTestId('node-value-tanh1')).not.toHaveText('—');
  let circuit = await editorCircuit(page);
  const wire = circuit.edges.find((e) => e.target === 'tanh1')!;
  expect(wire).toMatchObject({ source: 's', targetHandle: 'x' });
  // The neuron's sigmoid is no longer the one gate no wire leaves, so the output stays where the file put it.
  await expectEngineNumbers(page, circuit);
  await expect(edgeLabel(page, wire.id)).toHaveAttribute('data-value', '0.8807970779778823');

  // y → port a of ax, which x feeds: the old wire goes.
  await drag(page, handle(page, 'y', 'out'), handle(page, 'ax', 'a'));
  await expect(page.getByTestId('node-value-ax')).toHaveText('−3');
  circuit = await editorCircuit(page);
  expect(circuit.edges.filter((e) => e.target === 'ax' && e.targetHandle === 'a').map((e) => e.source)).toEqual(['y']);
  await expectEngineNumbers(page, circuit);
});

test('a wire that would make a cycle is refused with a notice, and nothing changes', async ({ page }) => {
  await openEditor(page);
  const before = await editorCircuit(page);
  await drag(page, handle(page, 's', 'out'), handle(page, 'ax', 'a'));
  await expect(page.getByTestId('notice')).toContainText('cycle: s -> ax -> axpby -> axpbypc -> s');
  expect(await editorCircuit(page)).toEqual(before);
  await expectEngineNumbers(page, before);
});

test('a wire dropped onto an input is refused with a notice', async ({ page }) => {
  await openEditor(page);
  const before = await editorCircuit(page);
  await drag(page, handle(page, 'ax', 'out'), node(page, 'y').locator('.gate__header'));
  await expect(page.getByTestId('notice')).toContainText('"y" is an input and takes no wire');
  expect(await editorCircuit(page)).toEqual(before);
});

test('a selected wire is deleted with Delete; what it fed shows "—" and its port is marked', async ({ page }) => {
  await openEditor(page);
  await page.locator('.react-flow__edge[data-id="e8"] .react-flow__edge-interaction').click({ force: true });
  await expect(page.locator('.react-flow__edge[data-id="e8"]')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge[data-id="e8"]')).toHaveCount(0);
  await expect(page.getByTestId('node-value-axpbypc')).toHaveText('—');
  await expect(page.getByTestId('node-value-s')).toHaveText('—');
  await expect(edgeLabel(page, 'e9').locator('.wire-label__value')).toHaveText('—');
  await expect(handle(page, 'axpbypc', 'b')).toHaveClass(/handle--open/);
  await expectEngineNumbers(page, await editorCircuit(page));
});

test('selected gates are copied with the wires among them, pasted, duplicated and deleted', async ({ page }) => {
  await openEditor(page);
  await node(page, 'a').locator('.gate__header').click({ position: { x: 4, y: 4 } });
  await node(page, 'ax').click({ modifiers: ['Shift'] });
  await expect(node(page, 'ax')).toHaveClass(/selected/);
  await expect(node(page, 'a')).toHaveClass(/selected/);
  await page.keyboard.press(`${modifier}+c`);
  await page.keyboard.press(`${modifier}+v`);
  await expect(node(page, 'mul1')).toBeVisible();
  let circuit = await editorCircuit(page);
  const pastedInput = circuit.nodes.find((n) => n.type === 'input' && !['a', 'b', 'c', 'x', 'y'].includes(n.id))!;
  expect(pastedInput.value).toBe(1);
  expect(circuit.edges.filter((e) => e.target === 'mul1')).toEqual([expect.objectContaining({ source: pastedInput.id, targetHandle: 'a' })]);
  await expectEngineNumbers(page, circuit);
  // The copies hide no gate.
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((n) => ({ id: n.getAttribute('data-id'), ...n.getBoundingClientRect().toJSON() })),
  );
  for (const copy of boxes.filter((b) => b.id === 'mul1' || b.id === pastedInput.id))
    for (const other of boxes.filter((b) => b.id !== copy.id)) {
      const apart = copy.left >= other.right || other.left >= copy.right || copy.top >= other.bottom || other.top >= copy.bottom;
      expect(apart, `${copy.id} on ${other.id}`).toBe(true);
    }

  await page.keyboard.press(`${modifier}+d`);
  await expect(node(page, 'mul2')).toBeVisible();
  circuit = await editorCircuit(page);
  expect(circuit.nodes).toHaveLength(14);

  await page.keyboard.press('Delete');
  await expect(node(page, 'mul2')).toHaveCount(0);
  circuit = await editorCircuit(page);
  expect(circuit.nodes).toHaveLength(12);
  expect(circuit.edges.some((e) => e.target === 'mul2')).toBe(false);
});

test('input labels and the trainable switch are edited in place', async ({ page }) => {
  await openEditor(page);
  const label = page.getByRole('textbox', { name: 'Label of input a' });
  await label.fill('weight');
  await label.press('Enter');
  const trainable = page.getByTestId('input-trainable-a');
  await expect(trainable).toHaveAttribute('aria-checked', 'true');
  await trainable.click();
  await expect(trainable).toHaveAttribute('aria-checked', 'false');
  await expect(trainable).toHaveText('constant');
  const circuit = await editorCircuit(page);
  expect(circuit.nodes[0]).toMatchObject({ id: 'a', label: 'weight', trainable: false });
});

test('a wire is re-attached by dragging its end to another port', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('palette-tanh').click();
  await expect(node(page, 'tanh1')).toBeVisible();
  const end = page.locator('.react-flow__edge[data-id="e9"] .react-flow__edgeupdater-target');
  await drag(page, end, handle(page, 'tanh1', 'x'));
  const circuit = await editorCircuit(page);
  expect(circuit.edges.find((e) => e.source === 'axpbypc' && e.target === 'tanh1')).toMatchObject({ targetHandle: 'x' });
  expect(circuit.edges.some((e) => e.target === 's')).toBe(false);
  await expect(handle(page, 's', 'x')).toHaveClass(/handle--open/);
  await expect(page.getByTestId('node-value-tanh1')).toHaveAttribute('data-value', String(Math.tanh(2)));
  await expectEngineNumbers(page, circuit);
});

test('dragging the grip sideways scrubs an input value, as one undo step', async ({ page }) => {
  await openEditor(page);
  const grip = node(page, 'c').locator('.scrub');
  const box = (await grip.boundingBox())!;
  await drag(page, grip, { x: box.x + box.width / 2 + 100, y: box.y + box.height / 2 });
  const scrubbed = (await editorCircuit(page)).nodes.find((n) => n.id === 'c')!.value!;
  expect(scrubbed).toBeGreaterThan(-3);
  await expect(page.getByTestId('input-value-c')).toHaveValue(String(scrubbed));
  await expectEngineNumbers(page, await editorCircuit(page));
  await page.keyboard.press(`${modifier}+z`);
  await expect(page.getByTestId('input-value-c')).toHaveValue('-3');
});

test('gates are added and wired with the keyboard alone', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('palette-tanh').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'tanh1')).toBeVisible();
  await node(page, 's').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 's')).toHaveClass(/selected/);
  await page.keyboard.press('w');
  const list = page.getByRole('dialog', { name: 'Wire the output of s to a port' });
  await expect(list).toBeVisible();
  // Ports that would close a cycle are not offered.
  await expect(list.getByRole('option', { name: /ax · a/ })).toHaveCount(0);
  await page.keyboard.type('tanh');
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  const circuit = await editorCircuit(page);
  expect(circuit.edges.find((e) => e.target === 'tanh1')).toMatchObject({ source: 's', targetHandle: 'x' });
  await expect(page.getByTestId('node-value-tanh1')).toHaveAttribute('data-value', String(Math.tanh(0.8807970779778823)));
  // The focus is back on the gate wired from, shown by a ring, and Tab moves on from there.
  await expect(node(page, 's')).toBeFocused();
  await page.keyboard.press('Tab');
  const ring = (id: string) => node(page, id).locator('.gate').evaluate((g) => getComputedStyle(g).outlineStyle);
  await page.keyboard.press('Shift+Tab');
  await expect(node(page, 's')).toBeFocused();
  expect(await ring('s')).toBe('solid');
  expect(await ring('ax')).toBe('none');
});

test('Tab visits every gate, each with its fields, before any wire, and then leaves the canvas', async ({ page }) => {
  await openEditor(page);
  const circuit = await editorCircuit(page);
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (el.classList.contains('react-flow__node')) return `gate ${el.dataset.id}`;
      if (el.classList.contains('react-flow__edge')) return 'wire';
      return el.closest('.react-flow__renderer') ? 'field' : `outside ${el.getAttribute('aria-label') ?? el.dataset.testid ?? el.tagName}`;
    });
  // From the last control before the canvas, Tab lands on the first gate, not on a wire.
  await page.getByTestId('step-predict').focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe(`gate ${circuit.nodes[0].id}`);
  const visits = [await focused()];
  for (let k = 0; k < 60 && !visits[visits.length - 1].startsWith('outside'); k++) {
    await page.keyboard.press('Tab');
    visits.push(await focused());
  }
  const gates = visits.filter((v) => v.startsWith('gate '));
  expect(new Set(gates)).toEqual(new Set(circuit.nodes.map((n) => `gate ${n.id}`)));
  const firstWire = visits.indexOf('wire');
  expect(visits.slice(firstWire, -1).every((v) => v === 'wire')).toBe(true);
  expect(visits.filter((v) => v === 'wire')).toHaveLength(circuit.edges.length);
  // After the last wire, the canvas's own controls.
  expect(visits[visits.length - 1]).toBe('outside Zoom In');
  // Shift+Tab walks back: from the first gate out to the control before the canvas.
  await node(page, circuit.nodes[0].id).focus();
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('outside step-predict');
});
