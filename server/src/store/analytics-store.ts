import type { AmbassadorSort, WidgetEventType } from '../../../shared/src/wire.ts';
import type { AmbassadorRecord, ClickBreakdown } from './records.ts';

/**
 * The part of the `Store` behind the owner's dashboard: the widget's funnel events, the
 * analytics of a period, the ambassadors list, blocking, and the CSV exports. Every read is one
 * program's and one read transaction.
 */
export interface AnalyticsStore {
  /** Appends the widget's events (one small transaction for the whole request). */
  recordWidgetEvents(events: NewWidgetEvent[]): Promise<void>;
  /** Every figure of the overview over `[from, to)`, from one snapshot of the database. */
  analyticsFacts(programId: string, range: TimeRange): Promise<AnalyticsFacts>;
  /** A page of the program's ambassadors (not erased) with their figures, and how many match. */
  listAmbassadors(programId: string, query: AmbassadorListQuery): Promise<{ items: AmbassadorListRow[]; total: number }>;
  ambassadorListRow(ambassadorId: number): Promise<AmbassadorListRow | null>;
  /** Sets or clears `blocked_at` (a repeat keeps the first time); returns the ambassador as now. */
  setAmbassadorBlocked(ambassadorId: number, blocked: { at: number; note: string | null } | null): Promise<AmbassadorRecord | null>;
  /** Attributed conversions, oldest first, for the referrals export. */
  exportReferrals(programId: string): Promise<ReferralExportRow[]>;
  /** Every reward, oldest first, for the rewards export. */
  exportRewards(programId: string): Promise<RewardExportRow[]>;
}

export interface TimeRange {
  from: number;
  /** Exclusive. */
  to: number;
}

export interface NewWidgetEvent {
  programId: string;
  type: WidgetEventType;
  placement: string | null;
  channel: string | null;
  visitorId: string;
  ambassadorId: number | null;
  createdAt: number;
}

/**
 * The distinct counts that may be estimates: exact while the period holds few enough events to
 * count them one by one, estimated from daily sketches above that (`customers`: of `orderValues`).
 */
export type EstimatedFact = 'shownVisitors' | 'openedVisitors' | 'referredVisitors' | 'referredVisitorsPurchased' | 'customers';

/** Raw counts and sums; the service turns them into rates and the wire shape. */
export interface AnalyticsFacts {
  shownVisitors: number;
  openedVisitors: number;
  shares: number;
  sharesByChannel: Array<{ channel: string; shares: number }>;
  /** Shares that named an ambassador of the program, and how many ambassadors those are. */
  attributedShares: number;
  sharingAmbassadors: number;
  /** Counted clicks (not the ambassadors' own), and of those from a QR code. */
  clicks: number;
  qrClicks: number;
  /** Conversions attributed through a typed coupon with no click behind them. */
  couponPurchases: number;
  /** Distinct referred customers who identified (referral bindings made in the period). */
  identified: number;
  purchases: number;
  /** Rewards of conversions created in the period (milestone bonuses are not a funnel step). */
  rewards: number;
  /** Per UTC day number (epoch ms / 86 400 000): link clicks plus coupon purchases. */
  dailyClicks: Array<{ day: number; clicks: number }>;
  dailyPurchases: Array<{ day: number; currency: string; purchases: number; revenue: number }>;
  /** Ambassador creation → first referred purchase, for first purchases in the period; ascending. */
  cycleTimesMs: number[];
  /** Ambassadors created in the period or who shared in it. */
  participatingAmbassadors: number;
  referredVisitors: number;
  referredVisitorsPurchased: number;
  orderValues: Array<{ currency: string; scope: 'referred' | 'all'; customers: number; orders: number; revenue: number }>;
  /** Per currency: referred revenue of all ambassadors, and of the top 20% (rounded up) of them. */
  topAmbassadors: Array<{ currency: string; ambassadors: number; topCount: number; revenue: number; topRevenue: number }>;
  devices: ClickBreakdown;
  /** Which of the distinct counts above are estimates, in no particular order. */
  estimated: EstimatedFact[];
}

export interface AmbassadorListQuery {
  /** Matches code, email or name, case-insensitively; null = all. */
  q: string | null;
  sort: AmbassadorSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface AmbassadorListRow {
  id: number;
  code: string;
  name: string | null;
  email: string;
  createdAt: number;
  clicks: number;
  conversions: number;
  revenue: Array<{ amount: number; currency: string }>;
  tier: string | null;
  blockedAt: number | null;
  fraudFlags: number;
}

export interface ReferralExportRow {
  ambassadorCode: string;
  orderId: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  via: string | null;
  createdAt: number;
}

export interface RewardExportRow {
  id: number;
  ambassadorCode: string;
  orderId: string;
  kind: string;
  purpose: string;
  amount: number;
  originalAmount: number;
  currency: string;
  status: string;
  reasons: string;
  createdAt: number;
}
