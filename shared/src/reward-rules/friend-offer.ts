import { percentOf } from '../money.ts';
import type { RewardRules } from './rules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type FriendOfferOutcome =
  | { eligible: true; discount: { type: 'percent'; percent: number; amount: number } | { type: 'flat'; amount: number } }
  | { eligible: false; reason: 'referrer_only' | 'below_minimum_order' | 'expired' | 'currency_not_configured' };

/**
 * The friend's discount on an order of `orderAmount` (before the discount) in `currency`.
 * A percentage is rounded half up; a flat discount never exceeds the order.
 */
export function friendOffer(
  rules: Pick<RewardRules, 'sides' | 'friendOffer'>,
  order: { amount: number; currency: string },
  referredAt: number | null,
  now: number,
): FriendOfferOutcome {
  if (rules.sides === 'referrer') return { eligible: false, reason: 'referrer_only' };
  const offer = rules.friendOffer;
  const minimum = offer.minimumOrder[order.currency];
  if (minimum !== undefined && order.amount < minimum) return { eligible: false, reason: 'below_minimum_order' };
  if (offer.expiresAfterDays !== null && referredAt !== null && now > referredAt + offer.expiresAfterDays * DAY_MS) {
    return { eligible: false, reason: 'expired' };
  }
  if (offer.discount.type === 'percent') {
    const percent = offer.discount.percent;
    return { eligible: true, discount: { type: 'percent', percent, amount: percentOf(order.amount, percent * 100) } };
  }
  const flat = offer.discount.amounts[order.currency];
  if (flat === undefined) return { eligible: false, reason: 'currency_not_configured' };
  return { eligible: true, discount: { type: 'flat', amount: Math.min(flat, order.amount) } };
}
