/**
 * The whole product loop, played through the demo shop's UI in real Chromium against the real
 * tracking server and SQLite: Alice buys and gets a referral link, Bob follows it and buys, Alice
 * sees her pending reward, a refund voids it, and Alice cannot refer herself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;

const newVisitor = (): Promise<Page> => visitors.newVisitor();

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

describe('referral story in Chromium', () => {
  let alice: Page;
  let bob: Page;
  let code = '';
  let link = '';
  let bobOrderId = '';
  let bobTotal = 0;
  let conversionsAfterRefund = -1;

  it('a. Alice buys and the invite panel opens with her link, code and share buttons', async () => {
    alice = await newVisitor();
    await buyFirstProduct(alice, stack.shopUrl, { email: 'alice@example.com', name: 'Alice' });

    const dialog = alice.getByTestId('sarafan-dialog');
    await dialog.waitFor({ state: 'visible' });
    link = await alice.getByTestId('sarafan-referral-link').inputValue();
    code = ((await alice.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4,32}$/);
    expect(link).toBe(`${stack.serverUrl}/r/${code}`);

    await alice.getByTestId('sarafan-copy-link').waitFor({ state: 'visible' });
    await alice.getByTestId('sarafan-copy-code').waitFor({ state: 'visible' });
    const mailto = await alice.getByTestId('sarafan-share-email').getAttribute('href');
    expect(mailto).toMatch(/^mailto:/);
    expect(decodeURIComponent(mailto ?? '')).toContain(link);
    const hasNativeShare = await alice.evaluate(() => typeof navigator.share === 'function');
    expect(await alice.getByTestId('sarafan-share-native').count()).toBe(hasNativeShare ? 1 : 0);

    // The shop signs Alice's identity; its secret never reaches the page.
    expect(await alice.content()).not.toContain(stack.secretKey);
    const ambassador = await stack.api('GET', `/v1/ambassadors/${code}`);
    expect(ambassador.status).toBe(200);
    expect(ambassador.body).toMatchObject({ code, email: 'alice@example.com', clicks: 0, conversions: 0 });
  });

  it('b. Bob follows the short link: one click, the cookie, and the friend offer', async () => {
    bob = await newVisitor();
    await bob.goto(link);
    expect(new URL(bob.url()).origin).toBe(stack.shopUrl);
    expect(new URL(bob.url()).searchParams.get('ref')).toBe(code);

    const offer = bob.getByTestId('sarafan-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toContain('Alice gives you 10% off');
    expect(((await bob.getByTestId('sarafan-offer-code').textContent()) ?? '').trim()).toBe(code);

    await expect.poll(async () => referralCookie(bob)).toMatch(new RegExp(`^${code}\\.`));
    // The landing page claimed the short link's click instead of counting its own.
    await expect.poll(async () => (await stack.api('GET', `/v1/ambassadors/${code}`)).body.clicks).toBe(1);

    // Reloads and revisits within the deduplication window add nothing, by either way in.
    await bob.reload();
    await bob.goto(`${stack.shopUrl}/?ref=${code}`);
    await bob.goto(link);
    await bob.getByTestId('sarafan-offer').waitFor({ state: 'attached' }).catch(() => undefined);
    await settle(bob);
    expect((await stack.api('GET', `/v1/ambassadors/${code}`)).body.clicks).toBe(1);
  });

  it('c. Bob buys with the friend offer and Alice gets a pending 10% reward', async () => {
    const order = await buyFirstProduct(bob, stack.shopUrl, { email: 'bob@example.com', name: 'Bob', expectCoupon: code });
    bobOrderId = order.orderId;
    bobTotal = order.total;
    expect(order.discount).toBeGreaterThan(0);
    expect(order.referralText).toContain(code);

    const ambassador = (await stack.api('GET', `/v1/ambassadors/${code}`)).body;
    expect(ambassador.conversions).toBe(1);
    expect(ambassador.rewards).toEqual([
      { orderId: bobOrderId, amount: Math.floor((bobTotal + 5) / 10), currency: 'EUR', status: 'pending' },
    ]);
  });

  it('d. Alice comes back and her panel shows 1 click, 1 friend who bought and the pending reward', async () => {
    await alice.goto(`${stack.shopUrl}/account`);
    const clicks = alice.getByTestId('sarafan-stat-clicks');
    await clicks.waitFor({ state: 'visible' });
    expect(await clicks.getAttribute('data-value')).toBe('1');
    expect(await alice.getByTestId('sarafan-stat-friends').getAttribute('data-value')).toBe('1');
    const reward = alice.getByTestId('sarafan-reward');
    expect(await reward.count()).toBe(1);
    expect(await reward.getAttribute('data-status')).toBe('pending');
    expect(await reward.getAttribute('data-amount')).toBe(String(Math.floor((bobTotal + 5) / 10)));
    expect(await reward.getAttribute('data-currency')).toBe('EUR');
    expect(await reward.textContent()).toMatch(/€\s?\d/);

    const credit = alice.getByTestId('account-store-credit');
    expect(await credit.getAttribute('data-pending')).toBe(String(Math.floor((bobTotal + 5) / 10)));
  });

  it('e. a repeated conversion changes nothing, a refund voids the reward', async () => {
    const before = await stack.api('GET', `/v1/ambassadors/${code}`);
    const replay = { orderId: bobOrderId, amount: bobTotal, currency: 'EUR', customer: { email: 'bob@example.com' } };
    const first = await stack.api('POST', '/v1/conversions', replay);
    const second = await stack.api('POST', '/v1/conversions', replay);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body).toMatchObject({ orderId: bobOrderId, attributed: true, ambassadorCode: code });
    expect((await stack.api('GET', `/v1/ambassadors/${code}`)).body).toEqual(before.body);

    await bob.goto(`${stack.shopUrl}/orders/${bobOrderId}`);
    await bob.getByTestId('refund-order').click();
    await expect.poll(async () => (await bob.getByTestId('order-status').textContent())?.toLowerCase()).toContain('refunded');
    const after = (await stack.api('GET', `/v1/ambassadors/${code}`)).body;
    conversionsAfterRefund = after.conversions;
    expect(after.rewards).toEqual([expect.objectContaining({ orderId: bobOrderId, status: 'voided' })]);
  });

  it('b. a friend who lands on the shop with ?ref= (no short link) also counts exactly once', async () => {
    const clicksBefore = (await stack.api('GET', `/v1/ambassadors/${code}`)).body.clicks;
    const carol = await newVisitor();
    await carol.goto(`${stack.shopUrl}/?ref=${code}`);
    await carol.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    await expect.poll(async () => referralCookie(carol)).toMatch(new RegExp(`^${code}\\.`));
    await carol.reload();
    await settle(carol);
    await carol.goto(`${stack.shopUrl}/?ref=${code}`);
    await settle(carol);
    expect((await stack.api('GET', `/v1/ambassadors/${code}`)).body.clicks).toBe(clicksBefore + 1);
  });

  it('e. Alice buying through her own link earns nothing (same visitor, other email)', async () => {
    await alice.goto(link);
    await settle(alice);
    const order = await buyFirstProduct(alice, stack.shopUrl, { email: 'alice.work@example.org', name: 'Alice' });
    expect(order.referralText).toBeNull();
    const answer = await stack.api('POST', '/v1/conversions', { orderId: order.orderId, amount: order.total, currency: 'EUR' });
    expect(answer.body).toMatchObject({ attributed: false, reason: 'self_referral' });
  });

  it('e. Alice buying through her own link earns nothing (other browser, same mailbox)', async () => {
    const aliceElsewhere = await newVisitor();
    await aliceElsewhere.goto(link);
    await settle(aliceElsewhere);
    const order = await buyFirstProduct(aliceElsewhere, stack.shopUrl, { email: ' Alice@Example.com', name: 'Alice', clearCoupon: true });
    expect(order.referralText).toBeNull();
    const answer = await stack.api('POST', '/v1/conversions', { orderId: order.orderId, amount: order.total, currency: 'EUR' });
    expect(answer.body).toMatchObject({ attributed: false, reason: 'self_referral' });

    // Neither of Alice's own orders counts as a conversion; each is a rejected reward, so she can see why.
    const ambassador = (await stack.api('GET', `/v1/ambassadors/${code}`)).body;
    expect(ambassador.conversions).toBe(conversionsAfterRefund);
    expect(ambassador.rewards.map((reward: { status: string }) => reward.status)).toEqual(['rejected', 'rejected', 'voided']);

    // Signed in as Alice in that browser, she reads why.
    await aliceElsewhere.goto(`${stack.shopUrl}/account`);
    const rewards = aliceElsewhere.getByTestId('sarafan-reward');
    await rewards.first().waitFor({ state: 'visible' });
    const texts = await rewards.allTextContents();
    expect(texts.map((text) => text.replace(/^.*?\d\s+/, ''))).toEqual([
      'Rejected (your own purchase)',
      'Rejected (your own purchase)',
      'Voided (order refunded)',
    ]);
  });

  it('f. Dave follows the link on his phone and signs in there, then buys on his laptop without it: the order is Alice\'s', async () => {
    const phone = await newVisitor();
    await phone.goto(link);
    await phone.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    await expect.poll(async () => referralCookie(phone)).toMatch(new RegExp(`^${code}\\.`));
    // The cookie came from the tracking server through the shop's /sarafan path: HttpOnly, so the
    // page that signs Dave in cannot name the referral; the cookie itself does.
    expect((await phone.context().cookies()).find((cookie) => cookie.name === 'sarafan_ref')?.httpOnly).toBe(true);
    await phone.goto(`${stack.shopUrl}/account`);
    await phone.getByTestId('sign-in-email').fill('dave@example.com');
    await phone.getByTestId('sign-in').click();
    await phone.getByTestId('sarafan-referral-link').waitFor({ state: 'visible' });
    // Still a friend who has not bought: the offer follows Dave from page to page.
    expect(((await phone.getByTestId('sarafan-offer-code').textContent()) ?? '').trim()).toBe(code);

    const laptop = await newVisitor();
    const order = await buyFirstProduct(laptop, stack.shopUrl, { email: 'dave@example.com', name: 'Dave' });
    expect(order.discount).toBe(0);
    expect(order.referralText).toContain(code);
    const answer = await stack.api('POST', '/v1/conversions', { orderId: order.orderId, amount: order.total, currency: 'EUR' });
    expect(answer.body).toMatchObject({ attributed: true, ambassadorCode: code, attributedVia: 'customer' });
  });

  it('no page threw or logged an error', () => {
    expect(visitors.pageErrors).toEqual([]);
  });
});

async function referralCookie(page: Page): Promise<string | undefined> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === 'sarafan_ref')?.value;
}

/** Waits until the page's network is quiet, so that any click beacon has reached the server. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
