import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../harness/extension/build-extension';

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'artifacts', 'screenshots');

/** Saves a PNG of the page as `artifacts/screenshots/<name>.png` for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
