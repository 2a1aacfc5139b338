import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Clock } from './clock.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { DEMO_PROGRAM_ID, seedDemoProgram } from './seed-demo.ts';
import type { BatcherOptions } from './services/write-batcher.ts';
import { openSqliteStore } from './store/sqlite/sqlite-store.ts';
import type { Store } from './store/store.ts';

export interface StartOptions extends Partial<ServerConfig> {
  clock?: Clock;
  clickBatch?: Partial<BatcherOptions>;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** Where the server listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The base of short links (`SARAFAN_PUBLIC_URL`, else `http://localhost:{port}`). */
  publicUrl: string;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, seeds the demo program (unless `seedDemo: false`), builds the
 * app and listens. Missing options take the defaults of `defaultConfig()`, not the environment:
 * `main.ts` passes `loadConfig(process.env)`, tests pass what they need (port 0, a temp DB, a clock).
 */
export async function startTrackingServer(options: StartOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...defaultConfig(), ...stripUndefined(options) };
  const store = openSqliteStore(config.dbPath);
  try {
    if (config.seedDemo) {
      await seedDemoProgram(store, {
        secretKey: config.demoSecret,
        shopUrl: config.demoShopUrl,
        ...(options.clock ? { clock: options.clock } : {}),
      });
    }
    let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    const app = buildApp({
      store,
      publicUrl: () => publicUrl,
      widgetDir: config.widgetDir,
      ipSalt: config.ipSalt,
      trustProxy: config.trustProxy,
      cookieDomains: config.cookieDomains,
      fallbackProgramId: config.defaultProgram ?? (config.seedDemo ? DEMO_PROGRAM_ID : null),
      approvalIntervalMs: config.approvalIntervalMs,
      webhookIntervalMs: config.webhookIntervalMs,
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.clickBatch ? { clickBatch: options.clickBatch } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (config.publicUrl === null) publicUrl = `http://localhost:${port}`;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;

    let closing: Promise<void> | null = null;
    return {
      app,
      store,
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      publicUrl,
      close: () => {
        closing ??= app.close().then(() => store.close());
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
