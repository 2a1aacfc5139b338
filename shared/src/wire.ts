/**
 * The JSON shapes that cross the wire, shared by the server (which answers) and by the widget and
 * the demo shop (which ask). The server's route schemas must produce exactly these.
 */
import type { Money } from './money.ts';

export interface ApiError {
  error: { code: string; message: string };
}

export type RewardStatus = 'pending' | 'approved' | 'paid' | 'voided' | 'held' | 'rejected';
export type ConversionStatus = 'paid' | 'partially_refunded' | 'refunded';

/** Why a conversion was not attributed (stable codes, shown to owners). */
export type NotAttributedReason =
  | 'no_referral'
  | 'unknown_referral'
  | 'outside_attribution_window'
  | 'self_referral';

/** What a referred friend is offered: "Alice gives you 10% off" with a coupon code. */
export interface FriendOffer {
  ambassadorName: string;
  couponCode: string;
  discount: { type: 'percent'; percent: number };
}

// ---------------------------------------------------------------------------------------------
// Browser endpoints (called by the widget; CORS limited to the program's allowed origins)

/** POST /v1/widget/clicks */
export interface ClickRequest {
  programId: string;
  code: string;
  visitorId: string;
  /** Present when the visitor came through `GET /r/{code}`, which already counted the click. */
  clickId?: string;
  url?: string;
  referrer?: string;
}
export interface ClickResponse {
  clickId: string;
  /** false when the click was a duplicate within the deduplication window. */
  counted: boolean;
}

/** POST /v1/widget/forget: after `consent(false)`, deletes the `sarafan_ref` the server set (204). */
export interface ForgetRequest {
  programId: string;
}

/** POST /v1/widget/session: everything the panel needs, in one round trip. */
export interface SessionRequest {
  programId: string;
  visitorId: string;
  referral?: { code: string; clickId?: string };
  identity?: {
    email: string;
    name?: string;
    customerId?: string;
    timestamp: number;
    signature: string;
  };
}
export interface SessionResponse {
  program: { id: string; name: string };
  /** The friend offer for a referred visitor; null for everyone else, and for the ambassador
   * whose own link it is. */
  offer: FriendOffer | null;
  /** Present when the request carried a valid signed identity. */
  ambassador: AmbassadorView | null;
}

export interface AmbassadorView {
  code: string;
  name: string;
  /** The link to share: the short link `{server}/r/{code}`. */
  link: string;
  couponCode: string;
  /** What the ambassador's friends get. */
  offer: FriendOffer;
  stats: {
    clicks: number;
    /** Friends whose purchase was attributed to this ambassador. */
    friendsBought: number;
  };
  rewards: RewardView[];
  /** Sums per currency and status; never converted between currencies. */
  totals: Array<{ currency: string; pending: number; approved: number; paid: number }>;
}

export interface RewardView extends Money {
  status: RewardStatus;
  createdAt: number;
}

// ---------------------------------------------------------------------------------------------
// Server-to-server endpoints (Authorization: Bearer <secret key>)

/** POST /v1/ambassadors and GET /v1/ambassadors/{code} */
export interface AmbassadorResponse {
  code: string;
  email: string;
  name: string | null;
  customerId: string | null;
  link: string;
  couponCode: string;
  createdAt: number;
  clicks: number;
  conversions: number;
  rewards: Array<{ orderId: string; amount: number; currency: string; status: RewardStatus }>;
}

/** POST /v1/conversions */
export interface ConversionRequest {
  orderId: string;
  /** What the customer paid, in minor units, after any discount. */
  amount: number;
  currency: string;
  customer?: { email?: string; id?: string };
  referral?: { code?: string; clickId?: string; visitorId?: string };
  couponCode?: string;
  /** The friend discount the shop applied, in minor units, for the owner's records. */
  discountAmount?: number;
  items?: Array<{ sku: string; category?: string; amount: number; quantity: number }>;
}

/** The answer of POST /v1/conversions, of its repeat, and of POST .../refunds. */
export interface ConversionResponse {
  orderId: string;
  amount: number;
  currency: string;
  refundedAmount: number;
  status: ConversionStatus;
  attributed: boolean;
  ambassadorCode?: string;
  /** Why not attributed, when `attributed` is false. */
  reason?: NotAttributedReason;
  /** The friend offer applied to this order, when attributed. */
  friendDiscount?: { percent: number; amount: number };
  reward?: { amount: number; currency: string; status: RewardStatus };
  createdAt: number;
}

/** GET /v1/coupons/{code}: lets the shop's checkout apply a friend's coupon. */
export interface CouponResponse {
  code: string;
  ambassadorCode: string;
  ambassadorName: string;
  discount: { type: 'percent'; percent: number };
  /** false when the coupon may not be applied for the customer asked about (`?email=`). */
  eligible: boolean;
  /** Why not eligible: `own_code` when the customer is the coupon's own ambassador. */
  reason?: CouponIneligibleReason;
}

export type CouponIneligibleReason = 'own_code';
