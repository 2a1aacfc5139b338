import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './support/test-shop.ts';

describe('shop app', () => {
  let shop: TestShop;
  afterEach(() => shop.close());

  it('serves the stylesheet and sets protective headers', async () => {
    shop = testShop();
    const css = await shop.get('/assets/shop.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.sarafan-mount { min-height');
    const page = await shop.get('/');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<link rel="stylesheet" href="/assets/shop.css">');
  });

  it('answers unknown addresses with a 404 page', async () => {
    shop = testShop();
    const response = await shop.get('/nowhere/<b>');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).not.toContain('nowhere');
  });

  it('turns bad bodies into 4xx pages, never a 500', async () => {
    shop = testShop();
    const huge = await shop.app.inject({
      method: 'POST',
      url: '/cart',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `slug=${'x'.repeat(20_000)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('That did not work');

    const json = await shop.app.inject({ method: 'POST', url: '/checkout', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(json.statusCode).toBe(400);

    const weird = await shop.app.inject({ method: 'POST', url: '/cart', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
    expect(weird.statusCode).toBe(415);

    const empty = await shop.app.inject({ method: 'POST', url: '/checkout' });
    expect(empty.statusCode).toBeLessThan(500);
  });
});
