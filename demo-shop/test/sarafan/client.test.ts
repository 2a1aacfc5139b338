import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SarafanClient, SarafanRejectedError, SarafanUnavailableError } from '../../src/sarafan/client.ts';
import { closedPortUrl } from '../support/test-shop.ts';
import { startFakeSarafan, type FakeSarafan } from '../support/fake-sarafan.ts';

describe('SarafanClient', () => {
  let fake: FakeSarafan;
  beforeAll(async () => {
    fake = await startFakeSarafan('sk_client_test');
    fake.ambassadors.set('ALICE7K2', { code: 'ALICE7K2', name: 'Alice', email: 'alice@example.com' });
  });
  afterAll(() => fake.close());

  it('sends the secret key as a Bearer token and reads the answer', async () => {
    const client = new SarafanClient({ baseUrl: `${fake.url}/`, secretKey: 'sk_client_test', timeoutMs: 1000 });
    const coupon = await client.lookupCoupon('ALICE7K2', { buyerEmail: 'bob@example.com', order: { amount: 2985, currency: 'EUR' } });
    expect(coupon).toMatchObject({ code: 'ALICE7K2', ambassadorName: 'Alice', eligible: true });
    expect(fake.requests.at(-1)).toEqual({
      method: 'GET',
      url: '/v1/coupons/ALICE7K2?email=bob%40example.com&amount=2985&currency=EUR',
      authorization: 'Bearer sk_client_test',
    });
  });

  it('answers null for an unknown coupon or ambassador', async () => {
    const client = new SarafanClient({ baseUrl: fake.url, secretKey: 'sk_client_test', timeoutMs: 1000 });
    expect(await client.lookupCoupon('NOPE2345')).toBeNull();
    expect(await client.getAmbassador('NOPE2345')).toBeNull();
  });

  it('turns a refusal into SarafanRejectedError with the stable code', async () => {
    const client = new SarafanClient({ baseUrl: fake.url, secretKey: 'sk_wrong', timeoutMs: 1000 });
    const error = await client.reportConversion({ orderId: 'x', amount: 1, currency: 'EUR' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SarafanRejectedError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('turns 5xx into SarafanUnavailableError', async () => {
    const client = new SarafanClient({ baseUrl: fake.url, secretKey: 'sk_client_test', timeoutMs: 1000 });
    fake.failWith = 503;
    try {
      await expect(client.lookupCoupon('ALICE7K2')).rejects.toBeInstanceOf(SarafanUnavailableError);
    } finally {
      fake.failWith = null;
    }
  });

  it('gives up on an unreachable server', async () => {
    const client = new SarafanClient({ baseUrl: await closedPortUrl(), secretKey: 'k', timeoutMs: 1000 });
    await expect(client.lookupCoupon('ALICE7K2')).rejects.toBeInstanceOf(SarafanUnavailableError);
  });

  describe('with a server that never answers', () => {
    let silent: Server;
    let url: string;
    beforeAll(async () => {
      silent = createServer(() => {
        /* never responds */
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('times out instead of hanging the checkout', async () => {
      const client = new SarafanClient({ baseUrl: url, secretKey: 'k', timeoutMs: 100 });
      const started = Date.now();
      await expect(client.reportConversion({ orderId: 'x', amount: 1, currency: 'EUR' })).rejects.toBeInstanceOf(
        SarafanUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});
