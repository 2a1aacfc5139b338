import type { AmbassadorResponse, AmbassadorView, FriendOffer } from '../../../shared/src/wire.ts';
import type { FriendOfferTerms } from '../../../shared/src/reward-rules/friend-offer.ts';
import { displayName } from '../domain/display-name.ts';
import { rewardReasonForAmbassador } from '../domain/reward-reason.ts';
import type { AmbassadorRecord, AmbassadorSummary, ProgramRecord } from '../store/records.ts';

/** How stored ambassadors look on the wire. Pure: the caller loads the records. */

export function shortLink(publicUrl: string, code: string): string {
  return `${publicUrl}/r/${encodeURIComponent(code)}`;
}

/**
 * The offer as friends see it. Without `terms`, the program's percentage (its columns mirror the
 * rules in force); `tie` is what belongs to one friend: their own coupon code and the offer's end.
 */
export function friendOffer(
  program: ProgramRecord,
  ambassador: AmbassadorRecord,
  terms: FriendOfferTerms = { discount: { type: 'percent', percent: program.friendDiscountPercent } },
  tie: { couponCode?: string; expiresAt?: number | null } = {},
): FriendOffer {
  return {
    ambassadorName: displayName(ambassador),
    // By default the coupon code is the referral code: one thing for the ambassador to share and for the friend to type.
    couponCode: tie.couponCode ?? ambassador.code,
    ...terms,
    ...(tie.expiresAt != null ? { expiresAt: tie.expiresAt } : {}),
  };
}

export function ambassadorResponse(
  publicUrl: string,
  ambassador: AmbassadorRecord,
  summary: AmbassadorSummary,
): AmbassadorResponse {
  return {
    code: ambassador.code,
    email: ambassador.email,
    name: ambassador.name,
    customerId: ambassador.customerId,
    link: shortLink(publicUrl, ambassador.code),
    couponCode: ambassador.code,
    createdAt: ambassador.createdAt,
    clicks: summary.clicks,
    conversions: summary.conversions,
    rewards: summary.rewards.map((reward) => ({
      orderId: reward.orderId,
      amount: reward.amount,
      currency: reward.currency,
      status: reward.status,
    })),
    ...(ambassador.confirmed ? {} : { confirmed: false as const }),
  };
}

export function ambassadorView(
  publicUrl: string,
  program: ProgramRecord,
  ambassador: AmbassadorRecord,
  summary: AmbassadorSummary,
  terms?: FriendOfferTerms,
): AmbassadorView {
  return {
    code: ambassador.code,
    name: displayName(ambassador),
    link: shortLink(publicUrl, ambassador.code),
    couponCode: ambassador.code,
    offer: friendOffer(program, ambassador, terms),
    stats: { clicks: summary.clicks, friendsBought: summary.conversions },
    rewards: summary.rewards.map((reward) => {
      const reason = rewardReasonForAmbassador(reward);
      // A rejected or voided reward shows what it would have been (its worth is 0) next to the reason.
      const amount = reward.status === 'rejected' || reward.status === 'voided' ? reward.originalAmount : reward.amount;
      return { amount, currency: reward.currency, status: reward.status, createdAt: reward.createdAt, ...(reason ? { reason } : {}) };
    }),
    totals: summary.totals,
  };
}
