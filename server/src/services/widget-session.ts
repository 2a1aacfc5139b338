import { verifyIdentitySignature } from '../../../shared/src/identity-signature.ts';
import type { SessionRequest, SessionResponse } from '../../../shared/src/wire.ts';
import { isIdentityFresh } from '../domain/identity-freshness.ts';
import { InvalidIdentitySignatureError } from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import { ambassadorView, friendOffer } from './ambassador-views.ts';
import type { ServiceContext } from './service-context.ts';

/** Everything the widget's panel needs in one answer: the program, the friend offer, the ambassador. */
export class WidgetSessionService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  async session(program: ProgramRecord, request: SessionRequest): Promise<SessionResponse> {
    const { store } = this.#context;
    const identified = request.identity ? await this.#identify(program, request) : null;

    let offer: SessionResponse['offer'] = null;
    if (request.referral) {
      const referrer = await this.#ambassadors.findByCode(program, request.referral.code);
      // No "10% off from yourself": hide the offer from the ambassador, identified or merely recognised.
      const own =
        referrer !== null &&
        (referrer.id === identified?.id || (await store.isAmbassadorVisitor(referrer.id, request.visitorId)));
      if (referrer && !own && !(await store.hasBoughtThrough(referrer.id, request.visitorId))) {
        offer = friendOffer(program, referrer);
      }
    }

    const ambassador = identified
      ? ambassadorView(this.#context.publicUrl(), program, identified, await store.summariseAmbassador(identified.id))
      : null;
    return { program: { id: program.id, name: program.name }, offer, ambassador };
  }

  /** Verifies the shop's signature, then creates or finds the ambassador and remembers this browser. */
  async #identify(program: ProgramRecord, request: SessionRequest): Promise<AmbassadorRecord> {
    const identity = request.identity;
    if (!identity) throw new InvalidIdentitySignatureError();
    const signed = {
      programId: program.id,
      email: identity.email,
      customerId: identity.customerId,
      timestamp: identity.timestamp,
    };
    if (!isIdentityFresh(identity.timestamp, this.#context.clock())) {
      throw new InvalidIdentitySignatureError('The signed identity has expired: sign it again when rendering the page.');
    }
    if (!verifyIdentitySignature(program.identityKey, signed, identity.signature)) {
      throw new InvalidIdentitySignatureError();
    }
    const { ambassador } = await this.#ambassadors.ensure(program, {
      email: identity.email,
      name: identity.name,
      customerId: identity.customerId,
    });
    await this.#context.store.addAmbassadorVisitor(ambassador.id, request.visitorId, this.#context.clock());
    return ambassador;
  }
}
