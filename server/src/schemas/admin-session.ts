import { Type } from '@sinclair/typebox';
import { ProgramId, strict } from './common.ts';

export const AdminSignInRequest = Type.Object({ secretKey: Type.String({ pattern: '^[\\x21-\\x7E]+$', minLength: 1, maxLength: 256 }) }, strict);
export const AdminSessionResponse = Type.Object({
  programId: ProgramId,
  programName: Type.String(),
  csrfToken: Type.String(),
  expiresAt: Type.Integer(),
});
