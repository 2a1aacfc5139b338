import { identityKey } from '../../../shared/src/identity-signature.ts';
import type { FraudAction, FraudRule } from '../../../shared/src/wire.ts';
import { DEFAULT_REWARD_RULES, type RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import { DEFAULT_FRAUD_ACTIONS } from '../domain/fraud-rules.ts';
import { rulesMirror, sameRules, withLegacySettings } from '../domain/rules-settings.ts';
import { allowedOriginsOf, originOf } from '../domain/origins.ts';
import type { JoinPolicy, ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { hashSecretKey } from './secrets.ts';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface ProgramSettings {
  id: string;
  name: string;
  /** The plain secret key; only its hash and derived identity key are stored. */
  secretKey: string;
  landingUrl: string;
  /** Page origins allowed to call the browser API; localhost / 127.0.0.1 aliases are added. */
  allowedOrigins: string[];
  /** The reward rules: a new version when they differ from the rules in force. */
  rules?: RewardRules;
  /** Shorthands written onto the rules in force (a new version when that changes them): the
   * referrer's percentage, the friend's percentage off. */
  rewardBasisPoints?: number;
  friendDiscountPercent?: number;
  attributionWindowMs?: number;
  dedupWindowMs?: number;
  attributionModel?: ProgramRecord['attributionModel'];
  couponBeatsCookie?: boolean;
  recurringMonths?: number;
  holdPeriodMs?: number;
  holdStartsAt?: ProgramRecord['holdStartsAt'];
  velocityLimit?: number;
  velocityWindowMs?: number;
  /** Rules whose action differs from `DEFAULT_FRAUD_ACTIONS`. */
  fraudActions?: Partial<Record<FraudRule, FraudAction>>;
  blockedReferrerDomains?: string[];
  /** The image link previews of short links show (1200×630 works everywhere); null = the built-in card. */
  previewImageUrl?: string | null;
  /** Who may become an ambassador; left out, it stays as it is (`open` for a new program). */
  joinPolicy?: JoinPolicy;
}

export const PROGRAM_DEFAULTS = {
  rewardBasisPoints: 1_000,
  friendDiscountPercent: 10,
  attributionWindowMs: 30 * DAY_MS,
  dedupWindowMs: HOUR_MS,
  attributionModel: 'last_click',
  couponBeatsCookie: true,
  recurringMonths: 0,
  holdPeriodMs: 14 * DAY_MS,
  holdStartsAt: 'paid',
  velocityLimit: 3,
  velocityWindowMs: DAY_MS,
  previewImageUrl: null,
} as const;

/**
 * Creates or updates a program from its settings. Idempotent: saving the same settings twice
 * changes nothing, and a changed secret, landing URL or origin list replaces the old one.
 *
 * Reward rules are versioned: `rules`, or the shorthands (`rewardBasisPoints`,
 * `friendDiscountPercent`, `recurringMonths`) written onto the rules in force, make a new version
 * only when they change something; a new program starts with version 1. Leaving them out keeps
 * the rules as they are, and any other setting left out keeps its value too, so a restart that
 * seeds the program does not undo what the owner has changed since (attribution, fraud actions…).
 */
export async function saveProgram(store: Store, settings: ProgramSettings, now: number): Promise<ProgramRecord> {
  const existing = await store.getProgram(settings.id);
  const kept = existing ?? { ...PROGRAM_DEFAULTS, fraudActions: DEFAULT_FRAUD_ACTIONS, blockedReferrerDomains: [] };
  const current = existing ? await store.currentRules(settings.id) : null;
  const rules = settings.rules ?? withLegacySettings(current?.rules ?? DEFAULT_REWARD_RULES, settings);
  const mirror = rulesMirror(rules);
  const origins = allowedOriginsOf(settings.allowedOrigins);
  if ('invalid' in origins) throw new Error(`Allowed origin "${origins.invalid}" of program ${settings.id} is not an http(s) URL.`);
  if (!originOf(settings.landingUrl)) {
    throw new Error(`Landing URL "${settings.landingUrl}" of program ${settings.id} is not an http(s) URL.`);
  }
  const previewImageUrl = settings.previewImageUrl === undefined ? kept.previewImageUrl : settings.previewImageUrl;
  if (previewImageUrl !== null && !originOf(previewImageUrl)) {
    throw new Error(`Preview image URL "${previewImageUrl}" of program ${settings.id} is not an http(s) URL.`);
  }
  const program: ProgramRecord = {
    id: settings.id,
    name: settings.name,
    landingUrl: settings.landingUrl,
    allowedOrigins: origins.origins,
    secretHash: hashSecretKey(settings.secretKey),
    identityKey: identityKey(settings.secretKey),
    rewardBasisPoints: mirror.rewardBasisPoints,
    friendDiscountPercent: mirror.friendDiscountPercent,
    attributionWindowMs: settings.attributionWindowMs ?? kept.attributionWindowMs,
    dedupWindowMs: settings.dedupWindowMs ?? kept.dedupWindowMs,
    attributionModel: settings.attributionModel ?? kept.attributionModel,
    couponBeatsCookie: settings.couponBeatsCookie ?? kept.couponBeatsCookie,
    recurringMonths: mirror.recurringMonths,
    holdPeriodMs: settings.holdPeriodMs ?? kept.holdPeriodMs,
    holdStartsAt: settings.holdStartsAt ?? kept.holdStartsAt,
    velocityLimit: settings.velocityLimit ?? kept.velocityLimit,
    velocityWindowMs: settings.velocityWindowMs ?? kept.velocityWindowMs,
    fraudActions: settings.fraudActions ? { ...DEFAULT_FRAUD_ACTIONS, ...settings.fraudActions } : kept.fraudActions,
    blockedReferrerDomains: settings.blockedReferrerDomains
      ? [...new Set(settings.blockedReferrerDomains.map((domain) => domain.trim().toLowerCase()))].sort()
      : kept.blockedReferrerDomains,
    previewImageUrl,
    createdAt: existing?.createdAt ?? now,
  };
  await store.saveProgram(program);
  if (!current || !sameRules(current.rules, rules)) await store.saveRules(program.id, rules, mirror, now);
  if (settings.joinPolicy) await store.setJoinPolicy(program.id, settings.joinPolicy);
  return { ...program, joinPolicy: settings.joinPolicy ?? existing?.joinPolicy ?? 'open' };
}
