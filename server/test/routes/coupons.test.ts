import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('GET /v1/coupons/{code}', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice.smith@gmail.com', { name: 'Alice' });
  });
  afterEach(async () => {
    await t.close();
  });

  it("returns the friend's discount of a coupon, eligible for anyone", async () => {
    const response = await t.api('GET', `/v1/coupons/${code.toLowerCase()}?email=friend@example.com`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      code,
      ambassadorCode: code,
      ambassadorName: 'Alice',
      discount: { type: 'percent', percent: 10 },
      coupon: 'shared',
      eligible: true,
    });
    expect((await t.api('GET', `/v1/coupons/${code}`)).json().eligible).toBe(true);
  });

  it('is not eligible for its own ambassador, whatever the spelling of the email', async () => {
    const response = await t.api('GET', `/v1/coupons/${code}?email=${encodeURIComponent('Alice.Smith+sale@GoogleMail.com')}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code, eligible: false, reason: 'own_code' });
  });

  it("answers 404 for an unknown coupon and for another program's coupon", async () => {
    const otherCode = await t.ambassador('bob@other.example', {}, OTHER.secretKey);
    for (const coupon of ['NOSUCHCODE', otherCode]) {
      const response = await t.api('GET', `/v1/coupons/${coupon}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('coupon_not_found');
    }
  });

  it('refuses unknown query parameters', async () => {
    const response = await t.api('GET', `/v1/coupons/${code}?mail=x`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });
});
