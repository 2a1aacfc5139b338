import type { FraudAction, FraudReason, FraudRule } from '../../../shared/src/wire.ts';
import { isDisposableEmailDomain } from './disposable-email-domains.ts';
import { isCouponSiteReferrer } from './coupon-sites.ts';

/**
 * The fraud rules: plain checks over facts the service has looked up. Each reason belongs to one
 * rule, and the program decides per rule whether it rejects the reward or holds it for review.
 */

/** null: a reason no fraud rule gives (the owner's confirmation of someone who joined by email). */
export const RULE_OF_REASON: Record<FraudReason, FraudRule | null> = {
  self_referral_email: 'self_referral',
  self_referral_customer_id: 'self_referral',
  self_referral_visitor: 'self_referral',
  self_referral_ip_ua: 'self_referral',
  disposable_email: 'disposable_email',
  ip_velocity: 'ip_velocity',
  coupon_site_referrer: 'coupon_site',
  unconfirmed_ambassador: null,
};

export const FRAUD_RULES = ['self_referral', 'disposable_email', 'ip_velocity', 'coupon_site'] as const satisfies readonly FraudRule[];

/** Buying through your own link is never a referral; the others deserve a human look first. */
export const DEFAULT_FRAUD_ACTIONS: Record<FraudRule, FraudAction> = {
  self_referral: 'reject',
  disposable_email: 'hold',
  ip_velocity: 'hold',
  coupon_site: 'hold',
};

export interface FraudFacts {
  ambassador: { emailNormalised: string; customerId: string | null };
  customer: { emailNormalised: string | null; customerId: string | null };
  /** The order's or the click's browser is a known browser of the ambassador, or the click was
   * flagged as the ambassador's own. */
  visitorIsAmbassadors: boolean;
  /** The order's or the click's IP + user agent hash was seen on the ambassador's own visits. */
  ipUaIsAmbassadors: boolean;
  /** Earlier referred conversions of this program from the same IP hash within the velocity window. */
  recentConversionsFromIp: number;
  velocityLimit: number;
  /** Where the friend clicked the link (the click's referrer), if known. */
  clickReferrer: string | null;
  blockedReferrerDomains: readonly string[];
}

export function fraudReasons(facts: FraudFacts): FraudReason[] {
  const reasons: FraudReason[] = [];
  const { ambassador, customer } = facts;
  if (customer.emailNormalised !== null && customer.emailNormalised === ambassador.emailNormalised) {
    reasons.push('self_referral_email');
  }
  if (customer.customerId !== null && ambassador.customerId !== null && customer.customerId === ambassador.customerId) {
    reasons.push('self_referral_customer_id');
  }
  if (facts.visitorIsAmbassadors) reasons.push('self_referral_visitor');
  if (facts.ipUaIsAmbassadors) reasons.push('self_referral_ip_ua');
  if (customer.emailNormalised !== null && isDisposableEmailDomain(customer.emailNormalised.slice(customer.emailNormalised.lastIndexOf('@') + 1))) {
    reasons.push('disposable_email');
  }
  // The limit is how many referred orders one network may place in the window; this one would exceed it.
  if (facts.recentConversionsFromIp >= facts.velocityLimit) reasons.push('ip_velocity');
  if (facts.clickReferrer !== null && isCouponSiteReferrer(facts.clickReferrer, facts.blockedReferrerDomains)) {
    reasons.push('coupon_site_referrer');
  }
  return reasons;
}

/** `reject` wins over `hold`; no reasons, no action. The rule returned is the one that decided. */
export function fraudVerdict(
  reasons: readonly FraudReason[],
  actions: Readonly<Record<FraudRule, FraudAction>>,
): { action: FraudAction; rule: FraudRule } | null {
  let verdict: { action: FraudAction; rule: FraudRule } | null = null;
  for (const reason of reasons) {
    const rule = RULE_OF_REASON[reason];
    if (!rule) continue;
    const action = actions[rule];
    if (action === 'reject') return { action, rule };
    verdict ??= { action, rule };
  }
  return verdict;
}
