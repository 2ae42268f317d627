import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { failedDialToast } from '../support/e2e/card-text';
import { pressDialShortcut } from '../support/e2e/dial-shortcut';
import { paintedRanges, pointAtText, waitForPainted } from '../support/e2e/painted-numbers';

const TOP_WRITTEN = '8 (495) 640-12-12';
const PANEL_WRITTEN = '8 (916) 555-12-34';
const PANEL_SHOWN = '+7 916 555-12-34';
const PANEL_COURIER = '+7 903 111-22-33';
const WRITTEN_PANEL_WRITTEN = '8 903 222-33-44';
const WRITTEN_PANEL_SHOWN = '+7 903 222-33-44';
const FOREIGN_WRITTEN = '8 (916) 777-88-99';
const NEAR_MISSES = ['Накладная № 4951234567', 'ИНН 7714123456'];
const TOAST = 'ct-dial-toast';
const HOVER = 'ct-phone-hover';
const NOT_PAIRED = 'The extension is not paired with the helper.';

/** A client card as a cabinet opens it in a side panel: numbers, and numbers that are not phones. */
const PANEL = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Клиент</title></head>
<body><h2 id="title">Карточка клиента</h2>
<p>Контакт: <span id="contact">${PANEL_WRITTEN}</span></p>
<p>Курьер: ${PANEL_COURIER}</p>
<p>${NEAR_MISSES.join(' · ')}</p>
<script>
window.__clicks = 0;
document.addEventListener('click', () => { window.__clicks++; });
</script></body></html>`;

/** The page of another site, embedded by the cabinet (a map, a payment widget). */
const FOREIGN = `<!doctype html><html lang="ru"><head><meta charset="utf-8"></head>
<body><p>Поддержка: ${FOREIGN_WRITTEN}</p></body></html>`;

/**
 * The cabinet's orders page with a client card in a same-origin panel, a note the cabinet
 * writes into a srcdoc frame, and a frame of another site.
 */
function cabinetPage(foreignUrl: string): string {
  const note = `<p>Перезвонить: ${WRITTEN_PANEL_WRITTEN}</p>`.replaceAll('"', '&quot;');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Заказы</title>
<style>iframe { display: block; border: 0; width: 600px; height: 220px; }</style></head>
<body><h1 id="heading">Заказы</h1><p>Диспетчер: <span id="dispatcher">${TOP_WRITTEN}</span></p>
<iframe name="panel" src="panel.html"></iframe>
<iframe name="note" srcdoc="${note}"></iframe>
<iframe name="foreign" src="${foreignUrl}"></iframe>
</body></html>`;
}

function frameNamed(page: Page, name: string): Frame {
  const frame = page.frame({ name });
  if (!frame) throw new Error(`the frame "${name}" is not on the page`);
  return frame;
}

/** Which of the page's frames show our dial toast host (the page's own world sees the host). */
async function framesWithToast(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    if (await frame.evaluate((name) => document.querySelector(name) !== null, TOAST)) {
      found.push(frame === page.mainFrame() ? 'top' : frame.name());
    }
  }
  return found;
}

/** A person's click on `written` inside a frame: the frame's point moved by the frame's place. */
async function clickInFrame(page: Page, frame: Frame, written: string): Promise<void> {
  const point = await pointAtText(frame, written);
  const box = await (await frame.frameElement()).boundingBox();
  if (!point || !box) throw new Error(`"${written}" is not in the frame "${frame.name()}"`);
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Selects `written` in `frame`'s document, as an operator would before the shortcut. */
function select(frame: Frame, written: string): Promise<void> {
  return frame.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in this frame`);
  }, written);
}

describe('numbers inside the panels a cabinet embeds in frames', () => {
  let siteDir: string;
  let foreignDir: string;
  let site: StaticServer;
  let foreign: StaticServer;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    siteDir = await mkdtemp(join(tmpdir(), 'ct-frames-'));
    foreignDir = await mkdtemp(join(tmpdir(), 'ct-frames-foreign-'));
    foreign = await serveStatic(foreignDir);
    // Another host than the cabinet's 127.0.0.1: another site, which the user did not enable.
    const foreignUrl = `${foreign.url.replace('127.0.0.1', 'localhost')}foreign.html`;
    await writeFile(join(foreignDir, 'foreign.html'), FOREIGN);
    await writeFile(join(siteDir, 'index.html'), cabinetPage(foreignUrl));
    await writeFile(join(siteDir, 'panel.html'), PANEL);
    site = await serveStatic(siteDir);
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ language: 'en' });
    await browser.enableSite(site.url);
  });

  afterEach(async () => {
    await page?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await foreign?.close();
    for (const dir of [siteDir, foreignDir])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function openCabinet(): Promise<Page> {
    page = await browser.context.newPage();
    await page.goto(site.url);
    await waitForPainted(page, TOP_WRITTEN);
    await waitForPainted(frameNamed(page, 'panel'), PANEL_WRITTEN);
    return page;
  }

  it("paints the numbers of the cabinet's own panels, none of the near-misses, and leaves another site's frame alone", async () => {
    await openCabinet();
    const panel = frameNamed(page, 'panel');
    const before = await panel.evaluate(() => document.documentElement.outerHTML);
    await waitForPainted(frameNamed(page, 'note'), WRITTEN_PANEL_WRITTEN);

    expect((await paintedRanges(page)).map((range) => range.text)).toEqual([TOP_WRITTEN]);
    expect((await paintedRanges(panel)).map((range) => range.text)).toEqual([
      PANEL_WRITTEN,
      PANEL_COURIER,
    ]);
    expect((await paintedRanges(frameNamed(page, 'note'))).map((range) => range.text)).toEqual([
      WRITTEN_PANEL_WRITTEN,
    ]);
    const foreignFrame = frameNamed(page, 'foreign');
    await foreignFrame.waitForSelector('p');
    expect(await foreignFrame.evaluate(() => CSS.highlights.size)).toBe(0);
    // Painting writes nothing into the panel's document.
    expect(await panel.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('dials a number clicked in a panel, with the toast in that panel; a scripted click dials nothing', async () => {
    await openCabinet();
    const panel = frameNamed(page, 'panel');
    const body = await panel.evaluate(() => document.body.outerHTML);

    await panel.evaluate(() => document.getElementById('contact')!.click());
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await framesWithToast(page)).toEqual([]);

    await clickInFrame(page, panel, PANEL_WRITTEN);
    // No helper is paired in this browser: the toast names the clicked number.
    expect(await failedDialToast(page, PANEL_SHOWN)).toContain(NOT_PAIRED);
    expect(await framesWithToast(page)).toEqual(['panel']);
    // Our hosts (the toast, the hover box under the pointer) are all of ours in the panel,
    // beside its body, not in it.
    expect(await panel.evaluate(() => document.body.outerHTML)).toBe(body);
    const children = await panel.evaluate(() =>
      [...document.documentElement.children].map((child) => child.localName),
    );
    expect(children.slice(0, 2)).toEqual(['head', 'body']);
    expect(children).toContain(TOAST);
    expect(children.slice(2).every((name) => name === TOAST || name === HOVER)).toBe(true);
  });

  it('dials from a panel the cabinet writes itself (srcdoc), as the cabinet', async () => {
    await openCabinet();
    const note = frameNamed(page, 'note');
    await waitForPainted(note, WRITTEN_PANEL_WRITTEN);
    await clickInFrame(page, note, WRITTEN_PANEL_WRITTEN);
    expect(await failedDialToast(page, WRITTEN_PANEL_SHOWN)).toContain(NOT_PAIRED);
    expect(await framesWithToast(page)).toEqual(['note']);
  });

  it('sends the keyboard shortcut to the focused frame only, not to every frame with a selection', async () => {
    await openCabinet();
    const panel = frameNamed(page, 'panel');
    await page.bringToFront();
    // Focus in the panel: the panel dials its selection; the page around it does nothing.
    const title = await pointAtText(panel, 'Карточка клиента');
    const box = await (await panel.frameElement()).boundingBox();
    await page.mouse.click(box!.x + title!.x, box!.y + title!.y);
    await select(panel, PANEL_WRITTEN);
    await select(page.mainFrame(), TOP_WRITTEN);
    await pressDialShortcut(browser, site.url);
    expect(await failedDialToast(page, PANEL_SHOWN)).toContain(NOT_PAIRED);
    expect(await framesWithToast(page)).toEqual(['panel']);

    // Focus back on the page itself: the page dials its own selection, the panel keeps its own.
    await page.close();
    await openCabinet();
    await select(frameNamed(page, 'panel'), PANEL_WRITTEN);
    const heading = await pointAtText(page, 'Заказы');
    await page.mouse.click(heading!.x, heading!.y);
    await select(page.mainFrame(), TOP_WRITTEN);
    await pressDialShortcut(browser, site.url);
    expect(await failedDialToast(page, '+7 495 640-12-12')).toContain(NOT_PAIRED);
    expect(await framesWithToast(page)).toEqual(['top']);
  });
});
