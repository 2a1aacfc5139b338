import type { ContestStanding } from '../../../shared/src/draws/contest-ranking.ts';
import type { RaffleEntrant } from '../../../shared/src/draws/raffle-draw.ts';

/** Stored friend coupons, invitations, raffle draws and contests, as the services see them. */

export interface FriendCouponRecord {
  code: string;
  programId: string;
  ambassadorId: number;
  ambassadorCode: string;
  visitorId: string;
  /** The referral the coupon came with: the offer's expiry counts from here. */
  issuedAt: number;
  /** Set when an order used the coupon. */
  usedAt: number | null;
  /** The order that used it. */
  usedByOrderId: string | null;
}

export interface NewFriendCoupon {
  code: string;
  programId: string;
  ambassadorId: number;
  visitorId: string;
  issuedAt: number;
}

export interface InvitationRecord {
  email: string;
  emailNormalised: string;
  createdAt: number;
}

export interface RaffleRecord {
  id: number;
  programId: string;
  prize: string | null;
  from: number | null;
  to: number | null;
  seed: string;
  winners: number;
  /** In draw order (see `raffleEntrants`). */
  entrants: RaffleEntrant[];
  /** Winners' codes in the order drawn. */
  drawn: string[];
  createdAt: number;
}

export type NewRaffle = Omit<RaffleRecord, 'id'>;

export interface ContestRecord {
  id: number;
  programId: string;
  name: string;
  startsAt: number;
  endsAt: number;
  winners: number;
  prizes: string[];
  settledAt: number | null;
  /** Frozen when settled; null before. */
  standings: ContestStanding[] | null;
  createdAt: number;
}

export type NewContest = Omit<ContestRecord, 'id' | 'settledAt' | 'standings'>;
