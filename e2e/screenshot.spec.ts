import { expect, test } from '@playwright/test';

// Not a check of behaviour: keeps docs/screenshot-neuron.png in step with the editor. Runs with the suite.
test('screenshot of the neuron example for the README', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="s"]')).toBeVisible();
  await expect(page.getByTestId('edge-label-e9')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-neuron.png' });
});
