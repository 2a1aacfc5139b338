import type { FastifyInstance } from 'fastify';
import type { SessionRequest as SessionRequestBody, SessionResponse as SessionResponseBody } from '../../../shared/src/wire.ts';
import { ProgramNotFoundError } from '../errors.ts';
import { readReferralCookie } from '../plugins/referral-cookie.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { responses } from '../schemas/common.ts';
import { SessionRequest, SessionResponse } from '../schemas/widget.ts';
import type { Services } from '../services/services.ts';

/**
 * `POST /v1/widget/session`: the panel's data in one round trip. Without a referral in the body,
 * the `sarafan_ref` cookie the browser sent names it, so that a referred visitor who identifies on
 * a later page is bound to the referral (their purchases on other devices are then attributed).
 */
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
      const referral = request.body.referral ?? readReferralCookie(request) ?? undefined;
      return services.widgetSessions.session(program, { ...request.body, referral }, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
    },
  );
}
