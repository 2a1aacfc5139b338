import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, personUserAgent } from './chromium.ts';
import { watchForPageErrors } from './shop-pages.ts';

/**
 * The people of an end-to-end story: each visitor is a fresh browser context (own cookies and
 * storage) with a person's user agent, and every page error any of them meets is collected.
 */
export class Visitors {
  readonly pageErrors: string[] = [];
  readonly #browser: Browser;
  readonly #contexts: BrowserContext[] = [];

  private constructor(browser: Browser) {
    this.#browser = browser;
  }

  static async launch(): Promise<Visitors> {
    return new Visitors(await launchChromium());
  }

  async newVisitor(): Promise<Page> {
    const context = await this.#browser.newContext({ userAgent: personUserAgent(this.#browser) });
    this.#contexts.push(context);
    const page = await context.newPage();
    watchForPageErrors(page, this.pageErrors);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.#contexts) await context.close();
    await this.#browser.close();
  }
}
