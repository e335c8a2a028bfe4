// Request validation through the contract's zod schemas, before any write.
import type { z } from 'zod';
import { familyError, type Family } from './errors';

function describe(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid parameter';
  const where = first.path.length > 0 ? first.path.map(String).join('.') : '';
  const keys = first.code === 'unrecognized_keys' ? first.keys.join(', ') : '';
  const field = where || keys || 'body';
  return `Invalid parameter '${field}': ${first.message}`;
}

/** Validates a JSON body: absent → missing-body error; not an object → invalid; else the schema. */
export function parseBody<S extends z.ZodType>(family: Family, schema: S, body: unknown): z.output<S> {
  if (body === undefined || body === null || body === '') {
    throw familyError(family, 'missingBody', 'The request body is missing.');
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw familyError(family, 'invalidParam', "Invalid parameter 'body': must be a JSON object");
  }
  const r = schema.safeParse(body);
  if (!r.success) throw familyError(family, 'invalidParam', describe(r.error.issues));
  return r.data;
}

export function parseQuery<S extends z.ZodType>(family: Family, schema: S, query: unknown): z.output<S> {
  const r = schema.safeParse(query ?? {});
  if (!r.success) throw familyError(family, 'invalidParam', describe(r.error.issues));
  return r.data;
}
