/**
 * WCAG 2.2 AA of the widget on the demo shop's pages, in real Chromium against the real server:
 * an axe-core scan with each placement showing (the order confirmation's dialog, the account
 * page's inline panel, the friend offer card), in the light and the dark scheme; then the panel
 * used with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan, type AxeScan } from '../support/axe.ts';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;
let code = '';

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

function expectClean(scan: AxeScan): void {
  expect(scan.violations).toEqual([]);
  expect(scan.shadowNodesChecked).toBeGreaterThan(5);
}

describe.each(['light', 'dark'] as const)('axe-core finds no violations (%s scheme)', (colorScheme) => {
  let alice: Page;

  beforeAll(async () => {
    alice = await visitors.newVisitor();
    await alice.emulateMedia({ colorScheme });
  });

  it('on the order confirmation with the invite dialog open', async () => {
    await buyFirstProduct(alice, stack.shopUrl, { email: `alice-${colorScheme}@example.com`, name: 'Alice' });
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    code = ((await alice.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    expectClean(await axeScan(alice));
  });

  it('on the account page with the inline panel', async () => {
    await alice.goto(`${stack.shopUrl}/account`);
    const panel = alice.getByTestId('sarafan-panel');
    await panel.waitFor({ state: 'visible' });
    // The scheme under test is the one the panel shows.
    expect(await panel.evaluate((card) => getComputedStyle(card).backgroundColor)).toBe(
      colorScheme === 'dark' ? 'rgb(28, 31, 35)' : 'rgb(255, 255, 255)',
    );
    expectClean(await axeScan(alice));
  });

  it('on a landing page with the friend offer card', async () => {
    const bob = await visitors.newVisitor();
    await bob.emulateMedia({ colorScheme });
    await bob.goto(`${stack.shopUrl}/?ref=${code}`);
    await bob.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    expectClean(await axeScan(bob));
    expect(visitors.pageErrors).toEqual([]);
  });
});

describe('the scan sees inside the widget', () => {
  it('reports a shop colour that makes the panel’s labels unreadable', async () => {
    const alice = await visitors.newVisitor();
    await buyFirstProduct(alice, stack.shopUrl, { email: 'alice-grey@example.com', name: 'Alice' });
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    await alice.addStyleTag({ content: ':root { --sarafan-muted: #c8c8c8 }' });
    const { violations } = await axeScan(alice);
    expect(violations.map((violation) => violation.id)).toContain('color-contrast');
  });
});
