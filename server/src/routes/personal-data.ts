import type { FastifyInstance } from 'fastify';
import type { ErasureResponse as ErasureBody, PersonalDataExport as ExportBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { ErasureResponse, PersonalDataExport } from '../schemas/personal-data.ts';
import { LedgerParams } from '../schemas/rewards.ts';
import type { Services } from '../services/services.ts';

/** `GET` and `DELETE /v1/ambassadors/{code}/personal-data`: an ambassador's data requests. */
export async function personalDataRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Params: { code: string }; Reply: ExportBody }>(
    '/ambassadors/:code/personal-data',
    { schema: { params: LedgerParams, response: responses({ 200: PersonalDataExport }) } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.personalData.export(authenticatedProgram(request), request.params.code);
    },
  );

  app.delete<{ Params: { code: string }; Reply: ErasureBody }>(
    '/ambassadors/:code/personal-data',
    { schema: { params: LedgerParams, response: responses({ 200: ErasureResponse }) } },
    async (request) => services.personalData.erase(authenticatedProgram(request), request.params.code),
  );
}
