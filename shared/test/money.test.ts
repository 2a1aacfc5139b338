import { describe, expect, it } from 'vitest';
import { isCurrencyCode, percentOf, proportionOf } from '../src/money.ts';

describe('percentOf', () => {
  it.each([
    [4500, 1000, 450],
    [4999, 1000, 500], // 499.9 rounds half up
    [4994, 1000, 499],
    [5, 1000, 1], // 0.5 rounds up
    [4, 1000, 0],
    [0, 1000, 0],
    [-4500, 1000, -450],
  ])('%i at %i bp is %i', (amount, bp, expected) => {
    expect(percentOf(amount, bp)).toBe(expected);
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    expect(percentOf(999_999_999_999, 10_000)).toBe(999_999_999_999);
    expect(percentOf(999_999_999_999, 1_000)).toBe(100_000_000_000);
  });

  it('refuses floats', () => {
    expect(() => percentOf(10.5, 1000)).toThrow(RangeError);
  });
});

describe('proportionOf', () => {
  it('takes back the refunded share of a reward', () => {
    expect(proportionOf(450, 1500, 4500)).toBe(150);
    expect(proportionOf(450, 4500, 4500)).toBe(450);
    expect(proportionOf(450, 0, 4500)).toBe(0);
    expect(proportionOf(1, 1, 2)).toBe(1); // half a cent rounds up
    expect(proportionOf(999_999_999_999, 333_333_333_333, 999_999_999_999)).toBe(333_333_333_333);
  });
});

describe('isCurrencyCode', () => {
  it('accepts ISO 4217 shapes only', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });
});
