import type { FastifyInstance } from 'fastify';
import { requireSecretKey } from '../plugins/server-auth.ts';
import type { Services } from '../services/services.ts';
import { ambassadorAdminRoutes } from './ambassador-admin.ts';
import { ambassadorRoutes } from './ambassadors.ts';
import { analyticsRoutes } from './analytics.ts';
import { contestRoutes } from './contests.ts';
import { joiningRoutes } from './joining.ts';
import { raffleRoutes } from './raffles.ts';
import { conversionRoutes } from './conversions.ts';
import { couponRoutes } from './coupons.ts';
import { exportRoutes } from './exports.ts';
import { payoutRoutes } from './payouts.ts';
import { personalDataRoutes } from './personal-data.ts';
import { programAttributionRoutes } from './program-attribution.ts';
import { programOriginsRoutes } from './program-origins.ts';
import { rewardRulesRoutes } from './reward-rules.ts';
import { rewardRoutes } from './rewards.ts';
import { webhookRoutes } from './webhooks.ts';
import { widgetSettingsRoutes } from './widget-settings.ts';

/** The server-to-server API under `/v1`: every route needs the program's secret key (or the owner
 * dashboard's session cookie, see `requireSecretKey`). No CORS. */
export async function serverApiRoutes(app: FastifyInstance, options: { services: Services }): Promise<void> {
  requireSecretKey(app, options.services.context.store, {
    sessions: options.services.adminSessions,
    publicUrl: options.services.context.publicUrl,
  });
  const { services } = options;
  await app.register(ambassadorRoutes, { services });
  await app.register(couponRoutes, { services });
  await app.register(conversionRoutes, { services });
  await app.register(rewardRoutes, { services });
  await app.register(rewardRulesRoutes, { services });
  await app.register(personalDataRoutes, { services });
  await app.register(webhookRoutes, { services });
  await app.register(payoutRoutes, { services });
  await app.register(programAttributionRoutes, { services });
  await app.register(programOriginsRoutes, { services });
  await app.register(analyticsRoutes, { services });
  await app.register(ambassadorAdminRoutes, { services });
  await app.register(exportRoutes, { services });
  await app.register(joiningRoutes, { services });
  await app.register(raffleRoutes, { services });
  await app.register(contestRoutes, { services });
  await app.register(widgetSettingsRoutes, { services });
}
