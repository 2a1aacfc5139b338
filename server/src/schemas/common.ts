import { Type, type TSchema } from '@sinclair/typebox';
import { EMAIL_PATTERN } from '../../../shared/src/email.ts';
import { CURRENCY_CODE_PATTERN, MAX_AMOUNT_MINOR } from '../../../shared/src/money.ts';
import { REFERRAL_CODE_PATTERN } from '../../../shared/src/referral-code.ts';

/** Building blocks of the request and response schemas. Every string has a length limit. */

export const ProgramId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 });
export const ReferralCode = Type.String({ pattern: REFERRAL_CODE_PATTERN, maxLength: 32 });
/** Visitor ids and click ids: nanoid-like. */
export const OpaqueId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 });
export const Email = Type.String({ pattern: EMAIL_PATTERN, minLength: 3, maxLength: 254 });
export const PersonName = Type.String({ minLength: 1, maxLength: 100 });
export const CustomerId = Type.String({ minLength: 1, maxLength: 128 });
/** Shop order ids come in every shape; only control characters are refused. */
export const OrderId = Type.String({ pattern: '^[^\\u0000-\\u001F\\u007F]+$', minLength: 1, maxLength: 128 });
export const Currency = Type.String({ pattern: CURRENCY_CODE_PATTERN, minLength: 3, maxLength: 3 });
export const AmountMinor = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR });
export const PositiveAmountMinor = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR });
/** Epoch milliseconds up to the year 5000. */
export const EpochMs = Type.Integer({ minimum: 0, maximum: 95_617_584_000_000 });
/** Page URLs and referrers: the loader sends them whole (every byte of it costs), so anything
 * that fits a request is accepted and stored truncated; refusing would lose the click. */
export const PageUrl = Type.String({ maxLength: 24_576 });
export const Percent = Type.Integer({ minimum: 0, maximum: 100 });

export const RewardStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('paid'),
  Type.Literal('voided'),
  Type.Literal('held'),
  Type.Literal('rejected'),
]);

export const FraudReason = Type.Union([
  Type.Literal('self_referral_email'),
  Type.Literal('self_referral_customer_id'),
  Type.Literal('self_referral_visitor'),
  Type.Literal('self_referral_ip_ua'),
  Type.Literal('disposable_email'),
  Type.Literal('ip_velocity'),
  Type.Literal('coupon_site_referrer'),
  Type.Literal('unconfirmed_ambassador'),
]);

export const PercentDiscount = Type.Object({ type: Type.Literal('percent'), percent: Percent });

export const FlatDiscount = Type.Object({ type: Type.Literal('flat'), amount: Type.Integer(), currency: Type.String() });
export const FriendOfferDiscount = Type.Union([PercentDiscount, FlatDiscount]);
export const MoneyAmount = Type.Object({ amount: Type.Integer(), currency: Type.String() });

export const FriendOffer = Type.Object({
  ambassadorName: Type.String(),
  couponCode: Type.String(),
  discount: FriendOfferDiscount,
  minimumOrder: Type.Optional(MoneyAmount),
  expiresAt: Type.Optional(Type.Integer()),
});

export const RewardSkipReason = Type.Union([
  Type.Literal('friend_only'),
  Type.Literal('below_minimum_order'),
  Type.Literal('below_threshold'),
  Type.Literal('currency_not_configured'),
  Type.Literal('excluded_items'),
  Type.Literal('cap_reached'),
  Type.Literal('budget_exhausted'),
]);

export const ApiError = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

/** Response schemas of a route: its successes plus the error shape for every 4xx and 5xx. */
export function responses<R extends Record<number, TSchema>>(success: R) {
  return { ...success, '4xx': ApiError, '5xx': ApiError };
}

export const strict = { additionalProperties: false } as const;
