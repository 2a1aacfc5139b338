import { Type } from '@sinclair/typebox';
import { REWARD_KINDS } from '../../../shared/src/reward-rules/rules.ts';
import { MAX_AMOUNT_MINOR } from '../../../shared/src/money.ts';
import { EpochMs, Percent, ReferralCode, strict } from './common.ts';
import { JoinPolicy } from './joining-draws.ts';

/** The owner's reward rules API: every field is checked here, with its path in the error. */

const BasisPoints = Type.Integer({ minimum: 0, maximum: 10_000 });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Label = Type.String({ minLength: 1, maxLength: 128 });
/** Amounts per currency (`EUR`) or unit (`points`, `entries`, `gifts`): never converted. */
const AmountByUnit = Type.Record(Type.String({ pattern: '^([A-Z]{3}|points|entries|gifts)$' }), Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR }), {
  additionalProperties: false,
  maxProperties: 200,
});

export const RewardKind = Type.Union(REWARD_KINDS.map((kind) => Type.Literal(kind)));

export const RewardRules = Type.Object(
  {
    sides: Type.Union([Type.Literal('both'), Type.Literal('referrer'), Type.Literal('friend')]),
    referrer: Type.Object(
      {
        kind: RewardKind,
        rate: Type.Union([
          Type.Object({ type: Type.Literal('percent'), basisPoints: BasisPoints }, strict),
          Type.Object({ type: Type.Literal('flat'), amounts: AmountByUnit }, strict),
        ]),
        entriesPerConversion: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000 })),
        giftSku: Type.Optional(Label),
      },
      strict,
    ),
    friendOffer: Type.Object(
      {
        discount: Type.Union([
          Type.Object({ type: Type.Literal('percent'), percent: Percent }, strict),
          Type.Object({ type: Type.Literal('flat'), amounts: AmountByUnit }, strict),
        ]),
        minimumOrder: AmountByUnit,
        expiresAfterDays: Type.Union([Type.Integer({ minimum: 1, maximum: 3_650 }), Type.Null()]),
        coupon: Type.Union([Type.Literal('shared'), Type.Literal('single_use')]),
      },
      strict,
    ),
    itemRates: Type.Array(Type.Object({ sku: Type.Optional(Label), category: Type.Optional(Label), basisPoints: BasisPoints }, strict), { maxItems: 500 }),
    excludedSkus: Type.Array(Label, { maxItems: 1_000 }),
    excludedCategories: Type.Array(Label, { maxItems: 1_000 }),
    threshold: Count,
    milestones: Type.Array(Type.Object({ referrals: Type.Integer({ minimum: 1, maximum: 1_000_000 }), amounts: AmountByUnit }, strict), { maxItems: 50 }),
    tiers: Type.Array(
      Type.Object(
        { name: Label, fromReferrals: Type.Union([Count, Type.Null()]), bonusBasisPoints: BasisPoints },
        strict,
      ),
      { maxItems: 50 },
    ),
    limits: Type.Object(
      { perReferral: AmountByUnit, perAmbassadorMonthly: AmountByUnit, programBudget: AmountByUnit, minimumOrder: AmountByUnit },
      strict,
    ),
    recurringMonths: Type.Integer({ minimum: 0, maximum: 120 }),
    split: Type.Object({ enabled: Type.Boolean(), choices: Type.Array(Percent, { maxItems: 11, uniqueItems: true }) }, strict),
  },
  strict,
);

export const RulesVersion = Type.Object({ version: Type.Integer(), createdAt: EpochMs, rules: RewardRules });

export const ProgramResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  rules: RulesVersion,
  versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: EpochMs })),
  joinPolicy: JoinPolicy,
  allowedOrigins: Type.Array(Type.String()),
});

export const RulesVersionParams = Type.Object({ version: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) }, strict);

export const RewardChoicesParams = Type.Object({ code: ReferralCode }, strict);
export const RewardChoicesRequest = Type.Object(
  {
    tier: Type.Optional(Type.Union([Label, Type.Null()])),
    friendSharePercent: Type.Optional(Type.Union([Percent, Type.Null()])),
  },
  { ...strict, minProperties: 1 },
);
export const RewardChoicesResponse = Type.Object({
  code: Type.String(),
  tier: Type.Union([Type.String(), Type.Null()]),
  friendSharePercent: Type.Union([Type.Integer(), Type.Null()]),
});
