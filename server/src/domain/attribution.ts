import type { NotAttributedReason } from '../../../shared/src/wire.ts';

/**
 * Who gets credit for an order: plain rules, no I/O. The service looks the candidates up and
 * passes them in the order of precedence: the click id the shop sent, then the referral code
 * (with its ambassador's latest click from that browser), then the coupon code typed at checkout.
 */
export interface ReferralCandidate<A extends AmbassadorIdentity = AmbassadorIdentity> {
  via: 'click' | 'code' | 'coupon';
  ambassador: A;
  /** When the friend clicked, if a click is known; without one the window is not checked (a
   * typed coupon or a 30-day cookie is its own evidence). */
  clickedAt: number | null;
  clickId: string | null;
  /** The browser of the click, for spotting ambassadors who click their own link. */
  clickVisitorId: string | null;
  /** Whether that browser is a known browser of this ambassador. */
  clickVisitorIsAmbassadors: boolean;
  clickWasSelf: boolean;
}

export interface AmbassadorIdentity {
  emailNormalised: string;
  customerId: string | null;
}

export interface AttributionInput<A extends AmbassadorIdentity> {
  candidates: Array<ReferralCandidate<A>>;
  /** Whether the shop sent any referral or coupon at all, known or not. */
  referralGiven: boolean;
  convertedAt: number;
  attributionWindowMs: number;
  customer: {
    emailNormalised: string | null;
    id: string | null;
    /** Whether the visitor id of the order is a known browser of the candidate's ambassador. */
    visitorIsAmbassadors: (ambassador: A) => boolean;
  };
}

export type AttributionResult<A extends AmbassadorIdentity> =
  | { attributed: true; candidate: ReferralCandidate<A> }
  | { attributed: false; reason: NotAttributedReason; candidate: ReferralCandidate<A> | null };

export function attribute<A extends AmbassadorIdentity>(input: AttributionInput<A>): AttributionResult<A> {
  if (input.candidates.length === 0) {
    return { attributed: false, reason: input.referralGiven ? 'unknown_referral' : 'no_referral', candidate: null };
  }
  // Last click wins, but only within the window; an expired click can still be beaten by a coupon.
  const inWindow = input.candidates.find(
    (candidate) => candidate.clickedAt === null || isWithinWindow(candidate.clickedAt, input.convertedAt, input.attributionWindowMs),
  );
  if (!inWindow) {
    return { attributed: false, reason: 'outside_attribution_window', candidate: input.candidates[0] ?? null };
  }
  if (isSelfReferral(inWindow, input.customer)) {
    return { attributed: false, reason: 'self_referral', candidate: inWindow };
  }
  return { attributed: true, candidate: inWindow };
}

export function isWithinWindow(clickedAt: number, convertedAt: number, windowMs: number): boolean {
  return convertedAt - clickedAt <= windowMs;
}

function isSelfReferral<A extends AmbassadorIdentity>(
  candidate: ReferralCandidate<A>,
  customer: AttributionInput<A>['customer'],
): boolean {
  const { ambassador } = candidate;
  if (customer.emailNormalised !== null && customer.emailNormalised === ambassador.emailNormalised) return true;
  if (customer.id !== null && ambassador.customerId !== null && customer.id === ambassador.customerId) return true;
  if (candidate.clickWasSelf || candidate.clickVisitorIsAmbassadors) return true;
  return customer.visitorIsAmbassadors(ambassador);
}
