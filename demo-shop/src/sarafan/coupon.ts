import type { FastifyBaseLogger } from 'fastify';
import { canonicalCode, isReferralCode } from '../../../shared/src/referral-code.ts';
import type { ReferralCookie } from '../../../shared/src/referral-cookie.ts';
import type { CouponResponse } from '../../../shared/src/wire.ts';
import { errorMessage, type SarafanClient } from './client.ts';

/**
 * Friend coupons: the ambassador's referral code doubles as a coupon code. The shop asks Sarafan
 * what a code is worth instead of keeping its own copy of every ambassador's coupon.
 */

/**
 * The friend offer to prefill at checkout for a visitor who arrived through a referral link.
 * Best effort: when Sarafan is down the checkout simply shows an empty coupon field. For a signed-in
 * customer the lookup carries their e-mail, so an ambassador who clicked their own link is not
 * offered their own coupon.
 */
export async function friendOfferForReferral(
  sarafan: SarafanClient,
  referral: ReferralCookie | null,
  buyerEmail: string | undefined,
  log: FastifyBaseLogger,
): Promise<CouponResponse | null> {
  if (!referral) return null;
  try {
    const offer = await sarafan.lookupCoupon(referral.code, buyerEmail || undefined);
    return offer && offer.eligible !== false ? offer : null;
  } catch (error) {
    log.warn({ reason: errorMessage(error) }, 'could not look up the referral coupon; checkout continues without it');
    return null;
  }
}

export type CouponDecision =
  | { ok: true; coupon: CouponResponse; percent: number }
  | { ok: false; message: string };

/**
 * Checks a coupon typed (or prefilled) at checkout for this buyer. Sarafan answers whether the
 * buyer may use it (`eligible`/`reason`), e.g. not their own code. When Sarafan cannot be reached
 * the coupon is refused rather than granted blind: the buyer can retry or order without it.
 */
export async function checkCoupon(sarafan: SarafanClient, typedCode: string, buyerEmail: string): Promise<CouponDecision> {
  const code = canonicalCode(typedCode);
  if (!isReferralCode(code)) return { ok: false, message: `We don't know the coupon code "${typedCode}".` };
  let coupon: CouponResponse | null;
  try {
    coupon = await sarafan.lookupCoupon(code, buyerEmail);
  } catch {
    // Unreachable, or refused (a misconfigured secret key): either way the coupon is unchecked.
    return {
      ok: false,
      message: "We couldn't check your coupon just now. Please try again, or remove the coupon to order without it.",
    };
  }
  if (!coupon) return { ok: false, message: `We don't know the coupon code "${code}".` };
  if (coupon.eligible === false) return { ok: false, message: ineligibleMessage(coupon.reason) };
  const percent = coupon.discount?.type === 'percent' ? coupon.discount.percent : NaN;
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    return { ok: false, message: `The coupon "${code}" can't be applied to this order.` };
  }
  return { ok: true, coupon, percent };
}

/** Buyer-facing wording for Sarafan's stable reason codes; unknown codes get a neutral sentence. */
function ineligibleMessage(reason: CouponResponse['reason']): string {
  switch (reason) {
    case 'own_code':
      return "That's your own referral code: share it with friends, and they get the discount.";
    case 'already_used':
      return 'This coupon has already been used.';
    case 'expired':
      return 'This friend offer has ended.';
    case 'below_minimum':
      return "Your order doesn't reach this coupon's minimum yet.";
    default:
      return "This coupon can't be used for this order.";
  }
}
