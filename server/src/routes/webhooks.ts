import type { FastifyInstance } from 'fastify';
import type {
  WebhookDeliveryView as DeliveryBody,
  WebhookEndpointRequest as EndpointRequestBody,
  WebhookEndpointView as EndpointBody,
} from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import {
  DeliveryParams,
  WebhookDeliveryList,
  WebhookEndpointList,
  WebhookEndpointRequest,
  WebhookEndpointView,
  WebhookParams,
} from '../schemas/webhooks.ts';
import type { Services } from '../services/services.ts';

/**
 * The owner's webhooks: `POST|GET /v1/webhooks`, `DELETE /v1/webhooks/{id}`,
 * `GET /v1/webhooks/{id}/deliveries` (the log) and `POST /v1/webhooks/deliveries/{id}/redeliver`.
 */
export async function webhookRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.post<{ Body: EndpointRequestBody; Reply: EndpointBody }>(
    '/webhooks',
    { schema: { body: WebhookEndpointRequest, response: responses({ 200: WebhookEndpointView, 201: WebhookEndpointView }) } },
    async (request, reply) => {
      const { created, endpoint } = await services.webhooks.save(authenticatedProgram(request), request.body);
      void reply.code(created ? 201 : 200);
      return endpoint;
    },
  );

  app.get<{ Reply: { webhooks: EndpointBody[] } }>(
    '/webhooks',
    { schema: { response: responses({ 200: WebhookEndpointList }) } },
    async (request) => ({ webhooks: await services.webhooks.list(authenticatedProgram(request)) }),
  );

  app.delete<{ Params: { webhookId: string } }>(
    '/webhooks/:webhookId',
    { schema: { params: WebhookParams } },
    async (request, reply) => {
      await services.webhooks.remove(authenticatedProgram(request), Number(request.params.webhookId));
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { webhookId: string }; Reply: { deliveries: DeliveryBody[] } }>(
    '/webhooks/:webhookId/deliveries',
    { schema: { params: WebhookParams, response: responses({ 200: WebhookDeliveryList }) } },
    async (request) => ({
      deliveries: await services.webhooks.deliveries(authenticatedProgram(request), Number(request.params.webhookId)),
    }),
  );

  app.post<{ Params: { deliveryId: string } }>(
    '/webhooks/deliveries/:deliveryId/redeliver',
    { schema: { params: DeliveryParams } },
    async (request, reply) => {
      await services.webhooks.redeliver(authenticatedProgram(request), Number(request.params.deliveryId));
      return reply.code(202).send();
    },
  );
}
