import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { zhCN } from 'zod/locales';
import { SyncBatchSchema, type ChangesResponse, type RevisionResult, type SyncResponse } from '../src/domain/sync-protocol';
import { parseJsonBody } from './json';
import { PROBLEMS, problemBody, type ProblemCode } from './problems';
import type { RateLimiter } from './rate-limit';
import { DEFAULT_CHANGES_LIMIT, InvalidCursorError, MAX_CHANGES_LIMIT, type DeviceToken, type Store } from './store/store';

export interface SyncRoutesOptions {
  store: Store;
  rateLimiter: RateLimiter;
  /** One line per request; only counts, codes and the token's name, never record content. */
  log: (line: string) => void;
}

type SyncEnv = { Variables: { token: DeviceToken } };

function problem(c: Context, code: ProblemCode, detail?: string) {
  return c.json(problemBody(code, detail), PROBLEMS[code].status);
}

function countResults(results: readonly RevisionResult[]): string {
  const counts = { stored: 0, duplicate: 0, rejected: 0 };
  const codes = new Map<string, number>();
  for (const result of results) {
    counts[result.status] += 1;
    if (result.error) codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
  }
  const codeList = [...codes].map(([code, count]) => `${code}:${count}`).join(',');
  return `revisions=${results.length} stored=${counts.stored} duplicate=${counts.duplicate} rejected=${counts.rejected}${codeList ? ` codes=${codeList}` : ''}`;
}

/**
 * `POST /sync` and `GET /changes` of the sync protocol (../shared/CONTRACTS.md), behind a
 * device token and its rate limit. Mounted under `/api`.
 */
export function createSyncRoutes({ store, rateLimiter, log }: SyncRoutesOptions): Hono<SyncEnv> {
  const api = new Hono<SyncEnv>();

  const authenticate: MiddlewareHandler<SyncEnv> = async (c, next) => {
    const match = /^Bearer +([A-Za-z0-9._~+/=-]{1,512})$/i.exec(c.req.header('authorization')?.trim() ?? '');
    const token = match ? await store.findToken(match[1]!) : null;
    if (!token) {
      const code = match ? 'auth.invalid' : 'auth.required';
      log(`${c.req.method} ${c.req.path} refused code=${code}`);
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, code);
    }
    const decision = rateLimiter.take(token.id);
    if (!decision.allowed) {
      log(`${c.req.method} ${c.req.path} token=${JSON.stringify(token.name)} refused code=rate.limited`);
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return problem(c, 'rate.limited', `请 ${decision.retryAfterSeconds} 秒后重试`);
    }
    c.set('token', token);
    await next();
  };
  api.use('/sync', authenticate);
  api.use('/changes', authenticate);

  // Idempotency-Key is accepted and not needed: each rev is stored once, so a replayed batch
  // gets `duplicate` for every revision it already delivered.
  api.post('/sync', async (c) => {
    const token = c.get('token');
    const who = `token=${JSON.stringify(token.name)}`;
    const json = parseJsonBody(await c.req.text());
    if (!json.ok) {
      log(`POST /api/sync ${who} refused code=${json.code}`);
      return json.code === 'body.invalid' ? problem(c, json.code, `不允许的字段名 ${json.key}`) : problem(c, json.code);
    }
    const batch = SyncBatchSchema.safeParse(json.value, { error: zhCN().localeError });
    if (!batch.success) {
      const issue = batch.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      log(`POST /api/sync ${who} refused code=body.invalid`);
      return problem(c, 'body.invalid', path ? `${path}：${issue.message}` : issue.message);
    }
    const results = await store.storeRevisions(batch.data.revisions, token.scope);
    log(`POST /api/sync ${who} ${countResults(results)}`);
    return c.json({ results } satisfies SyncResponse);
  });

  api.get('/changes', async (c) => {
    const token = c.get('token');
    const since = c.req.query('since') ?? null;
    const limitText = c.req.query('limit');
    if (limitText !== undefined && !/^[1-9]\d{0,8}$/.test(limitText)) return problem(c, 'query.invalid', 'limit 应为正整数');
    const limit = limitText === undefined ? DEFAULT_CHANGES_LIMIT : Math.min(Number(limitText), MAX_CHANGES_LIMIT);
    try {
      const page = await store.changesSince(since, token.scope, limit);
      log(`GET /api/changes token=${JSON.stringify(token.name)} revisions=${page.revisions.length} more=${page.more}`);
      return c.json(page satisfies ChangesResponse);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 'query.invalid', 'since 不是接收端给出的游标');
      throw error;
    }
  });

  return api;
}
