import type { FastifyInstance } from 'fastify';
import type { PayoutRequest as PayoutRequestBody, PayoutView as PayoutBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { PayoutList, PayoutParams, PayoutRequest, PayoutView } from '../schemas/payouts.ts';
import { payoutCsv } from '../services/payout-csv.ts';
import { payoutView } from '../services/payouts.ts';
import type { Services } from '../services/services.ts';

/**
 * Payout batches: `POST /v1/payouts`, `GET /v1/payouts` (the latest 100), `GET /v1/payouts/{id}` (`.csv` for the export),
 * `POST /v1/payouts/{id}/paid` and `DELETE /v1/payouts/{id}` (cancel an open batch).
 */
export async function payoutRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const options = { schema: { params: PayoutParams, response: responses({ 200: PayoutView }) } };

  app.post<{ Body: PayoutRequestBody; Reply: PayoutBody }>(
    '/payouts',
    { schema: { body: PayoutRequest, response: responses({ 201: PayoutView }) } },
    async (request, reply) => {
      void reply.code(201);
      return services.payouts.create(authenticatedProgram(request), request.body);
    },
  );

  app.get<{ Reply: { payouts: PayoutBody[] } }>(
    '/payouts',
    { schema: { response: responses({ 200: PayoutList }) } },
    async (request) => ({ payouts: await services.payouts.list(authenticatedProgram(request)) }),
  );

  app.get<{ Params: { payoutId: string }; Reply: PayoutBody }>('/payouts/:payoutId', options, async (request) =>
    payoutView(await services.payouts.get(authenticatedProgram(request), Number(request.params.payoutId))),
  );

  app.get<{ Params: { payoutId: string } }>(
    '/payouts/:payoutId.csv',
    { schema: { params: PayoutParams } },
    async (request, reply) => {
      const payout = await services.payouts.get(authenticatedProgram(request), Number(request.params.payoutId));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payout-${payout.id}.csv"`)
        .header('cache-control', 'no-store')
        .send(payoutCsv(payout));
    },
  );

  app.post<{ Params: { payoutId: string }; Reply: PayoutBody }>('/payouts/:payoutId/paid', options, async (request) =>
    services.payouts.markPaid(authenticatedProgram(request), Number(request.params.payoutId)),
  );

  app.delete<{ Params: { payoutId: string }; Reply: PayoutBody }>('/payouts/:payoutId', options, async (request) =>
    services.payouts.cancel(authenticatedProgram(request), Number(request.params.payoutId)),
  );
}
