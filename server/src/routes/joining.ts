import type { FastifyInstance } from 'fastify';
import type { InvitationView as InvitationBody, JoinPolicyBody as JoinPolicyWire } from '../../../shared/src/wire-joining-draws.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { InvitationList, InvitationParams, InvitationRequest, InvitationView, JoinPolicyBody } from '../schemas/joining-draws.ts';
import type { Services } from '../services/services.ts';

/**
 * Who may join: `GET`/`PUT /v1/program/join-policy`, and the owner's invitations
 * (`POST /v1/invitations`, `GET /v1/invitations`, `DELETE /v1/invitations/{email}`).
 */
export async function joiningRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Reply: JoinPolicyWire }>('/program/join-policy', { schema: { response: responses({ 200: JoinPolicyBody }) } }, async (request) => ({
    joinPolicy: await services.joinPolicy.policy(authenticatedProgram(request)),
  }));

  app.put<{ Body: JoinPolicyWire; Reply: JoinPolicyWire }>(
    '/program/join-policy',
    { schema: { body: JoinPolicyBody, response: responses({ 200: JoinPolicyBody }) } },
    async (request) => ({ joinPolicy: await services.joinPolicy.setPolicy(authenticatedProgram(request), request.body.joinPolicy) }),
  );

  app.post<{ Body: { email: string }; Reply: InvitationBody }>(
    '/invitations',
    { schema: { body: InvitationRequest, response: responses({ 200: InvitationView, 201: InvitationView }) } },
    async (request, reply) => {
      const { invitation, created } = await services.joinPolicy.invite(authenticatedProgram(request), request.body.email);
      void reply.code(created ? 201 : 200);
      return invitation;
    },
  );

  app.get<{ Reply: { invitations: InvitationBody[] } }>('/invitations', { schema: { response: responses({ 200: InvitationList }) } }, async (request) => ({
    invitations: await services.joinPolicy.list(authenticatedProgram(request)),
  }));

  app.delete<{ Params: { email: string } }>('/invitations/:email', { schema: { params: InvitationParams } }, async (request, reply) => {
    await services.joinPolicy.uninvite(authenticatedProgram(request), request.params.email);
    return reply.code(204).send();
  });
}
