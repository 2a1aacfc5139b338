import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CrossOriginRequestError, CsrfTokenInvalidError, UnauthorizedError } from '../errors.ts';
import { sameCsrfToken, type AdminSessionService } from '../services/admin-sessions.ts';
import { hashSecretKey, sameHash } from '../services/secrets.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { isOwnOrigin, readAdminCookie } from './admin-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The program whose secret key authenticated this server-to-server request. */
    sarafanProgram: ProgramRecord | null;
  }
}

const BEARER = /^Bearer +([\x21-\x7E]{1,256})$/i;
/** Methods that change nothing: the only ones a session cookie alone may make. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** What lets the owner dashboard call the same routes with its session cookie instead of the key. */
export interface DashboardAuth {
  sessions: AdminSessionService;
  /** The server's public base URL: an `Origin` equal to it is our own. */
  publicUrl: () => string;
}

/**
 * Every server-to-server route requires `Authorization: Bearer <secret key>`. The key is found by
 * its sha256, so the lookup time says nothing about the key; the program's key then reaches only
 * that program's data, because routes read the program from here and never from the request.
 * Runs before the body is parsed: strangers do not get to make us parse anything.
 *
 * With `dashboard`, a request without an Authorization header may instead carry the owner
 * dashboard's session cookie. Browsers send cookies on their own, so a cookie alone may only read:
 * anything else must also carry the session's CSRF token in `X-CSRF-Token`, which another site
 * cannot read, and, when the browser says where it comes from, come from this server's origin.
 */
export function requireSecretKey(app: FastifyInstance, store: Store, dashboard?: DashboardAuth): void {
  app.decorateRequest('sarafanProgram', null);
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization === undefined && dashboard) {
      request.sarafanProgram = await programOfSession(request, dashboard);
      return;
    }
    const match = BEARER.exec(authorization ?? '');
    if (!match?.[1]) throw new UnauthorizedError();
    const secretHash = hashSecretKey(match[1]);
    const program = await store.findProgramBySecretHash(secretHash);
    if (!program || !sameHash(program.secretHash, secretHash)) {
      throw new UnauthorizedError('The secret key is not valid.');
    }
    request.sarafanProgram = program;
  });
}

async function programOfSession(request: FastifyRequest, dashboard: DashboardAuth): Promise<ProgramRecord> {
  const token = readAdminCookie(request);
  const found = token ? await dashboard.sessions.find(token) : null;
  if (!found) throw new UnauthorizedError();
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (!sameCsrfToken(found.session.csrfToken, typeof header === 'string' ? header : undefined)) throw new CsrfTokenInvalidError();
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(request, origin, dashboard.publicUrl())) throw new CrossOriginRequestError();
  }
  return found.program;
}

export function authenticatedProgram(request: FastifyRequest): ProgramRecord {
  if (!request.sarafanProgram) throw new UnauthorizedError();
  return request.sarafanProgram;
}
