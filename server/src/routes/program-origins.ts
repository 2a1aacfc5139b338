import type { FastifyInstance } from 'fastify';
import type { AllowedOriginsBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { AllowedOriginsRequest, AllowedOriginsResponse } from '../schemas/program-origins.ts';
import type { Services } from '../services/services.ts';

/** `GET` and `PUT /v1/program/origins`: the page origins allowed to call the browser API. */
export async function programOriginsRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const schema = { response: responses({ 200: AllowedOriginsResponse }) };

  app.get<{ Reply: AllowedOriginsBody }>('/program/origins', { schema }, async (request) => ({
    allowedOrigins: authenticatedProgram(request).allowedOrigins,
  }));

  app.put<{ Body: AllowedOriginsBody; Reply: AllowedOriginsBody }>(
    '/program/origins',
    { schema: { ...schema, body: AllowedOriginsRequest } },
    async (request) => ({ allowedOrigins: await services.programOrigins.replace(authenticatedProgram(request), request.body.allowedOrigins) }),
  );
}
