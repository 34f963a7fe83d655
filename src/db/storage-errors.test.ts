import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyStorageError } from './storage-errors';

describe('classifyStorageError', () => {
  it.each([
    ['the browser refusing for lack of space', new DOMException('full', 'QuotaExceededError'), 'storage.quota'],
    ['Dexie wrapping a quota error in an aborted transaction', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')), 'storage.quota'],
    ['IndexedDB missing in a private window', new Dexie.MissingAPIError('no indexedDB'), 'storage.unavailable'],
    ['anything else', new Error('boom'), 'storage.failed'],
  ])('classifies %s', (_name, error, code) => {
    expect(classifyStorageError(error)).toBe(code);
  });
});
