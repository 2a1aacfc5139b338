import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SarafanClient } from '../../src/sarafan/client.ts';
import { checkCoupon } from '../../src/sarafan/coupon.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';
import { closedPortUrl } from '../support/test-shop.ts';

describe('checkCoupon', () => {
  let fake: FakeSarafan;
  let client: SarafanClient;
  beforeAll(async () => {
    fake = await startFakeSarafan();
    fake.ambassadors.set('ALICE7K2', { code: 'ALICE7K2', name: 'Alice', email: 'alice@example.com' });
    client = new SarafanClient({ baseUrl: fake.url, secretKey: fake.secret, timeoutMs: 1000 });
  });
  afterAll(() => fake.close());

  it('accepts a friend coupon typed in any case', async () => {
    const decision = await checkCoupon(client, ' alice7k2 ', 'bob@example.com');
    expect(decision).toMatchObject({ ok: true, percent: 10, coupon: { code: 'ALICE7K2', ambassadorName: 'Alice' } });
  });

  it("refuses the ambassador's own code with a clear message", async () => {
    expect(await checkCoupon(client, 'ALICE7K2', 'alice@example.com')).toEqual({
      ok: false,
      message: "That's your own referral code: share it with friends, and they get the discount.",
    });
  });

  it('refuses unknown and malformed codes without asking about the malformed ones', async () => {
    expect(await checkCoupon(client, 'NOPE2345', 'bob@example.com')).toEqual({
      ok: false,
      message: 'We don\'t know the coupon code "NOPE2345".',
    });
    const before = fake.requests.length;
    expect(await checkCoupon(client, '../admin', 'bob@example.com')).toMatchObject({ ok: false });
    expect(fake.requests.length).toBe(before);
  });

  it('refuses rather than guesses when Sarafan is unreachable', async () => {
    const offline = new SarafanClient({ baseUrl: await closedPortUrl(), secretKey: 'k', timeoutMs: 500 });
    expect(await checkCoupon(offline, 'ALICE7K2', 'bob@example.com')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/couldn't check your coupon/),
    });
  });
});
