import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { systemClock, type Clock } from './clock.ts';
import { handleError, handleNotFound } from './errors.ts';
import { collectRoutes } from './openapi/collect-routes.ts';
import { adminRoutes } from './routes/admin.ts';
import { DEFAULT_ADMIN_DIR } from './routes/admin-assets.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { healthRoutes } from './routes/health.ts';
import { previewCardRoutes } from './routes/preview-card.ts';
import { serverApiRoutes } from './routes/server-api.ts';
import { shortLinkRoutes } from './routes/short-links.ts';
import { widgetApiRoutes } from './routes/widget-api.ts';
import { widgetAssetRoutes } from './routes/widget-assets.ts';
import { ApprovalScheduler } from './services/approval-scheduler.ts';
import { WebhookDispatcher } from './services/webhook-dispatcher.ts';
import { createServices, type Services } from './services/services.ts';
import type { BatcherOptions } from './services/write-batcher.ts';
import type { Store } from './store/store.ts';

/** The version the API reference states; the `/v1` prefix is what clients depend on. */
const API_VERSION = '1.0.0';

/** Request bodies are small JSON objects; anything bigger is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppOptions {
  store: Store;
  /** Base URL of short links, without a trailing slash; a function if it is known only after listen. */
  publicUrl: string | (() => string);
  widgetDir: string;
  /** The built owner dashboard; `server/admin/dist` unless told. */
  adminDir?: string;
  /** The secret the rotating salts of the IP + user-agent hash of clicks derive from. */
  ipSalt: string;
  clock?: Clock;
  /** Fastify logger options; off by default (tests). */
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  clickBatch?: Partial<BatcherOptions>;
  /** Where a short link with an unknown code leads: this program's landing URL, without a referral. */
  fallbackProgramId?: string | null;
  /** How often rewards whose hold period has passed are approved; 0 turns the scheduler off. */
  approvalIntervalMs?: number;
  /** How often due webhook deliveries are sent; 0 turns the sending off (tests send by hand). */
  webhookIntervalMs?: number;
  /** Parent domains for the server-set `sarafan_ref` when the server runs on a shop's subdomain. */
  cookieDomains?: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    sarafan: Services;
    /** Sends the webhook outbox; `deliverDue()` runs one round now. */
    sarafanWebhooks: WebhookDispatcher;
  }
}

/**
 * The tracking server as a Fastify instance that does not listen: tests call `app.inject`,
 * `start.ts` listens. Closing the app writes the clicks still waiting in the batcher; the store
 * belongs to the caller, who closes it after the app.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const publicUrl = options.publicUrl;
  const services = createServices(
    {
      store: options.store,
      clock: options.clock ?? systemClock,
      publicUrl: typeof publicUrl === 'function' ? () => trimSlash(publicUrl()) : () => trimSlash(publicUrl),
    },
    { ipSalt: options.ipSalt, ...(options.clickBatch ? { batch: options.clickBatch } : {}) },
  );

  const logger = options.logger ?? false;
  const app = Fastify({
    logger,
    // One line per request is noise at click volumes; `LOG_LEVEL=debug` brings them back.
    logController: new LogController({
      disableRequestLogging: !(typeof logger === 'object' && logger !== null && ['debug', 'trace'].includes(String(logger.level))),
    }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    ajv: {
      customOptions: {
        // Reject unknown fields and wrong types instead of silently dropping or converting them.
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: true,
        allErrors: false,
      },
    },
  });

  app.decorate('sarafan', services);
  const webhooks = new WebhookDispatcher(services.context, options.webhookIntervalMs ?? 0, app.log);
  app.decorate('sarafanWebhooks', webhooks);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  // Only JSON bodies (and, on the browser API, JSON sent as text/plain); anything else is a 415.
  app.removeContentTypeParser('text/plain');

  const routes = collectRoutes(app);
  app.register(healthRoutes, { store: options.store });
  app.register(widgetAssetRoutes, { widgetDir: options.widgetDir });
  app.register(shortLinkRoutes, { services, fallbackProgramId: options.fallbackProgramId ?? null });
  app.register(previewCardRoutes);
  app.register(widgetApiRoutes, { prefix: '/v1/widget', services, cookieDomains: options.cookieDomains ?? [] });
  app.register(serverApiRoutes, { prefix: '/v1', services });
  app.register(adminRoutes, { services, adminDir: options.adminDir ?? DEFAULT_ADMIN_DIR });
  app.register(apiDocsRoutes, { routes, publicUrl: services.context.publicUrl, version: API_VERSION });

  const scheduler = new ApprovalScheduler(services.rewards, options.approvalIntervalMs ?? 0, app.log);
  app.addHook('onReady', async () => {
    scheduler.start();
    webhooks.start();
  });

  // preClose runs before the HTTP server waits for open requests, and those requests wait for
  // their batch: draining first lets them finish. onClose catches anything that arrived since.
  app.addHook('preClose', async () => {
    await scheduler.stop();
    await webhooks.stop();
    await services.clicks.drain();
  });
  app.addHook('onClose', async () => {
    await services.clicks.drain();
  });
  return app;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
