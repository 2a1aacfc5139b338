import type { FastifyInstance } from 'fastify';
import type { RewardRules as RulesBody } from '../../../shared/src/reward-rules/rules.ts';
import type { ProgramResponse as ProgramBody, RewardChoicesRequest as ChoicesBody, RewardChoicesResponse as ChoicesReply, RulesVersion as VersionBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import {
  ProgramResponse,
  RewardChoicesParams,
  RewardChoicesRequest,
  RewardChoicesResponse,
  RewardRules,
  RulesVersion,
  RulesVersionParams,
} from '../schemas/reward-rules.ts';
import type { Services } from '../services/services.ts';

/**
 * The owner's reward rules: `GET /v1/program`, `PUT /v1/program/rules` (201 with a new version,
 * 200 when nothing changed), `GET /v1/program/rules/{version}` and
 * `PUT /v1/ambassadors/{code}/reward-choices` (VIP tier, split).
 */
export async function rewardRulesRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Reply: ProgramBody }>('/program', { schema: { response: responses({ 200: ProgramResponse }) } }, async (request) =>
    services.rewardRules.program(authenticatedProgram(request)),
  );

  app.put<{ Body: RulesBody; Reply: VersionBody }>(
    '/program/rules',
    { schema: { body: RewardRules, response: responses({ 200: RulesVersion, 201: RulesVersion }) } },
    async (request, reply) => {
      const result = await services.rewardRules.replace(authenticatedProgram(request), request.body);
      void reply.code(result.created ? 201 : 200);
      return result.rules;
    },
  );

  app.get<{ Params: { version: string }; Reply: VersionBody }>(
    '/program/rules/:version',
    { schema: { params: RulesVersionParams, response: responses({ 200: RulesVersion }) } },
    async (request) => services.rewardRules.version(authenticatedProgram(request), Number(request.params.version)),
  );

  app.put<{ Params: { code: string }; Body: ChoicesBody; Reply: ChoicesReply }>(
    '/ambassadors/:code/reward-choices',
    { schema: { params: RewardChoicesParams, body: RewardChoicesRequest, response: responses({ 200: RewardChoicesResponse }) } },
    async (request) => services.rewardRules.setChoices(authenticatedProgram(request), request.params.code, request.body),
  );
}
