import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A posted form as plain strings; a repeated field keeps its last value. */
export type FormFields = Record<string, string>;

const FORM_BODY_LIMIT = 16 * 1024;

/**
 * HTML forms post `application/x-www-form-urlencoded`; URLSearchParams parses it, so no extra
 * dependency. The body limit is small because no form here carries more than a few fields.
 */
export function registerFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const fields: FormFields = Object.create(null) as FormFields;
      for (const [key, value] of new URLSearchParams(String(body))) fields[key] = value;
      done(null, fields);
    },
  );
}

/** The posted fields, or an empty object when the request had no form body. */
export function formFields(request: FastifyRequest): FormFields {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as FormFields) : {};
}

/** One field, trimmed; missing is ''. Lengths are checked by each form's validation, not cut here. */
export function formField(request: FastifyRequest, name: string): string {
  const value = formFields(request)[name];
  return typeof value === 'string' ? value.trim() : '';
}
