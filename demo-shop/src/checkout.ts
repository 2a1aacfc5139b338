import type { FastifyBaseLogger } from 'fastify';
import { customAlphabet } from 'nanoid';
import { EMAIL_PATTERN } from '../../shared/src/email.ts';
import { REFERRAL_CODE_ALPHABET } from '../../shared/src/referral-code.ts';
import type { Cart } from './cart.ts';
import type { CheckoutForm } from './pages/checkout.ts';
import { priceCart } from './pricing.ts';
import { checkCoupon } from './sarafan/coupon.ts';
import { syncOrderWithSarafan } from './sarafan/conversions.ts';
import type { VisitorReferral } from './sarafan/referral.ts';
import type { ShopContext } from './shop-context.ts';
import type { Customer, Order } from './store.ts';

const EMAIL = new RegExp(EMAIL_PATTERN);
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;

/** Readable order numbers (`DS-7K2M9QX4PA`) from the same look-alike-free alphabet as referral codes. */
export const newOrderId: () => string = (() => {
  const random = customAlphabet(REFERRAL_CODE_ALPHABET, 10);
  return () => `DS-${random()}`;
})();

/** Checks an e-mail address as typed into a form; returns the problem, or null when it is fine. */
export function emailProblem(email: string): string | null {
  if (email === '') return 'Please enter your e-mail address.';
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) return 'Please enter a valid e-mail address.';
  return null;
}

export function checkoutFormProblem(form: CheckoutForm): string | null {
  const emailError = emailProblem(form.email);
  if (emailError) return emailError;
  if (form.name.length > MAX_NAME_LENGTH) return `Please keep the name under ${MAX_NAME_LENGTH} characters.`;
  if (form.coupon.length > 64) return 'That coupon code is too long.';
  return null;
}

export type PlaceOrderResult = { ok: true; order: Order; customer: Customer } | { ok: false; message: string };

/**
 * Places an order: validate, check the coupon with Sarafan, price, store, then report the
 * conversion. The order is stored before Sarafan hears of it, so an outage there never loses an
 * order; at worst the referral is credited when the report is retried.
 */
export async function placeOrder(
  shop: ShopContext,
  input: { cart: Cart; form: CheckoutForm; visitor: VisitorReferral; log: FastifyBaseLogger },
): Promise<PlaceOrderResult> {
  const { cart, form, visitor, log } = input;
  if (cart.length === 0) return { ok: false, message: 'Your cart is empty.' };
  const problem = checkoutFormProblem(form);
  if (problem) return { ok: false, message: problem };

  // The coupon is checked against the order before the discount: Sarafan decides the minimum order.
  let pricing = priceCart(cart);
  let couponCode: string | null = null;
  if (form.coupon !== '') {
    const decision = await checkCoupon(shop.sarafan, form.coupon, form.email, {
      amount: pricing.subtotal,
      currency: pricing.currency,
    });
    if (!decision.ok) return { ok: false, message: decision.message };
    couponCode = decision.coupon.code;
    pricing = priceCart(cart, decision.discount);
  }

  const now = shop.now();
  const customer = shop.store.upsertCustomer({ email: form.email, name: form.name }, now);
  const stored = shop.store.createOrder({
    id: newOrderId(),
    customerId: customer.id,
    email: customer.email,
    name: customer.name,
    currency: pricing.currency,
    subtotal: pricing.subtotal,
    discount: pricing.discount,
    total: pricing.total,
    couponCode,
    referral: visitor.referral,
    visitorId: visitor.visitorId,
    createdAt: now,
    items: pricing.lines.map((line) => ({
      sku: line.product.slug,
      name: line.product.name,
      category: line.product.category,
      unitPrice: line.product.price,
      quantity: line.quantity,
      amount: line.amount,
    })),
  });
  const order = await syncOrderWithSarafan({ store: shop.store, sarafan: shop.sarafan, now: shop.now, log }, stored);
  return { ok: true, order, customer };
}
