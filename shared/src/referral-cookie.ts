import { isReferralCode } from './referral-code.ts';

/**
 * The first-party cookies the widget keeps on the shop's domain, read again by the shop's backend
 * at checkout. Both sides must agree on this format, so it lives here.
 *
 * - `sarafan_ref` = `{code}.{clickId}`: the referral that brought this visitor.
 * - `sarafan_vid` = `{visitorId}`: a random id for this browser, used to deduplicate clicks and
 *   to spot an ambassador clicking their own link.
 */
export const REFERRAL_COOKIE = 'sarafan_ref';
export const VISITOR_COOKIE = 'sarafan_vid';
/** Query parameters that carry a referral into the shop. `via` is accepted as an alias. */
export const REFERRAL_PARAM = 'ref';
export const REFERRAL_PARAM_ALIAS = 'via';
/** Set by `GET /r/{code}` so that the landing page claims the click already counted. */
export const CLICK_PARAM = 'sarafan_click';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface ReferralCookie {
  code: string;
  clickId: string;
}

export function formatReferralCookie(referral: ReferralCookie): string {
  return `${referral.code}.${referral.clickId}`;
}

/** Parses a `sarafan_ref` value; anything malformed (a hand-edited cookie) is `null`. */
export function parseReferralCookie(value: string | undefined | null): ReferralCookie | null {
  if (!value) return null;
  const [code, clickId, ...rest] = safelyDecoded(value).split('.');
  if (rest.length > 0 || !code || !clickId) return null;
  if (!isReferralCode(code) || !isClickId(clickId)) return null;
  return { code, clickId };
}

/** Cookie libraries may percent-encode the value; a malformed escape must not throw. */
function safelyDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function isVisitorId(value: string | undefined | null): value is string {
  return !!value && ID_PATTERN.test(value);
}

/** Click ids have the visitor ids' format: what the server generates, and all a cookie may carry. */
export function isClickId(value: string | undefined | null): value is string {
  return isVisitorId(value);
}
