import { normaliseEmail } from '../../../shared/src/email.ts';
import type { ConversionRequest, ConversionResponse, OrderStatus } from '../../../shared/src/wire.ts';
import { addMonths, attribute, type ReferralCandidate } from '../domain/attribution.ts';
import { fraudReasons, fraudVerdict } from '../domain/fraud-rules.ts';
import { planOrderStatus, planRefund } from '../domain/rewards.ts';
import { friendOffer } from '../../../shared/src/reward-rules/friend-offer.ts';
import { canonicalCode } from '../../../shared/src/referral-code.ts';
import {
  ConversionNotFoundError,
  CouponAlreadyUsedError,
  InvalidOrderStatusError,
  OrderIdConflictError,
  RefundExceedsOrderError,
} from '../errors.ts';
import type { AmbassadorRecord, ClickRecord, ConversionDetails, ConversionRecord, ProgramRecord, RulesVersionRecord } from '../store/records.ts';
import { FriendCouponTakenError, type CustomerKeys, type NewConversion, type RewardPlanning, type Store } from '../store/store.ts';
import type { FriendCouponRecord } from '../store/rules-records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ClientHashes } from './client-hashes.ts';
import { rewardPlanning } from './conversion-rewards.ts';
import { conversionResponse } from './conversion-view.ts';
import type { ServiceContext } from './service-context.ts';

type Candidate = ReferralCandidate<AmbassadorRecord>;

interface OrderFacts {
  customer: CustomerKeys;
  visitorId: string | null;
  ipHashes: string[];
  ipUaHashes: string[];
}

/** What attribution and the fraud rules decided for a new order; the reward is planned in the store's transaction. */
type Decision = Pick<NewConversion, 'attributed' | 'attributedVia' | 'ambassadorId' | 'clickId' | 'reason'> & {
  referredAt: number | null;
  planning: RewardPlanning | null;
};

/** Records purchases, decides who referred them, and keeps rewards in step with refunds and order status. */
export class ConversionService {
  readonly #store: Store;
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #hashes: ClientHashes;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, hashes: ClientHashes) {
    this.#store = context.store;
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#hashes = hashes;
  }

  /** Idempotent on the order id: a repeat returns the stored conversion and changes nothing. */
  async record(program: ProgramRecord, request: ConversionRequest): Promise<{ created: boolean; response: ConversionResponse }> {
    const existing = await this.#store.findConversion(program.id, request.orderId);
    if (existing) return { created: false, response: this.#repeat(existing, request) };

    const now = this.#context.clock();
    const client = request.client;
    const facts: OrderFacts = {
      customer: {
        emailNormalised: request.customer?.email ? normaliseEmail(request.customer.email) : null,
        customerId: request.customer?.id ?? null,
      },
      visitorId: request.referral?.visitorId ?? null,
      ipHashes: client?.ip ? this.#hashes.ip(client.ip) : [],
      ipUaHashes: client?.ip && client.userAgent ? this.#hashes.ipUserAgent(client.ip, client.userAgent) : [],
    };
    // The rules in force now decide the reward, for good: the conversion records their version.
    const rules = await this.#store.currentRules(program.id);
    if (!rules) throw new Error(`program ${program.id} has no reward rules`);
    // A single-use friend coupon (not yet used) is referral evidence like the ambassador's code.
    const friendCoupon = request.couponCode ? await this.#store.findFriendCoupon(program.id, canonicalCode(request.couponCode)) : null;
    const usableCoupon = friendCoupon && friendCoupon.usedAt === null ? friendCoupon : null;
    const { referredAt, planning, ...decision } = await this.#decide(program, rules, request, facts, usableCoupon, now);
    // The coupon is used up by an order attributed to its ambassador; its offer counts from its issue.
    const couponUsed = usableCoupon !== null && decision.attributed && decision.ambassadorId === usableCoupon.ambassadorId;
    const offer = friendOffer(
      rules.rules,
      { amount: request.amount + (request.discountAmount ?? 0), currency: request.currency },
      couponUsed ? usableCoupon.issuedAt : referredAt,
      now,
    );
    const conversion: NewConversion = {
      programId: program.id,
      orderId: request.orderId,
      amount: request.amount,
      currency: request.currency,
      customerEmail: request.customer?.email ?? null,
      customerEmailNormalised: facts.customer.emailNormalised,
      customerId: facts.customer.customerId,
      visitorId: facts.visitorId,
      couponCode: request.couponCode ?? null,
      ...decision,
      reward: null,
      bonuses: [],
      friendShare: null,
      rewardSkipped: null,
      friendCouponCode: couponUsed ? usableCoupon.code : null,
      // The shop knows what it discounted; we record what it tells us, and 0 when it says nothing.
      friendDiscountPercent: decision.attributed && offer.eligible && offer.discount.type === 'percent' ? offer.discount.percent : null,
      friendDiscountAmount: decision.attributed ? (request.discountAmount ?? 0) : null,
      rulesVersion: rules.version,
      ipHash: facts.ipHashes[0] ?? null,
      ipUaHash: facts.ipUaHashes[0] ?? null,
      createdAt: now,
    };
    // The UNIQUE (program, order id) constraint decides between concurrent first requests.
    let stored: Awaited<ReturnType<Store['recordConversion']>>;
    try {
      stored = await this.#store.recordConversion(conversion, planning);
    } catch (error) {
      if (error instanceof FriendCouponTakenError) throw new CouponAlreadyUsedError();
      throw error;
    }
    return { created: stored.created, response: stored.created ? conversionResponse(stored.conversion) : this.#repeat(stored.conversion, request) };
  }

  /** `requested` null refunds whatever remains; a `refundId` seen before changes nothing. */
  async refund(program: ProgramRecord, orderId: string, requested: number | null, refundId: string | null): Promise<ConversionResponse> {
    const updated = await this.#store.applyRefund(
      program.id,
      orderId,
      refundId,
      (current) => {
        const outcome = planRefund(current, requested);
        if (!outcome.ok) {
          throw new RefundExceedsOrderError(
            `Only ${outcome.remaining} ${current.currency} (minor units) of order ${orderId} can still be refunded.`,
          );
        }
        return outcome;
      },
      { actor: 'shop_api', at: this.#context.clock() },
    );
    if (!updated) throw new ConversionNotFoundError();
    return conversionResponse(updated);
  }

  async setOrderStatus(program: ProgramRecord, orderId: string, status: OrderStatus): Promise<ConversionResponse> {
    const now = this.#context.clock();
    const updated = await this.#store.applyOrderStatus(
      program.id,
      orderId,
      (current) => {
        const outcome = planOrderStatus(current, status, program, now);
        if (!outcome.ok) {
          throw new InvalidOrderStatusError(`Order ${orderId} is ${outcome.current}; it cannot become ${status}.`);
        }
        return outcome.unchanged ? null : outcome;
      },
      { actor: 'shop_api', at: now },
    );
    if (!updated) throw new ConversionNotFoundError();
    return conversionResponse(updated);
  }

  #repeat(existing: ConversionDetails, request: ConversionRequest): ConversionResponse {
    if (existing.amount !== request.amount || existing.currency !== request.currency) {
      throw new OrderIdConflictError(
        `Order ${request.orderId} was recorded as ${existing.amount} ${existing.currency}; a repeat must send the same amount and currency.`,
      );
    }
    return conversionResponse(existing);
  }

  /**
   * Who referred the order, then whether they may be rewarded: a repeat purchase within the
   * program's recurring months stays with the first referrer; otherwise the referral evidence is
   * weighed (`attribute`), the fraud rules run on the chosen ambassador, and only a customer's
   * first purchase is rewarded.
   */
  async #decide(
    program: ProgramRecord,
    rules: RulesVersionRecord,
    request: ConversionRequest,
    facts: OrderFacts,
    friendCoupon: FriendCouponRecord | null,
    now: number,
  ): Promise<Decision> {
    const first = await this.#store.findFirstConversionOf(program.id, { ...facts.customer, visitorId: facts.visitorId });
    let candidate: Candidate | null = await this.#repeatCandidate(program, first, now);
    if (!candidate) {
      const windowStart = now - program.attributionWindowMs;
      const result = attribute({
        cookie: await this.#cookieCandidate(program, request, windowStart),
        coupon: friendCoupon ? await this.#friendCouponCandidate(friendCoupon) : await this.#codeCandidate(program, 'coupon', request.couponCode, null),
        customer: await this.#customerCandidate(program, facts.customer, windowStart),
        referralGiven: Boolean(request.referral?.clickId || request.referral?.code || request.couponCode),
        convertedAt: now,
        attributionWindowMs: program.attributionWindowMs,
        couponBeatsCookie: program.couponBeatsCookie,
      });
      if (!result.attributed) return notAttributed(result.reason, result.candidate);
      candidate = result.candidate;
    }
    // Blocked by the owner: the referral is recorded for the owner to see, and earns nothing.
    if (candidate.ambassador.blockedAt) return notAttributed('ambassador_blocked', candidate);

    const ambassador = candidate.ambassador;
    const click = candidate.clickId ? await this.#store.findClick(program.id, candidate.clickId) : null;
    const reasons = fraudReasons({
      ambassador,
      customer: facts.customer,
      visitorIsAmbassadors: await this.#isAmbassadorsBrowser(ambassador, click, facts.visitorId),
      ipUaIsAmbassadors: await this.#store.hasAmbassadorFingerprint(ambassador.id, [
        ...facts.ipUaHashes,
        ...(click?.ipUaHash ? [click.ipUaHash] : []),
      ]),
      recentConversionsFromIp: await this.#store.countReferredConversionsFromIp(program.id, facts.ipHashes, now - program.velocityWindowMs),
      velocityLimit: program.velocityLimit,
      clickReferrer: click?.referrer ?? null,
      blockedReferrerDomains: program.blockedReferrerDomains,
    });
    const verdict = fraudVerdict(reasons, program.fraudActions);
    // Someone who joined by email alone waits for the shop: their rewards are held, never lost.
    const unconfirmed = !ambassador.confirmed;
    if (unconfirmed) reasons.push('unconfirmed_ambassador');
    if (first && candidate.via !== 'repeat' && verdict?.action !== 'reject') return notAttributed('not_first_purchase', candidate);

    const status = verdict?.action === 'reject' ? 'rejected' : verdict || unconfirmed ? 'held' : 'pending';
    const planning = rewardPlanning({ program, rules, request, ambassador, repeat: candidate.via === 'repeat', status, reasons, now });
    if (verdict?.action === 'reject') return { ...notAttributed(verdict.rule, candidate), planning };
    return {
      attributed: true,
      attributedVia: candidate.via,
      ambassadorId: ambassador.id,
      clickId: candidate.clickId,
      reason: null,
      referredAt: candidate.referredAt,
      planning,
    };
  }

  /** A friend's own single-use coupon: its ambassador, referred when the coupon was issued. */
  async #friendCouponCandidate(coupon: FriendCouponRecord): Promise<Candidate | null> {
    const ambassador = await this.#store.getAmbassador(coupon.ambassadorId);
    return ambassador ? { via: 'coupon', ambassador, referredAt: coupon.issuedAt, clickId: null } : null;
  }

  /** A referred customer's later purchase, while the program rewards repeat purchases. */
  async #repeatCandidate(program: ProgramRecord, first: ConversionRecord | null, now: number): Promise<Candidate | null> {
    if (!first?.attributed || first.ambassadorId === null || program.recurringMonths === 0) return null;
    if (now > addMonths(first.createdAt, program.recurringMonths)) return null;
    const ambassador = await this.#store.getAmbassador(first.ambassadorId);
    return ambassador ? { via: 'repeat', ambassador, referredAt: null, clickId: first.clickId } : null;
  }

  /** The browser's referral: the cookie's click, or its code with that browser's latest click;
   * under the first-click model, that browser's first click in the window when there is one. */
  async #cookieCandidate(program: ProgramRecord, request: ConversionRequest, windowStart: number): Promise<Candidate | null> {
    const referral = request.referral;
    if (program.attributionModel === 'first_click' && referral?.visitorId) {
      const first = await this.#store.findFirstClick(program.id, referral.visitorId, windowStart);
      const candidate = first ? await this.#clickCandidate(first) : null;
      if (candidate) return candidate;
    }
    const click = referral?.clickId ? await this.#store.findClick(program.id, referral.clickId) : null;
    if (click) return this.#clickCandidate(click);
    return this.#codeCandidate(program, 'code', referral?.code, referral?.visitorId ?? null);
  }

  async #clickCandidate(click: ClickRecord): Promise<Candidate | null> {
    const ambassador = await this.#store.getAmbassador(click.ambassadorId);
    return ambassador ? { via: 'click', ambassador, referredAt: click.createdAt, clickId: click.id } : null;
  }

  async #codeCandidate(
    program: ProgramRecord,
    via: 'code' | 'coupon',
    code: string | undefined,
    visitorId: string | null,
  ): Promise<Candidate | null> {
    const ambassador = code ? await this.#ambassadors.findByCode(program, code) : null;
    if (!ambassador) return null;
    const latest = visitorId ? await this.#store.findLatestClick(ambassador.id, visitorId) : null;
    return { via, ambassador, referredAt: latest?.createdAt ?? null, clickId: latest?.id ?? null };
  }

  /** A referral bound to the customer when they identified: attribution without a cookie. */
  async #customerCandidate(program: ProgramRecord, customer: CustomerKeys, windowStart: number): Promise<Candidate | null> {
    const which = program.attributionModel === 'first_click' ? 'first' : 'last';
    const binding = await this.#store.findReferralBinding(program.id, customer, windowStart, which);
    const ambassador = binding ? await this.#store.getAmbassador(binding.ambassadorId) : null;
    return binding && ambassador ? { via: 'customer', ambassador, referredAt: binding.referredAt, clickId: binding.clickId } : null;
  }

  async #isAmbassadorsBrowser(ambassador: AmbassadorRecord, click: ClickRecord | null, orderVisitorId: string | null): Promise<boolean> {
    if (click?.self) return true;
    for (const visitorId of [click?.visitorId ?? null, orderVisitorId]) {
      if (visitorId !== null && (await this.#store.isAmbassadorVisitor(ambassador.id, visitorId))) return true;
    }
    return false;
  }
}

function notAttributed(reason: NonNullable<NewConversion['reason']>, candidate: Candidate | null): Decision {
  return {
    attributed: false,
    attributedVia: null,
    ambassadorId: candidate?.ambassador.id ?? null,
    clickId: candidate?.clickId ?? null,
    reason,
    referredAt: candidate?.referredAt ?? null,
    planning: null,
  };
}
