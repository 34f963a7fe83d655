import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../src/db/events';
import { saveHousehold } from '../../../src/db/households';
import { addMember, savePerson } from '../../../src/db/people';
import type { Revision } from '../../../src/domain/revision';
import { BackupFileError, exportBackup, importBackup } from '../../../src/sync/backup';
import { drainOutbox } from '../../../src/sync/sync-client';
import { saveSyncSettings } from '../../../src/sync/sync-state';
import { aDatabase, aHousehold } from '../../builders';

function aStoringReceiver() {
  const stored = new Map<string, string>();
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const batch = JSON.parse(String(init?.body)) as { revisions: Revision[] };
    const results = batch.revisions.map((revision) => {
      const content = JSON.stringify(revision);
      const known = stored.get(revision.rev);
      if (known === undefined) stored.set(revision.rev, content);
      return { rev: revision.rev, status: known === undefined ? 'stored' : known === content ? 'duplicate' : 'rejected' };
    });
    return new Response(JSON.stringify({ results }), { status: 200 });
  }) as typeof globalThis.fetch;
  return { stored, fetch };
}

async function aSurveyedPhone() {
  const db = aDatabase();
  const household = await saveHousehold(db, aHousehold());
  const person = await savePerson(db, { ...(await addMember(db, household.id)), name: '韦明' });
  await recordEvents(db, [{ type: '职业指导', personId: person.id, date: '2026-05-02' }]);
  return db;
}

describe('backup handover', () => {
  it('restores a phone’s unsynced work on another phone, twice without duplicates, and the receiver stores each revision once', async () => {
    const phoneA = await aSurveyedPhone();
    const file = JSON.stringify(await exportBackup(phoneA, 'unsynced'));
    const phoneB = aDatabase();
    expect(await importBackup(phoneB, file)).toMatchObject({ applied: 3, skipped: 0, invalid: [] });
    expect(await importBackup(phoneB, file)).toMatchObject({ applied: 0, skipped: 3 });
    expect(await phoneB.people.toArray()).toEqual([expect.objectContaining({ name: '韦明' })]);

    const receiver = aStoringReceiver();
    for (const phone of [phoneA, phoneB]) {
      await saveSyncSettings(phone, { endpoint: 'https://receiver.test/api/sync', token: '' });
      await drainOutbox(phone, { fetch: receiver.fetch });
      expect(await phone.outbox.count()).toBe(0);
    }
    expect(receiver.stored.size).toBe(3);
  });

  it('carries confirmed records as the very revisions the receiver has', async () => {
    const phoneA = await aSurveyedPhone();
    const receiver = aStoringReceiver();
    await saveSyncSettings(phoneA, { endpoint: 'https://receiver.test/api/sync', token: '' });
    await drainOutbox(phoneA, { fetch: receiver.fetch });
    const everything = await exportBackup(phoneA, 'all');
    expect(everything.revisions).toHaveLength(3);
    expect((await exportBackup(phoneA, 'unsynced')).revisions).toHaveLength(0);

    const office = aDatabase();
    await importBackup(office, JSON.stringify(everything));
    await saveSyncSettings(office, { endpoint: 'https://receiver.test/api/sync', token: '' });
    await drainOutbox(office, { fetch: receiver.fetch });
    expect(await office.outbox.count()).toBe(0);
    expect(receiver.stored.size).toBe(3);
  });

  it.each([
    ['not JSON', 'PK\u0003\u0004…', '文件不是入户台账备份（无法读取 JSON）'],
    ['another JSON file', '{"name":"x"}', '文件不是入户台账备份，或已损坏'],
  ])('refuses a file that is %s, storing nothing', async (_name, text, message) => {
    const db = aDatabase();
    await expect(importBackup(db, text)).rejects.toEqual(new BackupFileError(message));
    expect(await db.people.count()).toBe(0);
  });
});
