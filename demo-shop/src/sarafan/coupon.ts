import type { FastifyBaseLogger } from 'fastify';
import { canonicalCode, isReferralCode } from '../../../shared/src/referral-code.ts';
import type { ReferralCookie } from '../../../shared/src/referral-cookie.ts';
import type { CouponResponse } from '../../../shared/src/wire.ts';
import { SarafanUnavailableError, type SarafanClient } from './client.ts';

/**
 * Friend coupons: the ambassador's referral code doubles as a coupon code. The shop asks Sarafan
 * what a code is worth instead of keeping its own copy of every ambassador's coupon.
 */

/**
 * The friend offer to prefill at checkout for a visitor who arrived through a referral link.
 * Best effort: when Sarafan is down the checkout simply shows an empty coupon field.
 */
export async function friendOfferForReferral(
  sarafan: SarafanClient,
  referral: ReferralCookie | null,
  log: FastifyBaseLogger,
): Promise<CouponResponse | null> {
  if (!referral) return null;
  try {
    return await sarafan.lookupCoupon(referral.code);
  } catch (error) {
    log.warn({ err: error }, 'could not look up the referral coupon; checkout continues without it');
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
  } catch (error) {
    if (error instanceof SarafanUnavailableError) {
      return {
        ok: false,
        message: "We couldn't check your coupon just now. Please try again, or remove the coupon to order without it.",
      };
    }
    return { ok: false, message: `We don't know the coupon code "${code}".` };
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
    default:
      return "This coupon can't be used for this order.";
  }
}
