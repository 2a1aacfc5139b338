import { Type } from '@sinclair/typebox';
import { strict } from './common.ts';

/** One language's texts: key → text. Keys, lengths and placeholders are checked by `widgetTextProblem`,
 * which names the field; the schema only bounds the size. */
const Texts = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 }), { maxProperties: 200 });

/** A font-family list: names, quotes, commas, spaces and hyphens; nothing that could end the CSS
 * declaration (`;`, `}`), open a function (`url(`) or escape (`\`). */
const FONT_FAMILY_PATTERN = '^[A-Za-z0-9 ,"\'_-]{1,200}$';

export const WidgetTextCatalog = Type.Object({
  texts: Type.Array(
    Type.Object({
      key: Type.String(),
      placeholders: Type.Array(Type.String()),
      builtIn: Type.Object({ en: Type.Optional(Type.String()), ru: Type.Optional(Type.String()), pl: Type.Optional(Type.String()) }),
    }),
  ),
});

export const WidgetSettings = Type.Object(
  {
    texts: Type.Object(
      { en: Type.Optional(Texts), ru: Type.Optional(Texts), pl: Type.Optional(Texts) },
      strict,
    ),
    theme: Type.Object(
      {
        accent: Type.Optional(Type.String({ pattern: '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$', maxLength: 7 })),
        radius: Type.Optional(Type.Integer({ minimum: 0, maximum: 32 })),
        font: Type.Optional(Type.String({ pattern: FONT_FAMILY_PATTERN, maxLength: 200 })),
        mode: Type.Optional(Type.Union([Type.Literal('light'), Type.Literal('dark'), Type.Literal('auto')])),
      },
      strict,
    ),
    leaderboard: Type.Boolean(),
  },
  strict,
);
