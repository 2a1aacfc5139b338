import { normaliseEmail } from '../../../shared/src/email.ts';
import type { InvitationView, JoinPolicy } from '../../../shared/src/wire-joining-draws.ts';
import { InvitationNotFoundError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { CachedLookups } from './cached-lookups.ts';
import type { ServiceContext } from './service-context.ts';

/** The owner's side of who may join: the program's join policy and its invitations. The check
 * itself is in `AmbassadorService.ensure`, the one way an ambassador is created. */
export class JoinPolicyService {
  readonly #context: ServiceContext;
  readonly #lookups: CachedLookups;

  constructor(context: ServiceContext, lookups: CachedLookups) {
    this.#context = context;
    this.#lookups = lookups;
  }

  async setPolicy(program: ProgramRecord, policy: JoinPolicy): Promise<JoinPolicy> {
    await this.#context.store.setJoinPolicy(program.id, policy);
    // The browser API reads programs through a short cache: this process applies the change now.
    this.#lookups.clear();
    return policy;
  }

  async policy(program: ProgramRecord): Promise<JoinPolicy> {
    return (await this.#context.store.getProgram(program.id))?.joinPolicy ?? 'open';
  }

  /** Idempotent: the same email again (compared normalised) keeps the first invitation. */
  async invite(program: ProgramRecord, email: string): Promise<{ invitation: InvitationView; created: boolean }> {
    const trimmed = email.trim();
    const { invitation, created } = await this.#context.store.invite(program.id, trimmed, normaliseEmail(trimmed), this.#context.clock());
    return { invitation: { email: invitation.email, createdAt: invitation.createdAt }, created };
  }

  async list(program: ProgramRecord): Promise<InvitationView[]> {
    return (await this.#context.store.listInvitations(program.id)).map(({ email, createdAt }) => ({ email, createdAt }));
  }

  /** Withdraws an invitation; someone who already joined stays an ambassador. */
  async uninvite(program: ProgramRecord, email: string): Promise<void> {
    if (!(await this.#context.store.uninvite(program.id, normaliseEmail(email.trim())))) throw new InvitationNotFoundError();
  }
}
