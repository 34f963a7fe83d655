import { afterEach, describe, expect, it } from 'vitest';
import { ChangesResponseSchema, SyncResponseSchema } from '../src/domain/sync-protocol';
import { aBatch, aFamilyOfRevisions, aHouseholdRevision, aNextRevision, anEventRevision, aPersonRevision, withData } from '../tests/server/builders';
import { ALL, aReceiver as openReceiver, closeReceivers, XINGUO } from '../tests/server/receiver';
import { describeEachStore } from '../tests/server/stores';

afterEach(closeReceivers);

const LIANGHUI = { level: 'village', name: '良会村' } as const;
const ORIGIN = 'https://fieldbook.example.cn';

describeEachStore((adapter) => {
  const aReceiver = (options: Parameters<typeof openReceiver>[0] = {}) => openReceiver(options, adapter);

  describe('POST /api/sync', () => {
    it('stores a household, its member and their service, answering per revision', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const family = aFamilyOfRevisions();
      const response = await receiver.sync(token, aBatch(family));
      expect(response.status).toBe(200);
      const body = SyncResponseSchema.parse(await response.json());
      expect(body.results).toEqual(family.map(({ rev }) => ({ rev, status: 'stored' })));
      expect(await receiver.countRevisions()).toBe(3);
    });

    it('answers duplicate for a batch sent again, with or without the same Idempotency-Key', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const batch = aBatch(aFamilyOfRevisions());
      await receiver.sync(token, batch, { 'idempotency-key': batch.batch });
      const again = await receiver.sync(token, batch, { 'idempotency-key': batch.batch });
      expect(((await again.json()) as { results: unknown[] }).results).toEqual(batch.revisions.map(({ rev }) => ({ rev, status: 'duplicate' })));
      const reordered = { ...batch, batch: 'another-batch', revisions: batch.revisions.map((revision) => ({ ...revision, data: Object.fromEntries(Object.entries(revision.data).reverse()) })) };
      expect((await receiver.syncResults(token, reordered)).map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await receiver.countRevisions()).toBe(3);
    });

    it('never overwrites a stored rev sent again with other content, and says rev.conflict', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const household = aHouseholdRevision({ head: '梁秀英' });
      await receiver.syncResults(token, aBatch([household]));
      const tampered = { ...household, data: { ...household.data, head: '韦明' } };
      const [result] = await receiver.syncResults(token, aBatch([tampered]));
      expect(result).toMatchObject({ rev: household.rev, status: 'rejected', error: { code: 'rev.conflict' } });
      expect(result!.error!.message).toMatch(/[\u4e00-\u9fff]/);
      const { revisions } = await receiver.changesPage(token);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]!.data.head).toBe('梁秀英');
    });

    it('takes a person’s household from earlier in the same batch', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const household = aHouseholdRevision();
      const person = aPersonRevision(household.id);
      const results = await receiver.syncResults(token, aBatch([household, person]));
      expect(results.map((result) => result.status)).toEqual(['stored', 'stored']);
    });

    it.each([
      ['a person whose household the receiver does not know', () => aPersonRevision('no-such-household'), 'householdId', '请先同步户信息'],
      ['a service for a person the receiver does not know', () => anEventRevision('no-such-person'), 'personId', '请先同步人员信息'],
    ])('rejects %s with scope.unknown_parent', async (_case, build, path, message) => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const [result] = await receiver.syncResults(token, aBatch([build()]));
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'scope.unknown_parent', path } });
      expect(result!.error!.message).toContain(message);
      expect(await receiver.countRevisions()).toBe(0);
    });

    it('rejects a member whose household was itself rejected in the same batch', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const household = aHouseholdRevision({ head: '' });
      const results = await receiver.syncResults(token, aBatch([household, aPersonRevision(household.id)]));
      expect(results.map((result) => result.error?.code)).toEqual(['record.invalid', 'scope.unknown_parent']);
    });

    it.each([
      ['a household without a head', aHouseholdRevision({ head: '  ' }), 'head', '请填写户主姓名'],
      ['a monitored household without its type', aHouseholdRevision({ monitored: true }), 'monitorType', '监测对象须选择监测对象类型'],
      ['a household with a county name of 50 characters', aHouseholdRevision({ county: '县'.repeat(50) }), 'county', '过大'],
      ['a household whose data names another record', aHouseholdRevision({}, { id: 'other-id' }), 'id', '不一致'],
    ])('rejects %s as record.invalid with the path and a Chinese message', async (_case, revision, path, message) => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const [result] = await receiver.syncResults(token, aBatch([revision]));
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'record.invalid', path } });
      expect(result!.error!.message).toContain(message);
    });

    it('points at the nested field of an invalid member', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const household = aHouseholdRevision();
      const person = withData(aPersonRevision(household.id), { publicPosts: [{ bogus: true }] });
      const [, result] = await receiver.syncResults(token, aBatch([household, person]));
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'record.invalid' } });
      expect(result!.error!.path).toMatch(/^publicPosts\.0\./);
    });

    it('refuses a village token another village’s household with scope.forbidden', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const [result] = await receiver.syncResults(token, aBatch([aHouseholdRevision({ village: '良会村' })]));
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'scope.forbidden' } });
      expect(result!.error!.message).toContain('新国村');
      expect(await receiver.countRevisions()).toBe(0);
    });

    it('refuses members and services of another village’s household, and moving a household away', async () => {
      const receiver = await aReceiver();
      const office = await receiver.tokenFor(ALL);
      const token = await receiver.tokenFor(XINGUO);
      const [theirs, theirPerson] = aFamilyOfRevisions({ village: '良会村' });
      const ours = aHouseholdRevision();
      await receiver.syncResults(office, aBatch([theirs!, theirPerson!, ours]));
      const attempts = [
        aPersonRevision(theirs!.id),
        anEventRevision(theirPerson!.id),
        aNextRevision(theirs!, { village: '新国村' }),
        aNextRevision(ours, { village: '良会村' }),
      ];
      const results = await receiver.syncResults(token, aBatch(attempts));
      expect(results.map((result) => result.error?.code)).toEqual(['scope.forbidden', 'scope.forbidden', 'scope.forbidden', 'scope.forbidden']);
      expect(await receiver.countRevisions()).toBe(3);
    });

    it('lets a township token write every village of its township', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor({ level: 'township', name: '融水镇' });
      const results = await receiver.syncResults(token, aBatch([aHouseholdRevision({ village: '新国村' }), aHouseholdRevision({ village: '良会村' }), aHouseholdRevision({ township: '香粉乡' })]));
      expect(results.map((result) => result.status)).toEqual(['stored', 'stored', 'rejected']);
    });

    it('answers 401 with a JSON problem without a token or with an unknown one', async () => {
      const receiver = await aReceiver();
      const batch = aBatch([aHouseholdRevision()]);
      const missing = await receiver.sync(undefined, batch);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect(await missing.json()).toMatchObject({ error: { code: 'auth.required' } });
      const unknown = await receiver.sync('not-a-token-anyone-was-given', batch);
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toMatchObject({ error: { code: 'auth.invalid', message: expect.stringMatching(/令牌/) } });
      expect(await receiver.countRevisions()).toBe(0);
    });

    it('answers 400 with a Chinese message for a body that is not JSON', async () => {
      const receiver = await aReceiver();
      const response = await receiver.sync(await receiver.tokenFor(XINGUO), '{"batch": "b1", "revisions": [');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'body.invalid_json', message: '请求内容不是有效的 JSON' } });
    });

    it('answers 400 naming the field for an envelope outside the protocol', async () => {
      const receiver = await aReceiver();
      const batch = aBatch([aHouseholdRevision()]);
      const response = await receiver.sync(await receiver.tokenFor(XINGUO), JSON.stringify({ ...batch, revisions: [{ ...batch.revisions[0], kind: 'admin' }] }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('body.invalid');
      expect(body.error.message).toContain('revisions.0.kind');
    });

    it('refuses a body carrying a __proto__ key without polluting anything', async () => {
      const receiver = await aReceiver();
      const household = aHouseholdRevision();
      const text = JSON.stringify(aBatch([household])).replace('"head":', '"__proto__":{"polluted":true},"head":');
      const response = await receiver.sync(await receiver.tokenFor(XINGUO), text);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'body.invalid', message: expect.stringContaining('__proto__') } });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await receiver.countRevisions()).toBe(0);
    });

    it('answers 429 with Retry-After once a token has used its burst, and serves it again after the wait', async () => {
      let now = 1_000_000;
      const receiver = await aReceiver({ rateLimit: { burst: 3, perMinute: 6 }, now: () => now });
      const token = await receiver.tokenFor(XINGUO);
      const other = await receiver.tokenFor(XINGUO, '另一部手机');
      for (let i = 0; i < 3; i += 1) expect((await receiver.changes(token)).status).toBe(200);
      const limited = await receiver.changes(token);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('10');
      expect(await limited.json()).toMatchObject({ error: { code: 'rate.limited' } });
      expect((await receiver.changes(other)).status).toBe(200);
      now += 10_000;
      expect((await receiver.changes(token)).status).toBe(200);
    });

    it('logs counts, codes and the token name, never a name, ID number or phone', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO, '新国村 1号手机');
      const household = aHouseholdRevision({ head: '覃户主' });
      const person = aPersonRevision(household.id, { name: '莫秀兰', idNumber: '450225199003150139', phone: '13800138000' });
      await receiver.syncResults(token, aBatch([household, person, aPersonRevision('nobody', { name: '石丽' })]));
      await receiver.changesPage(token);
      const logs = receiver.logs.join('\n');
      expect(logs).toContain('token="新国村 1号手机" revisions=3 stored=2 duplicate=0 rejected=1 codes=scope.unknown_parent:1');
      for (const secret of ['覃户主', '莫秀兰', '石丽', '450225199003150139', '13800138000', token]) expect(logs).not.toContain(secret);
    });
  });

  describe('GET /api/changes', () => {
    it('pages through every revision in the token’s scope with the cursor', async () => {
      const receiver = await aReceiver();
      const office = await receiver.tokenFor(ALL);
      const ours = Array.from({ length: 5 }, () => aFamilyOfRevisions()).flat();
      const theirs = Array.from({ length: 4 }, () => aFamilyOfRevisions({ village: '良会村' })).flat();
      const mixed = ours.flatMap((revision, index) => [revision, ...(theirs[index] ? [theirs[index]] : [])]);
      await receiver.syncResults(office, aBatch(mixed));

      const token = await receiver.tokenFor(XINGUO);
      const seen: string[] = [];
      let query = '?limit=4';
      let pages = 0;
      for (;;) {
        const page = ChangesResponseSchema.parse(await receiver.changesPage(token, query));
        pages += 1;
        seen.push(...page.revisions.map((revision) => revision.rev));
        if (!page.more) break;
        query = `?limit=4&since=${encodeURIComponent(page.cursor)}`;
      }
      expect(seen).toEqual(ours.map((revision) => revision.rev));
      expect(pages).toBe(4);
    });

    it('hands back each revision as it was sent, with a cursor that finds nothing new', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      const family = aFamilyOfRevisions();
      await receiver.syncResults(token, aBatch(family));
      const first = await receiver.changesPage(token);
      expect(first).toMatchObject({ more: false });
      expect(first.revisions).toEqual(family);
      const next = await receiver.changesPage(token, `?since=${first.cursor}`);
      expect(next).toEqual({ revisions: [], cursor: first.cursor, more: false });
    });

    it('gives a village token nothing of another village, and the office everything', async () => {
      const receiver = await aReceiver();
      const office = await receiver.tokenFor(ALL);
      await receiver.syncResults(office, aBatch(aFamilyOfRevisions({ village: '良会村' })));
      expect((await receiver.changesPage(await receiver.tokenFor(XINGUO))).revisions).toEqual([]);
      expect((await receiver.changesPage(await receiver.tokenFor(LIANGHUI))).revisions).toHaveLength(3);
      expect((await receiver.changesPage(office)).revisions).toHaveLength(3);
    });

    it.each([
      ['?since=abc', 'since'],
      ['?since=-1', 'since'],
      ['?limit=0', 'limit'],
      ['?limit=-5', 'limit'],
      ['?limit=ten', 'limit'],
    ])('answers 400 query.invalid for %s', async (query, word) => {
      const receiver = await aReceiver();
      const response = await receiver.changes(await receiver.tokenFor(XINGUO), query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'query.invalid', message: expect.stringContaining(word) } });
    });

    it('caps the page at 2000 revisions', async () => {
      const receiver = await aReceiver();
      const token = await receiver.tokenFor(XINGUO);
      await receiver.syncResults(token, aBatch(Array.from({ length: 2100 }, () => aHouseholdRevision())));
      const page = await receiver.changesPage(token, '?limit=100000');
      expect(page.revisions).toHaveLength(2000);
      expect(page.more).toBe(true);
      expect((await receiver.changesPage(token)).revisions).toHaveLength(500);
    });

    it('answers 401 without a token', async () => {
      const receiver = await aReceiver();
      expect((await receiver.changes(undefined)).status).toBe(401);
    });
  });
});

describe('CORS', () => {
  it('answers the preflight of an allowed origin with the headers the phone sends', async () => {
    const receiver = await openReceiver({ corsOrigins: [ORIGIN] });
    const response = await receiver.app.request('/api/sync', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(['authorization', 'content-type', 'idempotency-key']);
  });

  it('gives no CORS grant to an origin outside the allow-list', async () => {
    const receiver = await openReceiver({ corsOrigins: [ORIGIN] });
    const response = await receiver.app.request('/api/sync', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed origin read a refusal and its Retry-After', async () => {
    const receiver = await openReceiver({ corsOrigins: [ORIGIN], rateLimit: { burst: 1, perMinute: 1 } });
    const token = await receiver.tokenFor(XINGUO);
    const headers = { origin: ORIGIN, authorization: `Bearer ${token}` };
    await receiver.app.request('/api/changes', { headers });
    const limited = await receiver.app.request('/api/changes', { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const refused = await receiver.app.request('/api/changes', { headers: { origin: ORIGIN } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});
