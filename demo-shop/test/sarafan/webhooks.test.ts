import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, WEBHOOK_HEADERS } from '../../../shared/src/webhook-signature.ts';
import { startDemoStack, type DemoStack } from '../../../tests/support/demo-stack.ts';
import { CookieJar } from '../support/cookie-jar.ts';
import { attributeOf } from '../support/test-shop.ts';

/**
 * The shop consumes Sarafan's `reward.approved` webhook and turns it into store credit, against
 * the real tracking server. Both share one clock that the test moves past the hold period.
 */
const DAY = 86_400_000;

describe('store credit from the reward.approved webhook', () => {
  let stack: DemoStack;
  let now = Date.UTC(2026, 0, 10);

  beforeAll(async () => {
    stack = await startDemoStack({ clock: () => now });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('registers itself, and credits an approved reward once, however often it is delivered', async () => {
    await expect.poll(async () => (await stack.api('GET', '/v1/webhooks')).body.webhooks.length).toBe(1);
    const [endpoint] = (await stack.api('GET', '/v1/webhooks')).body.webhooks as Array<{ id: number; url: string; events: string[] }>;
    expect(endpoint).toMatchObject({ url: `${stack.shopUrl}/webhooks/sarafan`, events: ['reward.approved'] });

    const jar = new CookieJar();
    const page = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${stack.shopUrl}${path}`, { ...init, redirect: 'manual', headers: { cookie: jar.header(), ...(init.headers as Record<string, string>) } });
      jar.update(response.headers.getSetCookie());
      return response;
    };
    await page('/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=alice%40example.com&name=Alice' });
    const code = (await stack.api('POST', '/v1/ambassadors', { email: 'alice@example.com' })).body.code as string;
    await stack.api('POST', '/v1/conversions', { orderId: 'phone-1', amount: 20_000, currency: 'EUR', couponCode: code, customer: { email: 'bob@example.com' } });
    now += 14 * DAY;
    expect((await stack.api('POST', '/v1/rewards/approve-due')).body).toEqual({ approved: 1 });

    expect(await stack.deliverWebhooks()).toBe(1);
    let account = await (await page('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-approved')).toBe('2000');
    expect(attributeOf(account, 'account-store-credit', 'data-pending')).toBe('0');

    // The owner redelivers it: the shop answers 2xx and credits nothing twice.
    const [delivery] = (await stack.api('GET', `/v1/webhooks/${endpoint?.id}/deliveries`)).body.deliveries as Array<{ id: number; status: string }>;
    expect(delivery?.status).toBe('delivered');
    expect((await stack.api('POST', `/v1/webhooks/deliveries/${delivery?.id}/redeliver`)).status).toBe(202);
    expect(await stack.deliverWebhooks()).toBe(1);
    account = await (await page('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-approved')).toBe('2000');
  });

  it('refuses a delivery that is not signed with its secret', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'reward.approved', programId: 'demo', createdAt: now, data: { reward: { id: 9, ambassadorCode: 'X', amount: 99_999, currency: 'EUR' } } });
    const response = await fetch(`${stack.shopUrl}/webhooks/sarafan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_HEADERS.timestamp]: String(now), [WEBHOOK_HEADERS.signature]: signWebhook('whsec_guess', now, body) },
      body,
    });
    expect(response.status).toBe(401);
  });
});
