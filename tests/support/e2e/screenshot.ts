import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../harness/extension/build-extension';
import { newestCardBox } from './card-text';

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'artifacts', 'screenshots');

/** Saves a PNG of the page as `artifacts/screenshots/<name>.png` for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Saves a PNG of one element (the popup's page, a section) for the guides. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}

/** Saves a PNG of the newest call's card alone, with a little of the page around it. */
export async function screenshotOfCard(page: Page, name: string): Promise<string> {
  return screenshotOfBox(page, await newestCardBox(page), name);
}

/** Saves a PNG of one box of the page (e.g. a shadow root's element), with a little around it. */
export async function screenshotOfBox(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  name: string,
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const margin = 8;
  await page.screenshot({
    path,
    clip: {
      x: Math.max(0, box.x - margin),
      y: Math.max(0, box.y - margin),
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    },
  });
  return path;
}
