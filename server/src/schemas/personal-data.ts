import { Type } from '@sinclair/typebox';
import { EpochMs } from './common.ts';
import { LedgerResponse } from './rewards.ts';

export const PersonalDataExport = Type.Object({
  ambassador: Type.Object({
    code: Type.String(),
    email: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    customerId: Type.Union([Type.String(), Type.Null()]),
    createdAt: EpochMs,
  }),
  browsers: Type.Array(Type.Object({ visitorId: Type.String(), firstSeenAt: EpochMs })),
  orders: Type.Array(Type.Object({ orderId: Type.String(), amount: Type.Integer(), currency: Type.String(), createdAt: EpochMs })),
  ledger: LedgerResponse,
});

export const ErasureResponse = Type.Object({ code: Type.String(), erasedAt: EpochMs });
