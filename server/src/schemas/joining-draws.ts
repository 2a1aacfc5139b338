import { Type } from '@sinclair/typebox';
import { Email, EpochMs, strict } from './common.ts';

/** Schemas of who may join, invitations, raffles and contests (`shared/src/wire-joining-draws.ts`). */

export const JoinPolicy = Type.Union([Type.Literal('open'), Type.Literal('customers'), Type.Literal('invite_only')]);
export const JoinPolicyBody = Type.Object({ joinPolicy: JoinPolicy }, strict);

export const InvitationRequest = Type.Object({ email: Email }, strict);
export const InvitationView = Type.Object({ email: Type.String(), createdAt: EpochMs });
export const InvitationList = Type.Object({ invitations: Type.Array(InvitationView) });
/** The email in the path, as the owner typed it: compared normalised. */
export const InvitationParams = Type.Object({ email: Email }, strict);

/** Path ids arrive as text (no type coercion). */
export const DrawParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$' }) }, strict);

const PrizeText = Type.String({ minLength: 1, maxLength: 200 });

export const RaffleRequest = Type.Object(
  {
    winners: Type.Integer({ minimum: 1, maximum: 1000 }),
    prize: Type.Optional(PrizeText),
    from: Type.Optional(EpochMs),
    to: Type.Optional(EpochMs),
    // Printable ASCII: the seed is hashed as UTF-8 text, and anyone re-running the draw must type it exactly.
    seed: Type.Optional(Type.String({ pattern: '^[\\x20-\\x7E]{1,128}$', minLength: 1, maxLength: 128 })),
  },
  strict,
);

const CodeEntries = Type.Object({ ambassadorCode: Type.String(), entries: Type.Integer() });

export const RaffleView = Type.Object({
  id: Type.Integer(),
  prize: Type.Union([Type.String(), Type.Null()]),
  from: Type.Union([EpochMs, Type.Null()]),
  to: Type.Union([EpochMs, Type.Null()]),
  seed: Type.String(),
  algorithm: Type.Literal('sha256-weighted-v1'),
  winnerCount: Type.Integer(),
  entrants: Type.Array(CodeEntries),
  winners: Type.Array(Type.Object({ rank: Type.Integer(), ambassadorCode: Type.String(), entries: Type.Integer() })),
  createdAt: EpochMs,
});

export const ContestRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    startsAt: EpochMs,
    endsAt: EpochMs,
    winners: Type.Integer({ minimum: 1, maximum: 100 }),
    prizes: Type.Optional(Type.Array(PrizeText, { maxItems: 100 })),
  },
  strict,
);

export const ContestStandingView = Type.Object({
  rank: Type.Integer(),
  ambassadorCode: Type.String(),
  referrals: Type.Integer(),
  reachedAt: EpochMs,
  winner: Type.Boolean(),
  prize: Type.Optional(Type.String()),
});

export const ContestView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  startsAt: EpochMs,
  endsAt: EpochMs,
  winners: Type.Integer(),
  prizes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('upcoming'), Type.Literal('running'), Type.Literal('ended'), Type.Literal('settled')]),
  settledAt: Type.Union([EpochMs, Type.Null()]),
  standings: Type.Optional(Type.Array(ContestStandingView)),
  createdAt: EpochMs,
});
export const ContestList = Type.Object({ contests: Type.Array(ContestView) });
