/**
 * Wire types of the owner endpoints for who may join, raffles and contests (server-to-server,
 * secret key). Kept next to `wire.ts`, in the same style: amounts in minor units, times in epoch ms.
 */

/** `open`: anyone; `customers`: an email or customer id with an order in the program; `invite_only`: invited emails. */
export type JoinPolicy = 'open' | 'customers' | 'invite_only';

/** PUT /v1/program/join-policy, and the answer of GET and PUT. */
export interface JoinPolicyBody {
  joinPolicy: JoinPolicy;
}

/** POST /v1/invitations */
export interface InvitationRequest {
  email: string;
}
export interface InvitationView {
  email: string;
  createdAt: number;
}

/** POST /v1/raffles */
export interface RaffleRequest {
  /** How many ambassadors to draw. */
  winners: number;
  prize?: string;
  /** Entries created in `[from, to)` take part; either end may be left open. */
  from?: number;
  to?: number;
  /** Any text; absent: 32 random bytes as hex. */
  seed?: string;
}

export interface RaffleView {
  id: number;
  prize: string | null;
  from: number | null;
  to: number | null;
  seed: string;
  /** How the winners follow from the seed and the entrants (see the README). */
  algorithm: 'sha256-weighted-v1';
  /** The number of winners asked for. */
  winnerCount: number;
  /** Everyone in the draw, in draw order (by ambassador code), with their entries. */
  entrants: Array<{ ambassadorCode: string; entries: number }>;
  /** In the order drawn. */
  winners: Array<{ rank: number; ambassadorCode: string; entries: number }>;
  createdAt: number;
}

/** POST /v1/contests */
export interface ContestRequest {
  name: string;
  startsAt: number;
  endsAt: number;
  /** How many places win. */
  winners: number;
  /** The prize of each place, first place first. */
  prizes?: string[];
}

export interface ContestStandingView {
  rank: number;
  ambassadorCode: string;
  referrals: number;
  /** When the ambassador reached their count (their last counted referral): the first tie-break. */
  reachedAt: number;
  winner: boolean;
  prize?: string;
}

export interface ContestView {
  id: number;
  name: string;
  startsAt: number;
  endsAt: number;
  winners: number;
  prizes: string[];
  status: 'upcoming' | 'running' | 'ended' | 'settled';
  settledAt: number | null;
  /** Live until settled, then frozen. Absent in the list. */
  standings?: ContestStandingView[];
  createdAt: number;
}
