import type { FastifyInstance } from 'fastify';
import type {
  ConfirmAmbassadorResponse as ConfirmBody,
  WidgetSettings as SettingsBody,
  WidgetTextCatalog as CatalogBody,
} from '../../../shared/src/wire.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { AmbassadorParams } from '../schemas/ambassadors.ts';
import { ConfirmResponse } from '../schemas/widget-join.ts';
import { WidgetSettings, WidgetTextCatalog } from '../schemas/widget-settings.ts';
import { WIDGET_TEXT_CATALOG } from '../domain/widget-texts.ts';
import type { Services } from '../services/services.ts';

/**
 * The owner's side of the widget: `GET` and `PUT /v1/program/widget` (texts, theme, leaderboard),
 * `GET /v1/program/widget/texts` (the keys an owner may set, with the built-in texts) and `POST /v1/ambassadors/{code}/confirm` for ambassadors who joined by email in the panel.
 */
export async function widgetSettingsRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Reply: SettingsBody }>('/program/widget', { schema: { response: responses({ 200: WidgetSettings }) } }, async (request) =>
    services.widgetSettings.get(authenticatedProgram(request)),
  );

  app.put<{ Body: SettingsBody; Reply: SettingsBody }>(
    '/program/widget',
    { schema: { body: WidgetSettings, response: responses({ 200: WidgetSettings }) } },
    async (request) => services.widgetSettings.replace(authenticatedProgram(request), request.body),
  );

  // The same for every program; behind the key like the rest of the owner's API.
  app.get<{ Reply: CatalogBody }>('/program/widget/texts', { schema: { response: responses({ 200: WidgetTextCatalog }) } }, async () => WIDGET_TEXT_CATALOG);

  app.post<{ Params: { code: string }; Reply: ConfirmBody }>(
    '/ambassadors/:code/confirm',
    { schema: { params: AmbassadorParams, response: responses({ 200: ConfirmResponse }) } },
    async (request) => services.joining.confirm(authenticatedProgram(request), request.params.code),
  );
}
