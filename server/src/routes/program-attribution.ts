import type { FastifyInstance } from 'fastify';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { AttributionSettings } from '../schemas/program-attribution.ts';
import { attributionOf, changeAttribution } from '../services/program-attribution.ts';
import type { Services } from '../services/services.ts';
import type { AttributionSettings as Settings } from '../store/store.ts';

/**
 * `GET` and `PUT /v1/program/attribution`: how long after a click (or an identification) an order
 * is attributed, and to the first or the last click.
 */
export async function programAttributionRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const schema = { response: responses({ 200: AttributionSettings }) };

  app.get<{ Reply: Settings }>('/program/attribution', { schema }, async (request) => attributionOf(authenticatedProgram(request)));

  app.put<{ Body: Settings; Reply: Settings }>('/program/attribution', { schema: { ...schema, body: AttributionSettings } }, async (request) =>
    changeAttribution(services.context, authenticatedProgram(request), request.body),
  );
}
