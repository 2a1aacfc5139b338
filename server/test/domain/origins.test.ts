import { describe, expect, it } from 'vitest';
import { allowedOriginsOf, originOf, withLoopbackAlias } from '../../src/domain/origins.ts';

describe('origins', () => {
  it('reduces a URL to its origin, and only http(s)', () => {
    expect(originOf('http://localhost:3000/shop?x=1')).toBe('http://localhost:3000');
    expect(originOf('https://Shop.Example/')).toBe('https://shop.example');
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('adds the other loopback name', () => {
    expect(withLoopbackAlias('http://localhost:3000')).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(withLoopbackAlias('http://127.0.0.1:3000')).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
    expect(withLoopbackAlias('https://shop.example')).toEqual(['https://shop.example']);
  });

  it('turns a list of URLs into sorted allowed origins, or names the first that is not one', () => {
    expect(allowedOriginsOf(['https://b.example/x', 'http://localhost:3000', 'https://B.example'])).toEqual({
      origins: ['http://127.0.0.1:3000', 'http://localhost:3000', 'https://b.example'],
    });
    expect(allowedOriginsOf(['https://fine.example', 'ftp://files.example', 'nope'])).toEqual({ invalid: 'ftp://files.example' });
  });
});
