import type { RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import type { WidgetSettings } from '../../../shared/src/wire.ts';
import type { RewardChange } from '../domain/reward-ledger.ts';
import type {
  AmbassadorRecord,
  AmbassadorSummary,
  ClickBreakdown,
  ClickRecord,
  ClickSource,
  ClientDetails,
  DueDelivery,
  ConversionDetails,
  ConversionRecord,
  LedgerBalanceRecord,
  LedgerEntryRecord,
  OwnerReward,
  RewardBalanceRecord,
  PayoutRecord,
  ProgramRecord,
  ReferralBinding,
  ReferralStanding,
  RulesVersionRecord,
  RewardRecord,
  WebhookAttempt,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from './records.ts';
import type { DeliveryOutcome } from '../domain/webhook-retry.ts';
import type { AnalyticsStore } from './analytics-store.ts';
import type { ContestReferrals, ContestStanding } from '../../../shared/src/draws/contest-ranking.ts';
import type { RaffleEntrant } from '../../../shared/src/draws/raffle-draw.ts';
import type { JoinPolicy } from './records.ts';
import type {
  ContestRecord,
  FriendCouponRecord,
  InvitationRecord,
  NewContest,
  NewFriendCoupon,
  NewRaffle,
  RaffleRecord,
} from './rules-records.ts';
import type { PayableReward, PayoutItem, PayoutLine } from '../domain/payouts.ts';

/**
 * The narrow interface between the services and the database. SQLite implements it today; a
 * PostgreSQL implementation for several server instances is planned, so:
 * - every method is async, even though better-sqlite3 answers synchronously;
 * - every multi-step write is one method, which the implementation runs in one transaction;
 * - decisions that must be atomic with a write stay pure functions in `domain/`: click
 *   deduplication (`decideClick`, which implementations call inside their transaction) and
 *   refund maths (passed in as a planner), so the rules live in one place and the locking here.
 * - rewards change only by appending ledger entries (`RewardChange`) in the same transaction as
 *   the new status; balances are sums of the ledger.
 */
export interface Store extends AnalyticsStore {
  /** Answers when the database does; used by `GET /health`. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // Programs
  saveProgram(program: ProgramRecord): Promise<void>;
  getProgram(id: string): Promise<ProgramRecord | null>;
  findProgramBySecretHash(secretHash: string): Promise<ProgramRecord | null>;
  /** For CORS preflight, which does not say which program it is for. */
  isOriginAllowedByAnyProgram(origin: string): Promise<boolean>;
  /** Replaces the program's allowed origins (already normalised) in one transaction; false if there is no such program. */
  setAllowedOrigins(programId: string, origins: readonly string[]): Promise<boolean>;

  // Reward rules: immutable versions, newest in force
  /** Appends the next version and mirrors it into the program's columns, in one transaction. */
  saveRules(programId: string, rules: RewardRules, mirror: RulesMirror, at: number): Promise<RulesVersionRecord>;
  currentRules(programId: string): Promise<RulesVersionRecord | null>;
  getRules(programId: string, version: number): Promise<RulesVersionRecord | null>;
  listRulesVersions(programId: string): Promise<Array<{ version: number; createdAt: number }>>;
  /** The owner's VIP tier and the ambassador's split choice; `undefined` leaves a field as it is. */
  setRewardChoices(ambassadorId: number, choices: { tier?: string | null; friendSharePercent?: number | null }): Promise<void>;
  /** What the reward maths need about the ambassador before this conversion. */
  referralStanding(query: StandingQuery): Promise<ReferralStanding>;

  // Ambassadors
  /** Creates the ambassador, or returns the one with the same normalised email (filling in a
   * missing name / customer id). `code_taken` means: pick another code and try again. */
  insertAmbassador(ambassador: NewAmbassador): Promise<InsertAmbassadorResult>;
  /** Codes are globally unique; `code` must be canonical. */
  findAmbassadorByCode(code: string): Promise<AmbassadorRecord | null>;
  getAmbassador(id: number): Promise<AmbassadorRecord | null>;
  /** Remembers a browser of the ambassador and flags its earlier clicks on their own link as self. */
  addAmbassadorVisitor(ambassadorId: number, visitorId: string, at: number): Promise<void>;
  isAmbassadorVisitor(ambassadorId: number, visitorId: string): Promise<boolean>;
  /** Whether this browser already bought through the ambassador: the friend offer is for a first purchase. */
  hasBoughtThrough(ambassadorId: number, visitorId: string): Promise<boolean>;
  summariseAmbassador(ambassadorId: number): Promise<AmbassadorSummary>;

  // Clicks
  /** Writes a batch of clicks in one durable transaction, deciding each with `decideClick`;
   * results are in the order of `writes`. A write that fails alone yields an `Error` in its
   * slot; a failed commit rejects the promise. */
  recordClicks(writes: ClickWrite[]): Promise<Array<ClickWriteResult | Error>>;
  findClick(programId: string, clickId: string): Promise<ClickRecord | null>;
  /** The ambassador's latest click from this browser. */
  findLatestClick(ambassadorId: number, visitorId: string): Promise<ClickRecord | null>;
  /** The earliest counted click of this browser in the program since `since`, not the ambassador's own. */
  findFirstClick(programId: string, visitorId: string, since: number): Promise<ClickRecord | null>;

  // What attribution and the fraud rules look up
  /** Remembers that a referred visitor identified (idempotent per ambassador and customer). */
  bindReferral(binding: ReferralBinding): Promise<void>;
  /** The first or last referral bound to this customer (by email or customer id) since `since`. */
  findReferralBinding(
    programId: string,
    customer: CustomerKeys,
    since: number,
    which: 'first' | 'last',
  ): Promise<ReferralBinding | null>;
  /** The customer's earliest conversion in the program that was not canceled (email, id or browser). */
  findFirstConversionOf(programId: string, customer: CustomerKeys & { visitorId: string | null }): Promise<ConversionRecord | null>;
  addAmbassadorFingerprint(ambassadorId: number, ipUaHash: string, at: number): Promise<void>;
  hasAmbassadorFingerprint(ambassadorId: number, ipUaHashes: readonly string[]): Promise<boolean>;
  /** Conversions with a referral (attributed or not) from one of these IP hashes since `since`. */
  countReferredConversionsFromIp(programId: string, ipHashes: readonly string[], since: number): Promise<number>;
  /** Counted clicks of the program (not the ambassadors' own) made in `[from, to)`, broken down
   * by device type, browser and OS, for the owner's statistics. */
  summariseClicks(programId: string, range: { from: number; to: number }): Promise<ClickBreakdown>;

  // Conversions
  findConversion(programId: string, orderId: string): Promise<ConversionDetails | null>;
  /** Inserts the conversion and its reward in one transaction, unless the order id is already
   * recorded: then nothing changes and the stored conversion comes back with `created: false`.
   * With `planning`, the reward fields come from `planning.plan`, run inside that transaction on
   * the ambassador's standing read there. A `friendCouponCode` is marked used by this order in the
   * same transaction; when another order used it first, `FriendCouponTakenError` and nothing is written. */
  recordConversion(conversion: NewConversion, planning?: RewardPlanning | null): Promise<{ created: boolean; conversion: ConversionDetails }>;
  /** Runs `plan` on the current conversion inside a write transaction and stores its outcome
   * (refund row, conversion update, ledger entries). `plan` may throw to refuse: nothing is
   * written. A `refundId` seen before on this order changes nothing. */
  applyRefund(
    programId: string,
    orderId: string,
    refundId: string | null,
    plan: RefundPlanner,
    entry: LedgerContext,
  ): Promise<ConversionDetails | null>;
  /** Same pattern for `POST /v1/conversions/{orderId}/status`. */
  applyOrderStatus(programId: string, orderId: string, plan: OrderStatusPlanner, entry: LedgerContext): Promise<ConversionDetails | null>;

  // Rewards and the ledger
  /** Newest first, narrowed by `filter`. */
  listRewards(programId: string, filter: RewardFilter, limit: number): Promise<OwnerReward[]>;
  /** The program's rewards (or one ambassador's) summed from the ledger per currency, with their
   * counts per status, read in one transaction. */
  rewardBalances(programId: string, ambassadorId: number | null): Promise<RewardBalanceRecord[]>;
  /** Runs `plan` on the reward inside a write transaction; null from `plan` refuses (nothing written). */
  changeReward(
    programId: string,
    rewardId: number,
    plan: (reward: RewardRecord) => RewardUpdate | null,
    entry: LedgerContext,
  ): Promise<{ reward: OwnerReward; changed: boolean } | null>;
  /** Approves pending rewards whose hold has ended by `entry.at` (all programs when `programId` is
   * null), at most `limit` per call; returns how many. Idempotent: approved rewards are not pending. */
  approveDueRewards(programId: string | null, entry: LedgerContext, limit: number): Promise<number>;
  ledgerOf(ambassadorId: number): Promise<{ entries: LedgerEntryRecord[]; balances: LedgerBalanceRecord[] }>;

  // Personal data
  /** The ambassador's browsers and their own orders as a customer, for an export. */
  personalDataOf(ambassador: AmbassadorRecord): Promise<{ browsers: PersonalBrowser[]; orders: PersonalOrder[] }>;
  /** Erases what identifies the ambassador, keeping rewards and the ledger; false if already erased. */
  eraseAmbassador(ambassador: AmbassadorRecord, at: number): Promise<boolean>;

  // Webhooks (events are put in the outbox by the writes above, in their own transactions)
  /** Creates the endpoint, or updates the events of the program's endpoint with this URL. */
  saveWebhookEndpoint(programId: string, url: string, events: string, secret: string, at: number): Promise<WebhookEndpointRecord>;
  listWebhookEndpoints(programId: string): Promise<WebhookEndpointRecord[]>;
  deleteWebhookEndpoint(programId: string, endpointId: number, at: number): Promise<boolean>;
  /** Pending deliveries whose next attempt is due, oldest first. */
  dueWebhookDeliveries(now: number, limit: number): Promise<Array<DueDelivery & { giveUpAt: number }>>;
  recordWebhookAttempt(attempt: WebhookAttempt & { deliveryId: number }, outcome: DeliveryOutcome): Promise<void>;
  /** Newest first, with every attempt. */
  listWebhookDeliveries(programId: string, endpointId: number, limit: number): Promise<WebhookDeliveryRecord[]>;
  /** Sends a delivery again from `at`, retrying until `giveUpAt`; false if it is not the program's. */
  redeliverWebhook(programId: string, deliveryId: number, at: number, giveUpAt: number): Promise<boolean>;

  // Widget settings and joining by email
  getWidgetSettings(programId: string): Promise<WidgetSettings | null>;
  saveWidgetSettings(programId: string, settings: WidgetSettings, at: number): Promise<void>;
  /** Not erased. */
  findAmbassadorByEmail(programId: string, emailNormalised: string): Promise<AmbassadorRecord | null>;
  /** The ambassador whose join token hashes to this (not erased, in this program). */
  findAmbassadorByJoinToken(programId: string, tokenHash: string): Promise<AmbassadorRecord | null>;
  /** Marks the ambassador confirmed and applies `plan` to each of their held rewards, in one
   * transaction; `released` counts the rewards `plan` changed. */
  confirmAmbassador(
    ambassadorId: number,
    plan: (reward: RewardRecord) => RewardUpdate | null,
    entry: LedgerContext,
  ): Promise<{ changed: boolean; released: number }>;
  /** Attributed first purchases not refunded in full or canceled, as in the reward maths. */
  successfulReferrals(ambassadorId: number): Promise<number>;
  /** The program's ambassadors with the most successful referrals (at least one), best first. */
  leaderboard(programId: string, limit: number): Promise<Array<{ ambassador: AmbassadorRecord; referrals: number }>>;

  // Payouts
  /** Makes an open batch of what `plan` picks among the rewards owed in `currency`; null when it
   * picks nothing. Rewards in another open batch are not offered. */
  createPayout(
    programId: string,
    currency: string,
    minimumAmount: number,
    plan: (rewards: PayableReward[]) => PayoutItem[],
    at: number,
  ): Promise<PayoutRecord | null>;
  getPayout(programId: string, payoutId: number): Promise<PayoutRecord | null>;
  /** The program's latest batches, newest first. */
  listPayouts(programId: string, limit: number): Promise<PayoutRecord[]>;
  /** Pays an open batch: `settle` turns its lines (with each reward as it is now) into ledger
   * changes, or throws to refuse. A batch that is not open comes back unchanged. */
  markPayoutPaid(programId: string, payoutId: number, settle: PayoutSettler, entry: LedgerContext): Promise<PayoutRecord | null>;
  /** Cancels an open batch, freeing its rewards; a batch that is not open comes back unchanged. */
  cancelPayout(programId: string, payoutId: number, at: number): Promise<PayoutRecord | null>;

  // Single-use friend coupons
  /** The friend's coupon for this ambassador and browser: the existing one, else a new one with
   * `code`; `code_taken` means: pick another code and try again. */
  issueFriendCoupon(coupon: NewFriendCoupon): Promise<FriendCouponRecord | 'code_taken'>;
  findFriendCoupon(programId: string, code: string): Promise<FriendCouponRecord | null>;

  // Who may join
  setJoinPolicy(programId: string, policy: JoinPolicy): Promise<void>;
  /** Idempotent per (program, normalised email). */
  invite(programId: string, email: string, emailNormalised: string, at: number): Promise<{ invitation: InvitationRecord; created: boolean }>;
  isInvited(programId: string, emailNormalised: string): Promise<boolean>;
  listInvitations(programId: string): Promise<InvitationRecord[]>;
  uninvite(programId: string, emailNormalised: string): Promise<boolean>;
  /** Whether the customer has an order in the program that stands (not refunded in full, not canceled). */
  hasPurchased(programId: string, customer: CustomerKeys): Promise<boolean>;

  // Raffles and contests
  /** Approved or paid raffle entries per ambassador created in `[from, to)` (null: unbounded). */
  raffleEntries(programId: string, from: number | null, to: number | null): Promise<RaffleEntrant[]>;
  saveRaffle(raffle: NewRaffle): Promise<RaffleRecord>;
  getRaffle(programId: string, id: number): Promise<RaffleRecord | null>;
  /** Successful referrals per ambassador made in `[from, to)`, with when each was made. */
  contestReferrals(programId: string, from: number, to: number): Promise<ContestReferrals[]>;
  saveContest(contest: NewContest): Promise<ContestRecord>;
  getContest(programId: string, id: number): Promise<ContestRecord | null>;
  listContests(programId: string): Promise<ContestRecord[]>;
  /** Freezes the contest's standings (`rank` of its referrals) once; a settled contest comes back unchanged. */
  settleContest(programId: string, id: number, rank: (referrals: ContestReferrals[]) => ContestStanding[], at: number): Promise<ContestRecord | null>;
  /** Changes the program's attribution window and model; false if there is no such program. */
  setAttribution(programId: string, settings: AttributionSettings): Promise<boolean>;

  // Owner dashboard sessions
  createAdminSession(session: AdminSessionRecord): Promise<void>;
  /** The session with this token hash, unless it has expired by `now`. */
  findAdminSession(tokenHash: string, now: number): Promise<AdminSessionRecord | null>;
  deleteAdminSession(tokenHash: string): Promise<boolean>;
  /** Deletes the sessions expired by `now`; returns how many. */
  deleteExpiredAdminSessions(now: number): Promise<number>;
}

/** Which rewards a list holds: null (or false) does not narrow it. */
export interface RewardFilter {
  status: RewardRecord['status'] | null;
  ambassadorId: number | null;
  /** Only rewards with fraud reasons. */
  flagged: boolean;
}

export type AttributionSettings = Pick<ProgramRecord, 'attributionWindowMs' | 'attributionModel'>;

/** A signed-in owner dashboard: only the hash of the cookie's token is kept. */
export interface AdminSessionRecord {
  tokenHash: string;
  programId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export type PayoutSettler = (
  lines: Array<PayoutLine & { reward: RewardRecord; owed: number }>,
) => Array<{ rewardId: number; change: RewardChange }>;

/** The program columns that mirror the rules in force (see `saveRules`). */
export interface RulesMirror {
  rewardBasisPoints: number;
  friendDiscountPercent: number;
  recurringMonths: number;
}

/** The reward part of a conversion, decided from the standing inside the conversion's transaction. */
export interface RewardPlanning {
  query: StandingQuery;
  plan: (standing: ReferralStanding) => Pick<NewConversion, 'reward' | 'bonuses' | 'friendShare' | 'rewardSkipped'>;
}

/** A single-use coupon was used by another order a moment earlier. */
export class FriendCouponTakenError extends Error {
  constructor(readonly code: string) {
    super(`Friend coupon ${code} was already used.`);
  }
}

export interface StandingQuery {
  programId: string;
  ambassadorId: number;
  /** The reward's unit: a currency, or `points`, `entries`, `gifts`. */
  unit: string;
  /** The calendar month (UTC) of the conversion, `[monthStart, monthEnd)`. */
  monthStart: number;
  monthEnd: number;
}

export interface PersonalBrowser {
  visitorId: string;
  firstSeenAt: number;
}

export interface PersonalOrder {
  orderId: string;
  amount: number;
  currency: string;
  createdAt: number;
}

export interface CustomerKeys {
  emailNormalised: string | null;
  customerId: string | null;
}

/** Who changes a reward, when, and why in their own words. */
export interface LedgerContext {
  actor: LedgerEntryRecord['actor'];
  at: number;
  note?: string | null;
}

/** A reward change plus, when set, the end of its hold period. */
export type RewardUpdate = RewardChange & { holdUntil?: number | null };

export interface NewAmbassador {
  programId: string;
  code: string;
  email: string;
  emailNormalised: string;
  name: string | null;
  customerId: string | null;
  createdAt: number;
  /** false: joined by email in the panel, not confirmed by the shop. Default true. */
  confirmed?: boolean;
  /** sha256 of the join token given to the browser that joined; stored only when created. */
  joinTokenHash?: string | null;
}

export type InsertAmbassadorResult =
  | { status: 'created' | 'existing'; ambassador: AmbassadorRecord }
  | { status: 'code_taken' };

export interface ClickWrite extends ClientDetails {
  /** The id a new click gets; ignored when the click turns out to be a repeat. */
  newClickId: string;
  programId: string;
  ambassadorId: number;
  source: ClickSource;
  visitorId: string | null;
  /** Salted hash of IP + user agent under the current salt: stored with the click. */
  ipUaHash: string | null;
  /** The same under the previous salt: matched (a repeat from before the salt rotated), never stored. */
  previousIpUaHash: string | null;
  /** Opened from a QR code (`?qr=1` on the short link). */
  qr: boolean;
  /** The click id from a short-link redirect, which the landing page claims. */
  claimClickId: string | null;
  url: string | null;
  referrer: string | null;
  at: number;
  dedupWindowMs: number;
}

export interface ClickWriteResult {
  clickId: string;
  /** true only for a new click that counts (not a repeat, not the ambassador's own). */
  counted: boolean;
}

export type NewConversion = Omit<ConversionRecord, 'id' | 'refundedAmount' | 'status' | 'orderStatus' | 'rewardSkipped'> & {
  rewardSkipped?: ConversionRecord['rewardSkipped'];
  /** A single-use friend coupon this order uses up. */
  friendCouponCode?: string | null;
  reward: NewReward | null;
  /** Milestone bonuses the conversion unlocked: rewards of their own, in the same transaction. */
  bonuses: Array<NewReward & { milestone: number }>;
};

export interface NewReward {
  ambassadorId: number;
  kind: RewardRecord['kind'];
  originalAmount: number;
  currency: string;
  holdUntil: number | null;
  reasons: RewardRecord['reasons'];
  /** The reward's first ledger entry and state (`createReward`). */
  change: RewardChange;
}

export interface RefundPlan {
  /** The amount refunded now (> 0). */
  amount: number;
  refundedAmount: number;
  status: ConversionRecord['status'];
  reward: RewardChange | null;
  /** What happens to the milestone bonuses the conversion unlocked. */
  bonuses: Array<{ rewardId: number; change: RewardChange }>;
}

export type RefundPlanner = (conversion: ConversionDetails) => RefundPlan;

export interface OrderStatusPlan {
  orderStatus: ConversionRecord['orderStatus'];
  reward: RewardUpdate | null;
  bonuses: Array<{ rewardId: number; change: RewardUpdate }>;
}

/** Returns null when the status is already the current one: nothing is written. */
export type OrderStatusPlanner = (conversion: ConversionDetails) => OrderStatusPlan | null;
