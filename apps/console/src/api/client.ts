import createClient from 'openapi-fetch';
import type { components, paths } from './api-types';

export type Schemas = components['schemas'];

/**
 * The one API client, typed from the api's OpenAPI document (api-types.ts, generated). Same origin, with the
 * session cookie; every request carries the console header, without which a session may only read.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { 'X-Loa-Console': '1' },
});

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** An answer other than 2xx: its status, message and, for a 400, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The problems of one field (`filter.carriers`, or anything below it), joined for display beside it. */
  fieldProblem(field: string): string | undefined {
    const found = this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
    return found.length ? found.flatMap((f) => f.problems).join('; ') : undefined;
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer, or an ApiError made from the error body. */
export async function must<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<Schemas['ErrorResponse']>;
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
  // Some 400s name their field only in the message ("unitCode: no unit with code X"): beside that field, too.
  const named = !body.fields?.length && response.status === 400 ? /^([A-Za-z][\w.]*): (.+)$/.exec(message) : null;
  const fields = named ? [{ field: named[1], problems: [named[2]] }] : (body.fields ?? []);
  throw new ApiError(response.status, message, fields);
}
