import { Type } from '@sinclair/typebox';
import {
  AmountMinor,
  Currency,
  CustomerId,
  Email,
  EpochMs,
  OpaqueId,
  OrderId,
  Percent,
  PositiveAmountMinor,
  ReferralCode,
  RewardStatus,
  strict,
} from './common.ts';

export const ConversionRequest = Type.Object(
  {
    orderId: OrderId,
    amount: AmountMinor,
    currency: Currency,
    customer: Type.Optional(Type.Object({ email: Type.Optional(Email), id: Type.Optional(CustomerId) }, strict)),
    referral: Type.Optional(
      Type.Object(
        { code: Type.Optional(ReferralCode), clickId: Type.Optional(OpaqueId), visitorId: Type.Optional(OpaqueId) },
        strict,
      ),
    ),
    couponCode: Type.Optional(ReferralCode),
    discountAmount: Type.Optional(AmountMinor),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            sku: Type.String({ minLength: 1, maxLength: 128 }),
            category: Type.Optional(Type.String({ maxLength: 128 })),
            amount: AmountMinor,
            quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
          },
          strict,
        ),
        { maxItems: 500 },
      ),
    ),
  },
  strict,
);

export const OrderParams = Type.Object({ orderId: OrderId }, strict);

export const RefundRequest = Type.Object({ amount: Type.Optional(PositiveAmountMinor) }, strict);

export const NotAttributedReason = Type.Union([
  Type.Literal('no_referral'),
  Type.Literal('unknown_referral'),
  Type.Literal('outside_attribution_window'),
  Type.Literal('self_referral'),
]);

export const ConversionResponse = Type.Object({
  orderId: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  refundedAmount: Type.Integer(),
  status: Type.Union([Type.Literal('paid'), Type.Literal('partially_refunded'), Type.Literal('refunded')]),
  attributed: Type.Boolean(),
  ambassadorCode: Type.Optional(Type.String()),
  reason: Type.Optional(NotAttributedReason),
  friendDiscount: Type.Optional(Type.Object({ percent: Percent, amount: Type.Integer() })),
  reward: Type.Optional(Type.Object({ amount: Type.Integer(), currency: Type.String(), status: RewardStatus })),
  createdAt: EpochMs,
});
