import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/services.ts';
import { adminAssetRoutes } from './admin-assets.ts';
import { adminSessionRoutes } from './admin-session.ts';

/** The owner dashboard under `/admin`: its sign-in and its built files. Its data comes from `/v1`. */
export async function adminRoutes(app: FastifyInstance, options: { services: Services; adminDir: string }): Promise<void> {
  await app.register(adminSessionRoutes, { services: options.services });
  await app.register(adminAssetRoutes, { adminDir: options.adminDir });
}
