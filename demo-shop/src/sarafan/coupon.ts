import type { FastifyBaseLogger } from 'fastify';
import type { Money } from '../../../shared/src/money.ts';
import { canonicalCode, isReferralCode } from '../../../shared/src/referral-code.ts';
import type { ReferralCookie } from '../../../shared/src/referral-cookie.ts';
import type { CouponResponse, FriendOfferDiscount } from '../../../shared/src/wire.ts';
import { formatMoney } from '../money-format.ts';
import { discountProblem } from '../pricing.ts';
import { errorMessage, type SarafanClient } from './client.ts';

/**
 * Friend coupons: the ambassador's referral code doubles as a coupon code. The shop asks Sarafan
 * what a code is worth instead of keeping its own copy of every ambassador's coupon.
 */

/**
 * The friend offer to show at checkout for a visitor who arrived through a referral link, for the
 * cart as it stands (before the discount). Best effort: when Sarafan is down the checkout simply
 * shows an empty coupon field. For a signed-in customer the lookup carries their e-mail, so an
 * ambassador who clicked their own link is not offered their own coupon. An offer whose minimum
 * order the cart does not reach yet is still returned (`eligible: false`, `below_minimum`): the
 * buyer should see what a bigger order would get.
 */
export async function friendOfferForReferral(
  sarafan: SarafanClient,
  referral: ReferralCookie | null,
  buyerEmail: string | undefined,
  order: Money,
  log: FastifyBaseLogger,
): Promise<CouponResponse | null> {
  if (!referral) return null;
  try {
    const offer = await sarafan.lookupCoupon(referral.code, { buyerEmail: buyerEmail || undefined, order });
    if (!offer || discountProblem(offer.discount, order.currency) !== null) return null;
    return offer.eligible !== false || offer.reason === 'below_minimum' ? offer : null;
  } catch (error) {
    log.warn({ reason: errorMessage(error) }, 'could not look up the referral coupon; checkout continues without it');
    return null;
  }
}

export type CouponDecision =
  | { ok: true; coupon: CouponResponse; discount: FriendOfferDiscount }
  | { ok: false; message: string };

/**
 * Checks a coupon typed (or prefilled) at checkout for this buyer and this order (before the
 * discount). Sarafan answers whether the buyer may use it (`eligible`/`reason`): not their own
 * code, not below the offer's minimum order. When Sarafan cannot be reached the coupon is refused
 * rather than granted blind: the buyer can retry or order without it.
 */
export async function checkCoupon(
  sarafan: SarafanClient,
  typedCode: string,
  buyerEmail: string,
  order: Money,
): Promise<CouponDecision> {
  const code = canonicalCode(typedCode);
  if (!isReferralCode(code)) return { ok: false, message: `We don't know the coupon code "${typedCode}".` };
  let coupon: CouponResponse | null;
  try {
    coupon = await sarafan.lookupCoupon(code, { buyerEmail, order });
  } catch {
    // Unreachable, or refused (a misconfigured secret key): either way the coupon is unchecked.
    return {
      ok: false,
      message: "We couldn't check your coupon just now. Please try again, or remove the coupon to order without it.",
    };
  }
  if (!coupon) return { ok: false, message: `We don't know the coupon code "${code}".` };
  if (coupon.eligible === false) return { ok: false, message: ineligibleMessage(coupon, order.currency) };
  const problem = discountProblem(coupon.discount, order.currency);
  if (problem) return { ok: false, message: problem };
  return { ok: true, coupon, discount: coupon.discount };
}

/** Buyer-facing wording for Sarafan's stable reason codes; unknown codes get a neutral sentence. */
function ineligibleMessage(coupon: CouponResponse, currency: string): string {
  switch (coupon.reason) {
    case 'own_code':
      return "That's your own referral code: share it with friends, and they get the discount.";
    case 'already_used':
      return 'This coupon has already been used.';
    case 'expired':
      return 'This friend offer has ended.';
    case 'below_minimum': {
      const minimum = coupon.minimumOrder;
      return minimum && minimum.currency === currency
        ? `Your order doesn't reach this coupon's minimum of ${formatMoney(minimum.amount, minimum.currency)} yet.`
        : "Your order doesn't reach this coupon's minimum yet.";
    }
    default:
      return "This coupon can't be used for this order.";
  }
}
