import { expect, test } from '@playwright/test';

// The screenshots in docs/ are taken here. They are rewritten only when asked (WIREGRAD_SCREENSHOTS=1), so
// that running the tests leaves the working tree as it was; otherwise they go with the test's other output.
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the neuron example, ${scheme}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="s"]')).toBeVisible();
    await expect(page.getByTestId('edge-label-e9')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('node-value-s')).toHaveText('0.8808');
    const file = scheme === 'light' ? 'screenshot-neuron.png' : 'screenshot-neuron-dark.png';
    await page.screenshot({ path: process.env.WIREGRAD_SCREENSHOTS ? `docs/${file}` : testInfo.outputPath(file) });
  });
}
