/**
 * The JSON shapes that cross the wire, shared by the server (which answers) and by the widget and
 * the demo shop (which ask). The server's route schemas must produce exactly these.
 */
import type { Money } from './money.ts';
import type { RewardKind, RewardRules } from './reward-rules/rules.ts';

export type { RewardRules } from './reward-rules/rules.ts';

export interface ApiError {
  error: { code: string; message: string };
}

export type RewardStatus = 'pending' | 'approved' | 'paid' | 'voided' | 'held' | 'rejected';
export type ConversionStatus = 'paid' | 'partially_refunded' | 'refunded';
/** What the shop says happened to the order since it was paid. */
export type OrderStatus = 'paid' | 'fulfilled' | 'canceled';

/** A fraud rule; each program decides whether it rejects a reward or holds it for review. */
export type FraudRule = 'self_referral' | 'disposable_email' | 'ip_velocity' | 'coupon_site';
export type FraudAction = 'reject' | 'hold';

/** Why a fraud rule fired (stable codes, shown to owners). */
export type FraudReason =
  | 'self_referral_email'
  | 'self_referral_customer_id'
  | 'self_referral_visitor'
  | 'self_referral_ip_ua'
  | 'disposable_email'
  | 'ip_velocity'
  | 'coupon_site_referrer';

/** Why a conversion was not attributed (stable codes, shown to owners). A fraud rule whose action
 * is `reject` names itself here. */
export type NotAttributedReason =
  | 'no_referral'
  | 'unknown_referral'
  | 'outside_attribution_window'
  | 'not_first_purchase'
  | 'ambassador_blocked'
  | FraudRule;

/** How the attributed ambassador was found. */
export type AttributedVia = 'click' | 'code' | 'coupon' | 'customer' | 'repeat';

/** What a referred friend is offered: "Alice gives you 10% off" with a coupon code. */
export interface FriendOffer {
  ambassadorName: string;
  couponCode: string;
  discount: { type: 'percent'; percent: number };
}

// ---------------------------------------------------------------------------------------------
// Browser endpoints (called by the widget; CORS limited to the program's allowed origins)

/** POST /v1/widget/clicks */
export interface ClickRequest {
  programId: string;
  code: string;
  visitorId: string;
  /** Present when the visitor came through `GET /r/{code}`, which already counted the click. */
  clickId?: string;
  url?: string;
  referrer?: string;
}
export interface ClickResponse {
  clickId: string;
  /** false when the click was a duplicate within the deduplication window. */
  counted: boolean;
}

/** POST /v1/widget/forget: after `consent(false)`, deletes the `sarafan_ref` the server set (204). */
export interface ForgetRequest {
  programId: string;
}

/** POST /v1/widget/session: everything the panel needs, in one round trip. */
export interface SessionRequest {
  programId: string;
  visitorId: string;
  referral?: { code: string; clickId?: string };
  identity?: {
    email: string;
    name?: string;
    customerId?: string;
    timestamp: number;
    signature: string;
  };
}
export interface SessionResponse {
  program: { id: string; name: string };
  /** The friend offer for a referred visitor; null for everyone else, and for the ambassador
   * whose own link it is. */
  offer: FriendOffer | null;
  /** Present when the request carried a valid signed identity. */
  ambassador: AmbassadorView | null;
}

export interface AmbassadorView {
  code: string;
  name: string;
  /** The link to share: the short link `{server}/r/{code}`. */
  link: string;
  couponCode: string;
  /** What the ambassador's friends get. */
  offer: FriendOffer;
  stats: {
    clicks: number;
    /** Friends whose purchase was attributed to this ambassador. */
    friendsBought: number;
  };
  rewards: RewardView[];
  /** Sums per currency and status; never converted between currencies. */
  totals: Array<{ currency: string; pending: number; approved: number; paid: number }>;
}

export interface RewardView extends Money {
  status: RewardStatus;
  createdAt: number;
  /** Why a held, rejected or voided reward is not on its way; the panel words it for the
   * ambassador (e.g. `own_purchase`: "Rejected (your own purchase)"). */
  reason?: RewardReason;
}

/** The ambassador's side of the reasons: short, and without the owner's fraud details (which
 * would teach a fraudster what to avoid). */
export type RewardReason = 'own_purchase' | 'not_eligible' | 'under_review' | 'order_refunded';

// ---------------------------------------------------------------------------------------------
// Server-to-server endpoints (Authorization: Bearer <secret key>)

/** POST /v1/ambassadors and GET /v1/ambassadors/{code} */
export interface AmbassadorResponse {
  code: string;
  email: string;
  name: string | null;
  customerId: string | null;
  link: string;
  couponCode: string;
  createdAt: number;
  clicks: number;
  conversions: number;
  rewards: Array<{ orderId: string; amount: number; currency: string; status: RewardStatus }>;
}

/** POST /v1/conversions */
export interface ConversionRequest {
  orderId: string;
  /** What the customer paid, in minor units, after any discount. */
  amount: number;
  currency: string;
  customer?: { email?: string; id?: string };
  referral?: { code?: string; clickId?: string; visitorId?: string };
  couponCode?: string;
  /** The customer's browser as the shop saw it at checkout; hashed at once, never stored. */
  client?: { ip?: string; userAgent?: string };
  /** The friend discount the shop applied, in minor units, for the owner's records. */
  discountAmount?: number;
  items?: Array<{ sku: string; category?: string; amount: number; quantity: number }>;
}

/** The answer of POST /v1/conversions, of its repeat, and of POST .../refunds. */
export interface ConversionResponse {
  orderId: string;
  amount: number;
  currency: string;
  refundedAmount: number;
  status: ConversionStatus;
  orderStatus: OrderStatus;
  attributed: boolean;
  attributedVia?: AttributedVia;
  ambassadorCode?: string;
  /** Why not attributed, when `attributed` is false. */
  reason?: NotAttributedReason;
  /** The friend offer applied to this order, when attributed. */
  friendDiscount?: { percent: number; amount: number };
  reward?: ConversionReward;
  /** Milestone bonuses this order unlocked for the ambassador, each a reward of its own. */
  bonuses?: Array<ConversionReward & { milestone: number }>;
  /** The friend's share of the reward, as the ambassador chose (split), in the reward's unit. */
  friendShare?: number;
  /** The version of the program's reward rules this order was computed with. */
  rulesVersion?: number;
  createdAt: number;
}

export interface ConversionReward {
  id: number;
  amount: number;
  currency: string;
  status: RewardStatus;
  /** The fraud rules that fired, for held and rejected rewards. */
  reasons: FraudReason[];
  /** When the hold period ends and the reward is approved; absent until it has started. */
  holdUntil?: number;
}

/** POST /v1/conversions/{orderId}/refunds */
export interface RefundRequest {
  /** Minor units; absent = everything that remains. */
  amount?: number;
  /** The shop's id of the refund: a repeat with the same id changes nothing. */
  refundId?: string;
}

/** POST /v1/conversions/{orderId}/status */
export interface OrderStatusRequest {
  status: OrderStatus;
}

// ---------------------------------------------------------------------------------------------
// Owner endpoints (Authorization: Bearer <secret key>)

export type LedgerBucket = 'earned' | 'held' | 'pending' | 'approved' | 'paid' | 'voided' | 'rejected' | 'clawed_back';
export type LedgerActor = 'system' | 'owner' | 'shop_api';

/** One append-only entry: `amount` moved from one bucket to another. */
export interface LedgerEntryView {
  id: number;
  rewardId: number;
  orderId: string;
  amount: number;
  currency: string;
  from: LedgerBucket;
  to: LedgerBucket;
  reason: string;
  actor: LedgerActor;
  note?: string;
  createdAt: number;
}

/** Balances per currency, each the sum of the ledger. `approved` is what is owed and may be negative. */
export interface LedgerBalance {
  currency: string;
  held: number;
  pending: number;
  approved: number;
  paid: number;
}

/** GET /v1/ambassadors/{code}/ledger */
export interface LedgerResponse {
  ambassadorCode: string;
  balances: LedgerBalance[];
  entries: LedgerEntryView[];
}

/** GET /v1/ambassadors/{code}/personal-data: everything Sarafan keeps about one ambassador. */
export interface PersonalDataExport {
  ambassador: { code: string; email: string; name: string | null; customerId: string | null; createdAt: number };
  /** The browsers (visitor ids) the ambassador identified in, and when first. */
  browsers: Array<{ visitorId: string; firstSeenAt: number }>;
  /** Their own orders as a customer of the shop. */
  orders: Array<{ orderId: string; amount: number; currency: string; createdAt: number }>;
  ledger: LedgerResponse;
}

/** DELETE /v1/ambassadors/{code}/personal-data */
export interface ErasureResponse {
  code: string;
  erasedAt: number;
}

/** An item of GET /v1/rewards and the answer of the review calls. */
export interface OwnerRewardView {
  id: number;
  ambassadorCode: string;
  orderId: string;
  /** Store credit, cash, points, a coupon, a gift or raffle entries (see the reward rules). */
  kind: RewardKind;
  /** `conversion`: the order's own reward; `milestone`: a bonus the order unlocked. */
  purpose: 'conversion' | 'milestone';
  /** The milestone (successful referrals) of a bonus. */
  milestone?: number;
  amount: number;
  originalAmount: number;
  currency: string;
  status: RewardStatus;
  reasons: FraudReason[];
  holdUntil?: number;
  createdAt: number;
}

/** POST /v1/rewards/{rewardId}/approve and /reject */
export interface RewardReviewRequest {
  note?: string;
}

/** GET /v1/coupons/{code}: lets the shop's checkout apply a friend's coupon. */
export interface CouponResponse {
  code: string;
  ambassadorCode: string;
  ambassadorName: string;
  discount: { type: 'percent'; percent: number };
  /** false when the coupon may not be applied for the customer asked about (`?email=`). */
  eligible: boolean;
  /** Why not eligible: `own_code` when the customer is the coupon's own ambassador. */
  reason?: CouponIneligibleReason;
}

export type CouponIneligibleReason = 'own_code';

// ---------------------------------------------------------------------------------------------
// Webhooks (owner API, and the deliveries a shop receives)

export const WEBHOOK_EVENT_TYPES = [
  'ambassador.created',
  'conversion.attributed',
  'reward.created',
  'reward.approved',
  'reward.rejected',
  'reward.voided',
  'reward.paid',
  'milestone.reached',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body of every delivery. `data` depends on `type` (see the README). */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  programId: string;
  createdAt: number;
  data: Record<string, unknown>;
}

/** POST /v1/webhooks: creates the endpoint, or updates the one with the same URL. */
export interface WebhookEndpointRequest {
  url: string;
  /** Absent: every event. */
  events?: WebhookEventType[];
}

export interface WebhookEndpointView {
  id: number;
  url: string;
  /** `["*"]` for every event. */
  events: string[];
  /** The signing secret: keep it on your server. */
  secret: string;
  createdAt: number;
}

export interface WebhookDeliveryView {
  id: number;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt?: number;
  deliveredAt?: number;
  createdAt: number;
  log: Array<{ attemptedAt: number; statusCode?: number; error?: string; durationMs: number }>;
}

// ---------------------------------------------------------------------------------------------
// Reward rules (owner API)

/** One immutable version of a program's reward rules. */
export interface RulesVersion {
  version: number;
  createdAt: number;
  rules: RewardRules;
}

/** GET /v1/program: the program, its rules in force and every version's number. */
export interface ProgramResponse {
  id: string;
  name: string;
  rules: RulesVersion;
  versions: Array<{ version: number; createdAt: number }>;
}

/** PUT /v1/ambassadors/{code}/reward-choices: the owner's VIP tier and the ambassador's split. */
export interface RewardChoicesRequest {
  /** A tier name of the rules in force; null = the tier earned by successful referrals. */
  tier?: string | null;
  /** The friend's share of the ambassador's rewards, one of the split's choices; null = none. */
  friendSharePercent?: number | null;
}

export interface RewardChoicesResponse {
  code: string;
  tier: string | null;
  friendSharePercent: number | null;
}

// ---------------------------------------------------------------------------------------------
// Payouts (owner API)

/** POST /v1/payouts */
export interface PayoutRequest {
  currency: string;
  /** Ambassadors owed less than this (minor units) wait for a later batch. Default 0. */
  minimumAmount?: number;
}

export interface PayoutView {
  id: number;
  currency: string;
  status: 'open' | 'paid' | 'canceled';
  minimumAmount: number;
  total: number;
  createdAt: number;
  closedAt?: number;
  items: Array<{ ambassadorCode: string; amount: number }>;
}

// ---------------------------------------------------------------------------------------------
// Widget events (browser) and analytics (owner API)

/** Where a share happened or the panel was shown: the placements a shop configures. */
export const WIDGET_PLACEMENTS = ['launcher', 'inline', 'banner', 'product', 'purchase'] as const;
export type WidgetPlacement = (typeof WIDGET_PLACEMENTS)[number];

/** How an ambassador shared their link; `native` is the browser's own share sheet. */
export const SHARE_CHANNELS = ['native', 'copy_link', 'copy_code', 'whatsapp', 'telegram', 'x', 'facebook', 'email', 'sms', 'qr'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

export const WIDGET_EVENT_TYPES = ['widget_shown', 'panel_opened', 'share'] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];

export interface WidgetEventInput {
  type: WidgetEventType;
  placement?: WidgetPlacement;
  /** Only with `share`. */
  channel?: ShareChannel;
}

/** POST /v1/widget/events (JSON, also as text/plain from `sendBeacon`): the funnel's first steps.
 * The server stamps the time; `code` is the sharing ambassador's. Answer: 202 WidgetEventsResponse. */
export interface WidgetEventsRequest {
  programId: string;
  visitorId: string;
  code?: string;
  /** 1 to 20 events. */
  events: WidgetEventInput[];
}
export interface WidgetEventsResponse {
  accepted: number;
}

/** GET /v1/analytics/overview?from=&to= (epoch ms, `to` exclusive). Rates are fractions from 0
 * to 1, null when their denominator is 0; money is per currency, never converted. */
export interface AnalyticsOverview {
  from: number;
  to: number;
  funnel: {
    /** Distinct visitors the widget was shown to. */
    widgetShown: number;
    /** Distinct visitors who opened the panel. */
    panelOpened: number;
    shares: number;
    sharesByChannel: Partial<Record<ShareChannel, number>>;
    /** Counted clicks (link and QR) plus coupon-attributed purchases without a click. */
    clicks: number;
    clicksBySource: { link: number; qr: number; coupon: number };
    /** Referred visitors who identified themselves to the shop. */
    identified: number;
    /** Attributed conversions. */
    purchases: number;
    /** Rewards created, whatever became of them since. */
    rewards: number;
    /** Each step divided by the step before it, in the order above (shares over panelOpened, …). */
    rates: { panelOpened: number | null; shares: number | null; clicks: number | null; identified: number | null; purchases: number | null; rewards: number | null };
  };
  /** One row per UTC day of the period, days without activity included. */
  daily: Array<{ day: string; clicks: number; purchases: number; revenue: Money[] }>;
  /** K = shares per sharing ambassador × purchases per share. */
  viral: { ambassadors: number; sharesPerAmbassador: number | null; purchaseRate: number | null; k: number | null };
  /** From an ambassador's creation to their first referred purchase, for those who had one in the period. */
  cycleTime: { ambassadors: number; medianMs: number | null; averageMs: number | null };
  /** Ambassadors who shared or were created in the period, over distinct visitors shown the widget. */
  participation: { visitorsShown: number; ambassadors: number; rate: number | null };
  /** Distinct referred visitors (counted clicks) who bought, over all of them. */
  referredConversion: { visitors: number; purchased: number; rate: number | null };
  orderValue: Array<{
    currency: string;
    referred: { customers: number; orders: number; averageOrder: number | null; lifetimeValue: number | null };
    all: { customers: number; orders: number; averageOrder: number | null; lifetimeValue: number | null };
  }>;
  /** The 80/20 rule: the share of referred revenue brought by the top 20% of ambassadors. */
  topAmbassadors: Array<{ currency: string; ambassadors: number; topCount: number; topRevenueShare: number | null }>;
  devices: { deviceType: Record<string, number>; browser: Record<string, number>; os: Record<string, number> };
}

/** An item of GET /v1/ambassadors, and the answer of POST /v1/ambassadors/{code}/block. */
export interface AmbassadorListItem {
  code: string;
  name: string | null;
  email: string;
  createdAt: number;
  /** Counted clicks that were not the ambassador's own. */
  clicks: number;
  /** Attributed conversions. */
  conversions: number;
  /** What the attributed orders brought, after refunds, per currency. */
  revenue: Money[];
  /** The tier the owner set by hand (VIP); null = the one earned by referrals. */
  tier: string | null;
  blocked: boolean;
  /** Rewards of the ambassador held or rejected by fraud rules. */
  fraudFlags: number;
}

/** GET /v1/ambassadors?q=&sort=&order=&limit=&offset= */
export interface AmbassadorListResponse {
  items: AmbassadorListItem[];
  /** How many match `q`, whatever the page. */
  total: number;
}

export type AmbassadorSort = 'createdAt' | 'name' | 'clicks' | 'conversions' | 'revenue';

/** POST /v1/ambassadors/{code}/block: blocks (or unblocks) the ambassador's link and code. */
export interface AmbassadorBlockRequest {
  blocked: boolean;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Widget settings (owner API: GET and PUT /v1/program/widget; sent to the panel in the session)

export const WIDGET_LANGUAGES = ['en', 'ru', 'pl'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/** What the owner configures for the widget without touching the script tag. The script tag's own
 * `data-texts` and `data-theme` win over these on that page. */
export interface WidgetSettings {
  /** Text overrides per language and message key (the keys of the widget's English messages). */
  texts: Partial<Record<WidgetLanguage, Record<string, string>>>;
  /** CSS values for the panel's custom properties. */
  theme: { accent?: string; radius?: number; font?: string; mode?: 'light' | 'dark' | 'auto' };
  /** Show the top-10 leaderboard (names masked) in ambassadors' panels. */
  leaderboard: boolean;
}
