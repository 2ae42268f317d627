import type { BrowserContext, Page, Route } from 'playwright-core';
import { waitUntil } from './wait-until';

/** The promises `demo/cabinet/app.js` leaves on `window` for tests to await. */
interface CabinetWindow {
  cabinetNavigation?: Promise<void>;
  cabinetPageTwo?: Promise<void>;
}

/** What the cabinet tab shows: its client route (`?client=1`) and whether page two is in. */
export interface CabinetView {
  name: string;
  route: string | null;
  pageTwo: boolean;
}

const PAGE_TWO = '**/page2.json';

/**
 * The demo cabinet (`demo/cabinet/`) open in a tab, driven as a person would:
 * the second page of orders is held back until `releasePageTwo()`, so the
 * first page can be looked at exactly as it was before the later rows came,
 * and client cards are opened through the page's own history navigation.
 */
export class CabinetTab {
  #held: Route | null = null;
  #view: CabinetView = { name: 'first page', route: null, pageTwo: false };

  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<CabinetTab> {
    const page = await context.newPage();
    const tab = new CabinetTab(page);
    await page.route(PAGE_TWO, (route) => {
      tab.#held = route;
    });
    await page.goto(url);
    await tab.#settled();
    return tab;
  }

  get view(): CabinetView {
    return this.#view;
  }

  /** Lets the held `page2.json` through and waits until its rows are in the table. */
  async releasePageTwo(): Promise<void> {
    const held = await waitUntil(
      async () => this.#held,
      (route) => route !== null,
      15_000,
    );
    await held?.continue();
    await this.page.unroute(PAGE_TWO);
    await this.page.locator("#orders-body tr[data-page='2']").first().waitFor({
      state: 'attached',
      timeout: 15_000,
    });
    await this.page.evaluate(async () => {
      await (window as unknown as CabinetWindow).cabinetPageTwo;
    });
    this.#view = { name: 'second page loaded', route: null, pageTwo: true };
  }

  /** Clicks a client's name in the orders table: the page pushes `?client=<code>`. */
  async openClient(code: string, name = `client ${code}`): Promise<void> {
    await this.page.locator(`#orders-body a[data-client="${code}"]`).first().click();
    await this.page.waitForURL(`**/?client=${code}`, { timeout: 15_000 });
    await this.#settled();
    await this.page
      .locator(`#client-view article[data-client-code="${code}"]`)
      .waitFor({ timeout: 15_000 });
    this.#view = { ...this.#view, name, route: `?client=${code}` };
  }

  /** The browser's Back button: the page answers `popstate` with the previous route. */
  async back(name: string, route: string | null): Promise<void> {
    await this.page.goBack();
    await this.#atRoute(name, route);
  }

  /** The browser's Forward button. */
  async forward(name: string, route: string | null): Promise<void> {
    await this.page.goForward();
    await this.#atRoute(name, route);
  }

  close(): Promise<void> {
    return this.page.close();
  }

  async #atRoute(name: string, route: string | null): Promise<void> {
    await waitUntil(
      async () => new URL(this.page.url()).search,
      (search) => search === (route ?? ''),
      15_000,
    );
    await this.#settled();
    const shown = route === null ? '#orders-view' : '#client-view article';
    await this.page.locator(shown).waitFor({ state: 'visible', timeout: 15_000 });
    this.#view = { ...this.#view, name, route };
  }

  async #settled(): Promise<void> {
    await this.page.evaluate(async () => {
      await (window as unknown as CabinetWindow).cabinetNavigation;
    });
  }
}
