import type { RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import type { RulesMirror } from '../store/store.ts';

/** The program settings that existed before reward rules were versioned. */
export interface LegacyRewardSettings {
  rewardBasisPoints?: number;
  friendDiscountPercent?: number;
  recurringMonths?: number;
}

/**
 * The old settings written onto a rules version: the referrer's percentage (keeping the kind),
 * the friend's percentage off, the recurring months. Settings left out keep the version's value.
 */
export function withLegacySettings(rules: RewardRules, settings: LegacyRewardSettings): RewardRules {
  const next = structuredClone(rules);
  if (settings.rewardBasisPoints !== undefined) next.referrer.rate = { type: 'percent', basisPoints: settings.rewardBasisPoints };
  if (settings.friendDiscountPercent !== undefined) next.friendOffer.discount = { type: 'percent', percent: settings.friendDiscountPercent };
  if (settings.recurringMonths !== undefined) next.recurringMonths = settings.recurringMonths;
  return next;
}

/** The program columns that mirror a rules version: 0 where the rules are not a percentage. */
export function rulesMirror(rules: RewardRules): RulesMirror {
  const rate = rules.referrer.rate;
  const discount = rules.friendOffer.discount;
  return {
    rewardBasisPoints: rules.sides !== 'friend' && rate.type === 'percent' ? rate.basisPoints : 0,
    friendDiscountPercent: rules.sides !== 'referrer' && discount.type === 'percent' ? discount.percent : 0,
    recurringMonths: rules.recurringMonths,
  };
}

/** Whether two versions say the same, whatever the order of their keys. */
export function sameRules(a: RewardRules, b: RewardRules): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a schema cannot say about a rules version: the first problem as a field path under `body`
 * and a message, or null when the rules are coherent.
 */
export function rulesProblem(rules: RewardRules): { path: string; message: string } | null {
  const referrer = rules.referrer;
  if (referrer.kind === 'free_gift' && !referrer.giftSku) return { path: 'body/referrer/giftSku', message: 'is required for a free_gift reward' };
  if (referrer.kind === 'raffle_entries' && referrer.entriesPerConversion === undefined) {
    return { path: 'body/referrer/entriesPerConversion', message: 'is required for a raffle_entries reward' };
  }
  for (const [index, rate] of rules.itemRates.entries()) {
    if (rate.sku === undefined && rate.category === undefined) return { path: `body/itemRates/${index}`, message: 'must name a sku or a category' };
  }
  const names = new Set<string>();
  for (const [index, tier] of rules.tiers.entries()) {
    if (names.has(tier.name)) return { path: `body/tiers/${index}/name`, message: `repeats the tier "${tier.name}"` };
    names.add(tier.name);
  }
  const reached = new Set<number>();
  for (const [index, milestone] of rules.milestones.entries()) {
    if (reached.has(milestone.referrals)) return { path: `body/milestones/${index}/referrals`, message: `repeats the milestone ${milestone.referrals}` };
    reached.add(milestone.referrals);
  }
  if (rules.split.enabled && rules.split.choices.length === 0) return { path: 'body/split/choices', message: 'must offer at least one choice' };
  return null;
}
