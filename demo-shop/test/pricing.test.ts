import { describe, expect, it } from 'vitest';
import { findProduct } from '../src/catalog.ts';
import { discountProblem, priceCart } from '../src/pricing.ts';

const price = (slug: string) => findProduct(slug)?.price ?? Number.NaN;
const percent = (value: number) => ({ type: 'percent' as const, percent: value });
const flat = (amount: number, currency = 'EUR') => ({ type: 'flat' as const, amount, currency });

describe('priceCart', () => {
  it('sums lines in minor units', () => {
    const pricing = priceCart([
      { slug: 'linen-tote', quantity: 2 },
      { slug: 'loose-leaf-tea', quantity: 1 },
    ]);
    expect(pricing.subtotal).toBe(price('linen-tote') * 2 + price('loose-leaf-tea'));
    expect(pricing.discount).toBe(0);
    expect(pricing.offer).toBeNull();
    expect(pricing.total).toBe(pricing.subtotal);
    expect(pricing.currency).toBe('EUR');
    expect(pricing.lines.map((line) => line.amount)).toEqual([price('linen-tote') * 2, price('loose-leaf-tea')]);
  });

  it('rounds a percentage friend discount half up to a whole cent', () => {
    // €9.95 at 10% is 99.5 cents: the friend gets the half cent.
    const one = priceCart([{ slug: 'loose-leaf-tea', quantity: 1 }], percent(10));
    expect(one.subtotal).toBe(995);
    expect(one.discount).toBe(100);
    expect(one.total).toBe(895);
    expect(one.offer).toEqual(percent(10));
    // €29.85 at 10% is 298.5 cents.
    const three = priceCart([{ slug: 'loose-leaf-tea', quantity: 3 }], percent(10));
    expect(three.discount).toBe(299);
    expect(three.total).toBe(2985 - 299);
    // €12.50 at 10% is exact.
    expect(priceCart([{ slug: 'wool-socks', quantity: 1 }], percent(10)).discount).toBe(125);
  });

  it('handles fractional percentages without floats in the result', () => {
    const pricing = priceCart([{ slug: 'wool-socks', quantity: 1 }], percent(12.5));
    expect(pricing.discount).toBe(156); // 156.25 → 156
    expect(Number.isInteger(pricing.total)).toBe(true);
  });

  it('takes a flat friend discount off the whole order', () => {
    // 2 × €24.00 = €48.00, minus €5.00.
    const pricing = priceCart([{ slug: 'linen-tote', quantity: 2 }], flat(500));
    expect(pricing.subtotal).toBe(4800);
    expect(pricing.discount).toBe(500);
    expect(pricing.total).toBe(4300);
    expect(pricing.offer).toEqual(flat(500));
  });

  it('never takes more than the order: a flat discount is capped at the subtotal', () => {
    const pricing = priceCart([{ slug: 'loose-leaf-tea', quantity: 1 }], flat(1500));
    expect(pricing.subtotal).toBe(995);
    expect(pricing.discount).toBe(995);
    expect(pricing.total).toBe(0);
  });

  it('refuses a flat offer in another currency than the shop charges in', () => {
    expect(() => priceCart([{ slug: 'linen-tote', quantity: 1 }], flat(500, 'USD'))).toThrow(RangeError);
  });

  it('ignores unknown products and refuses impossible offers', () => {
    expect(priceCart([{ slug: 'ghost', quantity: 1 }]).subtotal).toBe(0);
    expect(() => priceCart([], percent(101))).toThrow(RangeError);
    expect(() => priceCart([], percent(-1))).toThrow(RangeError);
    expect(() => priceCart([], percent(Number.NaN))).toThrow(RangeError);
    expect(() => priceCart([], flat(-500))).toThrow(RangeError);
    expect(() => priceCart([], flat(4.5))).toThrow(RangeError);
  });
});

describe('discountProblem', () => {
  it('accepts percentages up to 100 and flat amounts in the shop currency', () => {
    expect(discountProblem(percent(10), 'EUR')).toBeNull();
    expect(discountProblem(percent(100), 'EUR')).toBeNull();
    expect(discountProblem(flat(500), 'EUR')).toBeNull();
  });

  it('says why in words for the buyer, naming the currencies of a flat offer', () => {
    expect(discountProblem(flat(500, 'USD'), 'EUR')).toBe(
      'This friend offer (US$5.00 off) is for orders in USD, and this shop charges in EUR.',
    );
    expect(discountProblem(percent(0), 'EUR')).toBe("This friend offer can't be applied to this order.");
    expect(discountProblem(flat(0), 'EUR')).toBe("This friend offer can't be applied to this order.");
    // A malformed answer from the network is refused, not formatted.
    expect(discountProblem({ type: 'flat', amount: 500, currency: 'euro' }, 'EUR')).toMatch(/can't be applied/);
    expect(discountProblem({ type: 'gift' } as never, 'EUR')).toMatch(/can't be applied/);
  });
});
