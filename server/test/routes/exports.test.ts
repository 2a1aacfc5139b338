import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, OTHER, type TestApp } from '../helpers/test-app.ts';

describe('GET /v1/exports/*.csv', () => {
  let t: TestApp;
  let eve: string;
  let bob: string;
  const csv = async (name: string, secretKey: string = DEMO.secretKey) => {
    const response = await t.api('GET', `/v1/exports/${name}.csv`, undefined, secretKey);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${name}.csv"`);
    return response.body.split('\r\n');
  };

  beforeAll(async () => {
    t = await createTestApp();
    // A name a spreadsheet would run as a formula, and an order id with a comma and quotes.
    eve = await t.ambassador('eve@example.com', { name: '=HYPERLINK("http://evil.example")' });
    bob = await t.ambassador('bob@example.com', { name: 'Bob' });
    await t.api('POST', '/v1/conversions', { orderId: 'A,"1"', amount: 1_234, currency: 'EUR', couponCode: eve, customer: { email: 'f1@example.com' } });
    await t.api('POST', '/v1/conversions', { orderId: 'B2', amount: 500, currency: 'JPY', couponCode: bob, customer: { email: 'f2@example.com' } });
    await t.api('POST', '/v1/conversions', { orderId: 'C3', amount: 800, currency: 'EUR', customer: { email: 'f3@example.com' } });
    const olga = await t.ambassador('olga@other.example', {}, OTHER.secretKey);
    await t.api('POST', '/v1/conversions', { orderId: 'X1', amount: 999, currency: 'EUR', couponCode: olga }, OTHER.secretKey);
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports ambassadors with their figures, defusing formulas', async () => {
    const lines = await csv('ambassadors');
    expect(lines[0]).toBe('code,email,name,created_at,clicks,conversions,revenue,tier,blocked,fraud_flags');
    expect(lines[1]).toBe(`${eve},eve@example.com,"'=HYPERLINK(""http://evil.example"")",2025-01-15T12:00:00.000Z,0,1,12.34 EUR,,no,0`);
    expect(lines[2]).toBe(`${bob},bob@example.com,Bob,2025-01-15T12:00:00.000Z,0,1,500 JPY,,no,0`);
    expect(lines).toHaveLength(4); // and the final line end
  });

  it('exports the attributed conversions only, quoting what needs it', async () => {
    const lines = await csv('referrals');
    expect(lines).toEqual([
      'ambassador_code,order_id,amount_minor,amount,refunded_minor,currency,via,created_at',
      `${eve},"A,""1""",1234,12.34,0,EUR,coupon,2025-01-15T12:00:00.000Z`,
      `${bob},B2,500,500,0,JPY,coupon,2025-01-15T12:00:00.000Z`,
      '',
    ]);
  });

  it('exports every reward', async () => {
    const lines = await csv('rewards');
    expect(lines[0]).toBe('reward_id,ambassador_code,order_id,kind,purpose,amount_minor,original_amount_minor,currency,status,fraud_reasons,created_at');
    expect(lines.slice(1, -1)).toEqual([
      expect.stringMatching(new RegExp(`^\\d+,${eve},"A,""1""",store_credit,conversion,123,123,EUR,pending,,2025-01-15T12:00:00.000Z$`)),
      expect.stringMatching(new RegExp(`^\\d+,${bob},B2,store_credit,conversion,50,50,JPY,pending,,`)),
    ]);
  });

  it("gives each program only its own rows, and needs the key", async () => {
    const other = await csv('referrals', OTHER.secretKey);
    expect(other).toHaveLength(3);
    expect(other[1]).toContain('X1');
    expect((await t.inject({ method: 'GET', url: '/v1/exports/rewards.csv' })).statusCode).toBe(401);
  });
});
