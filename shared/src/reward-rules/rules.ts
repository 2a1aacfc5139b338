/**
 * A program's reward rules: what the owner configures, stored as immutable numbered versions. Every
 * amount is integer minor units of one currency (or a count of points, entries or gifts) and
 * nothing is ever converted: flat amounts are listed per currency, and an order in a currency the
 * rules do not list earns no flat reward.
 */

export const REWARD_KINDS = ['store_credit', 'cash', 'points', 'coupon_code', 'free_gift', 'raffle_entries'] as const;
/** How the shop delivers the referrer's reward. */
export type RewardKind = (typeof REWARD_KINDS)[number];

/** Who gets something: both sides (the default), the referrer only, or the friend only. */
export type Sides = 'both' | 'referrer' | 'friend';

/** Minor units per ISO 4217 code (or per unit: `points`, `entries`, `gifts`). */
export type AmountByUnit = Record<string, number>;

export type ReferrerRate = { type: 'percent'; basisPoints: number } | { type: 'flat'; amounts: AmountByUnit };

export interface ReferrerRules {
  kind: RewardKind;
  /** Ignored by `raffle_entries` and `free_gift`, which give a count per conversion. */
  rate: ReferrerRate;
  /** `raffle_entries`: entries per conversion. */
  entriesPerConversion?: number;
  /** `free_gift`: the product the ambassador gets, one per conversion. */
  giftSku?: string;
}

export type FriendDiscount = { type: 'percent'; percent: number } | { type: 'flat'; amounts: AmountByUnit };

export interface FriendOfferRules {
  discount: FriendDiscount;
  /** The order (before the discount) must reach this, per currency; a currency not listed has no minimum. */
  minimumOrder: AmountByUnit;
  /** Days after the referral (the click, else the order) during which the offer holds; null = no expiry. */
  expiresAfterDays: number | null;
  /** One code per ambassador shared by every friend, or a single-use code per friend. */
  coupon: 'shared' | 'single_use';
}

/** A rate for some items of the order: by sku, else by category. `basisPoints` replaces the referrer rate. */
export interface ItemRate {
  sku?: string;
  category?: string;
  basisPoints: number;
}

export interface Tier {
  name: string;
  /** Successful referrals from which the tier applies; null = only by the owner's hand (VIP). */
  fromReferrals: number | null;
  /** Added to every percentage rate (the program's or an item's) of the ambassador's conversions. */
  bonusBasisPoints: number;
}

export interface Milestone {
  /** The successful referral that reaches it (3rd, 10th, 25th…). */
  referrals: number;
  /** The bonus, per unit (currency or `points`); a unit not listed gets no bonus. */
  amounts: AmountByUnit;
}

export interface Limits {
  /** The most one conversion can earn, per unit. */
  perReferral: AmountByUnit;
  /** The most one ambassador can earn in a calendar month (UTC), per unit, bonuses included. */
  perAmbassadorMonthly: AmountByUnit;
  /** The most the whole program pays in rewards, per unit, bonuses included. */
  programBudget: AmountByUnit;
  /** Orders below this (what the friend paid), per currency, earn the referrer nothing. */
  minimumOrder: AmountByUnit;
}

export interface SplitRules {
  /** Whether ambassadors may share their reward with the friend. */
  enabled: boolean;
  /** The friend's share (percent) an ambassador may choose: e.g. 0 (all to me), 50, 100 (all to my friend). */
  choices: number[];
}

export interface RewardRules {
  sides: Sides;
  referrer: ReferrerRules;
  friendOffer: FriendOfferRules;
  itemRates: ItemRate[];
  excludedSkus: string[];
  excludedCategories: string[];
  /** The referrer is rewarded from their Nth successful referral on (0 or 1: from the first). */
  threshold: number;
  milestones: Milestone[];
  tiers: Tier[];
  limits: Limits;
  /** Also reward a referred customer's purchases for this many months after the first. */
  recurringMonths: number;
  split: SplitRules;
}

/** The behaviour before rules were configurable: 10% store credit, 10% off for the friend. */
export const DEFAULT_REWARD_RULES: RewardRules = {
  sides: 'both',
  referrer: { kind: 'store_credit', rate: { type: 'percent', basisPoints: 1_000 } },
  friendOffer: { discount: { type: 'percent', percent: 10 }, minimumOrder: {}, expiresAfterDays: null, coupon: 'shared' },
  itemRates: [],
  excludedSkus: [],
  excludedCategories: [],
  threshold: 0,
  milestones: [],
  tiers: [],
  limits: { perReferral: {}, perAmbassadorMonthly: {}, programBudget: {}, minimumOrder: {} },
  recurringMonths: 0,
  split: { enabled: false, choices: [0] },
};

/**
 * What the referrer's reward is counted in: the order's currency for value kinds; points (one per
 * minor unit of value), raffle entries and gifts are counts of their own, never mixed with money.
 */
export function rewardUnit(kind: RewardKind, orderCurrency: string): string {
  if (kind === 'points') return 'points';
  if (kind === 'raffle_entries') return 'entries';
  if (kind === 'free_gift') return 'gifts';
  return orderCurrency;
}
