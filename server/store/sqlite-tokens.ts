import type Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SCOPE_LEVELS, type Scope, type ScopeLevel } from '../scope';
import type { DeviceToken } from './store';

interface TokenRow {
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

function isScopeLevel(level: string): level is ScopeLevel {
  return (SCOPE_LEVELS as readonly string[]).includes(level);
}

/** Queries on `device_tokens`: a secret is shown once at creation; only its SHA-256 is kept. */
export function createTokenQueries(db: Database.Database) {
  const insert = db.prepare<[string, string, string, string | null, Buffer, string]>(
    'INSERT INTO device_tokens (name, scope_level, scope_name, scope_code, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], TokenRow>('SELECT id, name, scope_level, scope_name, scope_code, secret_sha256 FROM device_tokens');

  return {
    createToken(name: string, scope: Scope): string {
      const secret = randomBytes(32).toString('base64url');
      insert.run(name, scope.level, scope.name, scope.code ?? null, hashSecret(secret), new Date().toISOString());
      return secret;
    },
    findToken(secret: string): DeviceToken | null {
      const hash = hashSecret(secret);
      let found: TokenRow | undefined;
      // Every row is compared, in constant time, so the answer's timing says nothing about
      // how close a guess came; a township has tens of devices, not thousands.
      for (const row of all.all()) {
        if (row.secret_sha256.length === hash.length && timingSafeEqual(row.secret_sha256, hash)) found = row;
      }
      if (!found || !isScopeLevel(found.scope_level)) return null;
      const scope: Scope = { level: found.scope_level, name: found.scope_name };
      if (found.scope_code !== null) scope.code = found.scope_code;
      return { id: found.id, name: found.name, scope };
    },
  };
}
