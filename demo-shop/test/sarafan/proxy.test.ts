import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrackingServer, type RunningServer } from '../../../server/src/start.ts';
import { freePort } from '../../../tests/support/free-port.ts';
import { startDemoShop, type RunningShop } from '../../src/start.ts';

/** The shop's `/sarafan/*` path in front of the real tracking server (temp database, 127.0.0.1). */
const SECRET = 'sk_proxy_test';

describe('the /sarafan proxy', () => {
  let dir: string;
  let server: RunningServer;
  let shop: RunningShop;
  let shopUrl: string;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-shop-proxy-'));
    shopUrl = `http://127.0.0.1:${await freePort()}`;
    server = await startTrackingServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'sarafan.sqlite'),
      widgetDir: join(dir, 'no-widget'),
      demoSecret: SECRET,
      demoShopUrl: shopUrl,
      logLevel: 'silent',
    });
    shop = await startDemoShop(
      { port: Number(new URL(shopUrl).port), host: '127.0.0.1', publicUrl: shopUrl, dbPath: ':memory:', sarafanUrl: server.url, sarafanSecretKey: SECRET },
      { env: {} },
    );
    const ambassador = await fetch(`${server.url}/v1/ambassadors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.com', name: 'Alice' }),
    });
    code = ((await ambassador.json()) as { code: string }).code;
  });

  afterAll(async () => {
    await shop?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forwards GET requests and the status and body of the answer', async () => {
    const health = await fetch(`${shopUrl}/sarafan/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // No widget built in this test: the server's own 404 comes through unchanged.
    const widget = await fetch(`${shopUrl}/sarafan/widget.js`);
    expect(widget.status).toBe(404);
    expect(((await widget.json()) as { error: { code: string } }).error.code).toBe('widget_not_built');
  });

  it('forwards a click as the browser sends it, and the first-party sarafan_ref comes back', async () => {
    const response = await fetch(`${shopUrl}/sarafan/v1/widget/clicks`, {
      method: 'POST',
      headers: { origin: shopUrl, 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 Chrome/131.0' },
      body: JSON.stringify({ programId: 'demo', code, visitorId: 'visitor-1', url: `${shopUrl}/?ref=${code}` }),
    });
    expect(response.status).toBe(200);
    const { clickId } = (await response.json()) as { clickId: string };
    // The server saw the shop's Host, equal to the page's Origin: first party.
    expect(response.headers.getSetCookie()).toEqual([`sarafan_ref=${code}.${clickId}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax`]);
  });

  it('answers 502 when the tracking server cannot be reached', async () => {
    const lonely = await startDemoShop(
      { port: 0, host: '127.0.0.1', dbPath: ':memory:', sarafanUrl: `http://127.0.0.1:${await freePort()}`, sarafanSecretKey: SECRET },
      { env: {} },
    );
    try {
      expect((await fetch(`${lonely.url}/sarafan/health`)).status).toBe(502);
    } finally {
      await lonely.close();
    }
  });
});
