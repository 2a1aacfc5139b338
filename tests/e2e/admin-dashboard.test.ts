/**
 * The owner dashboard in real Chromium against the real tracking server and demo shop: sign in
 * with the secret key, see the overview's numbers equal the analytics API's, approve a held reward
 * from the review queue, see the balances of every reward, change a widget text that the demo
 * shop's panel then shows, set who may join and the allowed origins, and fit a phone's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalyticsOverview, RewardBalancesResponse } from '../../shared/src/wire.ts';
import { axeScan } from '../support/axe.ts';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

const DAY_MS = 86_400_000;
const PAGES = ['overview', 'ambassadors', 'review', 'payouts', 'settings', 'exports'];

let stack: DemoStack;
let visitors: Visitors;
let owner: Page;
let heldRewardId = 0;
let heldOrderId = '';
let carolCode = '';

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
  // A referral story through the real API: Carol's coupon brings one friend who buys and one
  // with a throwaway address, whose reward the fraud rules hold for review.
  const carol = await stack.api('POST', '/v1/ambassadors', { email: 'carol@example.com', name: 'Carol' });
  expect(carol.status).toBe(201);
  const code = carol.body.code as string;
  carolCode = code;
  const friend = await stack.api('POST', '/v1/conversions', { orderId: 'e2e-1', amount: 5_000, currency: 'EUR', couponCode: code, customer: { email: 'dave@example.com' } });
  expect(friend.body.reward.status).toBe('pending');
  heldOrderId = 'e2e-2';
  const throwaway = await stack.api('POST', '/v1/conversions', { orderId: heldOrderId, amount: 8_000, currency: 'EUR', couponCode: code, customer: { email: 'eve@mailinator.com' } });
  expect(throwaway.body.reward).toMatchObject({ status: 'held' });
  heldRewardId = throwaway.body.reward.id;
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

/** Opens a page of the dashboard and waits until its data has loaded. */
async function openPage(page: string): Promise<void> {
  await owner.goto(`${stack.serverUrl}/admin#/${page}`);
  await owner.locator('main h1').waitFor();
  await owner.waitForFunction(() => !document.body.textContent?.includes('Loading…'));
}

describe('owner dashboard in Chromium', () => {
  it('signs in with the secret key (and not with a wrong one)', async () => {
    owner = await visitors.newVisitor();
    await owner.goto(`${stack.serverUrl}/admin`);
    await owner.getByLabel('Program secret key').fill('sk_not_it');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('alert').filter({ hasText: 'belongs to no program' }).waitFor();

    await owner.getByLabel('Program secret key').fill(stack.secretKey);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('navigation', { name: 'Dashboard' }).waitFor();
    const cookies = await owner.context().cookies(stack.serverUrl);
    expect(cookies.find((cookie) => cookie.name === 'sarafan_admin')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The key is not kept anywhere a script could read it.
    expect(await owner.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toContain(stack.secretKey);
  });

  it("shows the overview's numbers as the analytics API computes them", async () => {
    await owner.getByTestId('funnel-purchases-value').waitFor();
    const today = Date.now() - (Date.now() % DAY_MS);
    const api = (await stack.api('GET', `/v1/analytics/overview?from=${today - 29 * DAY_MS}&to=${today + DAY_MS}`)).body as AnalyticsOverview;
    expect(api.funnel.purchases).toBe(2);
    for (const step of ['widgetShown', 'panelOpened', 'shares', 'clicks', 'identified', 'purchases', 'rewards'] as const) {
      const shown = (await owner.getByTestId(`funnel-${step}-value`).textContent())?.replace(/\D/g, '');
      expect(Number(shown), step).toBe(api.funnel[step]);
    }
    const rate = await owner.getByTestId('funnel-rewards').textContent();
    expect(rate).toContain(api.funnel.rates.rewards === null ? '—' : `${(api.funnel.rates.rewards * 100).toFixed(1)}%`);
    expect(await owner.getByTestId('viral-k-value').textContent()).toBe(api.viral.k === null ? '—' : api.viral.k.toFixed(2));
    expect(await owner.locator('[data-testid="chart-counts"] rect.bar').count()).toBe(api.daily.length);
    expect(await owner.getByTestId('chart-revenue-EUR').getAttribute('aria-label')).toContain('referred revenue in EUR');
  });

  it('passes an axe scan (WCAG 2.2 AA) on every page, keyboard reachable', async () => {
    for (const page of PAGES) {
      await openPage(page);
      expect((await axeScan(owner)).violations, page).toEqual([]);
      // Tables that fit are no tab stops (on a phone they scroll, and are: see below).
      expect(await owner.locator('.table-scroll[tabindex]').count(), page).toBe(0);
    }
    await owner.goto(`${stack.serverUrl}/admin#/overview`);
    await owner.keyboard.press('Tab');
    expect(await owner.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  });

  it('refuses a write from the page without the CSRF token', async () => {
    const status = await owner.evaluate(async () => {
      const response = await fetch('/v1/ambassadors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'mallory@example.com' }) });
      return `${response.status} ${(await response.json()).error.code}`;
    });
    expect(status).toBe('403 csrf_token_invalid');
  });

  it('approves the held reward from the review queue, with a note in the ledger', async () => {
    await owner.getByRole('link', { name: 'Review queue' }).click();
    const row = owner.getByTestId(`held-${heldRewardId}`);
    await expect(row.textContent()).resolves.toContain('Disposable email address');
    await owner.getByLabel('Note for the ledger (optional)').fill('checked by phone');
    await owner.getByRole('button', { name: `Approve reward for order ${heldOrderId}` }).click();
    await owner.getByRole('status').filter({ hasText: '1 reward approved.' }).waitFor();
    await owner.getByText('No held rewards: nothing to review.').waitFor();

    const held = await stack.api('GET', '/v1/rewards?status=held');
    expect(held.body.rewards).toEqual([]);
    const all = await stack.api('GET', '/v1/rewards');
    const reward = all.body.rewards.find((candidate: { id: number }) => candidate.id === heldRewardId);
    expect(reward.status).toBe('pending');
    const ledger = await stack.api('GET', `/v1/ambassadors/${reward.ambassadorCode}/ledger`);
    expect(ledger.body.entries).toContainEqual(expect.objectContaining({ rewardId: heldRewardId, from: 'held', to: 'pending', actor: 'owner', note: 'checked by phone' }));
  });

  it('shows the balances of every reward, per currency, as GET /v1/rewards/balances sums them', async () => {
    // Dana brings a friend who pays in USD, and buys through her own link: a rejected reward.
    const dana = (await stack.api('POST', '/v1/ambassadors', { email: 'dana@example.com', name: 'Dana' })).body.code as string;
    await stack.api('POST', '/v1/conversions', { orderId: 'e2e-usd', amount: 3_000, currency: 'USD', couponCode: dana, customer: { email: 'gus@example.com' } });
    const own = await stack.api('POST', '/v1/conversions', { orderId: 'e2e-own', amount: 2_000, currency: 'EUR', couponCode: dana, customer: { email: 'dana@example.com' } });
    expect(own.body.reward).toMatchObject({ status: 'rejected' });

    await owner.getByRole('link', { name: 'Rewards and payouts' }).click();
    const api = (await stack.api('GET', '/v1/rewards/balances')).body as RewardBalancesResponse;
    expect(api.balances.map(({ currency, pending, rejected }) => ({ currency, pending, rejected }))).toEqual([
      { currency: 'EUR', pending: 1_300, rejected: 200 },
      { currency: 'USD', pending: 300, rejected: 0 },
    ]);
    for (const balance of api.balances) {
      for (const [column, status] of [['held', 'held'], ['pending', 'pending'], ['owed', 'approved'], ['paid', 'paid'], ['rejected', 'rejected']] as const) {
        const shown = await owner.getByTestId(`balance-${balance.currency}-${column}`).textContent();
        const amount = await owner.evaluate(([value, currency]) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value / 100), [
          balance[column],
          balance.currency,
        ] as const);
        const rewards = balance.counts[status];
        expect(shown, `${balance.currency} ${column}`).toBe(`${amount} (${rewards} ${rewards === 1 ? 'reward' : 'rewards'})`);
      }
    }
    expect(await owner.getByText('Sums of the latest rewards').count()).toBe(0);
  });

  it('finds an ambassador by search, shows their ledger and fraud flags, and blocks them', async () => {
    await owner.getByRole('link', { name: 'Ambassadors' }).click();
    await owner.getByRole('searchbox').fill('carol');
    await owner.getByRole('link', { name: 'Carol' }).click();
    await owner.getByRole('heading', { name: 'Ledger' }).waitFor();
    await owner.getByRole('cell', { name: heldOrderId }).first().waitFor();
    const flags = await stack.api('GET', `/v1/rewards?ambassador=${carolCode}&flagged=true`);
    expect(flags.body.rewards.map((reward: { orderId: string }) => reward.orderId)).toEqual([heldOrderId]);
    await expect(owner.getByTestId('fraud-flags').textContent()).resolves.toContain(`Order ${heldOrderId}`);
    await owner.getByRole('button', { name: 'Block' }).click();
    await owner.getByRole('status').filter({ hasText: 'Blocked' }).waitFor();
    await owner.getByRole('button', { name: 'Unblock' }).waitFor();
    const listed = await stack.api('GET', '/v1/ambassadors?q=carol');
    expect(listed.body.items).toMatchObject([{ name: 'Carol', blocked: true }]);
  });

  it('downloads the CSV exports with the session cookie', async () => {
    await owner.getByRole('link', { name: 'Exports' }).click();
    await owner.locator('ul.exports a').first().waitFor();
    const links = await owner.locator('ul.exports a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(links.map((link) => new URL(link).pathname)).toEqual(['/v1/exports/ambassadors.csv', '/v1/exports/referrals.csv', '/v1/exports/rewards.csv']);
    const answers = await owner.evaluate(async (urls) => Promise.all(urls.map(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    })), links);
    for (const answer of answers) expect(answer).toMatchObject({ status: 200, type: expect.stringContaining('text/csv') });
    expect(answers[0]?.body).toContain('carol@example.com');
  });

  it('changes a widget text in the settings: the preview shows it unsaved, the demo shop once saved', async () => {
    const title = 'Share the love, get 10%';
    await owner.getByRole('link', { name: 'Settings' }).click();
    await owner.getByLabel('Panel title').fill(title);
    // The preview frames the widget's own panel with the unsaved text.
    const preview = owner.frameLocator('iframe.preview');
    await preview.getByText(title).waitFor();
    await owner.getByLabel('Accent colour').fill('#aa0000');
    await expect
      .poll(() => preview.getByRole('button', { name: 'Copy link' }).evaluate((button) => getComputedStyle(button).backgroundColor))
      .toBe('rgb(170, 0, 0)');
    expect((await stack.api('GET', '/v1/program/widget')).body.texts.en?.title).toBeUndefined();

    await owner.getByLabel('Window (days)').fill('7');
    await owner.getByRole('button', { name: 'Save attribution' }).click();
    await owner.getByRole('status').filter({ hasText: 'Attribution saved' }).waitFor();
    expect((await stack.api('GET', '/v1/program/attribution')).body).toEqual({ attributionWindowMs: 7 * DAY_MS, attributionModel: 'last_click' });

    await owner.getByRole('button', { name: 'Save widget settings' }).click();
    await owner.getByRole('status').filter({ hasText: 'Widget settings saved' }).waitFor();
    expect((await stack.api('GET', '/v1/program/widget')).body.texts.en.title).toBe(title);

    const shopper = await visitors.newVisitor();
    await buyFirstProduct(shopper, stack.shopUrl, { email: 'frank@example.com', name: 'Frank' });
    const dialog = shopper.getByTestId('sarafan-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByText(title).waitFor();
  });

  it('sets who may join, and invites and uninvites someone, in the settings', async () => {
    await owner.goto(`${stack.serverUrl}/admin#/settings`);
    await owner.getByRole('heading', { name: 'Who may join' }).waitFor();
    await owner.getByLabel('Invited emails only').check();
    await owner.getByRole('button', { name: 'Save join policy' }).click();
    await owner.getByRole('status').filter({ hasText: 'Join policy saved' }).waitFor();
    expect((await stack.api('GET', '/v1/program/join-policy')).body).toEqual({ joinPolicy: 'invite_only' });

    await owner.getByLabel('Email to invite').fill('grace@example.com');
    await owner.getByRole('button', { name: 'Invite', exact: true }).click();
    await owner.getByRole('status').filter({ hasText: 'grace@example.com invited.' }).waitFor();
    expect((await stack.api('GET', '/v1/invitations')).body.invitations).toMatchObject([{ email: 'grace@example.com' }]);
    expect((await axeScan(owner)).violations).toEqual([]);

    await owner.getByRole('button', { name: 'Remove the invitation of grace@example.com' }).click();
    await owner.getByText('Nobody is invited yet.').waitFor();
    expect((await stack.api('GET', '/v1/invitations')).body.invitations).toEqual([]);

    await owner.getByLabel('Anyone').check();
    await owner.getByRole('button', { name: 'Save join policy' }).click();
    await expect.poll(async () => (await stack.api('GET', '/v1/program/join-policy')).body.joinPolicy).toBe('open');
  });

  it('adds and removes an allowed origin in the settings', async () => {
    const before = (await stack.api('GET', '/v1/program/origins')).body.allowedOrigins as string[];
    expect(before).toContain(stack.shopUrl);
    await owner.getByLabel('Page origin').fill('https://new-shop.example/welcome');
    await owner.getByRole('button', { name: 'Add origin' }).click();
    await owner.getByRole('button', { name: 'Remove https://new-shop.example' }).waitFor();
    expect((await stack.api('GET', '/v1/program/origins')).body.allowedOrigins).toEqual([...before, 'https://new-shop.example'].sort());
    expect((await stack.api('GET', '/v1/program')).body.allowedOrigins).toContain('https://new-shop.example');

    await owner.getByRole('button', { name: 'Remove https://new-shop.example' }).click();
    await owner.getByRole('status').filter({ hasText: 'https://new-shop.example removed.' }).waitFor();
    expect((await stack.api('GET', '/v1/program/origins')).body.allowedOrigins).toEqual(before);
  });

  it('fits a phone: no page is wider than the screen, and axe finds nothing there either', async () => {
    const desktop = owner.viewportSize();
    await owner.setViewportSize({ width: 390, height: 844 });
    try {
      for (const page of PAGES) {
        await openPage(page);
        expect(await owner.evaluate(() => document.documentElement.scrollWidth), page).toBeLessThanOrEqual(390);
        expect((await axeScan(owner)).violations, page).toEqual([]);
      }
      await openPage('ambassadors');
      await expect.poll(() => owner.locator('.table-scroll[tabindex="0"]').count()).toBe(1);
    } finally {
      if (desktop) await owner.setViewportSize(desktop);
    }
  });

  it('signs out: the cookie opens nothing any more', async () => {
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.getByLabel('Program secret key').waitFor();
    const status = await owner.evaluate(async () => (await fetch('/v1/program')).status);
    expect(status).toBe(401);
    // The refused requests above (401, 403) are logged by the browser as failed loads; anything
    // else (an uncaught error, a missing file) is a bug.
    expect(visitors.pageErrors.filter((error) => !/status of (401|403)/.test(error))).toEqual([]);
  });
});
