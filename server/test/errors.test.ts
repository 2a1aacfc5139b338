import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from './helpers/test-app.ts';

/** Hostile and sloppy input: always a 4xx with a stable code, never a 500, never a row. */
describe('hostile input', () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterEach(async () => {
    await t.close();
  });

  const rows = () => ['ambassadors', 'clicks', 'conversions', 'rewards', 'refunds', 'ambassador_visitors'].map((table) => t.count(table));
  const post = (url: string, payload: string | object, contentType = 'application/json', auth = true) =>
    t.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': contentType,
        origin: DEMO.origin,
        ...(auth ? { authorization: `Bearer ${DEMO.secretKey}` } : {}),
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const conversion = { orderId: 'o-1', amount: 1_000, currency: 'EUR' };

  it('refuses bodies over 64 KB with 413', async () => {
    const before = rows();
    const huge = { ...conversion, customer: { email: 'a@b.co' }, items: [{ sku: 'x'.repeat(70_000), amount: 1, quantity: 1 }] };
    for (const url of ['/v1/conversions', '/v1/widget/clicks']) {
      const response = await post(url, huge);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('payload_too_large');
    }
    expect(rows()).toEqual(before);
  });

  it('refuses other content types with 415 and broken JSON with 400', async () => {
    const before = rows();
    const cases: Array<[string, string, number, string]> = [
      ['/v1/conversions', 'orderId=o-1&amount=1000', 415, 'unsupported_media_type'],
      ['/v1/conversions', JSON.stringify(conversion), 415, 'unsupported_media_type'],
      ['/v1/widget/clicks', 'programId=demo', 415, 'unsupported_media_type'],
      ['/v1/conversions', '{"orderId": "o-1",', 400, 'invalid_json'],
      ['/v1/conversions', '', 400, 'invalid_json'],
      ['/v1/widget/clicks', 'not json at all', 400, 'invalid_json'],
      ['/v1/conversions', '{"__proto__": {"admin": true}, "orderId": "o-1", "amount": 1, "currency": "EUR"}', 400, 'invalid_json'],
    ];
    for (const [url, body, status, errorCode] of cases) {
      const contentType =
        body.startsWith('orderId') || body.startsWith('programId')
          ? 'application/x-www-form-urlencoded'
          : body === JSON.stringify(conversion)
            ? 'text/plain'
            : url.includes('widget')
              ? 'text/plain'
              : 'application/json';
      const response = await post(url, body, contentType);
      expect(response.statusCode, `${url} ${body.slice(0, 30)}`).toBe(status);
      expect(response.json().error.code).toBe(errorCode);
    }
    expect(rows()).toEqual(before);
  });

  it('refuses wrong types, out-of-range numbers, floats and unknown fields with invalid_request', async () => {
    const before = rows();
    const bad: unknown[] = [
      { ...conversion, amount: '1000' },
      { ...conversion, amount: 10.5 },
      { ...conversion, amount: -1 },
      { ...conversion, amount: 1e13 },
      { ...conversion, amount: 2 ** 53 + 2 },
      { ...conversion, currency: 'eur' },
      { ...conversion, currency: 'EURO' },
      { ...conversion, orderId: '' },
      { ...conversion, orderId: 'x'.repeat(129) },
      { ...conversion, orderId: 'line\nbreak' },
      { ...conversion, isAdmin: true },
      { ...conversion, customer: { email: 'not-an-email' } },
      { ...conversion, customer: { email: 'a@b.co', role: 'admin' } },
      { ...conversion, referral: { code: "x' OR 1=1 --" } },
      { ...conversion, couponCode: "'; DROP TABLE conversions; --" },
      { ...conversion, discountAmount: 1.25 },
      { ...conversion, items: [{ sku: 'a', amount: 1, quantity: 0 }] },
      { amount: 1_000, currency: 'EUR' },
      [],
      'just a string',
      123,
      null,
    ];
    for (const body of bad) {
      const response = await post('/v1/conversions', JSON.stringify(body));
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    expect(rows()).toEqual(before);
  });

  it('treats SQL-looking strings that are valid input as plain data', async () => {
    const orderId = "o-1'); DELETE FROM conversions; --";
    const response = await post('/v1/conversions', { ...conversion, orderId, customer: { email: "robert');DROP/**/TABLE/**/ambassadors;--@x.co" } });
    expect(response.statusCode).toBe(201);
    expect(response.json().orderId).toBe(orderId);
    expect(t.count('conversions')).toBe(1);
    expect(t.count('ambassadors')).toBe(1);
  });

  it('refuses malformed browser requests', async () => {
    const before = rows();
    const bad: object[] = [
      { programId: 'demo', code, visitorId: 'v 1' },
      { programId: 'demo', code, visitorId: 'v'.repeat(65) },
      { programId: 'demo', code: 'AB', visitorId: 'v1' },
      { programId: 'demo', code: "x' OR '1'='1", visitorId: 'v1' },
      { programId: 'demo', code, visitorId: 'v1', clickId: '../../etc' },
      { programId: 'demo', code, visitorId: 'v1', url: 'x'.repeat(30_000) },
      { programId: 'demo', code, visitorId: 'v1', extra: 1 },
      { programId: 'demo', code },
      { programId: 123, code, visitorId: 'v1' },
    ];
    for (const body of bad) {
      const response = await post('/v1/widget/clicks', body, 'application/json', false);
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
    const badSession = await post(
      '/v1/widget/session',
      { programId: 'demo', visitorId: 'v1', identity: { email: 'a@b.co', timestamp: 'yesterday', signature: 'x' } },
      'application/json',
      false,
    );
    expect(badSession.statusCode).toBe(400);
    expect(rows()).toEqual(before);
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    for (const [method, url] of [['GET', '/nope'], ['DELETE', '/v1/conversions'], ['GET', '/v1/widget/clicks']] as const) {
      const response = await t.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});
