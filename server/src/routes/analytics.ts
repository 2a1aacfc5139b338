import type { FastifyInstance } from 'fastify';
import type { AnalyticsOverview as OverviewBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { AnalyticsOverview, AnalyticsQuery } from '../schemas/analytics.ts';
import { responses } from '../schemas/common.ts';
import type { Services } from '../services/services.ts';

/** `GET /v1/analytics/overview?from=&to=`: the owner dashboard's figures for a period (epoch ms, `to` exclusive). */
export async function analyticsRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Querystring: { from?: string; to?: string }; Reply: OverviewBody }>(
    '/analytics/overview',
    { schema: { querystring: AnalyticsQuery, response: responses({ 200: AnalyticsOverview }) } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const { from, to } = request.query;
      return services.analytics.overview(authenticatedProgram(request), {
        ...(from === undefined ? {} : { from: Number(from) }),
        ...(to === undefined ? {} : { to: Number(to) }),
      });
    },
  );
}
