import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildShopApp } from './app.ts';
import { resolveShopConfig, type ShopConfig } from './config.ts';
import { errorMessage, SarafanClient } from './sarafan/client.ts';
import { syncPendingOrders } from './sarafan/conversions.ts';
import { registerSarafanWebhook } from './sarafan/webhooks.ts';
import { ShopStore } from './store.ts';

export interface RunningShop {
  app: FastifyInstance;
  /** Where the shop listens, e.g. http://127.0.0.1:3000 (what a test should fetch). */
  url: string;
  /** The shop as browsers see it (`DEMO_SHOP_PUBLIC_URL`, or http://localhost:{port}). */
  publicUrl: string;
  config: ShopConfig;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
}

/**
 * Opens the database, starts listening and, in the background, reports orders that Sarafan has
 * not acknowledged yet (placed while it was down). `config` overrides the environment.
 */
export async function startDemoShop(config: Partial<ShopConfig> = {}, options: StartOptions = {}): Promise<RunningShop> {
  const env = options.env ?? process.env;
  const resolved = resolveShopConfig(config, env);
  const now = options.now ?? Date.now;
  const store = ShopStore.open(resolved.dbPath);
  const app = buildShopApp({ config: resolved, store, now, logger: options.logger ?? false });

  try {
    await app.listen({ port: resolved.port, host: resolved.host });
  } catch (error) {
    await app.close();
    store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : resolved.port;
  const explicitPublicUrl = config.publicUrl ?? env.DEMO_SHOP_PUBLIC_URL;
  const publicUrl = explicitPublicUrl ? resolved.publicUrl : `http://localhost:${port}`;

  const sarafan = new SarafanClient({
    baseUrl: resolved.sarafanUrl,
    secretKey: resolved.sarafanSecretKey,
    timeoutMs: resolved.sarafanTimeoutMs,
  });
  const catchUp = new AbortController();
  const pendingSync = syncPendingOrders({ store, sarafan, now, log: app.log }, catchUp.signal).catch((error: unknown) =>
    app.log.warn({ reason: errorMessage(error) }, 'catching up with Sarafan failed'),
  );
  // Sarafan calls the shop where it listens, not where browsers see it.
  const webhookRegistration = registerSarafanWebhook(
    { store, sarafan, log: app.log },
    `http://${urlHost(resolved.host)}:${port}`,
    catchUp.signal,
  );

  let closing: Promise<void> | null = null;
  return {
    app,
    url: `http://${urlHost(resolved.host)}:${port}`,
    publicUrl,
    config: { ...resolved, port, publicUrl },
    close() {
      closing ??= (async () => {
        catchUp.abort();
        await pendingSync;
        await webhookRegistration;
        await app.close();
        store.close();
      })();
      return closing;
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
