import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PREVIEW_CARD_PATH } from '../services/link-preview.ts';

const PREVIEW_CARD = new URL('../../assets/preview-card.png', import.meta.url);

/**
 * `GET /preview-card.png`: the built-in image of short links' link previews, for programs
 * without their own. PNG because preview fetchers ignore SVG. Read once: it is 30 KB and never changes.
 */
export async function previewCardRoutes(app: FastifyInstance): Promise<void> {
  const png = readFileSync(PREVIEW_CARD);
  app.get(PREVIEW_CARD_PATH, async (_request, reply) =>
    reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png),
  );
}
