import { describe, expect, it } from 'vitest';
import { firstPartyCookieScope } from '../../src/domain/first-party.ts';

describe('firstPartyCookieScope', () => {
  it('is a host-only cookie when the page and the server share the host (a proxied path)', () => {
    expect(firstPartyCookieScope('https://shop.example', 'shop.example', [])).toEqual({ domain: null, secure: true });
    expect(firstPartyCookieScope('http://localhost:3000', 'localhost', [])).toEqual({ domain: null, secure: false });
    // Cookies do not tell ports apart: the server's host name is all that counts.
    expect(firstPartyCookieScope('https://Shop.Example:8443', 'shop.example', [])).toEqual({ domain: null, secure: true });
  });

  it('uses a configured domain that both the page and the server are in (a subdomain)', () => {
    expect(firstPartyCookieScope('https://www.shop.example', 'sarafan.shop.example', ['shop.example'])).toEqual({
      domain: 'shop.example',
      secure: true,
    });
    expect(firstPartyCookieScope('https://shop.example', 'ref.shop.example', ['other.example', 'shop.example'])).toEqual({
      domain: 'shop.example',
      secure: true,
    });
  });

  it('never names a domain that the server host is outside of', () => {
    expect(firstPartyCookieScope('https://www.shop.example', 'sarafan.example', ['shop.example'])).toBeNull();
    // A look-alike is not a subdomain.
    expect(firstPartyCookieScope('https://www.shop.example', 'evilshop.example', ['shop.example'])).toBeNull();
    expect(firstPartyCookieScope('https://www.shop.example', 'sarafan.shop.example', [])).toBeNull();
  });

  it('is null for a third party, no Origin, or an origin that is not a web page', () => {
    expect(firstPartyCookieScope('https://shop.example', 'ref-host.example', [])).toBeNull();
    expect(firstPartyCookieScope(undefined, 'shop.example', [])).toBeNull();
    expect(firstPartyCookieScope('null', 'shop.example', [])).toBeNull();
    expect(firstPartyCookieScope('file:///tmp/page.html', '', [])).toBeNull();
    expect(firstPartyCookieScope('https://shop.example', '', [])).toBeNull();
  });
});
