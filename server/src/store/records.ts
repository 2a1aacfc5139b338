import type {
  AttributedVia,
  ConversionStatus,
  FraudAction,
  FraudReason,
  FraudRule,
  LedgerActor,
  LedgerBalance,
  LedgerBucket,
  RewardBalance,
  NotAttributedReason,
  OrderStatus,
  RewardStatus,
} from '../../../shared/src/wire.ts';
import type { RewardKind, RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import type { RewardSkipReason } from '../../../shared/src/wire.ts';
import type { JoinPolicy } from '../../../shared/src/wire-joining-draws.ts';

/** What the services see of stored rows: camelCase, booleans as booleans, times as epoch ms. */

export interface ProgramRecord {
  id: string;
  name: string;
  /** Where short links send friends; its own query string is kept. */
  landingUrl: string;
  /** Origins (`scheme://host[:port]`) whose pages may call the browser API. */
  allowedOrigins: string[];
  /** sha256 hex of the secret key: the key itself is never stored. */
  secretHash: string;
  /** Derived from the secret key (shared `identityKey`); verifies signed identities. */
  identityKey: string;
  /** The ambassador's reward, in basis points of what the friend paid (1000 = 10%). */
  rewardBasisPoints: number;
  friendDiscountPercent: number;
  attributionWindowMs: number;
  dedupWindowMs: number;
  /** Which click of a visitor gets the credit. */
  attributionModel: 'last_click' | 'first_click';
  /** Whether a typed friend code beats a cookie that points to another ambassador. */
  couponBeatsCookie: boolean;
  /** 0: only the referred customer's first purchase is rewarded; N: also their purchases in the
   * N months after it. */
  recurringMonths: number;
  /** How long a reward stays pending (refunds void it) before it is approved. */
  holdPeriodMs: number;
  /** The order status that starts the hold period: `paid` (on conversion) or `fulfilled`. */
  holdStartsAt: 'paid' | 'fulfilled';
  /** More referred orders than this from one IP within `velocityWindowMs` trip `ip_velocity`. */
  velocityLimit: number;
  velocityWindowMs: number;
  fraudActions: Record<FraudRule, FraudAction>;
  /** Coupon-sharing sites of this program, on top of the built-in list. */
  blockedReferrerDomains: string[];
  /** The image of the short links' link previews; null = the server's built-in card. */
  previewImageUrl: string | null;
  /** Who may become an ambassador: anyone, customers with an order, or invited emails only.
   * Absent means `open`; it is changed on its own (`Store.setJoinPolicy`). */
  joinPolicy?: JoinPolicy;
  createdAt: number;
}

export type { JoinPolicy } from '../../../shared/src/wire-joining-draws.ts';

export interface AmbassadorRecord {
  id: number;
  programId: string;
  /** Canonical (upper-case) referral code; also the friend's coupon code. */
  code: string;
  /** As given by the shop. */
  email: string;
  /** shared `normaliseEmail`, which identifies the mailbox. */
  emailNormalised: string;
  name: string | null;
  customerId: string | null;
  /** A tier the owner set by hand (VIP); null = the tier the rules give by successful referrals. */
  tier: string | null;
  /** The friend's share of rewards the ambassador chose for their link (split); null = none. */
  friendSharePercent: number | null;
  createdAt: number;
  /** When the owner blocked the ambassador: their link and code stop earning. Absent or null: not blocked. */
  blockedAt?: number | null;
  /** false for a visitor who joined by email in the panel until the owner confirms them: their
   * rewards are held (`unconfirmed_ambassador`) until then. */
  confirmed: boolean;
}

/** One immutable version of a program's reward rules. */
export interface RulesVersionRecord {
  programId: string;
  version: number;
  rules: RewardRules;
  createdAt: number;
}

/** What the reward maths need to know about an ambassador's standing, in one unit. */
export interface ReferralStanding {
  /** Attributed first purchases through the ambassador not refunded in full or canceled. */
  successfulReferrals: number;
  /** What the ambassador's rewards in this unit created this calendar month are worth now. */
  earnedThisMonth: number;
  /** What all the program's rewards in this unit are worth now. */
  earnedByProgram: number;
  /** Milestones whose bonus is still worth something. */
  milestonesAwarded: number[];
}

export type ClickSource = 'link' | 'widget';

/** The kind of device a click came from, as its user agent tells. */
export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'other';

/** What a user agent says about the browser, for the owner's statistics; null when it says nothing. */
export interface ClientDetails {
  browser: string | null;
  os: string | null;
  deviceType: DeviceType | null;
}

export interface ClickRecord {
  id: string;
  programId: string;
  ambassadorId: number;
  visitorId: string | null;
  ipUaHash: string | null;
  source: ClickSource;
  /** false for a click that turned out to repeat an earlier one. */
  counted: boolean;
  /** The ambassador's own browser clicked: stored for the record, never counted. */
  self: boolean;
  url: string | null;
  referrer: string | null;
  /** The short link was opened from a QR code (`?qr=1`). */
  qr: boolean;
  browser: string | null;
  os: string | null;
  deviceType: DeviceType | null;
  createdAt: number;
  claimedAt: number | null;
}

export interface RewardRecord {
  id: number;
  ambassadorId: number;
  conversionId: number;
  kind: RewardKind;
  /** `conversion`: the conversion's own reward; `milestone`: a bonus the conversion unlocked. */
  purpose: 'conversion' | 'milestone';
  /** The milestone (successful referrals) of a bonus; null for a conversion's reward. */
  milestone: number | null;
  /** What the reward was worth when the order was paid. */
  originalAmount: number;
  /** What it is worth now, after refunds. */
  amount: number;
  currency: string;
  status: RewardStatus;
  /** When the hold period ends; null until it has started. */
  holdUntil: number | null;
  /** The fraud rules that fired when the reward was created. */
  reasons: FraudReason[];
  createdAt: number;
  updatedAt: number;
}

export interface ConversionRecord {
  id: number;
  programId: string;
  orderId: string;
  amount: number;
  currency: string;
  refundedAmount: number;
  status: ConversionStatus;
  orderStatus: OrderStatus;
  customerEmail: string | null;
  customerEmailNormalised: string | null;
  customerId: string | null;
  visitorId: string | null;
  couponCode: string | null;
  attributed: boolean;
  attributedVia: AttributedVia | null;
  /** The ambassador the referral pointed to, also when not attributed (self-referral). */
  ambassadorId: number | null;
  clickId: string | null;
  reason: NotAttributedReason | null;
  friendDiscountPercent: number | null;
  friendDiscountAmount: number | null;
  /** The rules version the reward was computed with; null only for conversions never computed. */
  rulesVersion: number | null;
  /** The friend's share of the referrer's reward (split), in the reward's unit; null = no split. */
  friendShare: number | null;
  /** Why an attributed conversion earned the referrer nothing; null when it earned something. */
  rewardSkipped: RewardSkipReason | null;
  /** Salted hashes of the customer's IP, and IP + user agent, when the shop sent them. */
  ipHash: string | null;
  ipUaHash: string | null;
  createdAt: number;
}

export interface ConversionDetails extends ConversionRecord {
  ambassadorCode: string | null;
  reward: RewardRecord | null;
  /** Milestone bonuses this conversion unlocked. */
  bonuses: RewardRecord[];
}

export interface RewardWithOrder extends RewardRecord {
  orderId: string;
}

export interface OwnerReward extends RewardWithOrder {
  ambassadorCode: string;
}

export interface LedgerEntryRecord {
  id: number;
  rewardId: number;
  orderId: string;
  amount: number;
  currency: string;
  from: LedgerBucket;
  to: LedgerBucket;
  reason: string;
  actor: LedgerActor;
  note: string | null;
  createdAt: number;
}

/** Sums of the ledger per currency; the same as on the wire. */
export type LedgerBalanceRecord = LedgerBalance;
/** A program's (or one ambassador's) sums of the ledger per currency, with counts; the same as on the wire. */
export type RewardBalanceRecord = RewardBalance;

/** A referred visitor who identified, bound to the ambassador who referred them. */
export interface ReferralBinding {
  programId: string;
  ambassadorId: number;
  emailNormalised: string | null;
  customerId: string | null;
  clickId: string | null;
  referredAt: number;
  createdAt: number;
}

export interface AmbassadorSummary {
  /** Counted clicks that were not the ambassador's own. */
  clicks: number;
  /** Attributed conversions that were not refunded in full. */
  conversions: number;
  /** Newest first, at most `REWARD_LIST_LIMIT`. */
  rewards: RewardWithOrder[];
  /** Sums of the ledger; `pending` includes rewards held for review. */
  totals: Array<{ currency: string; pending: number; approved: number; paid: number }>;
}

export const REWARD_LIST_LIMIT = 100;

/** Counted clicks of a program (not the ambassadors' own) in a time range, broken down for the owner. */
export interface ClickBreakdown {
  clicks: number;
  /** Of those, opened from a QR code. */
  qr: number;
  /** Most clicks first; `value` null = unknown (clicks stored before these details were). */
  byDeviceType: Array<{ value: DeviceType | null; clicks: number }>;
  byBrowser: Array<{ value: string | null; clicks: number }>;
  byOs: Array<{ value: string | null; clicks: number }>;
}

export interface WebhookEndpointRecord {
  id: number;
  url: string;
  secret: string;
  /** Event types, or `['*']`. */
  events: string[];
  createdAt: number;
}

/** A delivery whose time has come, with what it takes to send it. */
export interface DueDelivery {
  deliveryId: number;
  attempts: number;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  /** The JSON body, byte for byte what is signed and sent. */
  payload: string;
}

export interface WebhookAttempt {
  attemptedAt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryRecord {
  id: number;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
  log: WebhookAttempt[];
}

export interface PayoutRecord {
  id: number;
  programId: string;
  currency: string;
  status: 'open' | 'paid' | 'canceled';
  minimumAmount: number;
  total: number;
  createdAt: number;
  closedAt: number | null;
  items: Array<{ ambassadorId: number; ambassadorCode: string; email: string; name: string | null; amount: number }>;
}
