import { percentOf } from '../../shared/src/money.ts';
import { CURRENCY, findProduct, type Product } from './catalog.ts';
import type { Cart } from './cart.ts';

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
  /** The friend discount, minor units, rounded half up. */
  discount: number;
  discountPercent: number;
  /** What the customer pays: subtotal − discount. */
  total: number;
}

/**
 * Prices a cart with an optional percentage discount on the whole order. The percentage is turned
 * into basis points so that the rounding is integer arithmetic (shared `percentOf`), the same maths
 * the tracking server uses for rewards.
 */
export function priceCart(cart: Cart, discountPercent = 0): OrderPricing {
  if (!Number.isFinite(discountPercent) || discountPercent < 0 || discountPercent > 100) {
    throw new RangeError(`discount percent out of range: ${discountPercent}`);
  }
  const lines: PricedLine[] = [];
  for (const line of cart) {
    const product = findProduct(line.slug);
    if (product) lines.push({ product, quantity: line.quantity, amount: product.price * line.quantity });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const discount = percentOf(subtotal, Math.round(discountPercent * 100));
  return { lines, currency: CURRENCY, subtotal, discount, discountPercent, total: subtotal - discount };
}
