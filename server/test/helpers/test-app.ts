import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.ts';
import { seedDemoProgram } from '../../src/seed-demo.ts';
import { saveProgram } from '../../src/services/programs.ts';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

/** A clock the test moves by hand. Starts on a fixed date so that results do not depend on today. */
export class TestClock {
  now = Date.UTC(2025, 0, 15, 12, 0, 0);
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DEMO = {
  id: 'demo',
  secretKey: 'sk_test_demo_key',
  shopUrl: 'http://localhost:3000',
  origin: 'http://localhost:3000',
} as const;

export const OTHER = {
  id: 'other',
  secretKey: 'sk_test_other_key',
  landingUrl: 'https://other.example/welcome?lang=en',
  origin: 'https://other.example',
} as const;

export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
  dbPath: string;
  /** Server-to-server call with a program's secret key (the demo program's unless told). */
  api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, secretKey?: string): Promise<LightMyRequestResponse>;
  /** Browser API call from the demo shop's origin unless told. */
  widget(path: 'clicks' | 'session' | 'forget' | 'events' | 'join' | 'split', body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates an ambassador through the API and returns its code. */
  ambassador(email: string, extra?: { name?: string; customerId?: string }, secretKey?: string): Promise<string>;
  /** Rows in a table, read through a separate connection: what is on disk, not in a cache. */
  count(table: string, where?: string): number;
  close(): Promise<void>;
}

/**
 * The real app on a real SQLite file in a temp folder, with two programs (`demo` as seeded for
 * the demo shop, and `other`) and a hand-moved clock.
 */
export async function createTestApp(
  options: Partial<Pick<AppOptions, 'widgetDir' | 'adminDir' | 'clickBatch' | 'fallbackProgramId' | 'cookieDomains' | 'trustProxy' | 'approvalIntervalMs'>> &
    Pick<SqliteStoreOptions, 'exactRowLimit'> = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sarafan-server-test-'));
  const dbPath = join(dir, 'test.sqlite');
  const store = openSqliteStore(dbPath, options.exactRowLimit === undefined ? {} : { exactRowLimit: options.exactRowLimit });
  const clock = new TestClock();
  await seedDemoProgram(store, { secretKey: DEMO.secretKey, shopUrl: DEMO.shopUrl, clock: clock.read });
  await saveProgram(
    store,
    {
      id: OTHER.id,
      name: 'Other shop',
      secretKey: OTHER.secretKey,
      landingUrl: OTHER.landingUrl,
      allowedOrigins: [OTHER.origin],
      rewardBasisPoints: 500,
      friendDiscountPercent: 15,
    },
    clock.read(),
  );
  const app = buildApp({
    store,
    clock: clock.read,
    publicUrl: 'http://sarafan.test',
    widgetDir: options.widgetDir ?? join(dir, 'no-widget'),
    adminDir: options.adminDir ?? join(dir, 'no-admin'),
    ipSalt: 'test-salt',
    ...(options.clickBatch ? { clickBatch: options.clickBatch } : {}),
    ...(options.fallbackProgramId ? { fallbackProgramId: options.fallbackProgramId } : {}),
    ...(options.cookieDomains ? { cookieDomains: options.cookieDomains } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.approvalIntervalMs ? { approvalIntervalMs: options.approvalIntervalMs } : {}),
  });
  await app.ready();

  const inject = (opts: InjectOptions) => app.inject(opts);
  const api: TestApp['api'] = (method, url, body, secretKey = DEMO.secretKey) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secretKey}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const widget: TestApp['widget'] = (path, body, headers = {}) =>
    app.inject({
      method: 'POST',
      url: `/v1/widget/${path}`,
      headers: { origin: DEMO.origin, 'user-agent': BROWSER_UA, ...headers },
      payload: body as object,
    });

  return {
    app,
    store,
    clock,
    dbPath,
    api,
    widget,
    inject,
    async ambassador(email, extra = {}, secretKey = DEMO.secretKey) {
      const response = await api('POST', '/v1/ambassadors', { email, ...extra }, secretKey);
      if (response.statusCode >= 300) throw new Error(`creating ambassador failed: ${response.body}`);
      return response.json<{ code: string }>().code;
    },
    count(table, where = '1 = 1') {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
      } finally {
        db.close();
      }
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
