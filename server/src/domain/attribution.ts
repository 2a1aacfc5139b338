import type { AttributedVia, NotAttributedReason } from '../../../shared/src/wire.ts';

/**
 * Which referral gets credit for an order: plain rules, no I/O. The service looks up one
 * candidate per kind of evidence and this picks among them by the program's rules. Whether the
 * chosen ambassador may be rewarded (self-referral, other fraud rules, first purchase) is decided
 * afterwards, on the chosen candidate.
 */
export interface ReferralCandidate<A> {
  via: AttributedVia;
  ambassador: A;
  /** When the friend was referred (the click, or the identification that bound them); null for a
   * typed coupon, which is its own evidence and needs no window. */
  referredAt: number | null;
  clickId: string | null;
}

export interface AttributionInput<A> {
  /** From the browser: the cookie's click, or its code with that browser's click (the first click
   * instead under the first-click model). */
  cookie: ReferralCandidate<A> | null;
  /** The friend code typed at checkout. */
  coupon: ReferralCandidate<A> | null;
  /** A referral bound to this customer when they identified, perhaps on another device. */
  customer: ReferralCandidate<A> | null;
  /** Whether the shop sent any referral or coupon at all, known or not. */
  referralGiven: boolean;
  convertedAt: number;
  attributionWindowMs: number;
  /** When a coupon and a cookie point to different ambassadors (a program setting, default true). */
  couponBeatsCookie: boolean;
}

export type AttributionResult<A> =
  | { attributed: true; candidate: ReferralCandidate<A> }
  | { attributed: false; reason: NotAttributedReason; candidate: ReferralCandidate<A> | null };

export function attribute<A extends { id: number }>(input: AttributionInput<A>): AttributionResult<A> {
  // A coupon of the cookie's own ambassador does not compete with it: the click is the richer
  // evidence (its time, browser and network feed the fraud rules), and the coupon stays as the fallback.
  const sameAmbassador = input.coupon !== null && input.cookie?.ambassador.id === input.coupon.ambassador.id;
  const couponFirst = input.couponBeatsCookie && !sameAmbassador;
  const ordered = (
    couponFirst ? [input.coupon, input.cookie, input.customer] : [input.cookie, input.customer, input.coupon]
  ).filter((candidate): candidate is ReferralCandidate<A> => candidate !== null);
  if (ordered.length === 0) {
    return { attributed: false, reason: input.referralGiven ? 'unknown_referral' : 'no_referral', candidate: null };
  }
  // An expired referral can still be beaten by one within the window, e.g. a fresh coupon.
  const inWindow = ordered.find(
    (candidate) =>
      candidate.referredAt === null || isWithinWindow(candidate.referredAt, input.convertedAt, input.attributionWindowMs),
  );
  if (!inWindow) return { attributed: false, reason: 'outside_attribution_window', candidate: ordered[0] ?? null };
  return { attributed: true, candidate: inWindow };
}

export function isWithinWindow(referredAt: number, convertedAt: number, windowMs: number): boolean {
  return convertedAt - referredAt <= windowMs;
}

/** The end of a recurring-reward period: the same day and time `months` calendar months later (UTC),
 * clamped to the end of a shorter month. */
export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const targetMonth = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const result = new Date(at);
  result.setUTCDate(1);
  result.setUTCMonth(targetMonth);
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result.getTime();
}
