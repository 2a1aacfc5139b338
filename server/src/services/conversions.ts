import { normaliseEmail } from '../../../shared/src/email.ts';
import type { ConversionRequest, ConversionResponse, OrderStatus } from '../../../shared/src/wire.ts';
import { addMonths, attribute, type ReferralCandidate } from '../domain/attribution.ts';
import { fraudReasons, fraudVerdict } from '../domain/fraud-rules.ts';
import { createReward } from '../domain/reward-ledger.ts';
import { planOrderStatus, planRefund } from '../domain/rewards.ts';
import { friendOffer } from '../../../shared/src/reward-rules/friend-offer.ts';
import { referralReward, type ReferralRewardOutcome } from '../../../shared/src/reward-rules/referral-reward.ts';
import { rewardUnit } from '../../../shared/src/reward-rules/rules.ts';
import {
  ConversionNotFoundError,
  InvalidOrderStatusError,
  OrderIdConflictError,
  RefundExceedsOrderError,
} from '../errors.ts';
import type { AmbassadorRecord, ClickRecord, ConversionDetails, ConversionRecord, ProgramRecord, RulesVersionRecord } from '../store/records.ts';
import type { CustomerKeys, NewConversion, NewReward, Store } from '../store/store.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ClientHashes } from './client-hashes.ts';
import { conversionResponse } from './conversion-view.ts';
import type { ServiceContext } from './service-context.ts';

type Candidate = ReferralCandidate<AmbassadorRecord>;

interface OrderFacts {
  customer: CustomerKeys;
  visitorId: string | null;
  ipHashes: string[];
  ipUaHashes: string[];
}

/** What attribution and the fraud rules decided for a new order. */
type Decision = Pick<NewConversion, 'attributed' | 'attributedVia' | 'ambassadorId' | 'clickId' | 'reason' | 'reward' | 'bonuses' | 'friendShare'> & {
  referredAt: number | null;
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
    const { referredAt, ...decision } = await this.#decide(program, rules, request, facts, now);
    const offer = friendOffer(rules.rules, { amount: request.amount + (request.discountAmount ?? 0), currency: request.currency }, referredAt, now);
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
      // The shop knows what it discounted; we record what it tells us, and 0 when it says nothing.
      friendDiscountPercent: decision.attributed && offer.eligible && offer.discount.type === 'percent' ? offer.discount.percent : null,
      friendDiscountAmount: decision.attributed ? (request.discountAmount ?? 0) : null,
      rulesVersion: rules.version,
      ipHash: facts.ipHashes[0] ?? null,
      ipUaHash: facts.ipUaHashes[0] ?? null,
      createdAt: now,
    };
    // The UNIQUE (program, order id) constraint decides between concurrent first requests.
    const stored = await this.#store.recordConversion(conversion);
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
  async #decide(program: ProgramRecord, rules: RulesVersionRecord, request: ConversionRequest, facts: OrderFacts, now: number): Promise<Decision> {
    const first = await this.#store.findFirstConversionOf(program.id, { ...facts.customer, visitorId: facts.visitorId });
    let candidate: Candidate | null = await this.#repeatCandidate(program, first, now);
    if (!candidate) {
      const windowStart = now - program.attributionWindowMs;
      const result = attribute({
        cookie: await this.#cookieCandidate(program, request, windowStart),
        coupon: await this.#codeCandidate(program, 'coupon', request.couponCode, null),
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
    if (first && candidate.via !== 'repeat' && verdict?.action !== 'reject') return notAttributed('not_first_purchase', candidate);

    const outcome = await this.#reward(rules, request, ambassador, candidate.via === 'repeat', now);
    const unit = outcome.unit;
    const reward = (amount: number, status: 'pending' | 'held' | 'rejected', earnedFor: 'conversion' | 'milestone_reached'): NewReward => ({
      ambassadorId: ambassador.id,
      kind: outcome.kind,
      originalAmount: amount,
      currency: unit,
      holdUntil: program.holdStartsAt === 'paid' && status !== 'rejected' ? now + program.holdPeriodMs : null,
      reasons,
      change: createReward(amount, status, earnedFor),
    });
    // Nothing to record when the rules give nothing (friend-only, threshold, limits used up).
    const own = (status: 'pending' | 'held' | 'rejected') => (outcome.skipped === null && outcome.amount > 0 ? reward(outcome.amount, status, 'conversion') : null);

    // A rejected reward is kept, so the ambassador can see why there is nothing for this order.
    if (verdict?.action === 'reject') return { ...notAttributed(verdict.rule, candidate), reward: own('rejected') };
    const status = verdict ? 'held' : 'pending';
    return {
      attributed: true,
      attributedVia: candidate.via,
      ambassadorId: ambassador.id,
      clickId: candidate.clickId,
      reason: null,
      reward: own(status),
      // A milestone bonus is reviewed with the conversion that reached it: held with it, and
      // taken back with it when the whole order is refunded or canceled.
      bonuses: outcome.bonuses
        .filter((bonus) => bonus.amount > 0)
        .map((bonus) => ({ ...reward(bonus.amount, status, 'milestone_reached'), milestone: bonus.milestone })),
      friendShare: outcome.friendShare > 0 ? outcome.friendShare : null,
      referredAt: candidate.referredAt,
    };
  }

  /** The referrer's side under `rules`, from the ambassador's standing before this order. */
  async #reward(rules: RulesVersionRecord, request: ConversionRequest, ambassador: AmbassadorRecord, repeat: boolean, now: number): Promise<ReferralRewardOutcome> {
    const month = new Date(now);
    const standing = await this.#store.referralStanding({
      programId: ambassador.programId,
      ambassadorId: ambassador.id,
      unit: rewardUnit(rules.rules.referrer.kind, request.currency),
      monthStart: Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1),
      monthEnd: Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1),
    });
    return referralReward(rules.rules, {
      order: { amount: request.amount, currency: request.currency, ...(request.items ? { items: request.items } : {}) },
      successfulReferrals: standing.successfulReferrals + (repeat ? 0 : 1),
      repeat,
      manualTier: ambassador.tier,
      friendSharePercent: ambassador.friendSharePercent,
      earnedThisMonth: standing.earnedThisMonth,
      earnedByProgram: standing.earnedByProgram,
      milestonesAwarded: standing.milestonesAwarded,
    });
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
    reward: null,
    bonuses: [],
    friendShare: null,
    referredAt: candidate?.referredAt ?? null,
  };
}
