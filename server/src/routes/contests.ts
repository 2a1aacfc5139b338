import type { FastifyInstance } from 'fastify';
import type { ContestRequest as ContestRequestBody, ContestView as ContestBody } from '../../../shared/src/wire-joining-draws.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { ContestList, ContestRequest, ContestView, DrawParams } from '../schemas/joining-draws.ts';
import type { Services } from '../services/services.ts';

/** Contests: create, list, live standings, and settle once it has ended. */
export async function contestRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const byId = { schema: { params: DrawParams, response: responses({ 200: ContestView }) } };

  app.post<{ Body: ContestRequestBody; Reply: ContestBody }>(
    '/contests',
    { schema: { body: ContestRequest, response: responses({ 201: ContestView }) } },
    async (request, reply) => {
      void reply.code(201);
      return services.contests.create(authenticatedProgram(request), request.body);
    },
  );

  app.get<{ Reply: { contests: ContestBody[] } }>('/contests', { schema: { response: responses({ 200: ContestList }) } }, async (request) => ({
    contests: await services.contests.list(authenticatedProgram(request)),
  }));

  app.get<{ Params: { id: string }; Reply: ContestBody }>('/contests/:id', byId, async (request) =>
    services.contests.get(authenticatedProgram(request), Number(request.params.id)),
  );

  app.post<{ Params: { id: string }; Reply: ContestBody }>('/contests/:id/settle', byId, async (request) =>
    services.contests.settle(authenticatedProgram(request), Number(request.params.id)),
  );
}
