import { describe, expect, it } from 'vitest';
import { findProduct } from '../src/catalog.ts';
import { priceCart } from '../src/pricing.ts';

const price = (slug: string) => findProduct(slug)?.price ?? Number.NaN;

describe('priceCart', () => {
  it('sums lines in minor units', () => {
    const pricing = priceCart([
      { slug: 'linen-tote', quantity: 2 },
      { slug: 'loose-leaf-tea', quantity: 1 },
    ]);
    expect(pricing.subtotal).toBe(price('linen-tote') * 2 + price('loose-leaf-tea'));
    expect(pricing.discount).toBe(0);
    expect(pricing.total).toBe(pricing.subtotal);
    expect(pricing.currency).toBe('EUR');
    expect(pricing.lines.map((line) => line.amount)).toEqual([price('linen-tote') * 2, price('loose-leaf-tea')]);
  });

  it('rounds the friend discount half up to a whole cent', () => {
    // €9.95 at 10% is 99.5 cents: the friend gets the half cent.
    const one = priceCart([{ slug: 'loose-leaf-tea', quantity: 1 }], 10);
    expect(one.subtotal).toBe(995);
    expect(one.discount).toBe(100);
    expect(one.total).toBe(895);
    // €29.85 at 10% is 298.5 cents.
    const three = priceCart([{ slug: 'loose-leaf-tea', quantity: 3 }], 10);
    expect(three.discount).toBe(299);
    expect(three.total).toBe(2985 - 299);
    // €12.50 at 10% is exact.
    expect(priceCart([{ slug: 'wool-socks', quantity: 1 }], 10).discount).toBe(125);
  });

  it('handles fractional percentages without floats in the result', () => {
    const pricing = priceCart([{ slug: 'wool-socks', quantity: 1 }], 12.5);
    expect(pricing.discount).toBe(156); // 156.25 → 156
    expect(Number.isInteger(pricing.total)).toBe(true);
  });

  it('ignores unknown products and refuses impossible percentages', () => {
    expect(priceCart([{ slug: 'ghost', quantity: 1 }]).subtotal).toBe(0);
    expect(() => priceCart([], 101)).toThrow(RangeError);
    expect(() => priceCart([], -1)).toThrow(RangeError);
    expect(() => priceCart([], Number.NaN)).toThrow(RangeError);
  });
});
