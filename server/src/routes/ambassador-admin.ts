import type { FastifyInstance } from 'fastify';
import type {
  AmbassadorBlockRequest as BlockBody,
  AmbassadorListItem as ItemBody,
  AmbassadorListResponse as ListBody,
  AmbassadorSort,
} from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { AmbassadorBlockRequest, AmbassadorListItem, AmbassadorListQuery, AmbassadorListResponse } from '../schemas/analytics.ts';
import { responses } from '../schemas/common.ts';
import { LedgerParams } from '../schemas/rewards.ts';
import type { Services } from '../services/services.ts';

export const DEFAULT_LIST_LIMIT = 50;

type ListQuery = { q?: string; sort?: AmbassadorSort; order?: 'asc' | 'desc'; limit?: string; offset?: string };

/** The owner's ambassadors: `GET /v1/ambassadors` (search, sort, pages) and `POST /v1/ambassadors/{code}/block`. */
export async function ambassadorAdminRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Querystring: ListQuery; Reply: ListBody }>(
    '/ambassadors',
    { schema: { querystring: AmbassadorListQuery, response: responses({ 200: AmbassadorListResponse }) } },
    async (request) => {
      const query = request.query;
      const q = query.q?.trim();
      return services.ambassadorAdmin.list(authenticatedProgram(request), {
        q: q ? q : null,
        sort: query.sort ?? 'createdAt',
        order: query.order ?? 'desc',
        limit: query.limit === undefined ? DEFAULT_LIST_LIMIT : Number(query.limit),
        offset: query.offset === undefined ? 0 : Number(query.offset),
      });
    },
  );

  app.post<{ Params: { code: string }; Body: BlockBody; Reply: ItemBody }>(
    '/ambassadors/:code/block',
    { schema: { params: LedgerParams, body: AmbassadorBlockRequest, response: responses({ 200: AmbassadorListItem }) } },
    async (request) => services.ambassadorAdmin.block(authenticatedProgram(request), request.params.code, request.body),
  );
}
