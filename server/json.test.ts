import { describe, expect, it } from 'vitest';
import { canonicalJson, parseJsonBody } from './json';

describe('JSON at the edge', () => {
  it.each([
    ['an object', '{"a": 1}', { ok: true, value: { a: 1 } }],
    ['broken JSON', '{"a": ', { ok: false, code: 'body.invalid_json' }],
    ['an empty body', '', { ok: false, code: 'body.invalid_json' }],
    ['a __proto__ key', '{"__proto__": {"x": 1}}', { ok: false, code: 'body.invalid', key: '__proto__' }],
    ['a nested constructor key', '{"a": [{"b": {"constructor": 1}}]}', { ok: false, code: 'body.invalid', key: 'constructor' }],
    ['a prototype key', '{"prototype": null}', { ok: false, code: 'body.invalid', key: 'prototype' }],
    ['those words as values', '{"a": "__proto__", "b": ["constructor"]}', { ok: true, value: { a: '__proto__', b: ['constructor'] } }],
  ])('reads %s', (_case, text, expected) => {
    expect(parseJsonBody(text)).toEqual(expected);
  });

  it('spells equal content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves out undefined fields as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: '中' })).toBe(JSON.stringify({ b: '中' }));
  });
});
