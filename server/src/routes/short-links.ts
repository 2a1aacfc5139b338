import { friendOfferTerms } from '../../../shared/src/reward-rules/friend-offer.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CLICK_PARAM, REFERRAL_PARAM } from '../../../shared/src/referral-cookie.ts';
import { linkPreview } from '../services/link-preview.ts';
import type { Services } from '../services/services.ts';
import { linkPreviewPage } from './link-preview-page.ts';

/**
 * `GET|HEAD /r/{code}`: the short link an ambassador shares. Redirects (302, never cached) to the
 * program's landing URL with `ref={code}`, keeping the landing URL's own query.
 *
 * Only people count. Link-preview fetchers and other bots (`isbot`) and HEAD requests (which
 * fetchers send first) get a small page with OpenGraph / Twitter-card tags instead, so that the
 * chat or post shows the friend offer; an empty user agent gets the redirect; neither is a click.
 * A person's click is counted here and its id added as `sarafan_click`, so that the widget on the
 * landing page claims it instead of counting again. `?qr=1` marks a click made from a QR code.
 *
 * Codes are unique across programs and the link names no program, so an unknown code (mistyped,
 * cut short) leads to the landing URL of the program named by `?program={id}`, else of the
 * server's default program, without a referral; with neither, to a small 404 page.
 */
export async function shortLinkRoutes(
  app: FastifyInstance,
  { services, fallbackProgramId }: { services: Services; fallbackProgramId: string | null },
): Promise<void> {
  const { lookups } = services;
  app.get<{ Params: { code: string }; Querystring: Record<string, unknown> }>(
    '/r/:code',
    { schema: { params: Type.Object({ code: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const ambassador = await lookups.ambassadorForLink(request.params.code);
      const program = ambassador ? await lookups.program(ambassador.programId) : null;
      if (!ambassador || !program) {
        const fallbackId =
          typeof request.query.program === 'string' ? request.query.program.slice(0, 64) : fallbackProgramId;
        const fallback = fallbackId ? await lookups.program(fallbackId) : null;
        if (fallback) return redirect(reply, fallback.landingUrl, {});
        return reply.code(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(UNKNOWN_LINK_PAGE);
      }

      // The answer depends on the user agent: no shared cache may hand a person the preview page.
      reply.header('vary', 'User-Agent');
      const userAgent = request.headers['user-agent'] ?? '';
      const noUserAgent = userAgent.trim() === '';
      if (request.method !== 'GET' || (!noUserAgent && services.userAgents.of(userAgent).bot)) {
        const rules = await services.friendOffers.rules(program);
        const terms = rules ? (rules.sides === 'referrer' ? null : friendOfferTerms(rules.friendOffer)) : undefined;
        const page = linkPreviewPage(linkPreview(services.context.publicUrl(), program, ambassador, terms));
        return reply.code(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
      }
      if (noUserAgent) return redirect(reply, program.landingUrl, { [REFERRAL_PARAM]: ambassador.code });

      const click = await services.clicks.recordLinkClick(program, ambassador, {
        ip: request.ip,
        userAgent,
        referrer: request.headers.referer ?? null,
        qr: request.query.qr === '1',
      });
      return redirect(reply, program.landingUrl, { [REFERRAL_PARAM]: ambassador.code, [CLICK_PARAM]: click.clickId });
    },
  );
}

function redirect(reply: FastifyReply, landingUrl: string, params: Record<string, string>): FastifyReply {
  const target = new URL(landingUrl);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return reply.code(302).header('location', target.toString()).header('cache-control', 'no-store').send();
}

const UNKNOWN_LINK_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link not found</title>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>This referral link does not exist</h1>
<p>Check the link with the friend who sent it: it may have been mistyped or cut short.</p>
</body>
</html>
`;
