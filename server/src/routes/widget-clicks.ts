import type { FastifyInstance } from 'fastify';
import { formatReferralCookie } from '../../../shared/src/referral-cookie.ts';
import type { ClickRequest as ClickRequestBody, ClickResponse as ClickResponseBody } from '../../../shared/src/wire.ts';
import { ProgramNotFoundError, ReferralCodeNotFoundError } from '../errors.ts';
import { setReferralCookie } from '../plugins/referral-cookie.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { responses } from '../schemas/common.ts';
import { ClickRequest, ClickResponse } from '../schemas/widget.ts';
import type { Services } from '../services/services.ts';

/**
 * `POST /v1/widget/clicks`: the widget reports a referred visit (or claims a short-link click).
 * Bots (`isbot`) and requests without a user agent get `counted: false` and nothing is stored.
 *
 * Reached under the shop's own site, the answer also sets `sarafan_ref` for the program's
 * attribution window. The widget sends this request only with consent, and with credentials only
 * then, so without consent the browser stores nothing.
 */
export async function widgetClickRoutes(
  app: FastifyInstance,
  { services, cookieDomains }: { services: Services; cookieDomains: readonly string[] },
): Promise<void> {
  app.post<{ Body: ClickRequestBody; Reply: ClickResponseBody }>(
    '/clicks',
    { schema: { body: ClickRequest, response: responses({ 200: ClickResponse }) } },
    async (request, reply) => {
      const program = await services.lookups.program(request.body.programId);
      if (!program) throw new ProgramNotFoundError();
      assertOriginAllowed(request, program);
      const ambassador = await services.lookups.ambassadorForClick(program, request.body.code);
      if (!ambassador) throw new ReferralCodeNotFoundError();
      // Crawlers that run scripts (and scripts without a user agent) are answered but not counted.
      const userAgent = request.headers['user-agent'] ?? '';
      if (userAgent.trim() === '' || services.userAgents.of(userAgent).bot) {
        return services.clicks.ignoredWidgetClick(request.body);
      }
      const click = await services.clicks.recordWidgetClick(program, ambassador, request.body, { ip: request.ip, userAgent });
      // The same value the loader writes: the click the answer names, repeat or not (last click wins).
      const value = formatReferralCookie({ code: ambassador.code, clickId: click.clickId });
      setReferralCookie(request, reply, cookieDomains, value, program.attributionWindowMs / 1000);
      return click;
    },
  );
}
