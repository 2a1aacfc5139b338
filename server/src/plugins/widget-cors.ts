import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OriginNotAllowedError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { CachedLookups } from '../services/cached-lookups.ts';

/**
 * CORS for the browser API. A preflight does not say which program it is for, so it passes when
 * any program allows the origin; the handler then checks the origin against the program named in
 * the body (`assertOriginAllowed`). Requests without an Origin (curl, server code) are not
 * browsers acting for a page, so they pass.
 */
export async function registerWidgetCors(app: FastifyInstance, lookups: CachedLookups): Promise<void> {
  await app.register(cors, {
    origin: async (origin: string | undefined) => (origin ? lookups.isOriginAllowedByAnyProgram(origin) : false),
    methods: ['POST'],
    // The click and the forget answers may set or delete `sarafan_ref` (first party only); the
    // browser applies that to a cross-origin request only with credentials. The session reads
    // `sarafan_ref`, which only says who referred the browser: credentials grant nothing, and
    // the program's allowed origins still decide.
    credentials: true,
    allowedHeaders: ['content-type'],
    maxAge: 600,
  });
}

export function assertOriginAllowed(request: FastifyRequest, program: ProgramRecord): void {
  const origin = request.headers.origin;
  if (origin !== undefined && !program.allowedOrigins.includes(origin)) throw new OriginNotAllowedError();
}
