import { Type } from '@sinclair/typebox';
import { WidgetSettings } from './widget-settings.ts';
import { CustomerId, Email, EpochMs, FriendOffer, OpaqueId, PageUrl, PersonName, ProgramId, ReferralCode, RewardStatus, strict } from './common.ts';

export const ClickRequest = Type.Object(
  {
    programId: ProgramId,
    code: ReferralCode,
    visitorId: OpaqueId,
    clickId: Type.Optional(OpaqueId),
    url: Type.Optional(PageUrl),
    referrer: Type.Optional(PageUrl),
  },
  strict,
);

export const ClickResponse = Type.Object({ clickId: Type.String(), counted: Type.Boolean() });

export const ForgetRequest = Type.Object({ programId: ProgramId }, strict);

export const SessionRequest = Type.Object(
  {
    programId: ProgramId,
    visitorId: OpaqueId,
    referral: Type.Optional(Type.Object({ code: ReferralCode, clickId: Type.Optional(OpaqueId) }, strict)),
    identity: Type.Optional(
      Type.Object(
        {
          email: Email,
          name: Type.Optional(PersonName),
          customerId: Type.Optional(CustomerId),
          timestamp: EpochMs,
          signature: Type.String({ minLength: 1, maxLength: 128 }),
        },
        strict,
      ),
    ),
    // Any string: a token that is not ours (say, garbled in storage) finds nobody instead of
    // failing the whole session.
    joinToken: Type.Optional(Type.String({ maxLength: 128 })),
  },
  strict,
);

const MoneySchema = Type.Object({ amount: Type.Integer(), currency: Type.String() });

export const AmbassadorProgress = Type.Object({
  referrals: Type.Integer(),
  nextMilestone: Type.Optional(Type.Object({ referrals: Type.Integer(), amounts: Type.Array(MoneySchema) })),
  tier: Type.Optional(Type.String()),
  nextTier: Type.Optional(Type.Object({ name: Type.String(), fromReferrals: Type.Integer() })),
});

export const AmbassadorView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  link: Type.String(),
  couponCode: Type.String(),
  offer: FriendOffer,
  stats: Type.Object({ clicks: Type.Integer(), friendsBought: Type.Integer() }),
  rewards: Type.Array(
    Type.Object({
      amount: Type.Integer(),
      currency: Type.String(),
      status: RewardStatus,
      createdAt: Type.Integer(),
      reason: Type.Optional(
        Type.Union([
          Type.Literal('own_purchase'),
          Type.Literal('not_eligible'),
          Type.Literal('under_review'),
          Type.Literal('order_refunded'),
        ]),
      ),
    }),
  ),
  totals: Type.Array(
    Type.Object({ currency: Type.String(), pending: Type.Integer(), approved: Type.Integer(), paid: Type.Integer() }),
  ),
  confirmed: Type.Optional(Type.Literal(false)),
  progress: Type.Optional(AmbassadorProgress),
  split: Type.Optional(Type.Object({ choices: Type.Array(Type.Integer()), friendSharePercent: Type.Union([Type.Integer(), Type.Null()]) })),
});

export const SessionResponse = Type.Object({
  program: Type.Object({ id: Type.String(), name: Type.String() }),
  offer: Type.Union([FriendOffer, Type.Null()]),
  ambassador: Type.Union([AmbassadorView, Type.Null()]),
  joinRefused: Type.Optional(Type.Union([Type.Literal('join_requires_purchase'), Type.Literal('join_requires_invitation')])),
  widget: WidgetSettings,
});
