/**
 * The JSON shapes that cross the wire, shared by the server (which answers) and by the widget and
 * the demo shop (which ask). The server's route schemas must produce exactly these.
 */
import type { Money } from './money.ts';
import type { RewardKind, RewardRules } from './reward-rules/rules.ts';
import type { JoinPolicy } from './wire-joining-draws.ts';

export type { RewardRules } from './reward-rules/rules.ts';

export interface ApiError {
  /** `field`, when present, names the part of the request that is wrong (`texts.ru.title`). */
  error: { code: string; message: string; field?: string };
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
  | 'coupon_site_referrer'
  /** Not a rule's: the ambassador joined by email in the panel and the owner has not confirmed
   * them yet (`POST /v1/ambassadors/{code}/confirm` releases these rewards). */
  | 'unconfirmed_ambassador';

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
  /** The ambassador's shared code, or this friend's own single-use code. */
  couponCode: string;
  discount: FriendOfferDiscount;
  /** The smallest order (before the discount) the offer applies to. */
  minimumOrder?: { amount: number; currency: string };
  /** When the offer ends (epoch ms); absent: it does not end. */
  expiresAt?: number;
}

/** A percentage off, or a fixed amount off in one currency (minor units). */
export type FriendOfferDiscount = { type: 'percent'; percent: number } | { type: 'flat'; amount: number; currency: string };

/** Why an attributed conversion earned the referrer nothing. */
export type RewardSkipReason =
  | 'friend_only'
  | 'below_minimum_order'
  | 'below_threshold'
  | 'currency_not_configured'
  | 'excluded_items'
  | 'cap_reached'
  | 'budget_exhausted';

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
  /** The token `POST /v1/widget/join` gave this browser: the panel of an ambassador who joined by email. */
  joinToken?: string;
}
export interface SessionResponse {
  program: { id: string; name: string };
  /** The friend offer for a referred visitor; null for everyone else, and for the ambassador
   * whose own link it is. */
  offer: FriendOffer | null;
  /** Present when the request carried a valid signed identity. */
  ambassador: AmbassadorView | null;
  /** The signed-in customer may not join the program (its join policy): why. */
  joinRefused?: 'join_requires_purchase' | 'join_requires_invitation';
  /** The owner's widget settings; the script tag's `data-texts` and `data-theme` win over them. */
  widget: WidgetSettings;
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
  /** false while an ambassador who joined by email waits for the shop to confirm them (their
   * rewards are held until then). Absent means confirmed. */
  confirmed?: false;
  /** Successful referrals so far, and the next milestone bonus or tier of the rules in force. */
  progress?: AmbassadorProgress;
  /** The split of rewards with friends, when the program offers it. */
  split?: { choices: number[]; friendSharePercent: number | null };
}

export interface AmbassadorProgress {
  /** Attributed first purchases, not refunded in full or canceled. */
  referrals: number;
  /** The next milestone: a bonus at `referrals` successful referrals. */
  nextMilestone?: { referrals: number; amounts: Money[] };
  /** The tier that applies now, if any, and the next one to earn. */
  tier?: string;
  nextTier?: { name: string; fromReferrals: number };
}

/** POST /v1/widget/join: a visitor the shop has not identified joins with their email. */
export interface JoinRequest {
  programId: string;
  visitorId: string;
  email: string;
  name?: string;
}
export interface JoinResponse {
  ambassador: AmbassadorView;
  /** Kept by the browser (localStorage) and sent as `SessionRequest.joinToken` on later visits. */
  joinToken: string;
}

/** POST /v1/widget/split: the ambassador picks one of the split's choices for their link. Either
 * the signed identity or the join token says who they are. */
export interface SplitRequest {
  programId: string;
  visitorId: string;
  identity?: SessionRequest['identity'];
  joinToken?: string;
  friendSharePercent: number;
}
export interface SplitResponse {
  friendSharePercent: number | null;
}

/** GET /v1/widget/leaderboard?programId=: the top 10 by successful referrals, names masked. Only
 * when the program turned `WidgetSettings.leaderboard` on. */
export interface LeaderboardResponse {
  entries: Array<{ rank: number; name: string; referrals: number }>;
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
  /** false for someone who joined by email in the panel and is not confirmed yet
   * (`POST /v1/ambassadors/{code}/confirm`); absent once confirmed. */
  confirmed?: false;
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
  /** The order's lines; `amount` is the price of one item (minor units), multiplied by `quantity`. */
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
  /** The friend offer applied to this order, when attributed; `percent` is absent for a flat offer. */
  friendDiscount?: { percent?: number; amount: number };
  /** Attributed, but the referrer earns nothing for this order: why. */
  rewardSkipped?: RewardSkipReason;
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

/** GET /v1/rewards/balances: one currency (or unit) of the program's rewards, summed from the ledger. */
export interface RewardBalance extends LedgerBalance {
  /** What payouts pay: each ambassador's positive `approved`, summed (open batches included). It
   * exceeds `approved` by the debts that clawbacks after payment left, which later rewards repay. */
  owed: number;
  /** What was refused: rewards rejected by a fraud rule or by the owner. */
  rejected: number;
  /** How many rewards are in each status. */
  counts: Record<RewardStatus, number>;
}

/** GET /v1/rewards/balances[?ambassador=CODE] */
export interface RewardBalancesResponse {
  /** The ambassador of `?ambassador=`; absent for the whole program. */
  ambassadorCode?: string;
  balances: RewardBalance[];
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
  discount: FriendOfferDiscount;
  /** `shared`: the ambassador's referral code; `single_use`: one friend's own code. */
  coupon?: 'shared' | 'single_use';
  minimumOrder?: { amount: number; currency: string };
  /** Single-use coupons: when the offer ends (epoch ms). */
  expiresAt?: number;
  /** false when the coupon may not be applied for the customer asked about (`?email=`, `?amount=`). */
  eligible: boolean;
  /** Why not eligible. */
  reason?: CouponIneligibleReason;
}

/** `own_code`: the customer is the coupon's ambassador; `already_used`: a single-use coupon was
 * used by an order; `expired`: the offer ended; `below_minimum`: `?amount=` is below the minimum order. */
export type CouponIneligibleReason = 'own_code' | 'already_used' | 'expired' | 'below_minimum';

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
  joinPolicy: JoinPolicy;
  /** Page origins allowed to call the browser API (see `AllowedOriginsBody`). */
  allowedOrigins: string[];
}

/** GET and PUT /v1/program/origins. PUT takes 1 to 50 http(s) URLs, each kept as its origin; the
 * answer lists what is stored, with the other loopback name of localhost and 127.0.0.1 added. */
export interface AllowedOriginsBody {
  allowedOrigins: string[];
}

/** POST /v1/ambassadors/{code}/confirm: the owner confirms someone who joined by email; their
 * rewards held only for that (`unconfirmed_ambassador`) go to pending. */
export interface ConfirmAmbassadorResponse {
  code: string;
  confirmed: true;
  /** How many held rewards this released (0 when repeated). */
  released: number;
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

/**
 * The overview's figures that can be estimates, by their path in `AnalyticsOverview` (items of
 * `orderValue` without an index: every currency's). Distinct visitors and customers of a period
 * too busy to count one by one are estimated (1.6% standard error), and so is what is computed from them.
 */
export const ANALYTICS_ESTIMATES = [
  'funnel.widgetShown',
  'funnel.panelOpened',
  'funnel.rates.panelOpened',
  'funnel.rates.shares',
  'participation.visitorsShown',
  'participation.rate',
  'referredConversion.visitors',
  'referredConversion.purchased',
  'referredConversion.rate',
  'orderValue.referred.customers',
  'orderValue.referred.lifetimeValue',
  'orderValue.all.customers',
  'orderValue.all.lifetimeValue',
] as const;
export type AnalyticsEstimate = (typeof ANALYTICS_ESTIMATES)[number];

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
  /** Which figures above are estimates, in the order of `ANALYTICS_ESTIMATES`; empty when all are exact. */
  estimated: AnalyticsEstimate[];
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

/** GET /v1/program/widget/texts: the keys `WidgetSettings.texts` accepts, for an editor. */
export interface WidgetTextCatalog {
  texts: Array<{
    /** `title`, a group member `status.pending`, or a plural form `clicks.few`. */
    key: string;
    /** The only placeholders a replacement may use, e.g. `["percent"]` for `{percent}`. */
    placeholders: string[];
    /** The built-in text per language; a plural form a language does not use is absent. */
    builtIn: Partial<Record<WidgetLanguage, string>>;
  }>;
}

// ---------------------------------------------------------------------------------------------
// Owner dashboard (sign-in at /admin/session; then the owner API with its cookie)

/** POST /admin/session */
export interface AdminSignInRequest {
  secretKey: string;
}

/** POST and GET /admin/session: who is signed in, and the token every write must send as
 * `X-CSRF-Token`. */
export interface AdminSessionResponse {
  programId: string;
  programName: string;
  csrfToken: string;
  expiresAt: number;
}

/** GET and PUT /v1/program/attribution */
export interface AttributionSettings {
  attributionWindowMs: number;
  attributionModel: 'last_click' | 'first_click';
}

/** GET /v1/payouts: the latest batches, newest first. */
export interface PayoutListResponse {
  payouts: PayoutView[];
}
