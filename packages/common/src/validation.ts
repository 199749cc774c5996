import { z } from 'zod';
import { BadRequestError, ErrorItem } from './errors';

/** Zod issues as the contract's error items: one per problem, naming the field by its path. */
export function issuesToErrors(error: z.ZodError, prefix: (string | number)[] = []): ErrorItem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys') {
      return { message: `unknown field(s): ${issue.keys.join(', ')}`, field: path.join('.') || undefined };
    }
    const field = path.join('.');
    return field ? { message: `${field} ${issue.message}`, field } : { message: issue.message };
  });
}

/** Parses input with a schema or throws a 400 that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const items = issuesToErrors(result.error);
    throw new BadRequestError(`Invalid ${what}`, items);
  }
  return result.data;
}
