import { randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidSecretKeyError, TooManySignInAttemptsError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { AdminSessionRecord } from '../store/store.ts';
import { hashSecretKey, sameHash } from './secrets.ts';
import type { ServiceContext } from './service-context.ts';

/** A working day: long enough not to annoy, short enough that a forgotten tab does not stay open for good. */
export const ADMIN_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins per address per window; the secret key has far too much entropy to guess,
 * so this only keeps someone from hammering the database and the logs. */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Addresses remembered at most; beyond, the oldest are forgotten (memory stays bounded). */
const TRACKED_ADDRESSES = 10_000;

export interface AdminSession {
  session: AdminSessionRecord;
  program: ProgramRecord;
}

/**
 * Owner dashboard sessions: the secret key is exchanged once for a random token in an HttpOnly
 * cookie, so the key never sits in the browser's storage. Only the token's hash is stored.
 */
export class AdminSessionService {
  readonly #context: ServiceContext;
  /** Failed sign-ins per client address: count and the start of its window. In memory: a
   * restart forgets them, which is fine for a brake that is not the security boundary. */
  readonly #failures = new Map<string, { count: number; since: number }>();

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async signIn(secretKey: string, clientAddress: string): Promise<AdminSession & { token: string }> {
    const now = this.#context.clock();
    const failures = this.#failures.get(clientAddress);
    const counting = failures && now - failures.since < SIGN_IN_WINDOW_MS ? failures : null;
    if (counting && counting.count >= SIGN_IN_ATTEMPTS) throw new TooManySignInAttemptsError();

    const secretHash = hashSecretKey(secretKey);
    const program = await this.#context.store.findProgramBySecretHash(secretHash);
    if (!program || !sameHash(program.secretHash, secretHash)) {
      this.#recordFailure(clientAddress, counting, now);
      throw new InvalidSecretKeyError();
    }
    this.#failures.delete(clientAddress);
    // Signing in is rare: a good moment to forget the sessions that have expired.
    await this.#context.store.deleteExpiredAdminSessions(now);

    const token = randomBytes(32).toString('base64url');
    const session: AdminSessionRecord = {
      tokenHash: hashSecretKey(token),
      programId: program.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: now + ADMIN_SESSION_TTL_MS,
    };
    await this.#context.store.createAdminSession(session);
    return { token, session, program };
  }

  /** The live session of this cookie token, or null (unknown, expired, or its program is gone). */
  async find(token: string): Promise<AdminSession | null> {
    const session = await this.#context.store.findAdminSession(hashSecretKey(token), this.#context.clock());
    if (!session) return null;
    const program = await this.#context.store.getProgram(session.programId);
    return program ? { session, program } : null;
  }

  async signOut(token: string): Promise<void> {
    await this.#context.store.deleteAdminSession(hashSecretKey(token));
  }

  #recordFailure(clientAddress: string, counting: { count: number; since: number } | null, now: number): void {
    this.#failures.delete(clientAddress);
    if (this.#failures.size >= TRACKED_ADDRESSES) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
    this.#failures.set(clientAddress, counting ? { count: counting.count + 1, since: counting.since } : { count: 1, since: now });
  }
}

/** Constant-time comparison of a request's CSRF header with the session's token. */
export function sameCsrfToken(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(given, 'utf8');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
