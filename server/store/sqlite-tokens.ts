import type Database from 'better-sqlite3';
import type { Scope } from '../scope';
import type { DeviceToken } from './store';
import { hashSecret, matchToken, newTokenSecret, type TokenRow } from './token-secrets';

/** Queries on `device_tokens`: a secret is shown once at creation; only its SHA-256 is kept. */
export function createTokenQueries(db: Database.Database) {
  const insert = db.prepare<[string, string, string, string | null, Buffer, string]>(
    'INSERT INTO device_tokens (name, scope_level, scope_name, scope_code, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], TokenRow>('SELECT id, name, scope_level, scope_name, scope_code, secret_sha256 FROM device_tokens');

  return {
    createToken(name: string, scope: Scope): string {
      const secret = newTokenSecret();
      insert.run(name, scope.level, scope.name, scope.code ?? null, hashSecret(secret), new Date().toISOString());
      return secret;
    },
    findToken(secret: string): DeviceToken | null {
      return matchToken(all.all(), secret);
    },
  };
}
