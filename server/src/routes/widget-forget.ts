import type { FastifyInstance } from 'fastify';
import type { ForgetRequest as ForgetRequestBody } from '../../../shared/src/wire.ts';
import { ProgramNotFoundError } from '../errors.ts';
import { setReferralCookie } from '../plugins/referral-cookie.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { responses } from '../schemas/common.ts';
import { ForgetRequest } from '../schemas/widget.ts';
import type { Services } from '../services/services.ts';

/**
 * `POST /v1/widget/forget`: after `consent(false)`, deletes the `sarafan_ref` that the click answer
 * set. It is HttpOnly, so the loader cannot delete it; only a response from where it came from
 * can. Answers 204 either way (nothing to delete when the server is not first party).
 */
export async function widgetForgetRoutes(
  app: FastifyInstance,
  { services, cookieDomains }: { services: Services; cookieDomains: readonly string[] },
): Promise<void> {
  app.post<{ Body: ForgetRequestBody }>(
    '/forget',
    { schema: { body: ForgetRequest, response: responses({}) } },
    async (request, reply) => {
      const program = await services.lookups.program(request.body.programId);
      if (!program) throw new ProgramNotFoundError();
      assertOriginAllowed(request, program);
      setReferralCookie(request, reply, cookieDomains, '', 0);
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );
}
