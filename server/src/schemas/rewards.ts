import { Type } from '@sinclair/typebox';
import { EpochMs, FraudReason, ReferralCode, RewardStatus, strict } from './common.ts';
import { RewardKind } from './reward-rules.ts';

/** Path parameters arrive as text (no type coercion): a positive integer id, at most 15 digits. */
export const RewardParams = Type.Object({ rewardId: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }) }, strict);
export const RewardListQuery = Type.Object(
  {
    status: Type.Optional(RewardStatus),
    ambassador: Type.Optional(ReferralCode),
    /** Query strings arrive as text (no type coercion). */
    flagged: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  strict,
);
export const RewardBalancesQuery = Type.Object({ ambassador: Type.Optional(ReferralCode) }, strict);
export const RewardReviewRequest = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, strict);
export const LedgerParams = Type.Object({ code: ReferralCode }, strict);

export const OwnerRewardView = Type.Object({
  id: Type.Integer(),
  ambassadorCode: Type.String(),
  orderId: Type.String(),
  kind: RewardKind,
  purpose: Type.Union([Type.Literal('conversion'), Type.Literal('milestone')]),
  milestone: Type.Optional(Type.Integer()),
  amount: Type.Integer(),
  originalAmount: Type.Integer(),
  currency: Type.String(),
  status: RewardStatus,
  reasons: Type.Array(FraudReason),
  holdUntil: Type.Optional(EpochMs),
  createdAt: EpochMs,
});
export const RewardListResponse = Type.Object({ rewards: Type.Array(OwnerRewardView) });
export const ApproveDueResponse = Type.Object({ approved: Type.Integer() });

const StatusCounts = Type.Object({
  pending: Type.Integer(),
  approved: Type.Integer(),
  paid: Type.Integer(),
  voided: Type.Integer(),
  held: Type.Integer(),
  rejected: Type.Integer(),
});

const LedgerBalance = Type.Object({
  currency: Type.String(),
  held: Type.Integer(),
  pending: Type.Integer(),
  approved: Type.Integer(),
  paid: Type.Integer(),
});

export const RewardBalancesResponse = Type.Object({
  ambassadorCode: Type.Optional(Type.String()),
  balances: Type.Array(
    Type.Composite([LedgerBalance, Type.Object({ owed: Type.Integer(), rejected: Type.Integer(), counts: StatusCounts })]),
  ),
});

const Bucket = Type.Union([
  Type.Literal('earned'),
  Type.Literal('held'),
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('paid'),
  Type.Literal('voided'),
  Type.Literal('rejected'),
  Type.Literal('clawed_back'),
]);

export const LedgerResponse = Type.Object({
  ambassadorCode: Type.String(),
  balances: Type.Array(LedgerBalance),
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      rewardId: Type.Integer(),
      orderId: Type.String(),
      amount: Type.Integer(),
      currency: Type.String(),
      from: Bucket,
      to: Bucket,
      reason: Type.String(),
      actor: Type.Union([Type.Literal('system'), Type.Literal('owner'), Type.Literal('shop_api')]),
      note: Type.Optional(Type.String()),
      createdAt: EpochMs,
    }),
  ),
});
