/**
 * The widget's placements on the demo shop, in real Chromium against the real tracking server:
 * the floating launcher on every page (overlay, keyboard use, theme colours), the banner on the
 * home page, the product page's "recommend this product" share with the product's own link, the
 * dialog after a purchase, the friend offer card's Escape and focus-not-obscured behaviour,
 * `data-lang`, and an axe scan with the launcher's dialog and the banner showing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan } from '../support/axe.ts';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { focused, layoutShift } from '../support/page-probes.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;
let code = '';
let productPath = '';
let alice: Page;

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
  alice = await visitors.newVisitor();
  await buyFirstProduct(alice, stack.shopUrl, { email: 'placements@example.com', name: 'Pat' });
  await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
  code = ((await alice.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
  await alice.goto(stack.shopUrl);
  productPath = (await alice.getByTestId('product-link').first().getAttribute('href'))!;
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

/** Widget files the page downloads, by name. */
function widgetFiles(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/widget')) files.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return files;
}

describe('the launcher', () => {
  it('floats in the bottom right corner in the theme colours, moves nothing, and opens the panel', async () => {
    const page = await visitors.newVisitor();
    await page.goto(`${stack.shopUrl}/cart`);
    const launcher = page.getByTestId('sarafan-launcher');
    await launcher.waitFor({ state: 'visible' });
    const viewport = page.viewportSize()!;
    const box = (await launcher.boundingBox())!;
    expect(box.x + box.width).toBe(viewport.width - 16);
    expect(box.y + box.height).toBe(viewport.height - 16);
    expect(
      await launcher.evaluate((button) => {
        const style = getComputedStyle(button);
        return [style.position, style.backgroundColor, style.color];
      }),
    ).toEqual(['fixed', 'rgb(31, 111, 67)', 'rgb(255, 255, 255)']);
    expect(await layoutShift(page)).toBe(0);

    // The shop's own colours reach it, like the rest of the panel.
    await page.addStyleTag({ content: ':root { --sarafan-accent: #7a3cc9 }' });
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(122, 60, 201)');

    await launcher.click();
    // Not identified on this page: the dialog explains the program.
    await page.getByTestId('sarafan-intro').waitFor({ state: 'visible' });
    expect(visitors.pageErrors).toEqual([]);
  });

  it('with the keyboard: Enter opens the dialog, focus stays inside, Escape closes it and focus returns', async () => {
    await alice.goto(`${stack.shopUrl}/cart`);
    await alice.getByTestId('sarafan-launcher').waitFor({ state: 'visible' });
    // Last in the page: Shift+Tab from the top reaches it first.
    await alice.keyboard.press('Shift+Tab');
    expect(await focused(alice)).toBe('sarafan-launcher');
    await alice.keyboard.press('Enter');
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    expect(await focused(alice)).toBe('sarafan-close');
    const stops: string[] = [];
    for (let press = 0; press < 30; press++) {
      await alice.keyboard.press('Tab');
      stops.push(await focused(alice));
    }
    // Round and round its own controls, never out to the page or the launcher behind it.
    expect(new Set(stops)).toContain('sarafan-share-qr');
    expect(stops.every((stop) => stop.startsWith('sarafan-') && stop !== 'sarafan-launcher')).toBe(true);
    expect(stops.filter((stop) => stop === 'sarafan-close').length).toBeGreaterThanOrEqual(2);
    await alice.keyboard.press('Escape');
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'detached' });
    expect(await focused(alice)).toBe('sarafan-launcher');
  });

  it('speaks the language of data-lang on the script tag, with its own chunk', async () => {
    const page = await visitors.newVisitor();
    const files = widgetFiles(page);
    await page.route(`${stack.shopUrl}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const body = (await response.text()).replace('data-program="demo"', 'data-program="demo" data-lang="pl"');
      await route.fulfill({ response, body });
    });
    await page.goto(stack.shopUrl);
    await expect.poll(() => page.getByTestId('sarafan-launcher').textContent()).toBe('Zaproś znajomych');
    expect(await page.getByTestId('sarafan-banner-open').textContent()).toBe('Zaproś znajomych');
    expect(files.some((file) => file.startsWith('panel-pl-'))).toBe(true);
  });
});

describe('the banner', () => {
  it('shows a one-line invitation on the home page, whose button opens the panel dialog', async () => {
    await alice.goto(stack.shopUrl);
    const banner = alice.getByTestId('sarafan-banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.locator('p').textContent()).toBe('Give your friends 10% off and earn a reward');
    // It fits the height the shop reserved: nothing below it moved.
    const mount = (await alice.locator('[data-sarafan-banner]').boundingBox())!;
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(mount.height);
    expect(await layoutShift(alice)).toBe(0);
    await alice.getByTestId('sarafan-banner-open').click();
    const dialog = alice.getByTestId('sarafan-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect((await dialog.getByTestId('sarafan-referral-code').textContent())?.trim()).toBe(code);
    await alice.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(alice)).toBe('sarafan-banner-open');
  });

  it.each(['light', 'dark'] as const)('axe finds nothing with the banner and the launcher dialog open (%s)', async (colorScheme) => {
    await alice.emulateMedia({ colorScheme });
    await alice.goto(stack.shopUrl);
    await alice.getByTestId('sarafan-banner').waitFor({ state: 'visible' });
    await alice.getByTestId('sarafan-launcher').click();
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    const scan = await axeScan(alice);
    expect(scan.violations).toEqual([]);
    expect(scan.shadowNodesChecked).toBeGreaterThan(5);
    await alice.keyboard.press('Escape');
    const closed = await axeScan(alice);
    expect(closed.violations).toEqual([]);
    await alice.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the product page', () => {
  it('recommends the product itself: its link is the product page with ?ref=CODE', async () => {
    // Opened with a referral of its own (and the short link's click id) and an anchor: neither is passed on.
    await alice.goto(`${stack.shopUrl}${productPath}?ref=${code}&sarafan_click=c1#reviews`);
    const product = alice.getByTestId('sarafan-product');
    await product.waitFor({ state: 'visible' });
    const link = `${stack.shopUrl}${productPath}?ref=${code}`;
    expect(await product.getByTestId('sarafan-product-link').inputValue()).toBe(link);
    expect(await product.getByTestId('sarafan-share-whatsapp').getAttribute('href')).toContain(encodeURIComponent(link));
    expect(await product.getByTestId('sarafan-share-facebook').getAttribute('href')).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link)}`,
    );
    // The invite panel next to it shares the short link.
    const panel = alice.locator('[data-sarafan-panel]').getByTestId('sarafan-panel');
    expect(await panel.getByTestId('sarafan-referral-link').inputValue()).toBe(`${stack.serverUrl}/r/${code}`);

    // A friend who follows it lands on that product, is counted and sees the offer.
    const friend = await visitors.newVisitor();
    await friend.goto(link);
    await friend.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    expect(new URL(friend.url()).pathname).toBe(productPath);
    expect(await friend.getByTestId('sarafan-offer-code').textContent()).toBe(code);
    // The friend is no ambassador: no product share, the shop's slot stays empty.
    expect(await friend.getByTestId('sarafan-product').count()).toBe(0);
  });

  it('after a purchase the panel opens by itself, once per order', async () => {
    const bo = await visitors.newVisitor();
    await buyFirstProduct(bo, stack.shopUrl, { email: 'bo@example.com', name: 'Bo' });
    await bo.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    await bo.keyboard.press('Escape');
    await bo.reload();
    await bo.getByTestId('sarafan-launcher').waitFor({ state: 'visible' });
    await bo.waitForTimeout(300);
    expect(await bo.getByTestId('sarafan-dialog').count()).toBe(0);
  });
});

describe('the friend offer card', () => {
  it('sits above the launcher, moves away from the focused element, and Escape dismisses it', async () => {
    const friend = await visitors.newVisitor();
    await friend.goto(`${stack.shopUrl}/cart?ref=${code}`);
    const offer = friend.getByTestId('sarafan-offer');
    await offer.waitFor({ state: 'visible' });
    const launcher = friend.getByTestId('sarafan-launcher');
    const overlap = async (other: ReturnType<Page['getByTestId']>) => {
      const [a, b] = [(await offer.boundingBox())!, (await other.boundingBox())!];
      return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    };
    expect(await overlap(launcher)).toBe(false);

    // A shop link right under the card gets keyboard focus: the card gets out of its way.
    const viewport = friend.viewportSize()!;
    await friend.evaluate(({ width, height }) => {
      const link = Object.assign(document.createElement('a'), { href: '#', id: 'under-card', textContent: 'Shipping' });
      link.setAttribute('style', `position:fixed;left:${width - 200}px;top:${height - 120}px`);
      document.body.append(link);
    }, viewport);
    const underCard = friend.locator('#under-card');
    expect(await overlap(underCard)).toBe(true);
    await underCard.focus();
    await expect.poll(() => overlap(underCard)).toBe(false);
    expect((await offer.boundingBox())!.y).toBe(16);

    await friend.keyboard.press('Escape');
    await offer.waitFor({ state: 'detached' });
    // Dismissed for the visit.
    await friend.reload();
    await launcher.waitFor({ state: 'visible' });
    await friend.waitForTimeout(300);
    expect(await offer.count()).toBe(0);
    expect(visitors.pageErrors, visitors.pageErrors.join('\n')).toEqual([]);
  });
});

describe('the friend offer card on a phone', () => {
  it('is a low bar across the screen above the launcher, its instruction kept for screen readers', async () => {
    const friend = await visitors.newVisitor();
    await friend.setViewportSize({ width: 375, height: 667 });
    await friend.goto(`${stack.shopUrl}/cart?ref=${code}`);
    const offer = friend.getByTestId('sarafan-offer');
    await offer.waitFor({ state: 'visible' });
    const card = (await offer.boundingBox())!;
    const launcher = (await friend.getByTestId('sarafan-launcher').boundingBox())!;
    expect(card.height).toBeLessThanOrEqual(80);
    expect(card.x).toBe(8);
    expect(card.width).toBe(375 - 16);
    expect(card.y + card.height).toBeLessThanOrEqual(launcher.y);
    // Out of sight, not out of the accessibility tree.
    expect(await offer.ariaSnapshot()).toContain('Use this code at checkout:');
  });
});

describe('what the placements report', () => {
  it('the server counted the visitors the widget was shown to and those who opened the panel', async () => {
    const period = `from=${Date.now() - 86_400_000}&to=${Date.now() + 60_000}`;
    const { status, body } = await stack.api('GET', `/v1/analytics/overview?${period}`);
    expect(status).toBe(200);
    // Every visitor of this file saw the launcher; Pat, the anonymous visitor and Bo opened the panel.
    expect(body.funnel.widgetShown).toBeGreaterThanOrEqual(4);
    expect(body.funnel.panelOpened).toBeGreaterThanOrEqual(3);
  });
});
