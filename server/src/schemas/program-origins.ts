import { Type } from '@sinclair/typebox';
import { strict } from './common.ts';

/** Each entry is checked as a URL by the service (`allowedOriginsOf`): a pattern could not say
 * what the URL parser accepts. */
export const AllowedOriginsRequest = Type.Object(
  { allowedOrigins: Type.Array(Type.String({ minLength: 1, maxLength: 2_048 }), { minItems: 1, maxItems: 50 }) },
  strict,
);
export const AllowedOriginsResponse = Type.Object({ allowedOrigins: Type.Array(Type.String()) });
