import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DatabaseUnavailableError } from '../errors.ts';
import { responses } from '../schemas/common.ts';
import type { Store } from '../store/store.ts';

/** `GET /health`: 200 when the database answers, 503 when it does not (for load balancers). */
export async function healthRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.get(
    '/health',
    { schema: { response: responses({ 200: Type.Object({ status: Type.Literal('ok') }) }) } },
    async (request, reply) => {
      try {
        await store.ping();
      } catch (error) {
        request.log.error({ err: error }, 'health check: database does not answer');
        throw new DatabaseUnavailableError();
      }
      void reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );
}
