import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildShopApp } from '../../src/app.ts';
import { resolveShopConfig, type ShopConfig } from '../../src/config.ts';
import { ShopStore } from '../../src/store.ts';
import { freePort } from '../../../tests/support/free-port.ts';
import { CookieJar } from './cookie-jar.ts';

export interface TestShop {
  app: FastifyInstance;
  store: ShopStore;
  config: ShopConfig;
  jar: CookieJar;
  clock: { now: number };
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real shop app on an in-memory database, with a browser-like cookie jar and a clock the test
 * can move. The environment is not read, so a developer's SARAFAN_URL cannot leak into a test.
 */
export function testShop(overrides: Partial<ShopConfig> = {}): TestShop {
  const config = resolveShopConfig(
    { dbPath: ':memory:', sessionSecret: 'test-session-secret-0123456789', sarafanTimeoutMs: 1_000, ...overrides },
    {},
  );
  const store = ShopStore.open(config.dbPath);
  const clock = { now: Date.UTC(2025, 0, 15, 12, 0, 0) };
  const app = buildShopApp({ config, store, now: () => clock.now });
  const jar = new CookieJar();
  const shop: TestShop = {
    app,
    store,
    config,
    jar,
    clock,
    async get(url) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie: jar.header() } });
      jar.update(response.headers['set-cookie']);
      return response;
    },
    async post(url, fields) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
      jar.update(response.headers['set-cookie']);
      return response;
    },
    async close() {
      await app.close();
      store.close();
    },
  };
  return shop;
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };

/** The text right inside the element with this `data-testid` (up to its first child), unescaped. */
export function byTestId(html: string, testId: string): string | null {
  const match = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>([^<]*)`).exec(html);
  return match ? (match[1] ?? '').trim().replace(/&(amp|lt|gt|quot|#39|#96);/g, (entity) => ENTITIES[entity] ?? entity) : null;
}

export function attributeOf(html: string, testId: string, attribute: string): string | null {
  const tag = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0];
  if (!tag) return null;
  return new RegExp(`${attribute}="([^"]*)"`).exec(tag)?.[1] ?? null;
}
