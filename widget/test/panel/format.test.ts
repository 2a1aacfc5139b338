import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney } from '../../src/panel/format.ts';

describe('formatMoney', () => {
  it.each([
    [1999, 'USD', 'en-US', '$19.99'],
    [5, 'EUR', 'en-US', '€0.05'],
    [500, 'JPY', 'en-US', '¥500'],
    [1500, 'KWD', 'en-US', 'KWD 1.500'],
    [-250, 'USD', 'en-US', '-$2.50'],
    [123456789, 'USD', 'en-US', '$1,234,567.89'],
  ])('%i %s in %s is %s (the currency decides the decimals)', (amount, currency, lang, expected) => {
    expect(formatMoney(amount, currency, lang).replace(/\s/g, ' ')).toBe(expected);
  });

  it('follows the language', () => {
    expect(formatMoney(1999, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('19,99 €');
  });

  it('falls back instead of throwing on a bad language tag or currency', () => {
    expect(formatMoney(1999, 'USD', 'not a language!')).toContain('19.99');
    expect(formatMoney(1999, 'XX', 'en-US')).toBe('1999 XX');
  });
});

describe('formatCount', () => {
  it('groups digits for the language', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
  });
});
