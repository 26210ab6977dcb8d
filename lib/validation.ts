import type { z } from './zod';

/**
 * One thing wrong with one field, in a form the UI can translate: `code` is a key under
 * "validation." in the locale files and `params` fill its placeholders. The zod schemas stay the
 * one source of the rules; this only turns their issues into words a producer understands.
 */
export interface FieldError {
  /** Dotted path into the validated value, e.g. "sizeChart.rows.2.size". */
  path: string;
  code: string;
  params: Record<string, string | number>;
  /** zod's own English message, kept for logs and as a last resort. */
  message: string;
}

/** Custom messages written in the schemas (refine / regex), mapped to their i18n codes. */
const CUSTOM_MESSAGES: Record<string, string> = {
  'text is empty in every language': 'emptyText',
  'not a language tag': 'languageTag',
  'not a market code': 'marketCode',
  'card not in file': 'cardNotInFile',
  'policy not in file': 'policyNotInFile',
  'duplicate sku': 'duplicateSku',
  'not base64': 'base64',
};

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function issueToError(issue: z.core.$ZodIssue): FieldError {
  const base = { path: pathKey(issue.path), message: issue.message };
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return { ...base, code: custom, params: {} };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return { ...base, code: 'required', params: {} };
      return { ...base, code: issue.expected === 'number' ? 'number' : 'type', params: { expected: String(issue.expected) } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return { ...base, code: minimum <= 1 ? 'required' : 'minLength', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { ...base, code: 'minItems', params: { minimum } };
      return { ...base, code: issue.inclusive ? 'min' : 'greaterThan', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { ...base, code: 'maxLength', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { ...base, code: 'maxItems', params: { maximum } };
      return { ...base, code: issue.inclusive ? 'max' : 'lessThan', params: { maximum } };
    }
    case 'invalid_value':
      return { ...base, code: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { ...base, code: 'format', params: {} };
    case 'not_multiple_of':
      return { ...base, code: 'integer', params: {} };
    default:
      return { ...base, code: 'invalid', params: {} };
  }
}

/** Every issue of a failed parse as a field error; integers ("int") get their own code. */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const e = issueToError(issue);
    if (issue.code === 'invalid_type' && issue.expected === 'int') return { ...e, code: 'integer', params: {} };
    return e;
  });
}

/** Errors keyed by path (first one wins), for a form that shows one message per field. */
export function errorsByPath(errors: readonly FieldError[]): Map<string, FieldError> {
  const map = new Map<string, FieldError>();
  for (const e of errors) if (!map.has(e.path)) map.set(e.path, e);
  return map;
}
