import type { Page } from 'playwright-core';

export interface PlacedOrder {
  orderId: string;
  /** What the customer paid, minor units. */
  total: number;
  discount: number;
  /** The "referred by" note on the confirmation page, or null when the order was not attributed. */
  referralText: string | null;
}

export interface Buyer {
  email: string;
  name: string;
  /** The friend coupon the checkout should have prefilled from the referral cookie. */
  expectCoupon?: string;
  /** Empty the coupon field before ordering. */
  clearCoupon?: boolean;
}

/** Buys the first product on the home page through the shop's UI, as a customer would. */
export async function buyFirstProduct(page: Page, shopUrl: string, buyer: Buyer): Promise<PlacedOrder> {
  await page.goto(shopUrl);
  await page.getByTestId('product-link').first().click();
  await page.getByTestId('add-to-cart').click();
  await page.getByTestId('cart-link').click();
  await page.getByTestId('checkout-link').click();

  const coupon = page.locator('input[name="coupon"]');
  if (buyer.expectCoupon !== undefined) {
    if ((await coupon.inputValue()) !== buyer.expectCoupon) {
      throw new Error(`checkout should prefill the friend coupon ${buyer.expectCoupon}, has "${await coupon.inputValue()}"`);
    }
    await page.getByTestId('coupon-offer').waitFor({ state: 'visible' });
  }
  if (buyer.clearCoupon) await coupon.fill('');
  await page.locator('input[name="email"]').fill(buyer.email);
  await page.locator('input[name="name"]').fill(buyer.name);
  await page.getByTestId('place-order').click();

  const orderId = page.getByTestId('order-id');
  await orderId.waitFor({ state: 'visible' });
  const referral = page.getByTestId('order-referral');
  const discount = page.getByTestId('order-discount');
  return {
    orderId: ((await orderId.textContent()) ?? '').trim(),
    total: Number(await page.getByTestId('order-total').getAttribute('data-amount')),
    discount: (await discount.count()) > 0 ? Number(await discount.getAttribute('data-amount')) : 0,
    referralText: (await referral.count()) > 0 ? ((await referral.textContent()) ?? '').trim() : null,
  };
}

/** Collects uncaught exceptions and console errors, which the widget must never cause. */
export function watchForPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (error) => into.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${page.url()}: console.error ${message.text()}`);
  });
}
