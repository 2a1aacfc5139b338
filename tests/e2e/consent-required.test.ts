/**
 * Consent required (`data-consent="required"`), in real Chromium against the real server and the
 * demo shop, whose pages reach Sarafan through the shop's own /sarafan path: a friend lands with
 * `?ref=`, nothing is stored and no click counted until the banner is accepted; then the click
 * counts once, the tracking server sets `sarafan_ref` itself (HttpOnly, first party) and the
 * order is attributed. A friend who refuses still sees the offer, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;
let code = '';

const newVisitor = (): Promise<Page> => visitors.newVisitor();

beforeAll(async () => {
  stack = await startDemoStack({ consentRequired: true });
  visitors = await Visitors.launch();
  const ambassador = await stack.api('POST', '/v1/ambassadors', { email: 'alice@example.com', name: 'Alice' });
  code = ambassador.body.code;
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

const clicks = async () => (await stack.api('GET', `/v1/ambassadors/${code}`)).body.clicks as number;

describe('consent required, in Chromium', () => {
  let bob: Page;

  it('a friend landing with ?ref= sees the offer, but no cookie is written and no click counted', async () => {
    bob = await newVisitor();
    await bob.goto(`${stack.shopUrl}/?ref=${code}`);
    await bob.getByTestId('consent-banner').waitFor({ state: 'visible' });
    const offer = bob.getByTestId('sarafan-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toContain('Alice gives you 10% off');
    expect(((await bob.getByTestId('sarafan-offer-code').textContent()) ?? '').trim()).toBe(code);

    // The widget came through the shop's own path.
    expect(await bob.locator('script[data-program]').getAttribute('src')).toBe('/sarafan/widget.js');
    await settle(bob);
    expect(await sarafanCookies(bob)).toEqual([]);
    expect(await clicks()).toBe(0);

    // A later page of the visit: still nothing stored, the referral waits in the tab.
    await bob.getByTestId('product-link').first().click();
    await settle(bob);
    expect(await sarafanCookies(bob)).toEqual([]);
    expect(await clicks()).toBe(0);
  });

  it('on consent the click counts once and the server sets sarafan_ref itself, HttpOnly', async () => {
    await bob.getByTestId('consent-accept').click();
    await expect.poll(clicks).toBe(1);
    await expect.poll(async () => (await sarafanCookies(bob)).find((cookie) => cookie.name === 'sarafan_ref')).toMatchObject({
      value: expect.stringMatching(new RegExp(`^${code}\\.[\\w-]+$`)),
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    const referral = (await sarafanCookies(bob)).find((cookie) => cookie.name === 'sarafan_ref');
    // The program's attribution window (30 days), not the 7 days Safari gives script-written cookies.
    expect((referral?.expires ?? 0) * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect((await sarafanCookies(bob)).map((cookie) => cookie.name)).toContain('sarafan_vid');

    // Reloads and later pages (which now pass the answer on first) add nothing.
    await bob.reload();
    await settle(bob);
    await bob.goto(`${stack.shopUrl}/?ref=${code}`);
    await settle(bob);
    expect(await clicks()).toBe(1);
  });

  it('the order is attributed through the server-set cookie', async () => {
    const order = await buyFirstProduct(bob, stack.shopUrl, { email: 'bob@example.com', name: 'Bob', expectCoupon: code });
    expect(order.referralText).toContain(code);
    const ambassador = (await stack.api('GET', `/v1/ambassadors/${code}`)).body;
    expect(ambassador.clicks).toBe(1);
    expect(ambassador.conversions).toBe(1);
  });

  it('a friend who refuses still sees the offer code, and nothing is stored or counted', async () => {
    const carol = await newVisitor();
    await carol.goto(`${stack.shopUrl}/?ref=${code}`);
    await carol.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    await carol.getByTestId('consent-refuse').click();
    await carol.getByTestId('product-link').first().click();
    await settle(carol);
    expect(await sarafanCookies(carol)).toEqual([]);
    expect(await clicks()).toBe(1);
  });

  it('no page threw or logged an error', () => {
    expect(visitors.pageErrors).toEqual([]);
  });
});

async function sarafanCookies(page: Page) {
  return (await page.context().cookies()).filter((cookie) => cookie.name.startsWith('sarafan_'));
}

/** Waits until the page's network is quiet, so that any click beacon has reached the server. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
