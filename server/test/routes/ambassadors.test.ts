import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('/v1/ambassadors', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates an ambassador (201), then returns the same one for the same mailbox (200)', async () => {
    const created = await t.api('POST', '/v1/ambassadors', { email: 'Alice.Smith+promo@Gmail.com', customerId: 'cus_42' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toEqual({
      code: expect.stringMatching(/^ALICES[2-9A-HJKMNP-Z]{4}$/),
      email: 'Alice.Smith+promo@Gmail.com',
      name: null,
      customerId: 'cus_42',
      link: `http://sarafan.test/r/${body.code}`,
      couponCode: body.code,
      createdAt: t.clock.now,
      clicks: 0,
      conversions: 0,
      rewards: [],
    });

    const again = await t.api('POST', '/v1/ambassadors', { email: 'alicesmith@gmail.com', name: 'Alice' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ code: body.code, name: 'Alice', customerId: 'cus_42' });
    expect(t.count('ambassadors')).toBe(1);
  });

  it('gives different people different codes, even with the same name', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add(await t.ambassador(`sam${i}@example.com`, { name: 'Sam' }));
    expect(codes.size).toBe(20);
  });

  it('gives a name without Latin letters a longer random code', async () => {
    const code = await t.ambassador('olga@example.ru', { name: 'Ольга' });
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it('reads an ambassador by code, case-insensitively', async () => {
    const code = await t.ambassador('bob@example.com');
    const response = await t.api('GET', `/v1/ambassadors/${code.toLowerCase()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().code).toBe(code);
  });

  it('does not find unknown codes or codes of another program', async () => {
    const otherCode = await t.ambassador('carol@other.example', {}, OTHER.secretKey);
    for (const code of ['NOSUCHCODE', otherCode, '%27%20OR%201%3D1']) {
      const response = await t.api('GET', `/v1/ambassadors/${code}`);
      expect(response.statusCode, code).toBe(404);
      expect(response.json().error.code).toBe('ambassador_not_found');
      expect(response.body).not.toContain('carol');
    }
    expect((await t.api('GET', `/v1/ambassadors/${otherCode}`, undefined, OTHER.secretKey)).statusCode).toBe(200);
  });

  it('keeps the same email apart in two programs', async () => {
    const demoCode = await t.ambassador('dave@example.com');
    const otherCode = await t.ambassador('dave@example.com', {}, OTHER.secretKey);
    expect(otherCode).not.toBe(demoCode);
    expect(t.count('ambassadors')).toBe(2);
  });
});
