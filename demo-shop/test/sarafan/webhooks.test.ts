import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, WEBHOOK_HEADERS } from '../../../shared/src/webhook-signature.ts';
import { startTrackingServer, type RunningServer } from '../../../server/src/start.ts';
import { freePort } from '../../../tests/support/free-port.ts';
import { startDemoShop, type RunningShop } from '../../src/start.ts';
import { CookieJar } from '../support/cookie-jar.ts';
import { attributeOf } from '../support/test-shop.ts';

/**
 * The shop consumes Sarafan's `reward.approved` webhook and turns it into store credit, against
 * the real tracking server. Both share one clock that the test moves past the hold period.
 */
const SECRET = 'sk_webhook_test';
const DAY = 86_400_000;

describe('store credit from the reward.approved webhook', () => {
  let dir: string;
  let server: RunningServer;
  let shop: RunningShop;
  let shopUrl: string;
  let now = Date.UTC(2026, 0, 10);
  const clock = () => now;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-shop-webhooks-'));
    const shopPort = await freePort();
    shopUrl = `http://127.0.0.1:${shopPort}`;
    server = await startTrackingServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'sarafan.sqlite'),
      demoSecret: SECRET,
      demoShopUrl: shopUrl,
      logLevel: 'silent',
      webhookIntervalMs: 0,
      approvalIntervalMs: 0,
      clock,
    });
    shop = await startDemoShop(
      { port: shopPort, host: '127.0.0.1', publicUrl: shopUrl, dbPath: join(dir, 'shop.sqlite'), sarafanUrl: server.url, sarafanSecretKey: SECRET },
      { env: {}, now: clock },
    );
  });

  afterAll(async () => {
    await shop?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  it('registers itself, and credits an approved reward once, however often it is delivered', async () => {
    await expect.poll(async () => ((await api('/v1/webhooks')).webhooks as unknown[]).length).toBe(1);
    const [endpoint] = (await api('/v1/webhooks')).webhooks as Array<{ id: number; url: string; events: string[] }>;
    expect(endpoint).toMatchObject({ url: `${shopUrl}/webhooks/sarafan`, events: ['reward.approved'] });

    const jar = new CookieJar();
    const page = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${shopUrl}${path}`, { ...init, redirect: 'manual', headers: { cookie: jar.header(), ...(init.headers as Record<string, string>) } });
      jar.update(response.headers.getSetCookie());
      return response;
    };
    await page('/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=alice%40example.com&name=Alice' });
    const code = (await api('/v1/ambassadors', { email: 'alice@example.com' })).code as string;
    await api('/v1/conversions', { orderId: 'phone-1', amount: 20_000, currency: 'EUR', couponCode: code, customer: { email: 'bob@example.com' } });
    now += 14 * DAY;
    expect(await api('/v1/rewards/approve-due', {})).toEqual({ approved: 1 });

    expect(await server.app.sarafanWebhooks.deliverDue()).toBe(1);
    let account = await (await page('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-approved')).toBe('2000');
    expect(attributeOf(account, 'account-store-credit', 'data-pending')).toBe('0');

    // The owner redelivers it: the shop answers 2xx and credits nothing twice.
    const [delivery] = (await api(`/v1/webhooks/${endpoint?.id}/deliveries`)).deliveries as Array<{ id: number; status: string }>;
    expect(delivery?.status).toBe('delivered');
    await fetch(`${server.url}/v1/webhooks/deliveries/${delivery?.id}/redeliver`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
    expect(await server.app.sarafanWebhooks.deliverDue()).toBe(1);
    account = await (await page('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-approved')).toBe('2000');
  });

  it('refuses a delivery that is not signed with its secret', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'reward.approved', programId: 'demo', createdAt: now, data: { reward: { id: 9, ambassadorCode: 'X', amount: 99_999, currency: 'EUR' } } });
    const response = await fetch(`${shopUrl}/webhooks/sarafan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_HEADERS.timestamp]: String(now), [WEBHOOK_HEADERS.signature]: signWebhook('whsec_guess', now, body) },
      body,
    });
    expect(response.status).toBe(401);
  });
});
