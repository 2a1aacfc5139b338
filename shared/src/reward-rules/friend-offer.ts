import { percentOf } from '../money.ts';
import type { FriendOfferDiscount } from '../wire.ts';
import type { FriendOfferRules, RewardRules } from './rules.ts';

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

/** How the offer reads on the wire, before it is tied to a friend (coupon code, expiry). */
export interface FriendOfferTerms {
  discount: FriendOfferDiscount;
  minimumOrder?: { amount: number; currency: string };
}

/**
 * The offer's terms for display, where the order's currency is not known yet (the widget, a link
 * preview, a coupon look-up without `currency`): a flat discount and the minimum order in
 * `currency` when the rules list it, else in the first currency the rules list. A flat offer
 * without any amount shows as 0% off.
 */
export function friendOfferTerms(offer: FriendOfferRules, currency?: string): FriendOfferTerms {
  const pick = (amounts: Record<string, number>, preferred: string | undefined): { amount: number; currency: string } | undefined => {
    const chosen = preferred !== undefined && amounts[preferred] !== undefined ? preferred : Object.keys(amounts)[0];
    return chosen === undefined ? undefined : { amount: amounts[chosen] ?? 0, currency: chosen };
  };
  let discount: FriendOfferDiscount = { type: 'percent', percent: 0 };
  if (offer.discount.type === 'percent') discount = { type: 'percent', percent: offer.discount.percent };
  else {
    const flat = pick(offer.discount.amounts, currency);
    if (flat) discount = { type: 'flat', ...flat };
  }
  const minimum = pick(offer.minimumOrder, discount.type === 'flat' ? discount.currency : currency);
  return minimum && minimum.amount > 0 ? { discount, minimumOrder: minimum } : { discount };
}

/** When an offer made at `referredAt` ends, or null when it does not. */
export function friendOfferExpiry(offer: Pick<FriendOfferRules, 'expiresAfterDays'>, referredAt: number): number | null {
  return offer.expiresAfterDays === null ? null : referredAt + offer.expiresAfterDays * DAY_MS;
}
