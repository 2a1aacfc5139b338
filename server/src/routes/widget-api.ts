import type { FastifyInstance } from 'fastify';
import { registerWidgetCors } from '../plugins/widget-cors.ts';
import type { Services } from '../services/services.ts';
import { widgetClickRoutes } from './widget-clicks.ts';
import { widgetEventRoutes } from './widget-events.ts';
import { widgetForgetRoutes } from './widget-forget.ts';
import { widgetSessionRoutes } from './widget-session.ts';

export interface WidgetApiOptions {
  services: Services;
  /** See `AppOptions.cookieDomains`. */
  cookieDomains: readonly string[];
}

/**
 * The browser API under `/v1/widget`. Besides `application/json` it accepts a JSON body sent as
 * `text/plain`: a CORS-safelisted content type, so the widget can skip the preflight round trip.
 */
export async function widgetApiRoutes(app: FastifyInstance, options: WidgetApiOptions): Promise<void> {
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  await registerWidgetCors(app, options.services.lookups);
  // Not `options` itself: it also carries this plugin's prefix.
  const { services, cookieDomains } = options;
  await app.register(widgetClickRoutes, { services, cookieDomains });
  await app.register(widgetForgetRoutes, { services, cookieDomains });
  await app.register(widgetSessionRoutes, { services });
  await app.register(widgetEventRoutes, { services });
}
