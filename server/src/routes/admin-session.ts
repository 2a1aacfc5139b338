import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CrossOriginRequestError, CsrfTokenInvalidError, UnauthorizedError } from '../errors.ts';
import { clearAdminCookie, isOwnOrigin, readAdminCookie, setAdminCookie } from '../plugins/admin-cookie.ts';
import { AdminSessionResponse, AdminSignInRequest } from '../schemas/admin-session.ts';
import { responses } from '../schemas/common.ts';
import { ADMIN_SESSION_TTL_MS, sameCsrfToken, type AdminSession } from '../services/admin-sessions.ts';
import type { Services } from '../services/services.ts';

interface SessionBody {
  programId: string;
  programName: string;
  csrfToken: string;
  expiresAt: number;
}

function sessionBody({ session, program }: AdminSession): SessionBody {
  return { programId: program.id, programName: program.name, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/**
 * The owner dashboard's sign-in: `POST /admin/session` exchanges the program's secret key for an
 * HttpOnly session cookie, `GET` tells the dashboard who is signed in (and its CSRF token after a
 * reload), `DELETE` signs out.
 */
export async function adminSessionRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const sessions = services.adminSessions;

  // Another site's page must not sign a visitor in to our dashboard (login CSRF).
  function requireOwnOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(request, origin, services.context.publicUrl())) throw new CrossOriginRequestError();
  }

  app.post<{ Body: { secretKey: string }; Reply: SessionBody }>(
    '/admin/session',
    {
      schema: { body: AdminSignInRequest, response: responses({ 200: AdminSessionResponse }) },
      onRequest: async (request) => requireOwnOrigin(request),
    },
    async (request, reply) => {
      const signedIn = await sessions.signIn(request.body.secretKey, request.ip);
      setAdminCookie(request, reply, signedIn.token, ADMIN_SESSION_TTL_MS);
      void reply.header('cache-control', 'no-store');
      return sessionBody(signedIn);
    },
  );

  app.get<{ Reply: SessionBody }>('/admin/session', { schema: { response: responses({ 200: AdminSessionResponse }) } }, async (request, reply) => {
    const token = readAdminCookie(request);
    const found = token ? await sessions.find(token) : null;
    if (!found) throw new UnauthorizedError('Not signed in: sign in with the program\'s secret key.');
    void reply.header('cache-control', 'no-store');
    return sessionBody(found);
  });

  app.delete('/admin/session', async (request, reply) => {
    requireOwnOrigin(request);
    const token = readAdminCookie(request);
    const found = token ? await sessions.find(token) : null;
    if (token && found) {
      const header = request.headers['x-csrf-token'];
      if (!sameCsrfToken(found.session.csrfToken, typeof header === 'string' ? header : undefined)) throw new CsrfTokenInvalidError();
      await sessions.signOut(token);
    }
    clearAdminCookie(request, reply);
    return reply.code(204).send();
  });
}
