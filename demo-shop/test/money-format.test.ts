import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/money-format.ts';

describe('formatMoney', () => {
  it('formats minor units in the currency of the amount', () => {
    expect(formatMoney(1999, 'EUR')).toBe('€19.99');
    expect(formatMoney(995, 'EUR')).toBe('€9.95');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
  });

  it('respects currencies without minor units', () => {
    expect(formatMoney(1500, 'JPY')).toBe('JP¥1,500');
  });
});
