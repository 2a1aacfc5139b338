import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../errors.ts';
import { hashSecretKey, sameHash } from '../services/secrets.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The program whose secret key authenticated this server-to-server request. */
    sarafanProgram: ProgramRecord | null;
  }
}

const BEARER = /^Bearer +([\x21-\x7E]{1,256})$/i;

/**
 * Every server-to-server route requires `Authorization: Bearer <secret key>`. The key is found by
 * its sha256, so the lookup time says nothing about the key; the program's key then reaches only
 * that program's data, because routes read the program from here and never from the request.
 * Runs before the body is parsed: strangers do not get to make us parse anything.
 */
export function requireSecretKey(app: FastifyInstance, store: Store): void {
  app.decorateRequest('sarafanProgram', null);
  app.addHook('onRequest', async (request) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new UnauthorizedError();
    const secretHash = hashSecretKey(match[1]);
    const program = await store.findProgramBySecretHash(secretHash);
    if (!program || !sameHash(program.secretHash, secretHash)) {
      throw new UnauthorizedError('The secret key is not valid.');
    }
    request.sarafanProgram = program;
  });
}

export function authenticatedProgram(request: FastifyRequest): ProgramRecord {
  if (!request.sarafanProgram) throw new UnauthorizedError();
  return request.sarafanProgram;
}
