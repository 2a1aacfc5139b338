import { Type } from '@sinclair/typebox';
import { AmountMinor, Currency, EpochMs, strict } from './common.ts';

export const PayoutRequest = Type.Object({ currency: Currency, minimumAmount: Type.Optional(AmountMinor) }, strict);
/** Path ids arrive as text (no type coercion). */
export const PayoutParams = Type.Object({ payoutId: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }) }, strict);

export const PayoutView = Type.Object({
  id: Type.Integer(),
  currency: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('paid'), Type.Literal('canceled')]),
  minimumAmount: Type.Integer(),
  total: Type.Integer(),
  createdAt: EpochMs,
  closedAt: Type.Optional(EpochMs),
  items: Type.Array(Type.Object({ ambassadorCode: Type.String(), amount: Type.Integer() })),
});

export const PayoutList = Type.Object({ payouts: Type.Array(PayoutView) });
