import type { FastifyInstance } from 'fastify';
import type {
  ConversionRequest as ConversionRequestBody,
  ConversionResponse as ConversionResponseBody,
  OrderStatusRequest as OrderStatusBody,
  RefundRequest as RefundBody,
} from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import {
  ConversionRequest,
  ConversionResponse,
  OrderParams,
  OrderStatusRequest,
  RefundRequest,
} from '../schemas/conversions.ts';
import type { Services } from '../services/services.ts';

/**
 * `POST /v1/conversions` (201 first time, 200 with the identical body on a repeat, 409 if the
 * repeat disagrees), `POST /v1/conversions/{orderId}/refunds` and `POST /v1/conversions/{orderId}/status`.
 */
export async function conversionRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.post<{ Body: ConversionRequestBody; Reply: ConversionResponseBody }>(
    '/conversions',
    { schema: { body: ConversionRequest, response: responses({ 200: ConversionResponse, 201: ConversionResponse }) } },
    async (request, reply) => {
      const { created, response } = await services.conversions.record(authenticatedProgram(request), request.body);
      void reply.code(created ? 201 : 200);
      return response;
    },
  );

  app.post<{ Params: { orderId: string }; Body: RefundBody | undefined; Reply: ConversionResponseBody }>(
    '/conversions/:orderId/refunds',
    {
      schema: { params: OrderParams, body: RefundRequest, response: responses({ 200: ConversionResponse }) },
      // No body at all means "refund what remains", the commonest call.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) =>
      services.conversions.refund(
        authenticatedProgram(request),
        request.params.orderId,
        request.body?.amount ?? null,
        request.body?.refundId ?? null,
      ),
  );

  app.post<{ Params: { orderId: string }; Body: OrderStatusBody; Reply: ConversionResponseBody }>(
    '/conversions/:orderId/status',
    { schema: { params: OrderParams, body: OrderStatusRequest, response: responses({ 200: ConversionResponse }) } },
    async (request) =>
      services.conversions.setOrderStatus(authenticatedProgram(request), request.params.orderId, request.body.status),
  );
}
