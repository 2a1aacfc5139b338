import { Type } from '@sinclair/typebox';
import { EpochMs, strict } from './common.ts';

export const WebhookEventType = Type.Union([
  Type.Literal('ambassador.created'),
  Type.Literal('conversion.attributed'),
  Type.Literal('reward.created'),
  Type.Literal('reward.approved'),
  Type.Literal('reward.rejected'),
  Type.Literal('reward.voided'),
  Type.Literal('reward.paid'),
  Type.Literal('milestone.reached'),
]);

export const WebhookEndpointRequest = Type.Object(
  {
    url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }),
    events: Type.Optional(Type.Array(WebhookEventType, { maxItems: 20 })),
  },
  strict,
);

/** Path ids arrive as text (no type coercion). */
const Id = Type.String({ pattern: '^[1-9][0-9]{0,14}$' });
export const WebhookParams = Type.Object({ webhookId: Id }, strict);
export const DeliveryParams = Type.Object({ deliveryId: Id }, strict);

export const WebhookEndpointView = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  secret: Type.String(),
  createdAt: EpochMs,
});
export const WebhookEndpointList = Type.Object({ webhooks: Type.Array(WebhookEndpointView) });

export const WebhookDeliveryView = Type.Object({
  id: Type.Integer(),
  eventId: Type.String(),
  type: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Optional(EpochMs),
  deliveredAt: Type.Optional(EpochMs),
  createdAt: EpochMs,
  log: Type.Array(
    Type.Object({
      attemptedAt: EpochMs,
      statusCode: Type.Optional(Type.Integer()),
      error: Type.Optional(Type.String()),
      durationMs: Type.Integer(),
    }),
  ),
});
export const WebhookDeliveryList = Type.Object({ deliveries: Type.Array(WebhookDeliveryView) });
