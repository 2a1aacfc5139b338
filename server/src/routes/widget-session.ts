import type { FastifyInstance } from 'fastify';
import type { SessionRequest as SessionRequestBody, SessionResponse as SessionResponseBody } from '../../../shared/src/wire.ts';
import { ProgramNotFoundError } from '../errors.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { responses } from '../schemas/common.ts';
import { SessionRequest, SessionResponse } from '../schemas/widget.ts';
import type { Services } from '../services/services.ts';

/** `POST /v1/widget/session`: the panel's data in one round trip. */
export async function widgetSessionRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.post<{ Body: SessionRequestBody; Reply: SessionResponseBody }>(
    '/session',
    { schema: { body: SessionRequest, response: responses({ 200: SessionResponse }) } },
    async (request, reply) => {
      const program = await services.lookups.program(request.body.programId);
      if (!program) throw new ProgramNotFoundError();
      assertOriginAllowed(request, program);
      // Personal data (the ambassador's link and rewards): never cached by the browser or a proxy.
      void reply.header('cache-control', 'no-store');
      return services.widgetSessions.session(program, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
    },
  );
}
