import type { Pool } from 'pg';
import type { Scope } from '../scope';
import type { DeviceToken } from './store';
import { hashSecret, matchToken, newTokenSecret, type TokenRow } from './token-secrets';

/** Queries on `device_tokens`: a secret is shown once at creation; only its SHA-256 is kept. */
export function createTokenQueries(pool: Pool) {
  return {
    async createToken(name: string, scope: Scope): Promise<string> {
      const secret = newTokenSecret();
      await pool.query('INSERT INTO device_tokens (name, scope_level, scope_name, scope_code, secret_sha256, created_at) VALUES ($1, $2, $3, $4, $5, now())', [
        name,
        scope.level,
        scope.name,
        scope.code ?? null,
        hashSecret(secret),
      ]);
      return secret;
    },
    async findToken(secret: string): Promise<DeviceToken | null> {
      const { rows } = await pool.query<TokenRow>('SELECT id, name, scope_level, scope_name, scope_code, secret_sha256 FROM device_tokens');
      return matchToken(rows, secret);
    },
  };
}
