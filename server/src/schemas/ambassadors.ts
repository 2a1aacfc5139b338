import { Type } from '@sinclair/typebox';
import { CustomerId, Email, PersonName, RewardStatus, strict } from './common.ts';

export const CreateAmbassadorRequest = Type.Object(
  { email: Email, name: Type.Optional(PersonName), customerId: Type.Optional(CustomerId) },
  strict,
);

export const AmbassadorParams = Type.Object({ code: Type.String({ maxLength: 64 }) }, strict);

export const AmbassadorResponse = Type.Object({
  code: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  customerId: Type.Union([Type.String(), Type.Null()]),
  link: Type.String(),
  couponCode: Type.String(),
  createdAt: Type.Integer(),
  clicks: Type.Integer(),
  conversions: Type.Integer(),
  rewards: Type.Array(
    Type.Object({ orderId: Type.String(), amount: Type.Integer(), currency: Type.String(), status: RewardStatus }),
  ),
  confirmed: Type.Optional(Type.Literal(false)),
});

