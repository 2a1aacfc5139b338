import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseReferralCookie, REFERRAL_COOKIE, type ReferralCookie } from '../../../shared/src/referral-cookie.ts';
import { firstPartyCookieScope, type CookieScope } from '../domain/first-party.ts';
import { requestCookie } from './request-cookies.ts';

/**
 * The `sarafan_ref` cookie as the tracking server sets it when it is reached under the shop's own
 * site (see `domain/first-party.ts`). HttpOnly: page scripts (the loader included) can neither
 * read nor overwrite it, which is also why deleting it takes a response (`POST /v1/widget/forget`).
 * Path, name and value are the loader's, so the shop's backend reads it the same way.
 */
export function setReferralCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieDomains: readonly string[],
  value: string,
  maxAgeSeconds: number,
): boolean {
  const scope = firstPartyCookieScope(request.headers.origin, request.hostname, cookieDomains);
  if (!scope) return false;
  void reply.header('set-cookie', referralCookieHeader(scope, value, maxAgeSeconds));
  return true;
}

export function referralCookieHeader(scope: CookieScope, value: string, maxAgeSeconds: number): string {
  return [
    `${REFERRAL_COOKIE}=${value}`,
    ...(scope.domain ? [`Domain=${scope.domain}`] : []),
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    ...(scope.secure ? ['Secure'] : []),
    'SameSite=Lax',
  ].join('; ');
}

/**
 * The referral in the request's `sarafan_ref`: the browser sends it to the server reached under
 * the shop's own site, where the loader cannot read the HttpOnly cookie this server set.
 */
export function readReferralCookie(request: FastifyRequest): ReferralCookie | null {
  return parseReferralCookie(requestCookie(request, REFERRAL_COOKIE));
}
