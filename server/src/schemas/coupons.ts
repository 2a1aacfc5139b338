import { Type } from '@sinclair/typebox';
import { PercentDiscount, strict } from './common.ts';

export const CouponParams = Type.Object({ code: Type.String({ maxLength: 64 }) }, strict);
/** `email` is checked loosely: any string that is not this coupon's owner is eligible. */
export const CouponQuery = Type.Object({ email: Type.Optional(Type.String({ maxLength: 254 })) }, strict);

export const CouponResponse = Type.Object({
  code: Type.String(),
  ambassadorCode: Type.String(),
  ambassadorName: Type.String(),
  discount: PercentDiscount,
  eligible: Type.Boolean(),
  reason: Type.Optional(Type.Literal('own_code')),
});
