import { isCurrencyCode, percentOf } from '../../shared/src/money.ts';
import type { FriendOfferDiscount } from '../../shared/src/wire.ts';
import { CURRENCY, findProduct, type Product } from './catalog.ts';
import type { Cart } from './cart.ts';
import { formatMoney } from './money-format.ts';

export interface PricedLine {
  product: Product;
  quantity: number;
  /** unit price × quantity, minor units. */
  amount: number;
}

export interface OrderPricing {
  lines: PricedLine[];
  currency: string;
  subtotal: number;
  /** The friend discount, minor units: a percentage rounded half up, or the flat amount. */
  discount: number;
  /** The friend offer's discount as Sarafan described it; null without a coupon. */
  offer: FriendOfferDiscount | null;
  /** What the customer pays: subtotal − discount. */
  total: number;
}

const CANNOT_APPLY = "This friend offer can't be applied to this order.";

/**
 * Why this shop cannot apply a friend offer's discount, in words for the buyer; null when it can.
 * A flat amount is money in one currency, and converting it would be a guess, so an offer in
 * another currency than the shop's is refused rather than applied at a made-up rate.
 */
export function discountProblem(discount: FriendOfferDiscount, currency: string = CURRENCY): string | null {
  // The offer comes over the network: anything but a well-formed discount is not applied.
  if (!discount) return CANNOT_APPLY;
  if (discount.type === 'percent') {
    const { percent } = discount;
    return Number.isFinite(percent) && percent > 0 && percent <= 100 ? null : CANNOT_APPLY;
  }
  if (discount.type !== 'flat' || !Number.isSafeInteger(discount.amount) || discount.amount <= 0 || !isCurrencyCode(discount.currency)) {
    return CANNOT_APPLY;
  }
  if (discount.currency !== currency) {
    return `This friend offer (${formatMoney(discount.amount, discount.currency)} off) is for orders in ${discount.currency}, and this shop charges in ${currency}.`;
  }
  return null;
}

/**
 * What the offer takes off `subtotal`. A percentage is turned into basis points so that the
 * rounding is integer arithmetic (shared `percentOf`), the same maths the tracking server uses; a
 * flat amount never takes more than the order, so the friend never pays less than nothing.
 */
export function discountOn(subtotal: number, discount: FriendOfferDiscount): number {
  if (discount.type === 'percent') return percentOf(subtotal, Math.round(discount.percent * 100));
  return Math.min(discount.amount, subtotal);
}

/**
 * Prices a cart, with the friend offer's discount on the whole order when there is one. An offer
 * this shop cannot apply (see `discountProblem`) is a programming error here: the coupon check
 * refuses it, with the reason, before the cart is priced.
 */
export function priceCart(cart: Cart, offer: FriendOfferDiscount | null = null): OrderPricing {
  const problem = offer ? discountProblem(offer, CURRENCY) : null;
  if (problem) throw new RangeError(problem);
  const lines: PricedLine[] = [];
  for (const line of cart) {
    const product = findProduct(line.slug);
    if (product) lines.push({ product, quantity: line.quantity, amount: product.price * line.quantity });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const discount = offer ? discountOn(subtotal, offer) : 0;
  return { lines, currency: CURRENCY, subtotal, discount, offer, total: subtotal - discount };
}
