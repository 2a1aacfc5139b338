import type { FastifyInstance } from 'fastify';
import type { WidgetEventsRequest as EventsBody, WidgetEventsResponse as EventsReply } from '../../../shared/src/wire.ts';
import { InvalidRequestError, ProgramNotFoundError } from '../errors.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { WidgetEventsRequest, WidgetEventsResponse } from '../schemas/analytics.ts';
import { responses } from '../schemas/common.ts';
import type { Services } from '../services/services.ts';

/**
 * `POST /v1/widget/events`: the widget reports the funnel's first steps (shown, panel opened,
 * shared), usually with `sendBeacon` as it leaves the page. It comes on every page view, so it
 * is cheap: cached look-ups, one small insert. Bots and requests without a user agent are
 * answered (`accepted: 0`) but not stored, like their clicks; an unknown code is stored without
 * an ambassador, never refused.
 */
export async function widgetEventRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.post<{ Body: EventsBody; Reply: EventsReply }>(
    '/events',
    { schema: { body: WidgetEventsRequest, response: responses({ 202: WidgetEventsResponse }) } },
    async (request, reply) => {
      // JSON Schema cannot tie the two fields together without breaking the wire type: checked here.
      for (const event of request.body.events) {
        if ((event.type === 'share') !== (event.channel !== undefined)) {
          throw new InvalidRequestError('A share event needs a channel, and only a share event has one.');
        }
      }
      const program = await services.lookups.program(request.body.programId);
      if (!program) throw new ProgramNotFoundError();
      assertOriginAllowed(request, program);
      void reply.code(202);
      const userAgent = request.headers['user-agent'] ?? '';
      if (userAgent.trim() === '' || services.userAgents.of(userAgent).bot) return { accepted: 0 };
      const code = request.body.code;
      const ambassador = code ? await services.lookups.ambassadorForClick(program, code) : null;
      return services.analytics.recordEvents(program, request.body, ambassador);
    },
  );
}
