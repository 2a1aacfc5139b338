import { createHash, randomBytes } from 'node:crypto';
import { normaliseEmail } from '../../../shared/src/email.ts';
import type { ConfirmAmbassadorResponse, JoinRequest, JoinResponse, LeaderboardResponse } from '../../../shared/src/wire.ts';
import { isDisposableEmailDomain } from '../domain/disposable-email-domains.ts';
import { maskedName } from '../domain/masked-name.ts';
import { displayName } from '../domain/display-name.ts';
import { moveReward } from '../domain/reward-ledger.ts';
import {
  AmbassadorExistsError,
  AmbassadorNotFoundError,
  DisposableEmailError,
  JoinRefusedError,
  LeaderboardDisabledError,
  TooManyRequestsError,
} from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import { ambassadorPanelView } from './ambassador-panel-view.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ClientHashes } from './client-hashes.ts';
import type { ClientInfo } from './clicks.ts';
import type { ServiceContext } from './service-context.ts';
import type { UserAgents } from './user-agents.ts';
import type { WidgetSettingsService } from './widget-settings.ts';
import { FixedWindowLimiter } from './fixed-window-limiter.ts';

export const LEADERBOARD_SIZE = 10;
/** Joining attempts per IP (and per browser) in ten minutes: enough for typos, not for a script. */
export const JOIN_ATTEMPTS_PER_WINDOW = 5;
export const JOIN_WINDOW_MS = 10 * 60_000;

export function hashJoinToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Visitors the shop has not identified join with their email in the panel. They become
 * unconfirmed ambassadors (their rewards are held until the owner confirms them) and their browser
 * gets a random join token, of which only the hash is stored, to see their panel on later visits.
 */
export class JoinService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #hashes: ClientHashes;
  readonly #userAgents: UserAgents;
  readonly #settings: WidgetSettingsService;
  readonly #limiter: FixedWindowLimiter;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, hashes: ClientHashes, userAgents: UserAgents, settings: WidgetSettingsService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#hashes = hashes;
    this.#userAgents = userAgents;
    this.#settings = settings;
    this.#limiter = new FixedWindowLimiter(JOIN_ATTEMPTS_PER_WINDOW, JOIN_WINDOW_MS, context.clock);
  }

  async join(program: ProgramRecord, request: JoinRequest, client: ClientInfo): Promise<JoinResponse> {
    if (client.userAgent.trim() === '' || this.#userAgents.of(client.userAgent).bot) throw new JoinRefusedError();
    // No hash for a private address: behind an untrusted proxy every visitor would share one limit.
    const [ipHash] = this.#hashes.ip(client.ip);
    if ((ipHash && !this.#limiter.allow(`${program.id} ip ${ipHash}`)) || !this.#limiter.allow(`${program.id} visitor ${request.visitorId}`)) {
      throw new TooManyRequestsError();
    }
    const emailNormalised = normaliseEmail(request.email);
    if (isDisposableEmailDomain(emailNormalised.slice(emailNormalised.lastIndexOf('@') + 1))) throw new DisposableEmailError();
    // Never hand out an existing ambassador's panel to whoever types their email.
    if (await this.#context.store.findAmbassadorByEmail(program.id, emailNormalised)) throw new AmbassadorExistsError();

    const joinToken = randomBytes(32).toString('base64url');
    const { ambassador, created } = await this.#ambassadors.ensure(
      program,
      { email: request.email, name: request.name },
      { confirmed: false, joinTokenHash: hashJoinToken(joinToken) },
    );
    // Someone else joined with this email a moment ago: the same answer as above.
    if (!created) throw new AmbassadorExistsError();
    await this.#remember(ambassador, request.visitorId, client);
    return { ambassador: await ambassadorPanelView(this.#context, program, ambassador), joinToken };
  }

  /** The ambassador of a join token from this program, or null (unknown, erased, another program's). */
  async byToken(program: ProgramRecord, joinToken: string): Promise<AmbassadorRecord | null> {
    return this.#context.store.findAmbassadorByJoinToken(program.id, hashJoinToken(joinToken));
  }

  /** The browser is the ambassador's: the self-referral rules compare it with later orders. */
  async #remember(ambassador: AmbassadorRecord, visitorId: string, client: ClientInfo): Promise<void> {
    const { store, clock } = this.#context;
    await store.addAmbassadorVisitor(ambassador.id, visitorId, clock());
    const [ipUaHash] = this.#hashes.ipUserAgent(client.ip, client.userAgent);
    if (ipUaHash) await store.addAmbassadorFingerprint(ambassador.id, ipUaHash, clock());
  }

  /**
   * The owner confirms an ambassador who joined by email: rewards held only because of that go to
   * pending (their hold period continues); rewards also held by a fraud rule stay for review.
   * Repeating it changes nothing.
   */
  async confirm(program: ProgramRecord, code: string): Promise<ConfirmAmbassadorResponse> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    const { released } = await this.#context.store.confirmAmbassador(
      ambassador.id,
      (reward) =>
        reward.reasons.length > 0 && reward.reasons.every((reason) => reason === 'unconfirmed_ambassador')
          ? moveReward(reward, 'pending', 'ambassador_confirmed')
          : null,
      { actor: 'owner', at: this.#context.clock() },
    );
    return { code: ambassador.code, confirmed: true, released };
  }

  async leaderboard(program: ProgramRecord): Promise<LeaderboardResponse> {
    if (!(await this.#settings.get(program)).leaderboard) throw new LeaderboardDisabledError();
    const top = await this.#context.store.leaderboard(program.id, LEADERBOARD_SIZE);
    return {
      entries: top.map(({ ambassador, referrals }, index) => ({ rank: index + 1, name: maskedName(displayName(ambassador)), referrals })),
    };
  }
}
