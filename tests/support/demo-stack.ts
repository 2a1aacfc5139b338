import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTrackingServer } from '../../server/src/start.ts';
import { startDemoShop } from '../../demo-shop/src/start.ts';
import { freePort } from './free-port.ts';

export interface DemoStack {
  serverUrl: string;
  shopUrl: string;
  secretKey: string;
  /** Calls the tracking server's API as the shop's backend does. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Sends the webhook deliveries that are due now (with a `clock`, nothing sends them by itself). */
  deliverWebhooks(): Promise<number>;
  close(): Promise<void>;
}

export interface DemoStackOptions {
  /** `DEMO_SHOP_CONSENT_REQUIRED=1`. */
  consentRequired?: boolean;
  /** One clock for both sides, moved by the test; the server's timers then stay off (approvals
   * and webhooks happen when the test asks, at the time it has set). */
  clock?: () => number;
}

/**
 * The tracking server and the demo shop, each on its own free port with its own SQLite file in a
 * temporary folder: what `npm start` runs, isolated for one test file. The shop's pages reach the
 * server through its /sarafan path.
 */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'sarafan-e2e-'));
  const secretKey = 'sk_e2e_not_a_real_key';
  // Each side must know the other's URL before either starts (landing URL, CORS, script tag).
  const [serverPort, shopPort] = [await freePort(), await freePort()];
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const shopUrl = `http://127.0.0.1:${shopPort}`;

  const server = await startTrackingServer({
    port: serverPort,
    host: '127.0.0.1',
    publicUrl: serverUrl,
    dbPath: join(dir, 'sarafan.sqlite'),
    demoSecret: secretKey,
    demoSecretFromEnv: true,
    demoShopUrl: shopUrl,
    seedDemo: true,
    logLevel: 'warn',
    ...(options.clock ? { clock: options.clock, approvalIntervalMs: 0, webhookIntervalMs: 0 } : {}),
  });
  const shop = await startDemoShop(
    {
      port: shopPort,
      host: '127.0.0.1',
      publicUrl: shopUrl,
      dbPath: join(dir, 'demo-shop.sqlite'),
      sarafanUrl: serverUrl,
      sarafanProgramId: 'demo',
      sarafanSecretKey: secretKey,
      consentRequired: options.consentRequired ?? false,
    },
    options.clock ? { now: options.clock } : {},
  );

  return {
    serverUrl,
    shopUrl,
    secretKey,
    async api(method, path, body) {
      const response = await fetch(`${serverUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secretKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // 202 and 204 answers have no body.
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
    deliverWebhooks: () => server.app.sarafanWebhooks.deliverDue(),
    async close() {
      await shop.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
