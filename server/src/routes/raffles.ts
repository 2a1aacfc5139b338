import type { FastifyInstance } from 'fastify';
import type { RaffleRequest as RaffleRequestBody, RaffleView as RaffleBody } from '../../../shared/src/wire-joining-draws.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { DrawParams, RaffleRequest, RaffleView } from '../schemas/joining-draws.ts';
import type { Services } from '../services/services.ts';

/** `POST /v1/raffles` draws and stores; `GET /v1/raffles/{id}` shows everything needed to re-run it. */
export async function raffleRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.post<{ Body: RaffleRequestBody; Reply: RaffleBody }>(
    '/raffles',
    { schema: { body: RaffleRequest, response: responses({ 201: RaffleView }) } },
    async (request, reply) => {
      void reply.code(201);
      return services.raffles.draw(authenticatedProgram(request), request.body);
    },
  );

  app.get<{ Params: { id: string }; Reply: RaffleBody }>(
    '/raffles/:id',
    { schema: { params: DrawParams, response: responses({ 200: RaffleView }) } },
    async (request) => services.raffles.get(authenticatedProgram(request), Number(request.params.id)),
  );
}
