import { expect, test } from '@playwright/test';

// Keeps the screenshots in docs/ in step with the editor; they are looked at, not compared.
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the neuron example, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="s"]')).toBeVisible();
    await expect(page.getByTestId('edge-label-e9')).toHaveAttribute('data-value', '2');
    await page.screenshot({ path: scheme === 'light' ? 'docs/screenshot-neuron.png' : 'docs/screenshot-neuron-dark.png' });
  });
}
