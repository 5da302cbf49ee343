import { Ajv, type ErrorObject } from 'ajv';

/** One problem with a value: where (a JSON Pointer, '' for the whole value) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** `key` as one JSON Pointer segment, `/` included. */
export const pointerToken = (key: string) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * An ajv whose errors `toValidationIssues` reads well: every error at once, strict schemas, and
 * `verbose`, which hands each error its schema so a description becomes the message.
 */
export function createIssueAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: true, verbose: true });
}

function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return error.instancePath + pointerToken(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') return error.instancePath + pointerToken(String(params.additionalProperty));
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return described(error) ?? `must be a valid ${String(params.format)}`;
    case 'pattern':
    case 'anyOf':
    case 'oneOf':
      return described(error) ?? error.message ?? 'is invalid';
    default:
      return error.message ?? 'is invalid';
  }
}

// With ajv's `verbose`, a schema's description explains a regex or a set of alternatives better
// than the regex or each alternative's own error does.
function described(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? `must be ${description}` : undefined;
}

/** Ajv's errors as issues: one line per problem, without the noise of each anyOf branch. */
export function toValidationIssues(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  const all = errors ?? [];
  const alternatives = all.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const issues = new Map<string, ValidationIssue>();
  for (const error of all) {
    if (alternatives.some((alt) => error.schemaPath.startsWith(`${alt.schemaPath}/`))) continue;
    const issue = { path: pathOf(error), message: messageOf(error) };
    issues.set(JSON.stringify(issue), issue);
  }
  return [...issues.values()];
}

/** Issues as one line for an error message: `/path message; /other message`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
}
