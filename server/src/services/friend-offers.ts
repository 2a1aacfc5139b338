import { customAlphabet } from 'nanoid';
import { normaliseEmail } from '../../../shared/src/email.ts';
import { canonicalCode, isReferralCode, REFERRAL_CODE_ALPHABET } from '../../../shared/src/referral-code.ts';
import { friendOfferExpiry, friendOfferTerms } from '../../../shared/src/reward-rules/friend-offer.ts';
import type { RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import type { CouponResponse, FriendOffer } from '../../../shared/src/wire.ts';
import { displayName } from '../domain/display-name.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { ServiceContext } from './service-context.ts';
import { friendOffer } from './ambassador-views.ts';
import type { AmbassadorService } from './ambassadors.ts';

/** Ten characters of the referral-code alphabet: about 49 bits, not worth guessing. */
const newCouponCode = customAlphabet(REFERRAL_CODE_ALPHABET, 10);
const MAX_CODE_ATTEMPTS = 5;

export interface CouponQuery {
  email?: string | undefined;
  /** The order before the discount, minor units, to check the minimum order. */
  amount?: number | undefined;
  currency?: string | undefined;
}

/**
 * The friend offer as rules define it: its terms (percent or flat, minimum order, expiry) and its
 * coupon, which is the ambassador's shared code or, with `coupon: single_use`, the friend's own
 * code, issued the first time the offer is shown to that browser.
 */
export class FriendOfferService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  async rules(program: ProgramRecord): Promise<RewardRules | null> {
    return (await this.#context.store.currentRules(program.id))?.rules ?? null;
  }

  /** What the referred visitor sees; null when the rules give friends nothing or the offer has ended. */
  async offerFor(program: ProgramRecord, referrer: AmbassadorRecord, visitorId: string, referredAt: number): Promise<FriendOffer | null> {
    const rules = await this.rules(program);
    if (!rules) return friendOffer(program, referrer);
    if (rules.sides === 'referrer') return null;
    let couponCode = referrer.code;
    let since = referredAt;
    if (rules.friendOffer.coupon === 'single_use') {
      const coupon = await this.#issue(program, referrer, visitorId, referredAt);
      // Used already: this browser's friend offer is spent.
      if (coupon.usedAt !== null) return null;
      couponCode = coupon.code;
      since = coupon.issuedAt;
    }
    const expiresAt = friendOfferExpiry(rules.friendOffer, since);
    if (expiresAt !== null && this.#context.clock() > expiresAt) return null;
    return friendOffer(program, referrer, friendOfferTerms(rules.friendOffer), { couponCode, expiresAt });
  }

  /** `GET /v1/coupons/{code}`: the ambassador's code or a friend's own; null when neither. */
  async lookup(program: ProgramRecord, code: string, query: CouponQuery): Promise<CouponResponse | null> {
    const { store, clock } = this.#context;
    const canonical = canonicalCode(code);
    if (!isReferralCode(canonical)) return null;
    const shared = await this.#ambassadors.findByCode(program, canonical);
    const single = shared ? null : await store.findFriendCoupon(program.id, canonical);
    const ambassador = shared ?? (single ? await store.getAmbassador(single.ambassadorId) : null);
    if (!ambassador) return null;
    const rules = await this.rules(program);
    const terms = rules ? friendOfferTerms(rules.friendOffer, query.currency) : { discount: { type: 'percent' as const, percent: program.friendDiscountPercent } };
    const expiresAt = single && rules ? friendOfferExpiry(rules.friendOffer, single.issuedAt) : null;
    const minimum = query.currency !== undefined ? rules?.friendOffer.minimumOrder[query.currency] : terms.minimumOrder?.amount;
    const reason =
      query.email !== undefined && normaliseEmail(query.email) === ambassador.emailNormalised
        ? ('own_code' as const)
        : single?.usedAt != null
          ? ('already_used' as const)
          : expiresAt !== null && clock() > expiresAt
            ? ('expired' as const)
            : query.amount !== undefined && minimum !== undefined && query.amount < minimum
              ? ('below_minimum' as const)
              : null;
    return {
      code: canonical,
      ambassadorCode: ambassador.code,
      ambassadorName: displayName(ambassador),
      ...terms,
      coupon: single ? 'single_use' : 'shared',
      ...(expiresAt !== null ? { expiresAt } : {}),
      eligible: reason === null,
      ...(reason ? { reason } : {}),
    };
  }

  async #issue(program: ProgramRecord, referrer: AmbassadorRecord, visitorId: string, referredAt: number) {
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const issued = await this.#context.store.issueFriendCoupon({
        code: newCouponCode(),
        programId: program.id,
        ambassadorId: referrer.id,
        visitorId,
        issuedAt: referredAt,
      });
      if (issued !== 'code_taken') return issued;
    }
    throw new Error(`Could not find a free coupon code after ${MAX_CODE_ATTEMPTS} attempts.`);
  }
}
