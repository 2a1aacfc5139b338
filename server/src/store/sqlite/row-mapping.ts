import type { RewardKind, RewardRules } from '../../../../shared/src/reward-rules/rules.ts';
import type {
  AttributedVia,
  ConversionStatus,
  FraudAction,
  FraudReason,
  FraudRule,
  LedgerActor,
  LedgerBucket,
  NotAttributedReason,
  OrderStatus,
  RewardStatus,
} from '../../../../shared/src/wire.ts';
import { DEFAULT_FRAUD_ACTIONS } from '../../domain/fraud-rules.ts';
import type {
  AmbassadorRecord,
  ClickRecord,
  ClickSource,
  ConversionRecord,
  LedgerEntryRecord,
  OwnerReward,
  DeviceType,
  ProgramRecord,
  RewardRecord,
  RewardWithOrder,
  RulesVersionRecord,
} from '../records.ts';

/** Rows exactly as SQLite returns them. All column-name knowledge lives in this file and the SQL. */

export interface ProgramRow {
  id: string;
  name: string;
  landing_url: string;
  secret_hash: string;
  identity_key: string;
  reward_basis_points: number;
  friend_discount_percent: number;
  attribution_window_ms: number;
  dedup_window_ms: number;
  attribution_model: ProgramRecord['attributionModel'];
  coupon_beats_cookie: number;
  recurring_months: number;
  hold_period_ms: number;
  hold_starts_at: ProgramRecord['holdStartsAt'];
  velocity_limit: number;
  velocity_window_ms: number;
  preview_image_url: string | null;
  created_at: number;
}

/** The lists of a program that live in their own tables. */
export interface ProgramLists {
  allowedOrigins: string[];
  fraudActions: Array<{ rule: FraudRule; action: FraudAction }>;
  blockedReferrerDomains: string[];
}

export interface AmbassadorRow {
  id: number;
  program_id: string;
  code: string;
  email: string;
  email_normalised: string;
  name: string | null;
  customer_id: string | null;
  tier: string | null;
  friend_share_percent: number | null;
  created_at: number;
  blocked_at: number | null;
}

export interface ClickRow {
  id: string;
  program_id: string;
  ambassador_id: number;
  visitor_id: string | null;
  ip_ua_hash: string | null;
  source: ClickSource;
  counted: number;
  self: number;
  url: string | null;
  referrer: string | null;
  qr: number;
  browser: string | null;
  os: string | null;
  device_type: DeviceType | null;
  created_at: number;
  claimed_at: number | null;
}

export interface ConversionRow {
  id: number;
  program_id: string;
  order_id: string;
  amount: number;
  currency: string;
  refunded_amount: number;
  status: ConversionStatus;
  customer_email: string | null;
  customer_email_normalised: string | null;
  customer_id: string | null;
  visitor_id: string | null;
  coupon_code: string | null;
  attributed: number;
  ambassador_id: number | null;
  click_id: string | null;
  reason: NotAttributedReason | null;
  friend_discount_percent: number | null;
  friend_discount_amount: number | null;
  rules_version: number | null;
  friend_share: number | null;
  order_status: OrderStatus;
  attributed_via: AttributedVia | null;
  ip_hash: string | null;
  ip_ua_hash: string | null;
  created_at: number;
}

export interface RewardRow {
  id: number;
  program_id: string;
  ambassador_id: number;
  conversion_id: number;
  kind: RewardKind;
  purpose: 'conversion' | 'milestone';
  milestone: number | null;
  original_amount: number;
  amount: number;
  currency: string;
  status: RewardStatus;
  hold_until: number | null;
  reasons: string;
  created_at: number;
  updated_at: number;
}

export interface LedgerEntryRow {
  id: number;
  reward_id: number;
  order_id: string;
  amount: number;
  currency: string;
  from_bucket: LedgerBucket;
  to_bucket: LedgerBucket;
  reason: string;
  actor: LedgerActor;
  note: string | null;
  created_at: number;
}

export function programFromRow(row: ProgramRow, lists: ProgramLists): ProgramRecord {
  const fraudActions = { ...DEFAULT_FRAUD_ACTIONS };
  for (const { rule, action } of lists.fraudActions) if (rule in fraudActions) fraudActions[rule] = action;
  return {
    id: row.id,
    name: row.name,
    landingUrl: row.landing_url,
    allowedOrigins: lists.allowedOrigins,
    secretHash: row.secret_hash,
    identityKey: row.identity_key,
    rewardBasisPoints: row.reward_basis_points,
    friendDiscountPercent: row.friend_discount_percent,
    attributionWindowMs: row.attribution_window_ms,
    dedupWindowMs: row.dedup_window_ms,
    attributionModel: row.attribution_model,
    couponBeatsCookie: row.coupon_beats_cookie === 1,
    recurringMonths: row.recurring_months,
    holdPeriodMs: row.hold_period_ms,
    holdStartsAt: row.hold_starts_at,
    velocityLimit: row.velocity_limit,
    velocityWindowMs: row.velocity_window_ms,
    fraudActions,
    blockedReferrerDomains: lists.blockedReferrerDomains,
    previewImageUrl: row.preview_image_url,
    createdAt: row.created_at,
  };
}

export function programToRow(program: ProgramRecord): ProgramRow {
  return {
    id: program.id,
    name: program.name,
    landing_url: program.landingUrl,
    secret_hash: program.secretHash,
    identity_key: program.identityKey,
    reward_basis_points: program.rewardBasisPoints,
    friend_discount_percent: program.friendDiscountPercent,
    attribution_window_ms: program.attributionWindowMs,
    dedup_window_ms: program.dedupWindowMs,
    attribution_model: program.attributionModel,
    coupon_beats_cookie: program.couponBeatsCookie ? 1 : 0,
    recurring_months: program.recurringMonths,
    hold_period_ms: program.holdPeriodMs,
    hold_starts_at: program.holdStartsAt,
    velocity_limit: program.velocityLimit,
    velocity_window_ms: program.velocityWindowMs,
    preview_image_url: program.previewImageUrl,
    created_at: program.createdAt,
  };
}

export function ambassadorFromRow(row: AmbassadorRow): AmbassadorRecord {
  return {
    id: row.id,
    programId: row.program_id,
    code: row.code,
    email: row.email,
    emailNormalised: row.email_normalised,
    name: row.name,
    customerId: row.customer_id,
    tier: row.tier,
    friendSharePercent: row.friend_share_percent,
    createdAt: row.created_at,
    blockedAt: row.blocked_at,
  };
}

export function clickFromRow(row: ClickRow): ClickRecord {
  return {
    id: row.id,
    programId: row.program_id,
    ambassadorId: row.ambassador_id,
    visitorId: row.visitor_id,
    ipUaHash: row.ip_ua_hash,
    source: row.source,
    counted: row.counted === 1,
    self: row.self === 1,
    url: row.url,
    referrer: row.referrer,
    qr: row.qr === 1,
    browser: row.browser,
    os: row.os,
    deviceType: row.device_type,
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
  };
}

export function conversionFromRow(row: ConversionRow): ConversionRecord {
  return {
    id: row.id,
    programId: row.program_id,
    orderId: row.order_id,
    amount: row.amount,
    currency: row.currency,
    refundedAmount: row.refunded_amount,
    status: row.status,
    orderStatus: row.order_status,
    customerEmail: row.customer_email,
    customerEmailNormalised: row.customer_email_normalised,
    customerId: row.customer_id,
    visitorId: row.visitor_id,
    couponCode: row.coupon_code,
    attributed: row.attributed === 1,
    attributedVia: row.attributed_via,
    ambassadorId: row.ambassador_id,
    clickId: row.click_id,
    reason: row.reason,
    friendDiscountPercent: row.friend_discount_percent,
    friendDiscountAmount: row.friend_discount_amount,
    rulesVersion: row.rules_version,
    friendShare: row.friend_share,
    ipHash: row.ip_hash,
    ipUaHash: row.ip_ua_hash,
    createdAt: row.created_at,
  };
}

export function rewardFromRow(row: RewardRow): RewardRecord {
  return {
    id: row.id,
    ambassadorId: row.ambassador_id,
    conversionId: row.conversion_id,
    kind: row.kind,
    purpose: row.purpose,
    milestone: row.milestone,
    originalAmount: row.original_amount,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    holdUntil: row.hold_until,
    reasons: row.reasons === '' ? [] : (row.reasons.split(' ') as FraudReason[]),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function rewardWithOrderFromRow(row: RewardRow & { order_id: string }): RewardWithOrder {
  return { ...rewardFromRow(row), orderId: row.order_id };
}

export function ownerRewardFromRow(row: RewardRow & { order_id: string; ambassador_code: string }): OwnerReward {
  return { ...rewardWithOrderFromRow(row), ambassadorCode: row.ambassador_code };
}

export function ledgerEntryFromRow(row: LedgerEntryRow): LedgerEntryRecord {
  return {
    id: row.id,
    rewardId: row.reward_id,
    orderId: row.order_id,
    amount: row.amount,
    currency: row.currency,
    from: row.from_bucket,
    to: row.to_bucket,
    reason: row.reason,
    actor: row.actor,
    note: row.note,
    createdAt: row.created_at,
  };
}

export interface RulesRow {
  program_id: string;
  version: number;
  rules: string;
  created_at: number;
}

export function rulesFromRow(row: RulesRow): RulesVersionRecord {
  return { programId: row.program_id, version: row.version, rules: JSON.parse(row.rules) as RewardRules, createdAt: row.created_at };
}
