/**
 * Joining by email and the owner's widget settings, in real Chromium against the real server and
 * demo shop: a visitor the shop has not identified opens the panel, joins with their email, sees
 * their link, and sees it again after a reload (the join token in localStorage); a friend's order
 * through that link is held until the owner confirms the ambassador; a text the owner changes
 * through the API shows after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan } from '../support/axe.ts';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
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

/** The shop's home page with the panel opened in a dialog, as an "invite a friend" button would. */
async function openPanel(page: Page): Promise<void> {
  await page.goto(stack.shopUrl);
  await page.evaluate(() => (window as unknown as { sarafan: (command: string) => void }).sarafan('open'));
  await page.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
}

describe('joining by email in Chromium', () => {
  let carol: Page;
  let code = '';

  it('an unidentified visitor joins in the dialog and sees their link', async () => {
    carol = await visitors.newVisitor();
    await openPanel(carol);
    const form = carol.getByTestId('sarafan-join');
    await form.waitFor({ state: 'visible' });
    const scan = await axeScan(carol);
    expect(scan.violations).toEqual([]);
    expect(scan.shadowNodesChecked).toBeGreaterThan(0);

    await carol.getByLabel('Email').fill('carol@example.com');
    await carol.getByLabel('Name (optional)').fill('Carol');
    await carol.getByTestId('sarafan-join-submit').click();
    await carol.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
    code = ((await carol.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^CAROL/);
    expect(await carol.getByTestId('sarafan-referral-link').inputValue()).toBe(`${stack.serverUrl}/r/${code}`);
    expect(await carol.getByTestId('sarafan-unconfirmed').textContent()).toMatch(/on hold until the shop confirms/);
    // Still in the dialog, with focus on the new link (the form it was in is gone).
    expect(await carol.getByTestId('sarafan-dialog').isVisible()).toBe(true);
    expect(await carol.getByTestId('sarafan-referral-link').evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true);
  });

  it('sees the same panel after a reload', async () => {
    await openPanel(carol);
    await carol.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
    expect((await carol.getByTestId('sarafan-referral-code').textContent())?.trim()).toBe(code);
    expect(await carol.getByTestId('sarafan-join').count()).toBe(0);
  });

  it("holds a friend's reward until the owner confirms the ambassador", async () => {
    const order = await stack.api('POST', '/v1/conversions', {
      orderId: 'e2e-join-1',
      amount: 5_000,
      currency: 'EUR',
      couponCode: code,
      customer: { email: 'dan@example.com' },
    });
    expect(order.body.reward).toMatchObject({ status: 'held', reasons: ['unconfirmed_ambassador'] });
    await openPanel(carol);
    const reward = carol.getByTestId('sarafan-reward');
    await reward.waitFor({ state: 'visible' });
    expect(await reward.textContent()).toContain('On hold (under review)');

    expect((await stack.api('POST', `/v1/ambassadors/${code}/confirm`)).body).toEqual({ code, confirmed: true, released: 1 });
    await openPanel(carol);
    await carol.getByTestId('sarafan-reward').waitFor({ state: 'visible' });
    expect(await carol.getByTestId('sarafan-reward').getAttribute('data-status')).toBe('pending');
    expect(await carol.getByTestId('sarafan-unconfirmed').count()).toBe(0);
  });

  it('an email that already has an ambassador is told to sign in at the shop, and sees no panel', async () => {
    const mallory = await visitors.newVisitor();
    await openPanel(mallory);
    await mallory.getByLabel('Email').fill('carol@example.com');
    await mallory.getByTestId('sarafan-join-submit').click();
    const error = mallory.getByTestId('sarafan-join-error');
    await expect.poll(() => error.textContent()).toMatch(/sign in at the shop/);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await mallory.getByTestId('sarafan-panel').count()).toBe(0);
    expect(await mallory.evaluate(() => localStorage.getItem('sarafan_join'))).toBeNull();
  });

  it("shows a text the owner changed through the API after a reload", async () => {
    const put = await stack.api('PUT', '/v1/program/widget', {
      texts: { en: { title: 'Share the love', 'status.pending': 'On its way' } },
      theme: { accent: '#7a3cc9' },
      leaderboard: false,
    });
    expect(put.status).toBe(200);
    await openPanel(carol);
    const heading = carol.getByTestId('sarafan-panel').getByRole('heading');
    await expect.poll(() => heading.textContent()).toBe('Share the love');
    expect(await carol.getByTestId('sarafan-reward').textContent()).toContain('On its way');
    const accent = await carol.getByTestId('sarafan-copy-link').evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(accent).toBe('rgb(122, 60, 201)');
    // Chromium logs every 4xx answer itself; the one 409 is the refusal the test above asked for.
    const errors = visitors.pageErrors.filter((error) => !error.includes('status of 409 (Conflict)'));
    expect(errors, errors.join('\n')).toEqual([]);
    expect(visitors.pageErrors).toHaveLength(1);
  });
});
