import { verifyIdentitySignature } from '../../../shared/src/identity-signature.ts';
import type { SessionRequest, SessionResponse, SplitRequest, SplitResponse } from '../../../shared/src/wire.ts';
import { isIdentityFresh } from '../domain/identity-freshness.ts';
import { InvalidIdentitySignatureError, AmbassadorNotSignedInError, JoinRequiresInvitationError, JoinRequiresPurchaseError } from '../errors.ts';
import type { AmbassadorRecord, ClickRecord, ProgramRecord } from '../store/records.ts';
import { normaliseEmail } from '../../../shared/src/email.ts';
import type { AmbassadorService } from './ambassadors.ts';
import { ambassadorPanelView } from './ambassador-panel-view.ts';
import type { JoinService } from './joining.ts';
import type { RewardRulesService } from './reward-rules.ts';
import type { WidgetSettingsService } from './widget-settings.ts';

/** The services a session uses besides the ambassadors' (friend offers, joining by email,
 * settings, the split). */
export interface WidgetSessionHelpers {
  offers: FriendOfferService;
  joining: JoinService;
  widgetSettings: WidgetSettingsService;
  rewardRules: RewardRulesService;
}
import type { ClientHashes } from './client-hashes.ts';
import type { ClientInfo } from './clicks.ts';
import type { FriendOfferService } from './friend-offers.ts';
import type { ServiceContext } from './service-context.ts';

/** Who the session is for: an ambassador, or a signed-in customer the join policy keeps out. */
type SignedIn = { ambassador: AmbassadorRecord } | { refused: NonNullable<SessionResponse['joinRefused']> };

/** Everything the widget's panel needs in one answer: the program, the friend offer, the ambassador. */
export class WidgetSessionService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #hashes: ClientHashes;
  readonly #helpers: WidgetSessionHelpers;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, hashes: ClientHashes, helpers: WidgetSessionHelpers) {
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#hashes = hashes;
    this.#helpers = helpers;
  }

  async session(program: ProgramRecord, request: SessionRequest, client: ClientInfo): Promise<SessionResponse> {
    const { store, clock } = this.#context;
    const signedIn = await this.#signedIn(program, request, client);
    const identified = signedIn && 'ambassador' in signedIn ? signedIn.ambassador : null;

    let offer: SessionResponse['offer'] = null;
    if (request.referral) {
      const referrer = await this.#ambassadors.findByCode(program, request.referral.code);
      // No "10% off from yourself": hide the offer from the ambassador, identified or merely recognised.
      const own =
        referrer !== null &&
        (referrer.id === identified?.id || (await store.isAmbassadorVisitor(referrer.id, request.visitorId)));
      const click = referrer && request.referral.clickId ? await store.findClick(program.id, request.referral.clickId) : null;
      const referral = click && click.ambassadorId === referrer?.id ? click : null;
      if (referrer && !own && !(await store.hasBoughtThrough(referrer.id, request.visitorId))) {
        offer = await this.#helpers.offers.offerFor(program, referrer, request.visitorId, referral?.createdAt ?? clock());
      }
      // A customer the join policy keeps out is still a referred friend.
      const customer = request.identity ? { email: request.identity.email, customerId: request.identity.customerId ?? null } : null;
      if (referrer && !own && customer) await this.#bind(program, referrer, customer, referral);
    }

    const [ambassador, widget] = await Promise.all([
      identified ? ambassadorPanelView(this.#context, program, identified) : null,
      this.#helpers.widgetSettings.get(program),
    ]);
    const refused = signedIn && 'refused' in signedIn ? { joinRefused: signedIn.refused } : {};
    return { program: { id: program.id, name: program.name }, offer, ambassador, widget, ...refused };
  }

  /** `POST /v1/widget/split`: the signed-in ambassador picks the friend's share of their rewards. */
  async chooseSplit(program: ProgramRecord, request: SplitRequest, client: ClientInfo): Promise<SplitResponse> {
    const signedIn = await this.#signedIn(program, request, client);
    if (!signedIn || !('ambassador' in signedIn)) throw new AmbassadorNotSignedInError();
    const choices = await this.#helpers.rewardRules.setChoices(program, signedIn.ambassador.code, { friendSharePercent: request.friendSharePercent });
    return { friendSharePercent: choices.friendSharePercent };
  }

  /** A signed identity (which wins), else the join token of someone who joined by email, else nobody. */
  async #signedIn(
    program: ProgramRecord,
    request: Pick<SessionRequest, 'visitorId' | 'identity' | 'joinToken'>,
    client: ClientInfo,
  ): Promise<SignedIn | null> {
    if (request.identity) return this.#identify(program, request, client);
    const joined = request.joinToken ? await this.#helpers.joining.byToken(program, request.joinToken) : null;
    return joined ? { ambassador: joined } : null;
  }

  /** A referred visitor identified: their later purchases are the referrer's, on any device. */
  async #bind(
    program: ProgramRecord,
    referrer: AmbassadorRecord,
    customer: { email: string; customerId: string | null },
    click: ClickRecord | null,
  ): Promise<void> {
    const { store, clock } = this.#context;
    const now = clock();
    await store.bindReferral({
      programId: program.id,
      ambassadorId: referrer.id,
      emailNormalised: normaliseEmail(customer.email),
      customerId: customer.customerId,
      clickId: click?.id ?? null,
      referredAt: click?.createdAt ?? now,
      createdAt: now,
    });
  }

  /** Verifies the shop's signature, then creates or finds the ambassador and remembers this
   * browser and where it connects from (the self-referral rules compare both). */
  async #identify(program: ProgramRecord, request: Pick<SessionRequest, 'visitorId' | 'identity'>, client: ClientInfo): Promise<SignedIn> {
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
    let ambassador: AmbassadorRecord;
    try {
      ({ ambassador } = await this.#ambassadors.ensure(program, {
        email: identity.email,
        name: identity.name,
        customerId: identity.customerId,
      }));
    } catch (error) {
      // The panel still opens (the friend offer, the program); it just has no ambassador in it.
      if (error instanceof JoinRequiresPurchaseError) return { refused: 'join_requires_purchase' };
      if (error instanceof JoinRequiresInvitationError) return { refused: 'join_requires_invitation' };
      throw error;
    }
    const { store, clock } = this.#context;
    await store.addAmbassadorVisitor(ambassador.id, request.visitorId, clock());
    const [ipUaHash] = this.#hashes.ipUserAgent(client.ip, client.userAgent);
    if (ipUaHash) await store.addAmbassadorFingerprint(ambassador.id, ipUaHash, clock());
    return { ambassador };
  }
}
