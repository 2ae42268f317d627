// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveStatic, type StaticServer } from '../../../../harness/serve-static';
import {
  linkedPhones,
  startLinker,
  type LinkerHarness,
} from '../../../support/extension/features/linkify-phones/linker-harness';

interface Expected {
  regions: {
    name: string;
    selector: string;
    route?: string;
    loadedLater?: boolean;
    phones: string[];
  }[];
  shadowHosts: { selector: string; phones: string[] }[];
  telLinks: { selector: string; phone: string }[];
  untouched: { values: { selector: string; value: string }[]; subtrees: string[] };
  nearMisses: string[];
  nearMissesLoadedLater: string[];
  nearMissesInClientCards: string[];
}

const DEMO_DIR = resolve(import.meta.dirname, '../../../../demo/cabinet');
const expected = JSON.parse(readFileSync(resolve(DEMO_DIR, 'expected.json'), 'utf8')) as Expected;

interface CabinetWindow extends Window {
  cabinetPageTwo?: Promise<void>;
  cabinetNavigation?: Promise<void>;
}

let server: StaticServer;
let browser: Browser;
let page: BrowserPage;
let linker: LinkerHarness;
let doc: Document;
let untouchedBefore: Map<string, string>;
const clientNearMissesSeen = new Set<string>();

function region(name: string): Expected['regions'][number] {
  const found = expected.regions.find((candidate) => candidate.name.startsWith(name));
  if (!found) throw new Error(`expected.json has no region "${name}"`);
  return found;
}

/** Created links anywhere in the light DOM, and the regions' own share of them. */
function strayLinks(selectors: string[]): string[] {
  const inRegions = new Set(
    selectors.flatMap((selector) => Array.from(doc.querySelectorAll(selector))),
  );
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a.ct-phone'))
    .filter((link) => ![...inRegions].some((root) => root.contains(link)))
    .map((link) => link.textContent ?? '');
}

function expectNotLinked(strings: string[]): void {
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
  const linkTexts = Array.from(doc.querySelectorAll('a.ct-phone')).map(
    (link) => link.textContent ?? '',
  );
  for (const nearMiss of strings) {
    expect(text, `the page shows "${nearMiss}"`).toContain(nearMiss);
    for (const linkText of linkTexts) {
      expect(
        nearMiss.includes(linkText) || linkText.includes(nearMiss),
        `"${nearMiss}" vs link "${linkText}"`,
      ).toBe(false);
    }
  }
}

/** Waits, within a generous deadline, until the links under a selector are as expected. */
async function expectLinked(selector: string, phones: string[]): Promise<void> {
  await vi.waitFor(
    () => {
      const roots = Array.from(doc.querySelectorAll(selector));
      expect(roots.length, selector).toBeGreaterThan(0);
      expect(roots.flatMap((root) => linkedPhones(root))).toEqual(phones);
    },
    { timeout: 5000, interval: 20 },
  );
}

beforeAll(async () => {
  server = await serveStatic(DEMO_DIR);
  browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  page = browser.newPage();
  await page.goto(server.url);
  doc = page.mainFrame.document as unknown as Document;
  untouchedBefore = new Map(
    expected.untouched.subtrees.map((selector) => [
      selector,
      doc.querySelector(selector)!.innerHTML,
    ]),
  );
  linker = startLinker(doc);
  await linker.sessionsDone(1);
});

afterAll(async () => {
  linker?.controller.abort();
  await browser?.close();
  await server?.close();
});

describe('demo cabinet', () => {
  it('links every phone of the first page and the sidebar with the right data-phone', () => {
    expect(doc.querySelectorAll("tr[data-page='2']")).toHaveLength(0);
    for (const name of ['orders, first page', 'operator sidebar']) {
      const { selector, phones } = region(name);
      const found = Array.from(doc.querySelectorAll(selector)).flatMap((root) =>
        linkedPhones(root),
      );
      expect(found, name).toEqual(phones);
    }
  });

  it('links the phone inside the web component’s open shadow root, attached after the first scan', async () => {
    for (const host of expected.shadowHosts) {
      await vi.waitFor(
        () =>
          expect(linkedPhones(doc.querySelector(host.selector)!.shadowRoot!)).toEqual(host.phones),
        { timeout: 5000, interval: 20 },
      );
    }
  });

  it('takes over tel: links without creating new ones', () => {
    for (const { selector, phone } of expected.telLinks) {
      const link = doc.querySelector<HTMLAnchorElement>(selector)!;
      expect(link.dataset.phone).toBe(phone);
      expect(linker.registry.lookup(link)?.e164).toBe(phone);
      expect(link.classList.contains('ct-phone')).toBe(false);
    }
  });

  it('links no number that is not a phone and nothing outside the expected regions', () => {
    expectNotLinked(expected.nearMisses);
    expect(strayLinks(['#orders-body', '#sidebar'])).toEqual([]);
  });

  it('leaves inputs, the textarea, the editable note, the select and code untouched', () => {
    for (const { selector, value } of expected.untouched.values) {
      expect(doc.querySelector<HTMLInputElement>(selector)!.value).toBe(value);
    }
    for (const [selector, html] of untouchedBefore) {
      expect(doc.querySelector(selector)!.innerHTML, selector).toBe(html);
    }
  });

  it('links the second page of rows once the page loads it', async () => {
    (doc.querySelector('#load-more') as HTMLButtonElement).click();
    await (page.mainFrame.window as unknown as CabinetWindow).cabinetPageTwo;
    const { selector, phones } = region('orders, second page');
    await expectLinked(selector, phones);
    expectNotLinked(expected.nearMissesLoadedLater);
  });

  it.each(['client card 1', 'client card 2'])(
    'links the %s reached through history navigation',
    async (name) => {
      const { selector, route, phones } = region(name);
      const window = page.mainFrame.window as unknown as CabinetWindow;
      const link = doc.createElement('a');
      link.href = route!;
      link.dataset.route = 'client';
      doc.body.append(link);
      link.click();
      link.remove();
      await window.cabinetNavigation;
      expect(window.location.search).toBe(route);
      await expectLinked(selector, phones);
      const shown = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
      const present = expected.nearMissesInClientCards.filter((text) => shown.includes(text));
      for (const text of present) clientNearMissesSeen.add(text);
      expectNotLinked(present);
    },
  );

  it('showed every client-card near miss in one of the cards', () => {
    expect([...clientNearMissesSeen].sort()).toEqual([...expected.nearMissesInClientCards].sort());
  });

  it('still leaves every field untouched after all of it', () => {
    for (const { selector, value } of expected.untouched.values) {
      expect(doc.querySelector<HTMLInputElement>(selector)!.value).toBe(value);
    }
    for (const [selector, html] of untouchedBefore) {
      expect(doc.querySelector(selector)!.innerHTML, selector).toBe(html);
    }
  });
});
