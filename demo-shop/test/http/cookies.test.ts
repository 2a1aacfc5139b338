import { describe, expect, it } from 'vitest';
import { parseCookies, safeDecode, serializeCookie } from '../../src/http/cookies.ts';

describe('cookies', () => {
  it('parses a Cookie header, first occurrence wins, values stay raw', () => {
    const cookies = parseCookies('a=1; b="quoted"; a=2; sarafan_ref=ALICE7K2.c%5F1; broken; =x');
    expect([...cookies]).toEqual([
      ['a', '1'],
      ['b', 'quoted'],
      ['sarafan_ref', 'ALICE7K2.c%5F1'],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('decodes safely', () => {
    expect(safeDecode('a%20b')).toBe('a b');
    expect(safeDecode('%E0%A4%A')).toBeUndefined();
    expect(safeDecode(undefined)).toBeUndefined();
  });

  it('serializes with the shop-wide defaults', () => {
    expect(serializeCookie('shop_cart', 'linen-tote:1', { maxAgeSeconds: 60, httpOnly: true, secure: true })).toBe(
      'shop_cart=linen-tote%3A1; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure',
    );
  });
});
