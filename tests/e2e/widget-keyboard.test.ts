/**
 * The widget used with the keyboard alone, in real Chromium on the demo shop: Tab moves through
 * every control of the dialog and stays inside it, Enter and Space copy, Escape closes and focus
 * returns to the button that opened it; the inline panel and the friend offer card are reachable
 * and usable the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { focused } from '../support/page-probes.ts';
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

/** Presses Tab `times` times and lists what had focus after each press. */
async function tabThrough(page: Page, times: number): Promise<string[]> {
  const stops: string[] = [];
  for (let press = 0; press < times; press++) {
    await page.keyboard.press('Tab');
    stops.push(await focused(page));
  }
  return stops;
}

/** Whether the focused element shows a focus ring (`:focus-visible` with an outline). */
function showsFocusRing(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element?.matches(':focus-visible')) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

describe('keyboard only, in Chromium', () => {
  let alice: Page;
  let code = '';

  beforeAll(async () => {
    alice = await visitors.newVisitor();
    await alice.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.shopUrl });
  });

  it('the dialog after a purchase takes focus, and Tab goes round its controls without leaving it', async () => {
    await buyFirstProduct(alice, stack.shopUrl, { email: 'kim@example.com', name: 'Kim' });
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    code = ((await alice.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    expect(await focused(alice)).toBe('sarafan-close');

    const hasNativeShare = await alice.evaluate(() => typeof navigator.share === 'function');
    const round = [
      'sarafan-referral-link',
      'sarafan-copy-link',
      'sarafan-copy-code',
      ...(hasNativeShare ? ['sarafan-share-native'] : []),
      ...['whatsapp', 'telegram', 'x', 'facebook', 'email', 'sms', 'qr'].map((channel) => `sarafan-share-${channel}`),
      'sarafan-close',
    ];
    expect(await tabThrough(alice, round.length * 2)).toEqual([...round, ...round]);
    await alice.keyboard.press('Shift+Tab');
    expect(await focused(alice)).toBe('sarafan-share-qr');
    expect(await showsFocusRing(alice)).toBe(true);
  });

  it('Enter copies the link and Space the code, with visible feedback', async () => {
    while ((await focused(alice)) !== 'sarafan-copy-link') await alice.keyboard.press('Tab');
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.getByTestId('sarafan-copy-link').textContent()).toBe('Copied!');
    expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(`${stack.serverUrl}/r/${code}`);

    await alice.keyboard.press('Tab');
    expect(await focused(alice)).toBe('sarafan-copy-code');
    await alice.keyboard.press('Space');
    await expect.poll(() => alice.getByTestId('sarafan-copy-code').textContent()).toBe('Copied!');
    expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Copying leaves focus where it was, inside the dialog.
    expect(await focused(alice)).toBe('sarafan-copy-code');
  });

  it('Escape closes the dialog', async () => {
    await alice.keyboard.press('Escape');
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'detached' });
    expect(await alice.locator('sarafan-dialog').count()).toBe(0);
  });

  it('a dialog opened from a button of the shop gives focus back to that button when it closes', async () => {
    await alice.goto(`${stack.shopUrl}/account`);
    await alice.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
    await alice.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'invite-friends';
      button.textContent = 'Invite friends';
      button.addEventListener('click', () => (window as unknown as { sarafan: (command: string) => void }).sarafan('open'));
      document.querySelector('main')!.prepend(button);
    });
    while ((await focused(alice)) !== 'invite-friends') await alice.keyboard.press('Tab');
    await alice.keyboard.press('Enter');
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    expect(await focused(alice)).toBe('sarafan-close');
    await alice.keyboard.press('Escape');
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'detached' });
    expect(await focused(alice)).toBe('invite-friends');

    // The inline panel's controls come next in the page's own tab order.
    const stops = await tabThrough(alice, 18);
    expect(stops).toEqual(expect.arrayContaining(['sarafan-referral-link', 'sarafan-copy-link', 'sarafan-copy-code', 'sarafan-share-email']));
    expect(stops.indexOf('sarafan-copy-link')).toBe(stops.indexOf('sarafan-referral-link') + 1);
  });

  it('the friend offer card: Tab reaches copy and dismiss, Enter dismisses it', async () => {
    const bob = await visitors.newVisitor();
    await bob.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.shopUrl });
    await bob.goto(`${stack.shopUrl}/?ref=${code}`);
    await bob.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    // The card is at the end of the page: Shift+Tab from the top reaches it first.
    await bob.keyboard.press('Shift+Tab');
    expect(await focused(bob)).toBe('sarafan-offer-close');
    await bob.keyboard.press('Shift+Tab');
    expect(await focused(bob)).toBe('sarafan-offer-copy');
    await bob.keyboard.press('Enter');
    await expect.poll(() => bob.getByTestId('sarafan-offer-copy').textContent()).toBe('Copied!');
    expect(await bob.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await bob.keyboard.press('Tab');
    await bob.keyboard.press('Enter');
    await bob.getByTestId('sarafan-offer').waitFor({ state: 'detached' });
    expect(visitors.pageErrors).toEqual([]);
  });
});
