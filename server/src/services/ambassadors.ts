import { canonicalCode, isReferralCode } from '../../../shared/src/referral-code.ts';
import { normaliseEmail } from '../../../shared/src/email.ts';
import { nameFromEmail } from '../domain/display-name.ts';
import { JoinRequiresInvitationError, JoinRequiresPurchaseError } from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { ServiceContext } from './service-context.ts';
import { newReferralCode } from './referral-codes.ts';

const MAX_CODE_ATTEMPTS = 10;

export interface AmbassadorInput {
  email: string;
  name?: string | undefined;
  customerId?: string | undefined;
}

/** Ambassadors are created on first sight and found again by their (normalised) email. */
export class AmbassadorService {
  readonly #store: Store;
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#store = context.store;
    this.#context = context;
  }

  /**
   * The one way an ambassador comes to be (the owner API, the widget's signed identity, joining by
   * email): the program's join policy is checked here, so no path can skip it. Someone who is
   * already an ambassador is found again whatever the policy says now. `joining`: a visitor
   * joining by email in the panel (unconfirmed, with a join token's hash), applied only when the
   * ambassador is created.
   */
  async ensure(
    program: ProgramRecord,
    input: AmbassadorInput,
    joining: { confirmed: false; joinTokenHash: string } | null = null,
  ): Promise<{ ambassador: AmbassadorRecord; created: boolean }> {
    const email = input.email.trim();
    await this.#mayJoin(program, normaliseEmail(email), input.customerId ?? null);
    const seedName = input.name?.trim() || nameFromEmail(email);
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const result = await this.#store.insertAmbassador({
        programId: program.id,
        code: newReferralCode(seedName, attempt),
        email,
        emailNormalised: normaliseEmail(email),
        name: input.name?.trim() || null,
        customerId: input.customerId ?? null,
        createdAt: this.#context.clock(),
        ...joining,
      });
      if (result.status !== 'code_taken') return { ambassador: result.ambassador, created: result.status === 'created' };
    }
    throw new Error(`Could not find a free referral code after ${MAX_CODE_ATTEMPTS} attempts.`);
  }

  /** Throws `join_requires_purchase` or `join_requires_invitation` (403) for someone the policy keeps out. */
  async #mayJoin(program: ProgramRecord, emailNormalised: string, customerId: string | null): Promise<void> {
    const policy = program.joinPolicy ?? 'open';
    if (policy === 'open') return;
    if (await this.#store.findAmbassadorByEmail(program.id, emailNormalised)) return;
    if (policy === 'invite_only') {
      if (!(await this.#store.isInvited(program.id, emailNormalised))) throw new JoinRequiresInvitationError();
      return;
    }
    if (!(await this.#store.hasPurchased(program.id, { emailNormalised, customerId }))) throw new JoinRequiresPurchaseError();
  }

  /** The ambassador with this code in this program; codes of other programs are not found. */
  async findByCode(program: ProgramRecord, code: string): Promise<AmbassadorRecord | null> {
    const canonical = canonicalCode(code);
    const ambassador = isReferralCode(canonical) ? await this.#store.findAmbassadorByCode(canonical) : null;
    return ambassador && ambassador.programId === program.id ? ambassador : null;
  }
}
