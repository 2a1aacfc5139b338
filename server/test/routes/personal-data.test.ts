import { signIdentity } from '../../../shared/src/identity-signature.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { BROWSER_UA, createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe("an ambassador's personal data", () => {
  let t: TestApp;
  let code: string;
  beforeEach(async () => {
    t = await createTestApp();
    code = await t.ambassador('Alice.Smith@gmail.com', { name: 'Alice', customerId: 'cus_alice' });
    const timestamp = t.clock.now;
    const signature = signIdentity(DEMO.secretKey, { programId: 'demo', email: 'Alice.Smith@gmail.com', customerId: 'cus_alice', timestamp });
    await t.inject({
      method: 'POST',
      url: '/v1/widget/session',
      headers: { origin: DEMO.origin, 'user-agent': BROWSER_UA },
      remoteAddress: '198.51.100.1',
      payload: { programId: 'demo', visitorId: 'alice-phone', identity: { email: 'Alice.Smith@gmail.com', customerId: 'cus_alice', timestamp, signature } },
    });
    // Her own order as a customer, and a friend's order that earns her a reward.
    await t.api('POST', '/v1/conversions', { orderId: 'own', amount: 3_000, currency: 'EUR', customer: { email: 'alicesmith@gmail.com' } });
    await t.api('POST', '/v1/conversions', { orderId: 'friend', amount: 10_000, currency: 'EUR', couponCode: code, customer: { email: 'bob@example.com' } });
  });
  afterEach(async () => {
    expect(ledgerViolations(t.dbPath)).toEqual([]);
    await t.close();
  });

  it('is exported whole: profile, browsers, own orders and the ledger', async () => {
    const response = await t.api('GET', `/v1/ambassadors/${code}/personal-data`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      ambassador: { code, email: 'Alice.Smith@gmail.com', name: 'Alice', customerId: 'cus_alice' },
      browsers: [{ visitorId: 'alice-phone' }],
      orders: [{ orderId: 'own', amount: 3_000, currency: 'EUR' }],
      ledger: { ambassadorCode: code, balances: [{ currency: 'EUR', pending: 1_000 }], entries: [{ orderId: 'friend' }] },
    });
  });

  it('is erased on request, keeping the rewards and the ledger; the code stops working', async () => {
    const ledgerBefore = (await t.api('GET', `/v1/ambassadors/${code}/ledger`)).json();
    expect(t.count('ambassador_fingerprints')).toBe(1);
    const erased = await t.api('DELETE', `/v1/ambassadors/${code}/personal-data`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ code, erasedAt: t.clock.now });

    expect(t.count('ambassadors', "email LIKE '%alice%' OR name IS NOT NULL OR customer_id IS NOT NULL")).toBe(0);
    expect(t.count('ambassador_visitors')).toBe(0);
    expect(t.count('ambassador_fingerprints')).toBe(0);
    expect(t.count('conversions', "customer_email LIKE '%alice%' OR customer_id = 'cus_alice'")).toBe(0);
    expect(t.count('ledger_entries')).toBe(ledgerBefore.entries.length);
    expect(t.count('rewards', "status = 'pending' AND amount = 1000")).toBe(1);

    expect((await t.api('GET', `/v1/ambassadors/${code}`)).statusCode).toBe(404);
    expect((await t.api('DELETE', `/v1/ambassadors/${code}/personal-data`)).statusCode).toBe(404);
    const coupon = await t.api('POST', '/v1/conversions', { orderId: 'later', amount: 1_000, currency: 'EUR', couponCode: code });
    expect(coupon.json()).toMatchObject({ attributed: false, reason: 'unknown_referral' });
    // The same person can join again, as someone new.
    const again = await t.api('POST', '/v1/ambassadors', { email: 'alice.smith@gmail.com' });
    expect(again.statusCode).toBe(201);
    expect(again.json().code).not.toBe(code);
  });

  it("is another program's business only with its own key", async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await t.api(method, `/v1/ambassadors/${code}/personal-data`, undefined, OTHER.secretKey);
      expect(response.statusCode).toBe(404);
    }
    expect((await t.inject({ method: 'DELETE', url: `/v1/ambassadors/${code}/personal-data` })).statusCode).toBe(401);
    expect(t.count('ambassadors', 'erased_at IS NOT NULL')).toBe(0);
  });
});
