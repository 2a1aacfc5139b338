import { Type } from '@sinclair/typebox';
import { Email, OpaqueId, Percent, PersonName, ProgramId, strict } from './common.ts';
import { AmbassadorView, SessionRequest } from './widget.ts';

/** The random token a browser keeps after joining: 32 bytes, base64url. */
export const JoinToken = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43 });

export const JoinRequest = Type.Object(
  { programId: ProgramId, visitorId: OpaqueId, email: Email, name: Type.Optional(PersonName) },
  strict,
);

export const JoinResponse = Type.Object({ ambassador: AmbassadorView, joinToken: Type.String() });

export const SplitRequest = Type.Object(
  {
    programId: ProgramId,
    visitorId: OpaqueId,
    identity: SessionRequest.properties.identity,
    joinToken: Type.Optional(JoinToken),
    friendSharePercent: Percent,
  },
  strict,
);

export const SplitResponse = Type.Object({ friendSharePercent: Type.Union([Type.Integer(), Type.Null()]) });

export const LeaderboardQuery = Type.Object({ programId: ProgramId }, strict);

export const LeaderboardResponse = Type.Object({
  entries: Type.Array(Type.Object({ rank: Type.Integer(), name: Type.String(), referrals: Type.Integer() })),
});

/** POST /v1/ambassadors/{code}/confirm (its params are `AmbassadorParams`) */
export const ConfirmResponse = Type.Object({ code: Type.String(), confirmed: Type.Literal(true), released: Type.Integer() });
