import type { FastifyInstance, FastifyReply } from 'fastify';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import type { Services } from '../services/services.ts';

/**
 * CSV exports for the owner's spreadsheets: `GET /v1/exports/ambassadors.csv`, `referrals.csv`
 * (attributed conversions) and `rewards.csv`. Built in memory: a program's rows fit easily.
 */
export async function exportRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const admin = services.ambassadorAdmin;
  const exports = {
    ambassadors: admin.ambassadorsCsv.bind(admin),
    referrals: admin.referralsCsv.bind(admin),
    rewards: admin.rewardsCsv.bind(admin),
  };
  for (const [name, build] of Object.entries(exports)) {
    app.get(`/exports/${name}.csv`, async (request, reply) => csv(reply, `${name}.csv`, await build(authenticatedProgram(request))));
  }
}

function csv(reply: FastifyReply, filename: string, body: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
