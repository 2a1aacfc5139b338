import { findProduct, PRODUCTS } from './catalog.ts';

/**
 * The cart lives in a cookie (`shop_cart=linen-tote:2,stoneware-mug:1`): no server state for
 * anonymous visitors, and nothing to trust in it either, since prices always come from the catalog.
 */
export const CART_COOKIE = 'shop_cart';
export const MAX_QUANTITY = 20;

export interface CartLine {
  slug: string;
  quantity: number;
}
export type Cart = readonly CartLine[];

/** Reads a cart cookie; unknown products, bad numbers and repeats are dropped, never an error. */
export function parseCart(value: string | undefined): Cart {
  if (!value) return [];
  const lines: CartLine[] = [];
  for (const part of value.split(',').slice(0, PRODUCTS.length)) {
    const [slug, quantityText] = part.split(':');
    if (!slug || !quantityText || !/^\d{1,3}$/.test(quantityText)) continue;
    const quantity = Number(quantityText);
    if (!findProduct(slug) || lines.some((line) => line.slug === slug)) continue;
    if (quantity < 1) continue;
    lines.push({ slug, quantity: Math.min(quantity, MAX_QUANTITY) });
  }
  return lines;
}

export function formatCart(cart: Cart): string {
  return cart.map((line) => `${line.slug}:${line.quantity}`).join(',');
}

/** Sets the quantity of one product; 0 removes the line. Returns a new cart. */
export function setQuantity(cart: Cart, slug: string, quantity: number): Cart {
  if (!findProduct(slug)) return cart;
  const clamped = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const others = cart.filter((line) => line.slug !== slug);
  if (clamped === 0) return others;
  const index = cart.findIndex((line) => line.slug === slug);
  const updated = { slug, quantity: clamped };
  return index === -1 ? [...cart, updated] : cart.map((line) => (line.slug === slug ? updated : line));
}

export function addToCart(cart: Cart, slug: string, quantity = 1): Cart {
  const current = cart.find((line) => line.slug === slug)?.quantity ?? 0;
  return setQuantity(cart, slug, current + quantity);
}

export function itemCount(cart: Cart): number {
  return cart.reduce((sum, line) => sum + line.quantity, 0);
}
