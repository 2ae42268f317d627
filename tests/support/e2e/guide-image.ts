import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../harness/extension/build-extension';
import { SCREENSHOT_DIR } from './screenshot';

/** The guides' pictures; `npm run docs:screenshots` sets this to write them there too. */
export const GUIDE_IMAGE_DIR = join(PROJECT_ROOT, 'docs', 'images');
const WRITE_GUIDE_IMAGES = process.env.CT_WRITE_GUIDE_IMAGES === '1';

/**
 * Saves one picture of the guides, `<name>.<language>.png` (or `<name>.png` for one that
 * shows no text of ours), under artifacts/screenshots/guide, and into docs/images when the
 * guides' pictures are being regenerated.
 */
export async function guideImage(
  target: Page | Locator,
  name: string,
  language?: 'ru' | 'en',
  clip?: { width: number; height: number },
): Promise<string> {
  const file = language === undefined ? `${name}.png` : `${name}.${language}.png`;
  const dir = join(SCREENSHOT_DIR, 'guide');
  await mkdir(dir, { recursive: true });
  const path = join(dir, file);
  if ('goto' in target) {
    await target.screenshot({
      path,
      ...(clip ? { clip: { x: 0, y: 0, ...clip } } : { fullPage: true }),
    });
  } else {
    await target.screenshot({ path });
  }
  if (WRITE_GUIDE_IMAGES) await copyFile(path, join(GUIDE_IMAGE_DIR, file));
  return path;
}
