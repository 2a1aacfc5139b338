import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentOf } from '../../shared/src/money.ts';
import type { RewardRules } from '../../shared/src/reward-rules/rules.ts';
import type {
  AmbassadorResponse,
  ConversionResponse,
  ProgramResponse,
  RulesVersion,
  SessionResponse,
} from '../../shared/src/wire.ts';
import { startTrackingServer, type RunningServer } from '../../server/src/start.ts';
import { freePort } from '../../tests/support/free-port.ts';
import { startDemoShop, type RunningShop } from '../src/start.ts';
import { CookieJar } from './support/cookie-jar.ts';
import { attributeOf, byTestId } from './support/test-shop.ts';

/**
 * The shop against the real tracking server (temp databases, ports on 127.0.0.1): a friend follows
 * Alice's short link, buys with her coupon, and Sarafan attributes the order and rewards Alice;
 * then the owner switches the friend offer to a flat amount with a minimum order.
 */
const SECRET = 'sk_integration_test';
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** A browser-ish client for one person: its own cookies, no automatic redirects. */
function browser(base: string) {
  const jar = new CookieJar();
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { 'user-agent': BROWSER_UA, cookie: jar.header(), ...(init.headers as Record<string, string>) },
    });
    jar.update(response.headers.getSetCookie());
    return response;
  }
  return {
    jar,
    get: (path: string) => request(path),
    post: (path: string, fields: Record<string, string>) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}

describe('demo shop with the real tracking server', () => {
  let dir: string;
  let server: RunningServer;
  let shop: RunningShop;
  let shopUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-shop-integration-'));
    const shopPort = await freePort();
    shopUrl = `http://127.0.0.1:${shopPort}`;
    server = await startTrackingServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'sarafan.sqlite'),
      demoSecret: SECRET,
      demoShopUrl: shopUrl,
      logLevel: 'silent',
    });
    shop = await startDemoShop(
      {
        port: shopPort,
        host: '127.0.0.1',
        publicUrl: shopUrl,
        dbPath: join(dir, 'shop.sqlite'),
        sarafanUrl: server.url,
        sarafanSecretKey: SECRET,
      },
      { env: {} },
    );
  });

  afterAll(async () => {
    await shop?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    });
    expect(response.ok, `${path} answered ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };

  /**
   * A friend who followed the ambassador's short link: the browser the widget would leave behind,
   * with the referral cookies of a click the server recorded and claimed.
   */
  const referredFriend = async (code: string, visitorId: string) => {
    const shortLink = await fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': BROWSER_UA } });
    expect(shortLink.status).toBe(302);
    const landing = new URL(shortLink.headers.get('location') ?? '');
    expect(landing.origin).toBe(shopUrl);
    expect(landing.searchParams.get('ref')).toBe(code);
    const clickId = landing.searchParams.get('sarafan_click') ?? '';
    expect(clickId).not.toBe('');
    const claim = await fetch(`${server.url}/v1/widget/clicks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: shopUrl },
      body: JSON.stringify({ programId: 'demo', code, visitorId, clickId }),
    });
    expect(claim.ok).toBe(true);
    const friend = browser(shopUrl);
    friend.jar.set('sarafan_ref', `${code}.${clickId}`).set('sarafan_vid', visitorId);
    return friend;
  };

  it('attributes a referred order to the ambassador, rewards her, and takes the reward back on refund', async () => {
    // Alice signs in; her account page makes her an ambassador and shows her (empty) store credit.
    const alice = browser(shopUrl);
    expect((await alice.post('/sign-in', { email: 'alice@example.com', name: 'Alice' })).status).toBe(303);
    let account = await (await alice.get('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-pending')).toBe('0');
    const { code } = await api<AmbassadorResponse>('/v1/ambassadors', {
      method: 'POST',
      body: JSON.stringify({ email: 'alice@example.com' }),
    });
    expect(account).toContain(`<strong>${code}</strong>`);

    // The identity the shop signs into Alice's pages is accepted by the real server.
    const identify = JSON.parse(/sarafan\("identify",(\{[^)]*\})\);/.exec(account)?.[1] ?? 'null') as unknown;
    const session = await fetch(`${server.url}/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: shopUrl },
      body: JSON.stringify({ programId: 'demo', visitorId: 'alice_browser', identity: identify }),
    });
    expect(session.status).toBe(200);
    expect(((await session.json()) as SessionResponse).ambassador?.code).toBe(code);

    // Bob follows Alice's short link; the widget would store the referral cookies and claim the click.
    const bob = await referredFriend(code, 'bob_browser');
    await bob.post('/cart', { slug: 'linen-tote', quantity: '1' });
    await bob.post('/cart', { slug: 'loose-leaf-tea', quantity: '1' });
    const checkout = await (await bob.get('/checkout')).text();
    expect(byTestId(checkout, 'coupon-offer')).toMatch(/^Alice's friend offer: 10% off/);
    expect(checkout).toContain(`name="coupon" value="${code}"`);

    const placed = await bob.post('/checkout', { email: 'bob@example.com', name: 'Bob', coupon: code });
    expect(placed.status).toBe(303);
    const orderPage = await (await bob.get(placed.headers.get('location') ?? '')).text();
    const orderId = byTestId(orderPage, 'order-id') ?? '';
    const subtotal = 2400 + 995;
    const discount = percentOf(subtotal, 1000);
    expect(attributeOf(orderPage, 'order-discount', 'data-amount')).toBe(String(discount));
    expect(attributeOf(orderPage, 'order-total', 'data-amount')).toBe(String(subtotal - discount));
    expect(byTestId(orderPage, 'order-referral')).toBe(`Referred by ${code}`);

    // Sarafan's own books: Alice has a pending reward of 10% of what Bob paid.
    const reward = percentOf(subtotal - discount, 1000);
    let ambassador = await api<AmbassadorResponse>(`/v1/ambassadors/${code}`);
    expect(ambassador.rewards).toEqual([{ orderId, amount: reward, currency: 'EUR', status: 'pending' }]);
    account = await (await alice.get('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-pending')).toBe(String(reward));
    expect(attributeOf(account, 'account-store-credit', 'data-approved')).toBe('0');

    // Bob refunds: the shop tells Sarafan, which voids Alice's reward.
    expect((await bob.post(`/orders/${orderId}/refund`, {})).status).toBe(303);
    expect(byTestId(await (await bob.get(`/orders/${orderId}`)).text(), 'order-status')).toBe('refunded');
    ambassador = await api<AmbassadorResponse>(`/v1/ambassadors/${code}`);
    expect(ambassador.rewards).toEqual([{ orderId, amount: 0, currency: 'EUR', status: 'voided' }]);
    account = await (await alice.get('/account')).text();
    expect(attributeOf(account, 'account-store-credit', 'data-pending')).toBe('0');
  });

  it("refuses Alice's own coupon at checkout", async () => {
    const alice = browser(shopUrl);
    const { code } = await api<AmbassadorResponse>('/v1/ambassadors', {
      method: 'POST',
      body: JSON.stringify({ email: 'alice@example.com' }),
    });
    await alice.post('/cart', { slug: 'wool-socks' });
    const response = await alice.post('/checkout', { email: 'Alice@Example.com', name: '', coupon: code.toLowerCase() });
    expect(response.status).toBe(422);
    expect(byTestId(await response.text(), 'checkout-error')).toMatch(/your own referral code/);
  });

  it('applies a flat friend offer with a minimum order, set through the rules API', async () => {
    // The owner switches the demo program to €5 off orders from €30, as the dashboard would.
    const before = (await api<ProgramResponse>('/v1/program')).rules.rules;
    const flatOffer: RewardRules = {
      ...before,
      friendOffer: { ...before.friendOffer, discount: { type: 'flat', amounts: { EUR: 500 } }, minimumOrder: { EUR: 3000 } },
    };
    await api<RulesVersion>('/v1/program/rules', { method: 'PUT', body: JSON.stringify(flatOffer) });
    try {
      const { code } = await api<AmbassadorResponse>('/v1/ambassadors', {
        method: 'POST',
        body: JSON.stringify({ email: 'carol@example.com', name: 'Carol' }),
      });
      const dave = await referredFriend(code, 'dave_browser');

      // €24.00 is below the minimum: the page says how much more it takes, and the coupon is refused.
      await dave.post('/cart', { slug: 'linen-tote', quantity: '1' });
      let checkout = await (await dave.get('/checkout')).text();
      expect(byTestId(checkout, 'coupon-offer')).toBe("Carol's friend offer: €5.00 off orders from €30.00");
      expect(checkout).toContain(`(add €6.00 more to use coupon ${code})`);
      const refused = await dave.post('/checkout', { email: 'dave@example.com', name: 'Dave', coupon: code });
      expect(refused.status).toBe(422);
      expect(byTestId(await refused.text(), 'checkout-error')).toBe("Your order doesn't reach this coupon's minimum of €30.00 yet.");

      // €24.00 + €12.50 = €36.50 reaches it: Dave pays €31.50.
      await dave.post('/cart', { slug: 'wool-socks', quantity: '1' });
      checkout = await (await dave.get('/checkout')).text();
      expect(checkout).toContain(`(−€5.00 with coupon ${code})`);
      expect(checkout).toContain(`name="coupon" value="${code}"`);
      const placed = await dave.post('/checkout', { email: 'dave@example.com', name: 'Dave', coupon: code });
      expect(placed.status).toBe(303);
      const orderPage = await (await dave.get(placed.headers.get('location') ?? '')).text();
      const orderId = byTestId(orderPage, 'order-id') ?? '';
      const subtotal = 2400 + 1250;
      expect(attributeOf(orderPage, 'order-discount', 'data-amount')).toBe('500');
      expect(attributeOf(orderPage, 'order-total', 'data-amount')).toBe(String(subtotal - 500));
      expect(byTestId(orderPage, 'order-referral')).toBe(`Referred by ${code}`);

      // Sarafan recorded what Dave paid and the flat discount, and rewards Carol 10% of what he paid.
      const referrals = await fetch(`${server.url}/v1/exports/referrals.csv`, { headers: { authorization: `Bearer ${SECRET}` } });
      const row = (await referrals.text()).split('\n').find((line) => line.includes(orderId));
      expect(row?.split(',').slice(0, 3)).toEqual([code, orderId, String(subtotal - 500)]);
      // Reporting the same order again is idempotent and answers with the conversion as recorded.
      const recorded = await api<ConversionResponse>('/v1/conversions', {
        method: 'POST',
        body: JSON.stringify({ orderId, amount: subtotal - 500, currency: 'EUR' }),
      });
      expect(recorded).toMatchObject({ amount: subtotal - 500, currency: 'EUR', attributed: true, friendDiscount: { amount: 500 } });
      const carol = await api<AmbassadorResponse>(`/v1/ambassadors/${code}`);
      expect(carol.rewards).toEqual([{ orderId, amount: percentOf(subtotal - 500, 1000), currency: 'EUR', status: 'pending' }]);
    } finally {
      await api<RulesVersion>('/v1/program/rules', { method: 'PUT', body: JSON.stringify(before) });
    }
  });
});
