import { Type } from '@sinclair/typebox';
import { Currency, FriendOfferDiscount, MoneyAmount, strict } from './common.ts';

export const CouponParams = Type.Object({ code: Type.String({ maxLength: 64 }) }, strict);
/** `email` is checked loosely: any string that is not this coupon's owner is eligible. `amount`
 * (the order before the discount, minor units) and `currency` check the minimum order. */
export const CouponQuery = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254 })),
    // Query values arrive as text (no type coercion): digits only.
    amount: Type.Optional(Type.String({ pattern: '^[0-9]{1,13}$' })),
    currency: Type.Optional(Currency),
  },
  strict,
);

export const CouponResponse = Type.Object({
  code: Type.String(),
  ambassadorCode: Type.String(),
  ambassadorName: Type.String(),
  discount: FriendOfferDiscount,
  coupon: Type.Optional(Type.Union([Type.Literal('shared'), Type.Literal('single_use')])),
  minimumOrder: Type.Optional(MoneyAmount),
  expiresAt: Type.Optional(Type.Integer()),
  eligible: Type.Boolean(),
  reason: Type.Optional(
    Type.Union([Type.Literal('own_code'), Type.Literal('already_used'), Type.Literal('expired'), Type.Literal('below_minimum')]),
  ),
});
