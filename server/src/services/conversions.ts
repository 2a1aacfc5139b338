import { normaliseEmail } from '../../../shared/src/email.ts';
import type { ConversionRequest, ConversionResponse } from '../../../shared/src/wire.ts';
import { attribute, type ReferralCandidate } from '../domain/attribution.ts';
import { planRefund, rewardForOrder } from '../domain/rewards.ts';
import { ConversionNotFoundError, OrderIdConflictError, RefundExceedsOrderError } from '../errors.ts';
import type { AmbassadorRecord, ConversionDetails, ProgramRecord } from '../store/records.ts';
import type { NewConversion, Store } from '../store/store.ts';
import type { AmbassadorService } from './ambassadors.ts';
import { conversionResponse } from './conversion-view.ts';
import type { ServiceContext } from './service-context.ts';

type Candidate = ReferralCandidate<AmbassadorRecord>;

/** Records purchases, decides who referred them, and keeps rewards in step with refunds. */
export class ConversionService {
  readonly #store: Store;
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#store = context.store;
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  /** Idempotent on the order id: a repeat returns the stored conversion and changes nothing. */
  async record(program: ProgramRecord, request: ConversionRequest): Promise<{ created: boolean; response: ConversionResponse }> {
    const existing = await this.#store.findConversion(program.id, request.orderId);
    if (existing) return { created: false, response: this.#repeat(existing, request) };

    const now = this.#context.clock();
    const candidates = await this.#candidates(program, request);
    const visitorId = request.referral?.visitorId ?? null;
    const visitorOwners = new Set<number>();
    if (visitorId !== null) {
      for (const candidate of candidates) {
        if (await this.#store.isAmbassadorVisitor(candidate.ambassador.id, visitorId)) visitorOwners.add(candidate.ambassador.id);
      }
    }
    const result = attribute({
      candidates,
      referralGiven: Boolean(request.referral?.clickId || request.referral?.code || request.couponCode),
      convertedAt: now,
      attributionWindowMs: program.attributionWindowMs,
      customer: {
        emailNormalised: request.customer?.email ? normaliseEmail(request.customer.email) : null,
        id: request.customer?.id ?? null,
        visitorIsAmbassadors: (ambassador) => visitorOwners.has(ambassador.id),
      },
    });

    const candidate = result.candidate;
    const conversion: NewConversion = {
      programId: program.id,
      orderId: request.orderId,
      amount: request.amount,
      currency: request.currency,
      customerEmail: request.customer?.email ?? null,
      customerEmailNormalised: request.customer?.email ? normaliseEmail(request.customer.email) : null,
      customerId: request.customer?.id ?? null,
      visitorId,
      couponCode: request.couponCode ?? null,
      attributed: result.attributed,
      ambassadorId: candidate?.ambassador.id ?? null,
      clickId: candidate?.clickId ?? null,
      reason: result.attributed ? null : result.reason,
      // The shop knows what it discounted; we record what it tells us, and 0 when it says nothing.
      friendDiscountPercent: result.attributed ? program.friendDiscountPercent : null,
      friendDiscountAmount: result.attributed ? (request.discountAmount ?? 0) : null,
      createdAt: now,
      reward:
        result.attributed && candidate
          ? {
              ambassadorId: candidate.ambassador.id,
              kind: 'store_credit',
              amount: rewardForOrder(request.amount, program.rewardBasisPoints),
              currency: request.currency,
              status: 'pending',
            }
          : null,
    };
    // The UNIQUE (program, order id) constraint decides between concurrent first requests.
    const stored = await this.#store.recordConversion(conversion);
    return { created: stored.created, response: stored.created ? conversionResponse(stored.conversion) : this.#repeat(stored.conversion, request) };
  }

  /** `requested` null refunds whatever remains. */
  async refund(program: ProgramRecord, orderId: string, requested: number | null): Promise<ConversionResponse> {
    const updated = await this.#store.applyRefund(
      program.id,
      orderId,
      (current) => {
        const outcome = planRefund(current, requested);
        if (!outcome.ok) {
          throw new RefundExceedsOrderError(
            `Only ${outcome.remaining} ${current.currency} (minor units) of order ${orderId} can still be refunded.`,
          );
        }
        return outcome;
      },
      this.#context.clock(),
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

  /** The referral candidates in order of precedence: click id, else code (+ its latest click), then coupon. */
  async #candidates(program: ProgramRecord, request: ConversionRequest): Promise<Candidate[]> {
    const candidates: Candidate[] = [];
    const referral = request.referral;
    const click = referral?.clickId ? await this.#store.findClick(program.id, referral.clickId) : null;
    if (click) {
      const ambassador = await this.#store.getAmbassador(click.ambassadorId);
      if (ambassador) candidates.push(await this.#candidate('click', ambassador, click));
    } else if (referral?.code) {
      const ambassador = await this.#ambassadors.findByCode(program, referral.code);
      if (ambassador) {
        const latest = referral.visitorId ? await this.#store.findLatestClick(ambassador.id, referral.visitorId) : null;
        candidates.push(await this.#candidate('code', ambassador, latest));
      }
    }
    if (request.couponCode) {
      const ambassador = await this.#ambassadors.findByCode(program, request.couponCode);
      if (ambassador) candidates.push(await this.#candidate('coupon', ambassador, null));
    }
    return candidates;
  }

  async #candidate(
    via: Candidate['via'],
    ambassador: AmbassadorRecord,
    click: { id: string; createdAt: number; visitorId: string | null; self: boolean } | null,
  ): Promise<Candidate> {
    return {
      via,
      ambassador,
      clickedAt: click?.createdAt ?? null,
      clickId: click?.id ?? null,
      clickVisitorId: click?.visitorId ?? null,
      clickWasSelf: click?.self ?? false,
      clickVisitorIsAmbassadors: click?.visitorId
        ? await this.#store.isAmbassadorVisitor(ambassador.id, click.visitorId)
        : false,
    };
  }
}
