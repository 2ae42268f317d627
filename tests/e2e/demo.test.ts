import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../scripts/demo/start-demo';
import { freePort } from '../../harness/services/free-port';
import { cardText } from '../support/e2e/card-text';
import { paintedRanges } from '../support/e2e/painted-numbers';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';

let demo: RunningDemo;

beforeAll(async () => {
  demo = await startDemo({
    browser: true,
    headless: true,
    helperPort: await freePort(),
    pagePort: 0,
  });
}, 120_000);

afterAll(() => demo?.close());

describe('the demo on embedded defaults', () => {
  it('opens the demo page with the extension paired, and a simulated incoming call shows a card', async () => {
    const browser = demo.browser;
    if (!browser) throw new Error('the demo found no Chromium; install the chromium package');
    const cabinet = browser.page;
    await waitUntil(
      async () => (await paintedRanges(cabinet)).length,
      (painted) => painted > 5,
      20_000,
    );

    const extensionId = new URL(browser.worker.url()).host;
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const demoPanel = popup.locator('form.ct-demo');
    await demoPanel.waitFor({ timeout: 15_000 });
    await demoPanel.locator('input[type="tel"]').fill('+7 916 123-45-67');
    await demoPanel.locator('button[type="submit"]').click();
    await demoPanel.locator('[role="status"]').waitFor({ timeout: 10_000 });
    await popup.close();
    await cabinet.bringToFront();

    const text = await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Иванова Мария'),
      20_000,
    );
    expect(text).toContain('ЗК-2026-070001');
    expect(text).toContain('Петров Алексей');
    await screenshot(cabinet, 'demo-incoming-call-card');
  }, 90_000);
});
