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
  FraudReason,
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
    client: Type.Optional(
      Type.Object(
        { ip: Type.Optional(Type.String({ minLength: 2, maxLength: 64 })), userAgent: Type.Optional(Type.String({ maxLength: 1024 })) },
        strict,
      ),
    ),
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

export const RefundRequest = Type.Object(
  { amount: Type.Optional(PositiveAmountMinor), refundId: Type.Optional(OrderId) },
  strict,
);

export const OrderStatus = Type.Union([Type.Literal('paid'), Type.Literal('fulfilled'), Type.Literal('canceled')]);
export const OrderStatusRequest = Type.Object({ status: OrderStatus }, strict);

export const NotAttributedReason = Type.Union([
  Type.Literal('no_referral'),
  Type.Literal('unknown_referral'),
  Type.Literal('outside_attribution_window'),
  Type.Literal('not_first_purchase'),
  Type.Literal('ambassador_blocked'),
  Type.Literal('self_referral'),
  Type.Literal('disposable_email'),
  Type.Literal('ip_velocity'),
  Type.Literal('coupon_site'),
]);

const ConversionReward = Type.Object({
  id: Type.Integer(),
  amount: Type.Integer(),
  currency: Type.String(),
  status: RewardStatus,
  reasons: Type.Array(FraudReason),
  holdUntil: Type.Optional(EpochMs),
});

export const ConversionResponse = Type.Object({
  orderId: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  refundedAmount: Type.Integer(),
  status: Type.Union([Type.Literal('paid'), Type.Literal('partially_refunded'), Type.Literal('refunded')]),
  orderStatus: OrderStatus,
  attributed: Type.Boolean(),
  attributedVia: Type.Optional(
    Type.Union([
      Type.Literal('click'),
      Type.Literal('code'),
      Type.Literal('coupon'),
      Type.Literal('customer'),
      Type.Literal('repeat'),
    ]),
  ),
  ambassadorCode: Type.Optional(Type.String()),
  reason: Type.Optional(NotAttributedReason),
  friendDiscount: Type.Optional(Type.Object({ percent: Percent, amount: Type.Integer() })),
  reward: Type.Optional(ConversionReward),
  bonuses: Type.Optional(Type.Array(Type.Composite([ConversionReward, Type.Object({ milestone: Type.Integer() })]))),
  friendShare: Type.Optional(Type.Integer()),
  rulesVersion: Type.Optional(Type.Integer()),
  createdAt: EpochMs,
});
