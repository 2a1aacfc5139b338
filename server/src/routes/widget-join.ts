import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  JoinRequest as JoinBody,
  JoinResponse as JoinReply,
  LeaderboardResponse as LeaderboardReply,
  SplitRequest as SplitBody,
  SplitResponse as SplitReply,
} from '../../../shared/src/wire.ts';
import { ProgramNotFoundError } from '../errors.ts';
import { assertOriginAllowed } from '../plugins/widget-cors.ts';
import { responses } from '../schemas/common.ts';
import { JoinRequest, JoinResponse, LeaderboardQuery, LeaderboardResponse, SplitRequest, SplitResponse } from '../schemas/widget-join.ts';
import type { Services } from '../services/services.ts';
import type { ProgramRecord } from '../store/records.ts';

/**
 * The panel's own actions: `POST /v1/widget/join` (an unidentified visitor joins by email),
 * `POST /v1/widget/split` (the ambassador's split choice) and `GET /v1/widget/leaderboard`.
 * Like the session, only the program's allowed origins may call them, and nothing is cached.
 */
export async function widgetJoinRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const programOf = async (request: FastifyRequest, programId: string): Promise<ProgramRecord> => {
    const program = await services.lookups.program(programId);
    if (!program) throw new ProgramNotFoundError();
    assertOriginAllowed(request, program);
    return program;
  };
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });

  app.post<{ Body: JoinBody; Reply: JoinReply }>(
    '/join',
    { schema: { body: JoinRequest, response: responses({ 201: JoinResponse }) } },
    async (request, reply) => {
      const program = await programOf(request, request.body.programId);
      const joined = await services.joining.join(program, request.body, client(request));
      return reply.code(201).header('cache-control', 'no-store').send(joined);
    },
  );

  app.post<{ Body: SplitBody; Reply: SplitReply }>(
    '/split',
    { schema: { body: SplitRequest, response: responses({ 200: SplitResponse }) } },
    async (request, reply) => {
      const program = await programOf(request, request.body.programId);
      void reply.header('cache-control', 'no-store');
      return services.widgetSessions.chooseSplit(program, request.body, client(request));
    },
  );

  app.get<{ Querystring: { programId: string }; Reply: LeaderboardReply }>(
    '/leaderboard',
    { schema: { querystring: LeaderboardQuery, response: responses({ 200: LeaderboardResponse }) } },
    async (request, reply) => {
      const program = await programOf(request, request.query.programId);
      // Public and the same for everyone: a minute in the browser's cache is fine.
      void reply.header('cache-control', 'public, max-age=60');
      return services.joining.leaderboard(program);
    },
  );
}
