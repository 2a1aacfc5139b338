import type { FastifyInstance } from 'fastify';
import type { LedgerResponse as LedgerBody, OwnerRewardView, RewardBalancesResponse as BalancesBody } from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import {
  ApproveDueResponse,
  LedgerParams,
  LedgerResponse,
  OwnerRewardView as OwnerRewardSchema,
  RewardBalancesQuery,
  RewardBalancesResponse,
  RewardListQuery,
  RewardListResponse,
  RewardParams,
  RewardReviewRequest,
} from '../schemas/rewards.ts';
import type { RewardListQuery as ListQuery } from '../services/rewards.ts';
import type { Services } from '../services/services.ts';

/**
 * The owner's reward API: `GET /v1/rewards?status=held` (also `&ambassador=CODE`, `&flagged=true`),
 * `GET /v1/rewards/balances` (per currency, over every reward; `?ambassador=CODE`),
 * `POST /v1/rewards/{id}/approve|reject|paid` (with an optional note for the ledger),
 * `POST /v1/rewards/approve-due` and `GET /v1/ambassadors/{code}/ledger`.
 */
export async function rewardRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Querystring: ListQuery; Reply: { rewards: OwnerRewardView[] } }>(
    '/rewards',
    { schema: { querystring: RewardListQuery, response: responses({ 200: RewardListResponse }) } },
    async (request) => ({ rewards: await services.rewards.list(authenticatedProgram(request), request.query) }),
  );

  app.get<{ Querystring: { ambassador?: string }; Reply: BalancesBody }>(
    '/rewards/balances',
    { schema: { querystring: RewardBalancesQuery, response: responses({ 200: RewardBalancesResponse }) } },
    async (request) => services.rewards.balances(authenticatedProgram(request), request.query.ambassador),
  );

  for (const decision of ['approve', 'reject', 'paid'] as const) {
    app.post<{ Params: { rewardId: string }; Body: { note?: string } | undefined; Reply: OwnerRewardView }>(
      `/rewards/:rewardId/${decision}`,
      {
        schema: { params: RewardParams, body: RewardReviewRequest, response: responses({ 200: OwnerRewardSchema }) },
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) =>
        services.rewards.decide(authenticatedProgram(request), Number(request.params.rewardId), decision, request.body?.note ?? null),
    );
  }

  app.post<{ Reply: { approved: number } }>(
    '/rewards/approve-due',
    { schema: { response: responses({ 200: ApproveDueResponse }) } },
    async (request) => ({ approved: await services.rewards.approveDue(authenticatedProgram(request).id) }),
  );

  app.get<{ Params: { code: string }; Reply: LedgerBody }>(
    '/ambassadors/:code/ledger',
    { schema: { params: LedgerParams, response: responses({ 200: LedgerResponse }) } },
    async (request) => services.rewards.ledger(authenticatedProgram(request), request.params.code),
  );
}
