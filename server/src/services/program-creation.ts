import { randomBytes } from 'node:crypto';
import { customAlphabet } from 'nanoid';
import type { JoinPolicy } from '../../../shared/src/wire-joining-draws.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { saveProgram } from './programs.ts';

const idSuffix = customAlphabet('abcdefghijkmnpqrstuvwxyz23456789', 6);

export interface NewProgramInput {
  name: string;
  /** The shop's origin: the allowed origin of the widget, and the landing URL unless `landingUrl` says otherwise. */
  origin: string;
  landingUrl?: string;
  /** Defaults to the name as a slug plus a random suffix, e.g. `employees-x7k2mq`. */
  id?: string;
  joinPolicy?: JoinPolicy;
}

export class ProgramExistsError extends Error {}

/**
 * A new program next to the shop's others (a customer, an employee and a partner program can
 * share one shop): its own id, secret key, codes and reward rules (the defaults until changed
 * with `PUT /v1/program/rules`). Never touches an existing program: its secret stays as it is.
 */
export async function createProgram(store: Store, input: NewProgramInput, now: number): Promise<{ program: ProgramRecord; secretKey: string }> {
  const slug = input.name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const id = input.id ?? `${slug || 'program'}-${idSuffix()}`;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`Program id "${id}" may hold only letters, digits, "_" and "-" (64 at most).`);
  if (await store.getProgram(id)) throw new ProgramExistsError(`A program with id "${id}" exists already.`);
  const secretKey = `sk_${randomBytes(24).toString('base64url')}`;
  const program = await saveProgram(
    store,
    {
      id,
      name: input.name,
      secretKey,
      landingUrl: input.landingUrl ?? input.origin,
      allowedOrigins: [input.origin],
      ...(input.joinPolicy ? { joinPolicy: input.joinPolicy } : {}),
    },
    now,
  );
  return { program, secretKey };
}
