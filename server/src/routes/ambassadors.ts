import type { FastifyInstance } from 'fastify';
import type { AmbassadorResponse as AmbassadorResponseBody } from '../../../shared/src/wire.ts';
import { AmbassadorNotFoundError } from '../errors.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { AmbassadorParams, AmbassadorResponse, CreateAmbassadorRequest } from '../schemas/ambassadors.ts';
import { responses } from '../schemas/common.ts';
import { ambassadorResponse } from '../services/ambassador-views.ts';
import type { Services } from '../services/services.ts';

/** `POST /v1/ambassadors` (idempotent by email) and `GET /v1/ambassadors/{code}`. */
export async function ambassadorRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { store, publicUrl } = services.context;

  app.post<{ Body: { email: string; name?: string; customerId?: string }; Reply: AmbassadorResponseBody }>(
    '/ambassadors',
    { schema: { body: CreateAmbassadorRequest, response: responses({ 200: AmbassadorResponse, 201: AmbassadorResponse }) } },
    async (request, reply) => {
      const program = authenticatedProgram(request);
      const { ambassador, created } = await services.ambassadors.ensure(program, request.body);
      void reply.code(created ? 201 : 200);
      return ambassadorResponse(publicUrl(), ambassador, await store.summariseAmbassador(ambassador.id));
    },
  );

  app.get<{ Params: { code: string }; Reply: AmbassadorResponseBody }>(
    '/ambassadors/:code',
    { schema: { params: AmbassadorParams, response: responses({ 200: AmbassadorResponse }) } },
    async (request) => {
      const program = authenticatedProgram(request);
      const ambassador = await services.ambassadors.findByCode(program, request.params.code);
      if (!ambassador) throw new AmbassadorNotFoundError();
      return ambassadorResponse(publicUrl(), ambassador, await store.summariseAmbassador(ambassador.id));
    },
  );
}
