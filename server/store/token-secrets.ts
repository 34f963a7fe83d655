import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SCOPE_LEVELS, type Scope, type ScopeLevel } from '../scope';
import type { DeviceToken } from './store';

/** A row of `device_tokens`, as both adapters read it: the secret itself is never stored. */
export interface TokenRow {
  id: number;
  name: string;
  scope_level: string;
  scope_name: string;
  scope_code: string | null;
  secret_sha256: Buffer;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** 256 random bits, shown once at creation. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

function isScopeLevel(level: string): level is ScopeLevel {
  return (SCOPE_LEVELS as readonly string[]).includes(level);
}

/** The token whose hash is the secret's, if any. */
export function matchToken(rows: readonly TokenRow[], secret: string): DeviceToken | null {
  const hash = hashSecret(secret);
  let found: TokenRow | undefined;
  // Every row is compared, in constant time, so the answer's timing says nothing about
  // how close a guess came; a township has tens of devices, not thousands.
  for (const row of rows) {
    if (row.secret_sha256.length === hash.length && timingSafeEqual(row.secret_sha256, hash)) found = row;
  }
  if (!found || !isScopeLevel(found.scope_level)) return null;
  const scope: Scope = { level: found.scope_level, name: found.scope_name };
  if (found.scope_code !== null) scope.code = found.scope_code;
  return { id: found.id, name: found.name, scope };
}
