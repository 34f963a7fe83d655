/**
 * JSON at the receiver's edge. `JSON.parse` itself never pollutes prototypes, but a
 * `__proto__` or `constructor` key travels on into whatever merges the object later (zod's
 * record parsing silently drops `__proto__`, changing the content), so such keys refuse the
 * whole body: no phone ever sends them.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; code: 'body.invalid_json' } | { ok: false; code: 'body.invalid'; key: string };

export function parseJsonBody(text: string): JsonParseResult {
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, nested: unknown) => {
      if (forbidden === undefined && FORBIDDEN_KEYS.has(key)) forbidden = key;
      return nested;
    });
  } catch {
    return { ok: false, code: 'body.invalid_json' };
  }
  return forbidden === undefined ? { ok: true, value } : { ok: false, code: 'body.invalid', key: forbidden };
}

/** JSON with object keys sorted at every depth, so equal content has one spelling. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const nested = (value as Record<string, unknown>)[key];
        return nested === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(nested)}`];
      });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
