import { Type } from '@sinclair/typebox';
import { strict } from './common.ts';

const HOUR_MS = 3_600_000;

/** From one hour (a flash sale) to one year; the referral cookie lives as long. */
export const AttributionSettings = Type.Object(
  {
    attributionWindowMs: Type.Integer({ minimum: HOUR_MS, maximum: 365 * 24 * HOUR_MS }),
    attributionModel: Type.Union([Type.Literal('last_click'), Type.Literal('first_click')]),
  },
  strict,
);
