import { verifyIdentitySignature } from '../../../shared/src/identity-signature.ts';
import type { SessionRequest, SessionResponse } from '../../../shared/src/wire.ts';
import { isIdentityFresh } from '../domain/identity-freshness.ts';
import { InvalidIdentitySignatureError } from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import { normaliseEmail } from '../../../shared/src/email.ts';
import type { AmbassadorService } from './ambassadors.ts';
import { ambassadorView, friendOffer } from './ambassador-views.ts';
import type { ClientHashes } from './client-hashes.ts';
import type { ClientInfo } from './clicks.ts';
import type { ServiceContext } from './service-context.ts';

/** Everything the widget's panel needs in one answer: the program, the friend offer, the ambassador. */
export class WidgetSessionService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #hashes: ClientHashes;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, hashes: ClientHashes) {
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#hashes = hashes;
  }

  async session(program: ProgramRecord, request: SessionRequest, client: ClientInfo): Promise<SessionResponse> {
    const { store } = this.#context;
    const identified = request.identity ? await this.#identify(program, request, client) : null;

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
      if (referrer && !own && identified) await this.#bind(program, referrer, identified, request.referral.clickId);
    }

    const ambassador = identified
      ? ambassadorView(this.#context.publicUrl(), program, identified, await store.summariseAmbassador(identified.id))
      : null;
    return { program: { id: program.id, name: program.name }, offer, ambassador };
  }

  /** A referred visitor identified: their later purchases are the referrer's, on any device. */
  async #bind(program: ProgramRecord, referrer: AmbassadorRecord, customer: AmbassadorRecord, clickId: string | undefined): Promise<void> {
    const { store, clock } = this.#context;
    const click = clickId ? await store.findClick(program.id, clickId) : null;
    const now = clock();
    await store.bindReferral({
      programId: program.id,
      ambassadorId: referrer.id,
      emailNormalised: normaliseEmail(customer.email),
      customerId: customer.customerId,
      clickId: click?.ambassadorId === referrer.id ? click.id : null,
      referredAt: click?.ambassadorId === referrer.id ? click.createdAt : now,
      createdAt: now,
    });
  }

  /** Verifies the shop's signature, then creates or finds the ambassador and remembers this
   * browser and where it connects from (the self-referral rules compare both). */
  async #identify(program: ProgramRecord, request: SessionRequest, client: ClientInfo): Promise<AmbassadorRecord> {
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
    const { store, clock } = this.#context;
    await store.addAmbassadorVisitor(ambassador.id, request.visitorId, clock());
    const [ipUaHash] = this.#hashes.ipUserAgent(client.ip, client.userAgent);
    if (ipUaHash) await store.addAmbassadorFingerprint(ambassador.id, ipUaHash, clock());
    return ambassador;
  }
}
