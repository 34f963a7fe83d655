import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aFamilyOfRevisions, aHouseholdRevision, aNextRevision, anEventRevision, aPersonRevision, withData } from '../../tests/server/builders';
import { ALL, XINGUO } from '../../tests/server/receiver';
import { closeTestStores, describeEachStore } from '../../tests/server/stores';
import { formatHlc } from '../../src/domain/hlc';
import type { Revision } from '../../src/domain/revision';
import type { Scope } from '../scope';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { InvalidCursorError, MAX_CHANGES_LIMIT, type Store } from './store';

afterEach(closeTestStores);

const LIANGHUI: Scope = { level: 'village', name: '良会村' };
const RONGSHUI: Scope = { level: 'township', name: '融水镇' };
const MIGRATIONS = { sqlite: SQLITE_MIGRATIONS, postgres: POSTGRES_MIGRATIONS };

async function statuses(store: Store, revisions: Revision[], scope: Scope = XINGUO): Promise<string[]> {
  return (await store.storeRevisions(revisions, scope)).map((result) => result.error?.code ?? result.status);
}

async function allRevs(store: Store, scope: Scope = ALL): Promise<string[]> {
  return (await store.changesSince(null, scope, MAX_CHANGES_LIMIT)).revisions.map((revision) => revision.rev);
}

describeEachStore((adapter) => {
  describe('health', () => {
    it('names its kind and the schema version it migrated to', async () => {
      const { store } = await adapter.open();
      expect(await store.health()).toMatchObject({ kind: adapter.kind, schemaVersion: MIGRATIONS[adapter.kind].length });
    });

    it('keeps revisions and tokens when opened again, without migrating twice', async () => {
      const opened = await adapter.open();
      const family = aFamilyOfRevisions();
      await opened.store.storeRevisions(family, XINGUO);
      const secret = await opened.store.createToken('新国村 1号手机', XINGUO);
      const again = await opened.reopen();
      expect(await again.health()).toMatchObject({ schemaVersion: MIGRATIONS[adapter.kind].length });
      expect(await allRevs(again)).toEqual(family.map((revision) => revision.rev));
      expect(await again.findToken(secret)).toMatchObject({ name: '新国村 1号手机' });
    });
  });

  describe('storeRevisions', () => {
    it('stores a family and answers duplicate for each revision sent again', async () => {
      const { store } = await adapter.open();
      const family = aFamilyOfRevisions();
      expect(await statuses(store, family)).toEqual(['stored', 'stored', 'stored']);
      expect(await statuses(store, family)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await allRevs(store)).toEqual(family.map((revision) => revision.rev));
    });

    it('counts the same content with its keys in another order as a duplicate', async () => {
      const { store } = await adapter.open();
      const household = withData(aHouseholdRevision(), { publicPosts: [{ b: 1, a: [2, { d: null, c: '中' }] }] });
      await store.storeRevisions([household], XINGUO);
      const reordered = { ...household, data: Object.fromEntries(Object.entries(household.data).reverse()) };
      expect(await statuses(store, [reordered])).toEqual(['duplicate']);
    });

    it.each<[string, (revision: Revision) => Revision]>([
      ['other data', (revision) => ({ ...revision, data: { ...revision.data, head: '韦明' } })],
      ['another parent', (revision) => ({ ...revision, parent: 'some-other-rev' })],
      ['another clock', (revision) => ({ ...revision, hlc: `${revision.hlc}0` })],
      ['another device', (revision) => ({ ...revision, device: 'device-b' })],
      ['the deleted flag set', (revision) => ({ ...revision, deleted: true })],
    ])('never overwrites a stored rev sent again with %s, and says rev.conflict', async (_case, change) => {
      const { store } = await adapter.open();
      const household = aHouseholdRevision({ head: '梁秀英' });
      await store.storeRevisions([household], XINGUO);
      expect(await statuses(store, [change(household)])).toEqual(['rev.conflict']);
      expect((await store.changesSince(null, ALL, 10)).revisions).toEqual([household]);
    });

    it('answers rev.conflict before checking the record, even from another scope', async () => {
      const { store } = await adapter.open();
      const household = aHouseholdRevision();
      await store.storeRevisions([household], XINGUO);
      expect(await statuses(store, [{ ...household, data: { ...household.data, head: '' } }], LIANGHUI)).toEqual(['rev.conflict']);
    });

    it('answers duplicate or rev.conflict for a rev that comes twice in one batch', async () => {
      const { store } = await adapter.open();
      const household = aHouseholdRevision();
      const other = aHouseholdRevision();
      expect(await statuses(store, [household, household, other, { ...other, hlc: `${other.hlc}0` }])).toEqual(['stored', 'duplicate', 'stored', 'rev.conflict']);
      expect(await allRevs(store)).toEqual([household.rev, other.rev]);
    });

    it('places a member and a service by records earlier in the same batch', async () => {
      const { store } = await adapter.open();
      const [household, person, event] = aFamilyOfRevisions();
      expect(await statuses(store, [household!, person!, event!])).toEqual(['stored', 'stored', 'stored']);
      expect(await allRevs(store, XINGUO)).toHaveLength(3);
      expect(await allRevs(store, LIANGHUI)).toEqual([]);
    });

    it('places a member and a service by records of earlier batches', async () => {
      const { store } = await adapter.open();
      const [household, person, event] = aFamilyOfRevisions();
      expect(await statuses(store, [household!])).toEqual(['stored']);
      expect(await statuses(store, [person!])).toEqual(['stored']);
      expect(await statuses(store, [event!])).toEqual(['stored']);
    });

    it.each<[string, () => Revision[], string[]]>([
      ['a member of an unknown household', () => [aPersonRevision('no-such-household')], ['scope.unknown_parent']],
      ['a service of an unknown member', () => [anEventRevision('no-such-person')], ['scope.unknown_parent']],
      ['a household without a head', () => [aHouseholdRevision({ head: ' ' })], ['record.invalid']],
      ['a member of a household rejected earlier in the batch', () => {
        const household = aHouseholdRevision({ head: '' });
        return [household, aPersonRevision(household.id)];
      }, ['record.invalid', 'scope.unknown_parent']],
      ['a household of another village', () => [aHouseholdRevision({ village: '良会村' })], ['scope.forbidden']],
    ])('rejects %s and stores nothing of it', async (_case, build, codes) => {
      const { store } = await adapter.open();
      expect(await statuses(store, build())).toEqual(codes);
      expect(await allRevs(store)).toEqual([]);
    });

    it('keeps the rejection’s path and Chinese message', async () => {
      const { store } = await adapter.open();
      const [result] = await store.storeRevisions([aPersonRevision('no-such-household')], XINGUO);
      expect(result).toEqual({ rev: expect.any(String), status: 'rejected', error: { code: 'scope.unknown_parent', message: expect.stringContaining('请先同步户信息'), path: 'householdId' } });
      const [forbidden] = await store.storeRevisions([aHouseholdRevision({ village: '良会村' })], XINGUO);
      expect(forbidden!.error!.message).toContain('村（社区） 新国村');
    });

    it('refuses members and services of another village’s household, and moving a household in or out', async () => {
      const { store } = await adapter.open();
      const [theirs, theirPerson] = aFamilyOfRevisions({ village: '良会村' });
      const ours = aHouseholdRevision();
      await store.storeRevisions([theirs!, theirPerson!, ours], ALL);
      const attempts = [aPersonRevision(theirs!.id), anEventRevision(theirPerson!.id), aNextRevision(theirs!, { village: '新国村' }), aNextRevision(ours, { village: '良会村' })];
      expect(await statuses(store, attempts)).toEqual(['scope.forbidden', 'scope.forbidden', 'scope.forbidden', 'scope.forbidden']);
    });

    it('places a member by the household’s revision with the highest clock, whatever order they came in', async () => {
      const { store } = await adapter.open();
      const household = aHouseholdRevision();
      const moved = aNextRevision(household, { village: '良会村' });
      const staleEdit = { ...aNextRevision(household, { head: '韦明' }), hlc: formatHlc({ wallMs: 0, counter: 0 }, 'device-b'), device: 'device-b' };
      await store.storeRevisions([household, moved, staleEdit], ALL);
      expect(await statuses(store, [aPersonRevision(household.id)], XINGUO)).toEqual(['scope.forbidden']);
      expect(await statuses(store, [aPersonRevision(household.id)], LIANGHUI)).toEqual(['stored']);
    });

    it('lets a township token write every village of its township, and an office token everything', async () => {
      const { store } = await adapter.open();
      const batch = [aHouseholdRevision({ village: '新国村' }), aHouseholdRevision({ village: '良会村' }), aHouseholdRevision({ township: '香粉乡' })];
      expect(await statuses(store, batch, RONGSHUI)).toEqual(['stored', 'stored', 'scope.forbidden']);
      expect(await statuses(store, [aHouseholdRevision({ township: '香粉乡' })], ALL)).toEqual(['stored']);
    });

    it('matches a code scope to records that carry the code, and a name-and-code scope to both', async () => {
      const { store } = await adapter.open();
      const byCode = aHouseholdRevision({ county: '450225' });
      const byName = aHouseholdRevision({ county: '融水县' });
      expect(await statuses(store, [byCode, byName], { level: 'county', name: '450225', code: '450225' })).toEqual(['stored', 'scope.forbidden']);
      expect(await statuses(store, [byName], { level: 'county', name: '融水县', code: '450225' })).toEqual(['stored']);
      expect(await allRevs(store, { level: 'county', name: '融水县', code: '450225' })).toEqual([byCode.rev, byName.rev]);
    });

    it('stores nothing of a batch that fails halfway', async () => {
      const { store } = await adapter.open();
      const good = aHouseholdRevision();
      const unwritable = withData(aHouseholdRevision(), { note: 1n });
      await expect(store.storeRevisions([good, unwritable], ALL)).rejects.toThrow();
      expect(await allRevs(store)).toEqual([]);
    });

    it('answers an empty batch with no results', async () => {
      const { store } = await adapter.open();
      expect(await store.storeRevisions([], XINGUO)).toEqual([]);
    });

    it('refuses to update or delete a stored revision', async () => {
      const { store, query } = await adapter.open();
      await store.storeRevisions([aHouseholdRevision()], ALL);
      await expect(query("UPDATE revisions SET data = '{}'")).rejects.toThrow('append-only');
      await expect(query('DELETE FROM revisions')).rejects.toThrow('append-only');
      expect(await allRevs(store)).toHaveLength(1);
    });
  });

  describe('changesSince', () => {
    it('hands each revision back as it was sent: data, deletion, parent, clock and device', async () => {
      const { store } = await adapter.open();
      const household = withData(aHouseholdRevision(), { publicPosts: [{ n: 1.5, big: 1e21, neg: -3, zero: 0, yes: true, none: null, text: '“引号”\n𠀀\u0000' }] });
      const deleted = { ...aNextRevision(household), deleted: true };
      await store.storeRevisions([household, deleted], XINGUO);
      expect((await store.changesSince(null, XINGUO, 10)).revisions).toEqual([household, deleted]);
    });

    it('pages through the revisions of a scope, oldest first, and ends with a cursor that finds nothing new', async () => {
      const { store } = await adapter.open();
      const ours = Array.from({ length: 3 }, () => aFamilyOfRevisions()).flat();
      const theirs = Array.from({ length: 3 }, () => aFamilyOfRevisions({ village: '良会村' })).flat();
      await store.storeRevisions(ours.flatMap((revision, index) => [revision, theirs[index]!]), ALL);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await store.changesSince(cursor, XINGUO, 4);
        pages += 1;
        seen.push(...page.revisions.map((revision) => revision.rev));
        cursor = page.cursor;
        if (!page.more) break;
      }
      expect(seen).toEqual(ours.map((revision) => revision.rev));
      expect(pages).toBe(3);
      expect(await store.changesSince(cursor, XINGUO, 4)).toEqual({ revisions: [], cursor, more: false });
    });

    it('moves the cursor past other scopes’ revisions, and finds ours stored after them', async () => {
      const { store } = await adapter.open();
      const first = await store.changesSince(null, XINGUO, 10);
      expect(first).toEqual({ revisions: [], cursor: '0', more: false });
      await store.storeRevisions(aFamilyOfRevisions({ village: '良会村' }), ALL);
      const skipped = await store.changesSince(first.cursor, XINGUO, 10);
      expect(skipped.revisions).toEqual([]);
      expect(Number(skipped.cursor)).toBeGreaterThan(Number(first.cursor));
      const ours = aFamilyOfRevisions();
      await store.storeRevisions(ours, XINGUO);
      expect((await store.changesSince(skipped.cursor, XINGUO, 10)).revisions).toEqual(ours);
    });

    it('keeps a cursor from ahead of the store where it is', async () => {
      const { store } = await adapter.open();
      await store.storeRevisions(aFamilyOfRevisions(), XINGUO);
      expect(await store.changesSince('999999999999999', XINGUO, 10)).toEqual({ revisions: [], cursor: '999999999999999', more: false });
    });

    it.each(['abc', '-1', '1.5', '1e3', ' 1', '1234567890123456'])('refuses the cursor %j', async (cursor) => {
      const { store } = await adapter.open();
      await expect(store.changesSince(cursor, XINGUO, 10)).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it.each([
      [0, 1],
      [-5, 1],
      [2.7, 2],
      [Number.NaN, 3],
      [100_000, 3],
    ])('reads a limit of %d as %d', async (limit, expected) => {
      const { store } = await adapter.open();
      await store.storeRevisions(aFamilyOfRevisions(), XINGUO);
      expect((await store.changesSince(null, XINGUO, limit)).revisions).toHaveLength(expected);
    });

    it('caps a page at 2000 revisions', async () => {
      const { store } = await adapter.open();
      await store.storeRevisions(Array.from({ length: MAX_CHANGES_LIMIT + 5 }, () => aHouseholdRevision()), XINGUO);
      const page = await store.changesSince(null, XINGUO, 100_000);
      expect(page).toMatchObject({ more: true });
      expect(page.revisions).toHaveLength(MAX_CHANGES_LIMIT);
      expect((await store.changesSince(page.cursor, XINGUO, 100_000)).revisions).toHaveLength(5);
    });
  });

  describe('device tokens', () => {
    it('keeps only a hash of a token and finds it by its secret', async () => {
      const { store, query } = await adapter.open();
      const secret = await store.createToken('新国村 1号手机', XINGUO);
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await store.findToken(secret)).toMatchObject({ name: '新国村 1号手机', scope: XINGUO });
      expect(await store.findToken(`${secret}x`)).toBeNull();
      expect(await store.findToken('')).toBeNull();
      const rows = await query('SELECT * FROM device_tokens');
      expect(rows).toHaveLength(1);
      expect(Buffer.from(rows[0]!.secret_sha256 as Uint8Array)).toEqual(createHash('sha256').update(secret).digest());
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it('gives every token its own secret', async () => {
      const { store } = await adapter.open();
      const secrets = await Promise.all(Array.from({ length: 20 }, () => store.createToken('手机', XINGUO)));
      expect(new Set(secrets).size).toBe(20);
    });

    it.each<[string, Scope]>([
      ['a village', XINGUO],
      ['a township', RONGSHUI],
      ['everything', ALL],
      ['a county code', { level: 'county', name: '450225', code: '450225' }],
    ])('remembers the scope of %s', async (_case, scope) => {
      const { store } = await adapter.open();
      const secret = await store.createToken('手机', scope);
      expect((await store.findToken(secret))?.scope).toEqual(scope);
    });
  });
});
