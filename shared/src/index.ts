// Browser-safe entry. `identity-signature.ts` is Node-only and imported by path.
export * from './money.ts';
export * from './email.ts';
export * from './referral-code.ts';
export * from './referral-cookie.ts';
export type * from './wire.ts';
