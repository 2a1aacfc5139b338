import { describe, expect, it } from 'vitest';
import { addToCart, formatCart, itemCount, MAX_QUANTITY, parseCart, setQuantity } from '../src/cart.ts';

describe('cart cookie', () => {
  it('round-trips', () => {
    const cart = [
      { slug: 'linen-tote', quantity: 2 },
      { slug: 'stoneware-mug', quantity: 1 },
    ];
    expect(parseCart(formatCart(cart))).toEqual(cart);
  });

  it('drops unknown products, bad quantities and repeats instead of failing', () => {
    expect(parseCart('nope:1,linen-tote:x,linen-tote:-1,stoneware-mug:0,wool-socks:3,wool-socks:5,<script>:1')).toEqual([
      { slug: 'wool-socks', quantity: 3 },
    ]);
    expect(parseCart('')).toEqual([]);
    expect(parseCart(undefined)).toEqual([]);
    expect(parseCart('linen-tote')).toEqual([]);
  });

  it('caps quantities', () => {
    expect(parseCart('linen-tote:999')).toEqual([{ slug: 'linen-tote', quantity: MAX_QUANTITY }]);
  });
});

describe('cart changes', () => {
  it('adds to an existing line and keeps the order of lines', () => {
    let cart = addToCart([], 'linen-tote');
    cart = addToCart(cart, 'stoneware-mug', 2);
    cart = addToCart(cart, 'linen-tote', 3);
    expect(cart).toEqual([
      { slug: 'linen-tote', quantity: 4 },
      { slug: 'stoneware-mug', quantity: 2 },
    ]);
    expect(itemCount(cart)).toBe(6);
  });

  it('removes a line at quantity 0 and ignores unknown products', () => {
    const cart = setQuantity(addToCart([], 'linen-tote'), 'linen-tote', 0);
    expect(cart).toEqual([]);
    expect(addToCart([], 'unknown-thing')).toEqual([]);
  });

  it('never goes above the maximum', () => {
    expect(addToCart([{ slug: 'linen-tote', quantity: MAX_QUANTITY }], 'linen-tote')).toEqual([
      { slug: 'linen-tote', quantity: MAX_QUANTITY },
    ]);
  });
});
