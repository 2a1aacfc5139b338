import type { FastifyRequest } from 'fastify';
import {
  isVisitorId,
  parseReferralCookie,
  REFERRAL_COOKIE,
  VISITOR_COOKIE,
  type ReferralCookie,
} from '../../../shared/src/referral-cookie.ts';
import { parseCookies } from '../http/cookies.ts';

export interface VisitorReferral {
  /** Who referred this browser, as the widget recorded it in `sarafan_ref`. */
  referral: ReferralCookie | null;
  /** The widget's visitor id from `sarafan_vid`; lets Sarafan catch an ambassador buying through their own link. */
  visitorId: string | null;
}

/**
 * The widget keeps the referral in first-party cookies on the shop's domain, so the shop's backend
 * can read them at checkout and pass them on with the conversion. Malformed (hand-edited) values
 * are ignored, never an error: the order matters more than the referral.
 */
export function visitorReferral(request: FastifyRequest): VisitorReferral {
  const cookies = parseCookies(request.headers.cookie);
  let referral: ReferralCookie | null = null;
  try {
    referral = parseReferralCookie(cookies.get(REFERRAL_COOKIE));
  } catch {
    // parseReferralCookie percent-decodes, which throws on a stray '%'.
    referral = null;
  }
  const visitorId = cookies.get(VISITOR_COOKIE);
  return { referral, visitorId: isVisitorId(visitorId) ? visitorId : null };
}
