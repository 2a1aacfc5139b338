/**
 * The panel in the page's language, in real Chromium against the real server and demo shop: a
 * shop page in Russian (`<html lang="ru">`) gets the Russian chunk from the tracking server and
 * Russian plural forms; a Polish friend gets the offer in Polish; an English page downloads no
 * language chunk at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

/** A visitor for whom every shop page says `<html lang="{lang}">`, as a shop in that language would. */
async function visitorReading(lang: string | null): Promise<{ page: Page; widgetFiles: string[] }> {
  const page = await visitors.newVisitor();
  const widgetFiles: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/widget/')) widgetFiles.push(path.slice(path.lastIndexOf('/') + 1));
  });
  if (lang) {
    await page.route(`${stack.shopUrl}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
      await route.fulfill({ response, body });
    });
  }
  return { page, widgetFiles };
}

const texts = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).map((text) => text.trim());

describe('languages in Chromium', () => {
  let code = '';

  it('a Russian shop page: the dialog and the account panel in Russian, from the Russian chunk only', async () => {
    const { page, widgetFiles } = await visitorReading('ru');
    await buyFirstProduct(page, stack.shopUrl, { email: 'olga@example.com', name: 'Ольга' });
    const dialog = page.getByTestId('sarafan-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByRole('heading').textContent()).toBe('Пригласите друга');
    expect(await page.getByTestId('sarafan-copy-link').textContent()).toBe('Копировать ссылку');
    expect(await page.getByTestId('sarafan-panel').getAttribute('lang')).toBe('ru');
    code = ((await page.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();

    await page.goto(`${stack.shopUrl}/account`);
    await page.getByTestId('sarafan-stat-clicks').waitFor({ state: 'visible' });
    // 0 clicks, 0 friends: Russian "many" forms.
    expect(await texts(page, '[data-sarafan-panel] >> dt')).toEqual(['переходов', 'друзей купили']);

    expect(widgetFiles.some((file) => /^panel-ru-[\w-]{8}\.js$/.test(file))).toBe(true);
    expect(widgetFiles.some((file) => /^panel-pl-/.test(file))).toBe(false);
    expect(visitors.pageErrors).toEqual([]);
  });

  it('a Polish friend sees the offer in Polish', async () => {
    const { page } = await visitorReading('pl-PL');
    await page.goto(`${stack.shopUrl}/?ref=${code}`);
    const offer = page.getByTestId('sarafan-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toContain('Ольга daje Ci 10% zniżki');
    expect(await page.getByTestId('sarafan-offer-copy').textContent()).toBe('Kopiuj kod');
  });

  it('an English page downloads no language chunk', async () => {
    const { page, widgetFiles } = await visitorReading(null);
    await page.goto(`${stack.shopUrl}/?ref=${code}`);
    await page.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    expect(await page.getByTestId('sarafan-offer').textContent()).toContain('gives you 10% off');
    expect(widgetFiles.filter((file) => /^panel-(ru|pl)-/.test(file))).toEqual([]);
    expect(visitors.pageErrors).toEqual([]);
  });
});
