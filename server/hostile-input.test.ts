import { afterEach, describe, expect, it } from 'vitest';
import type { Revision } from '../src/domain/revision';
import { aBatch, aFamilyOfRevisions, aHouseholdRevision, aNextRevision, anEventRevision, aPersonRevision, withData } from '../tests/server/builders';
import { ALL, aReceiver, closeReceivers, XINGUO } from '../tests/server/receiver';
import { describeEachStore } from '../tests/server/stores';

afterEach(closeReceivers);

const BODY_LIMIT = 64 * 1024;

interface HostileRequest {
  what: string;
  path?: string;
  method?: string;
  /** The body as sent; an object is JSON-encoded. */
  body?: unknown;
  /** `undefined`: the valid village token; `null`: no Authorization header. */
  authorization?: string | null;
}

/** Deterministic, so a failure can be replayed. */
function aRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function garbage(random: () => number, length: number): string {
  const alphabet = '{}[]":,\\ \n\t0123456789-+.eEtruefalsnl\u0000\u00e9中文𠀀"\'<>/';
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

function withRevision(change: (revision: Record<string, unknown>) => void): Record<string, unknown> {
  const revision: Record<string, unknown> = { ...aHouseholdRevision() };
  change(revision);
  return { ...aBatch([]), revisions: [revision] };
}

function hostileRequests(theirs: { household: Revision; person: Revision }): HostileRequest[] {
  const random = aRandom(20260501);
  const requests: HostileRequest[] = [];
  const add = (what: string, request: Omit<HostileRequest, 'what'>) => requests.push({ what, ...request });

  // Not JSON at all.
  const broken = ['', ' ', '{', '}', '[', '{"batch":', '{"batch": "b1",}', "{'batch': 'b1'}", 'nul', 'undefined', 'NaN', '{"a":1}{"b":2}', '\u0000', '\ufeff{}', '{"revisions": [}', '<xml/>', '"unterminated', '{"batch": 01}', '[1, 2,]', '{"a" "b"}'];
  for (const text of broken) add(`broken JSON ${JSON.stringify(text)}`, { body: text });
  for (let i = 0; i < 30; i += 1) add(`random garbage #${i}`, { body: garbage(random, 1 + Math.floor(random() * 400)) });

  // JSON, but not a batch.
  for (const value of [null, 42, 'batch', true, [], [aBatch([])], {}, { revisions: 'all of them' }]) add(`JSON ${JSON.stringify(value).slice(0, 40)}`, { body: JSON.stringify(value) });
  const badValues: unknown[] = [null, 1, true, '', [], {}, 'x'.repeat(200), undefined];
  for (const field of ['batch', 'device', 'sentAt', 'revisions']) {
    for (const value of badValues) if (!(field === 'revisions' && Array.isArray(value))) add(`envelope ${field} = ${JSON.stringify(value)?.slice(0, 20)}`, { body: { ...aBatch([aHouseholdRevision()]), [field]: value } });
  }
  for (const field of ['rev', 'parent', 'kind', 'id', 'hlc', 'device', 'deleted', 'data']) {
    for (const value of badValues) {
      // A first version has no parent; a deletion is a revision like any other.
      if ((field === 'parent' && value === null) || (field === 'deleted' && value === true)) continue;
      add(`revision ${field} = ${JSON.stringify(value)?.slice(0, 20)}`, { body: withRevision((revision) => (revision[field] = value)) });
    }
  }
  add('six thousand revisions', { body: { ...aBatch([]), revisions: Array.from({ length: 6000 }, () => 1) } });

  // A valid envelope carrying records that are not.
  const badRecords: [string, Revision][] = [
    ['a head of the wrong type', withData(aHouseholdRevision(), { head: 1 })],
    ['an empty head', aHouseholdRevision({ head: '' })],
    ['a county of 41 characters', aHouseholdRevision({ county: '县'.repeat(41) })],
    ['a creation time that is no time', aHouseholdRevision({ createdAt: 'yesterday' })],
    ['monitored as a string', withData(aHouseholdRevision(), { monitored: 'yes' })],
    ['a monitor type outside the list', withData(aHouseholdRevision(), { monitored: true, monitorType: '其他' })],
    ['data naming another record', aHouseholdRevision({}, { id: 'someone-else' })],
    ['empty data', aHouseholdRevision({}, { data: {} })],
    ['a person without a household', aPersonRevision('', {})],
    ['a person with an age as text', withData(aPersonRevision('h1'), { age: '三十' })],
    ['a person with a sex outside the list', withData(aPersonRevision('h1'), { sex: '未知' })],
    ['a person with a name of 41 characters', aPersonRevision('h1', { name: '名'.repeat(41) })],
    ['an event of an unknown type', withData(anEventRevision('p1'), { type: '发红包' })],
    ['a 岗位推介 without its company', anEventRevision('p1', { type: '岗位推介', post: '装配工' })],
    ['an event without a date', anEventRevision('p1', { date: '' })],
    ['a 作废 without a reason', anEventRevision('p1', { type: '作废', voids: 'e1' })],
    ['a person whose household nobody sent', aPersonRevision('no-such-household')],
    ['an event whose person nobody sent', anEventRevision('no-such-person')],
  ];
  for (const [what, revision] of badRecords) add(`record with ${what}`, { body: aBatch([revision]) });
  add('all the bad records in one batch', { body: aBatch(badRecords.map(([, revision]) => revision)) });

  // Keys that would reach a prototype in careless code.
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const payload = `"${key}": {"polluted": true, "isAdmin": true}`;
    const household = JSON.stringify(aHouseholdRevision());
    const envelope = JSON.stringify(aBatch([]));
    add(`${key} in the envelope`, { body: `{${payload}, ${envelope.slice(1)}`.replace('"revisions":[]', `"revisions":[${household}]`) });
    add(`${key} in a revision`, { body: envelope.replace('"revisions":[]', `"revisions":[{${payload}, ${household.slice(1)}]`) });
    add(`${key} in the data`, { body: envelope.replace('"revisions":[]', `"revisions":[${household.replace('"data":{', `"data":{${payload},`)}]`) });
    add(`${key} deep in the data`, { body: envelope.replace('"revisions":[]', `"revisions":[${household.replace('"data":{', `"data":{"publicPosts":[{${payload}}],`)}]`) });
    add(`${key} as the whole body`, { body: `{${payload}}` });
  }

  // Strings around the body limit.
  for (const size of [BODY_LIMIT - 4000, BODY_LIMIT - 600, BODY_LIMIT - 50, BODY_LIMIT + 1, BODY_LIMIT * 3]) {
    add(`a head of ${size} characters`, { body: aBatch([aHouseholdRevision({ head: 'x'.repeat(size) })]) });
    add(`a batch id of ${size} characters`, { body: { ...aBatch([aHouseholdRevision()]), batch: 'b'.repeat(size) } });
    add(`${size} bytes of unclosed JSON`, { body: `{"batch": "${'中'.repeat(Math.floor(size / 3))}` });
    add(`a rev id of ${size} characters`, { body: aBatch([aHouseholdRevision({}, { rev: 'r'.repeat(size) })]) });
  }

  // Tokens that are not tokens.
  const valid = aBatch([aHouseholdRevision()]);
  const badAuthorizations = ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearer not-a-real-token', 'Bearer ' + 'A'.repeat(43), 'Bearer ' + 'a'.repeat(600), 'Bearer \u00ff\u00fe', 'Bearer a b', 'Bearer a, Bearer b', 'bearer', 'Bearer\ttab'];
  for (const authorization of badAuthorizations) add(`authorization ${JSON.stringify(authorization.slice(0, 30))}`, { body: valid, authorization });
  add('no authorization header', { body: valid, authorization: null });
  for (let i = 0; i < 7; i += 1) add(`random bearer #${i}`, { body: valid, authorization: `Bearer ${garbage(random, 20).replace(/[^A-Za-z0-9_-]/g, 'Q')}` });

  // Other villages, from a village token.
  const villages = ['良会村', '小桑村', '大浪村', '四荣村', '东水村', '新国', '新国村委', 'XINGUO村', '新国村新国村', '', '   '];
  for (const village of villages) add(`a household of village ${JSON.stringify(village)}`, { body: aBatch([aHouseholdRevision({ village })]) });
  for (const township of ['香粉乡', '安太乡']) add(`a household of township ${township} without a village`, { body: aBatch([aHouseholdRevision({ township, village: '' })]) });
  add('a member of another village’s household', { body: aBatch([aPersonRevision(theirs.household.id)]) });
  add('a service of another village’s member', { body: aBatch([anEventRevision(theirs.person.id)]) });
  add('another village’s household claimed as ours', { body: aBatch([aNextRevision(theirs.household, { village: '新国村' })]) });
  add('another village’s member moved into a household that was never sent', { body: aBatch([aNextRevision(theirs.person, { householdId: 'ours-never-sent' })]) });
  add('another village’s revision replayed with other content', { body: aBatch([{ ...theirs.household, data: { ...theirs.household.data, head: '韦明' } }]) });

  // Wrong ways in.
  for (const method of ['PUT', 'DELETE', 'PATCH', 'GET']) add(`${method} /api/sync`, { method, body: method === 'GET' ? undefined : valid });
  for (const query of ['?since=abc', '?since=-1', '?since=1e3', '?since=99999999999999999999', '?limit=0', '?limit=-1', '?limit=abc', '?limit=1.5', '?limit=%00', '?since=%27%20OR%201%3D1']) {
    add(`GET /api/changes${query}`, { method: 'GET', path: `/api/changes${query}` });
  }
  add('GET /api/changes without a token', { method: 'GET', path: '/api/changes', authorization: null });
  // Seeded mutations of a valid batch, each of which must make it invalid or out of scope.
  const mutations: ((revision: Record<string, unknown>) => void)[] = [
    (revision) => (revision.kind = garbage(random, 1 + Math.floor(random() * 12))),
    (revision) => (revision.id = random() < 0.5 ? '' : Math.floor(random() * 1e9)),
    (revision) => (revision.hlc = random() < 0.5 ? null : random() * 1e12),
    (revision) => (revision.deleted = garbage(random, 3)),
    (revision) => (revision.data = random() < 0.5 ? garbage(random, 20) : [garbage(random, 5)]),
    (revision) => (revision.data = { ...(revision.data as object), head: random() * 1e6 }),
    (revision) => (revision.data = { ...(revision.data as object), createdAt: garbage(random, 12) }),
    (revision) => (revision.data = { ...(revision.data as object), village: `外村${Math.floor(random() * 1000)}` }),
    (revision) => (revision.data = { ...(revision.data as object), id: `other-${garbage(random, 6)}` }),
    (revision) => (revision.rev = random() < 0.5 ? 'x'.repeat(65 + Math.floor(random() * 1000)) : { nested: true }),
  ];
  for (let i = 0; requests.length < 1000; i += 1) {
    const first = mutations[Math.floor(random() * mutations.length)]!;
    const second = mutations[Math.floor(random() * mutations.length)]!;
    add(`seeded mutation #${i}`, { body: withRevision((revision) => {
      revision.rev = `mutant-${i}`;
      first(revision);
      if (random() < 0.5) second(revision);
    }) });
  }
  return requests;
}

describeEachStore((adapter) => {
  describe('hostile input', () => {
    it('answers every hostile request with a 4xx or a per-revision rejection, stores nothing and stays up', async () => {
      const receiver = await aReceiver({ maxBodyBytes: BODY_LIMIT, rateLimit: { burst: 100_000, perMinute: 100_000 } }, adapter);
      const office = await receiver.tokenFor(ALL);
      const token = await receiver.tokenFor(XINGUO);
      const [household, person] = aFamilyOfRevisions({ village: '良会村' });
      await receiver.syncResults(office, aBatch([household!, person!]));
      const before = await receiver.countRevisions();
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

      const requests = hostileRequests({ household: household!, person: person! });
      expect(requests.length).toBeGreaterThanOrEqual(1000);
      const accepted: string[] = [];
      for (const request of requests) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (request.authorization !== null) headers.authorization = request.authorization ?? `Bearer ${token}`;
        const method = request.method ?? 'POST';
        const response = await receiver.app.request(request.path ?? '/api/sync', {
          method,
          headers,
          body: request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
        });
        if (response.status >= 400 && response.status < 500) {
          expect(response.headers.get('content-type'), request.what).toContain('application/json');
          continue;
        }
        const body = (await response.json()) as { results?: { status: string }[] };
        const allRejected = response.status === 200 && body.results !== undefined && body.results.length > 0 && body.results.every((result) => result.status === 'rejected');
        if (!allRejected) accepted.push(`${request.what}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      }

      expect(accepted).toEqual([]);
      expect(await receiver.countRevisions()).toBe(before);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      const health = await receiver.app.request('/api/health');
      expect(health.status).toBe(200);
      expect(receiver.logs.join('\n')).not.toContain(token);
    });
  });
});
