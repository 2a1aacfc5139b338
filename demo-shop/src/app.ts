import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ShopConfig } from './config.ts';
import { CustomerSessions } from './customer-session.ts';
import { registerFormBodyParser } from './http/form-body.ts';
import { sarafanWebhookRoutes } from './sarafan/webhooks.ts';
import { messagePage } from './pages/message.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { assetRoutes } from './routes/asset-routes.ts';
import { cartRoutes } from './routes/cart-routes.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { checkoutRoutes } from './routes/checkout-routes.ts';
import { orderRoutes } from './routes/order-routes.ts';
import { sendPage } from './routes/page.ts';
import { SarafanClient } from './sarafan/client.ts';
import { sarafanProxy } from './sarafan/proxy.ts';
import type { ShopContext } from './shop-context.ts';
import { ShopStore } from './store.ts';

export interface ShopAppOptions {
  config: ShopConfig;
  /** A store owned by the caller; when absent the app opens `config.dbPath` and closes it on close. */
  store?: ShopStore;
  /** UTC epoch ms; injectable so tests can move time. */
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the demo shop. Does not listen: tests use `app.inject`, `start.ts` listens. */
export function buildShopApp(options: ShopAppOptions): FastifyInstance {
  const { config } = options;
  const store = options.store ?? ShopStore.open(config.dbPath);
  const now = options.now ?? Date.now;
  const shop: ShopContext = {
    config,
    store,
    now,
    sarafan: new SarafanClient({
      baseUrl: config.sarafanUrl,
      secretKey: config.sarafanSecretKey,
      timeoutMs: config.sarafanTimeoutMs,
    }),
    sessions: new CustomerSessions(config.sessionSecret ?? store.sessionSecret(), now),
  };

  const app = Fastify({ logger: options.logger ?? false });
  if (!options.store) app.addHook('onClose', async () => store.close());
  registerFormBodyParser(app);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.register(assetRoutes);
  app.register(sarafanProxy, { sarafanUrl: config.sarafanUrl });
  app.register(catalogRoutes, { shop });
  app.register(cartRoutes, { shop });
  app.register(checkoutRoutes, { shop });
  app.register(orderRoutes, { shop });
  app.register(accountRoutes, { shop });
  app.register(sarafanWebhookRoutes, { store, now });

  app.setNotFoundHandler((request, reply) =>
    sendPage(shop, request, reply, {
      status: 404,
      title: 'Not found',
      body: messagePage('Page not found', 'There is nothing at this address.'),
    }),
  );

  app.setErrorHandler((error, request, reply) => {
    const code = (error as { statusCode?: unknown } | null)?.statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // Client errors (a malformed form, an oversized body) say so; server errors say nothing more.
    const body =
      status >= 500
        ? messagePage('Something went wrong', 'Please try again in a moment.')
        : messagePage('That did not work', 'The request could not be understood. Please go back and try again.');
    return sendPage(shop, request, reply, { status, title: 'Error', body, customer: null });
  });

  return app;
}
