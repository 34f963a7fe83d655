import { afterEach, describe, expect, it } from 'vitest';
import type { FieldbookDatabase } from '../../../src/db/database';
import { saveHousehold } from '../../../src/db/households';
import { addMember, savePerson } from '../../../src/db/people';
import { drainOutbox } from '../../../src/sync/sync-client';
import { listDifferences, resolveConflict } from '../../../src/sync/resolve-conflict';
import { saveSyncSettings } from '../../../src/sync/sync-state';
import { aDatabase, aHousehold } from '../../builders';
import { aReceiver, closeReceivers, XINGUO } from '../../server/receiver';

afterEach(closeReceivers);

async function aPhone(receiver: Awaited<ReturnType<typeof aReceiver>>, token: string): Promise<{ db: FieldbookDatabase; sync: () => ReturnType<typeof drainOutbox> }> {
  const db = aDatabase();
  await saveSyncSettings(db, { endpoint: 'https://township.example/api/sync', token });
  const fetch = ((url: RequestInfo | URL, init?: RequestInit) => receiver.app.request(String(url).replace('https://township.example', ''), init)) as typeof globalThis.fetch;
  return { db, sync: () => drainOutbox(db, { fetch }) };
}


/** Two phones of one village, both holding 韦明 (made on the first, received by the second). */
async function twoPhonesSharingAPerson() {
  const receiver = await aReceiver();
  const token = await receiver.tokenFor(XINGUO);
  const first = await aPhone(receiver, token);
  const second = await aPhone(receiver, token);
  const household = await saveHousehold(first.db, aHousehold({ village: '新国村' }));
  const person = await savePerson(first.db, { ...(await addMember(first.db, household.id)), name: '韦明' });
  await first.sync();
  await second.sync();
  return { receiver, first, second, person };
}

describe('two phones and the township receiver', () => {
  it('brings a colleague’s household and survey to the other phone through the changes feed', async () => {
    const receiver = await aReceiver();
    const token = await receiver.tokenFor(XINGUO);
    const first = await aPhone(receiver, token);
    const second = await aPhone(receiver, token);

    const household = await saveHousehold(first.db, aHousehold({ village: '新国村', head: '梁秀英' }));
    await savePerson(first.db, { ...(await addMember(first.db, household.id)), name: '韦明' });
    expect(await first.sync()).toMatchObject({ status: 'synced', sent: 2 });
    expect(await second.sync()).toMatchObject({ status: 'synced', sent: 0, received: 2 });
    expect(await second.db.people.toArray()).toEqual([expect.objectContaining({ name: '韦明', householdId: household.id })]);
    // Nothing comes back twice, and the phone's own work is not re-applied.
    expect(await second.sync()).toMatchObject({ received: 0 });
    expect(await first.sync()).toMatchObject({ received: 0 });
    expect(await receiver.countRevisions()).toBe(2);
  });

  it('picks the same current version on every device when two phones edit one person', async () => {
    const { receiver, first, second, person } = await twoPhonesSharingAPerson();

    await savePerson(first.db, { ...person, phone: '13907720001' }, new Date('2030-01-01T08:00:00Z'));
    const [copy] = await second.db.people.toArray();
    await savePerson(second.db, { ...copy!, phone: '13907720002' }, new Date('2030-01-01T08:00:05Z'));
    await first.sync();
    await second.sync();
    await first.sync();

    expect(await receiver.countRevisions()).toBe(4);
    const phones = [(await first.db.people.get(person.id))?.phone, (await second.db.people.get(person.id))?.phone];
    expect(phones[0]).toBe(phones[1]);
  });
});

describe('「有冲突」', () => {
  it('never takes a phone’s own earlier revisions, coming back through the feed, for a conflict', async () => {
    const receiver = await aReceiver();
    const token = await receiver.tokenFor(XINGUO);
    const phone = await aPhone(receiver, token);
    const household = await saveHousehold(phone.db, aHousehold({ village: '新国村' }));
    await phone.db.outbox.toCollection().modify({ state: 'sent' });
    await saveHousehold(phone.db, { ...household, head: '改过的户主' });
    expect(await phone.sync()).toMatchObject({ status: 'synced', sent: 2, received: 0 });
    expect(await phone.db.conflicts.count()).toBe(0);
    expect((await phone.db.households.get(household.id))?.head).toBe('改过的户主');
  });

  it('flags a person edited on two phones until someone chooses, and every device ends on the choice', async () => {
    const { first, second, person } = await twoPhonesSharingAPerson();

    // Both phones edit offline, then the second one syncs first.
    await savePerson(first.db, { ...person, phone: '13907720001' });
    const [copy] = await second.db.people.toArray();
    await savePerson(second.db, { ...copy!, phone: '13907720002' });
    await second.sync();
    await first.sync();
    await second.sync();

    const conflicts = [...(await first.db.conflicts.toArray()), ...(await second.db.conflicts.toArray())];
    expect(conflicts.length).toBeGreaterThan(0);
    const [flagged] = conflicts;
    const phone = (await first.db.conflicts.count()) > 0 ? first : second;
    const differences = listDifferences(flagged!.ours, flagged!.theirs.data).map((difference) => difference.field);
    expect(differences).toEqual(['phone']);

    await resolveConflict(phone.db, flagged!.key, 'theirs');
    const chosen = flagged!.theirs.data.phone;
    for (let round = 0; round < 2; round += 1) {
      await phone.sync();
      await (phone === first ? second : first).sync();
    }
    expect((await first.db.people.get(person.id))?.phone).toBe(chosen);
    expect((await second.db.people.get(person.id))?.phone).toBe(chosen);
    expect(await first.db.conflicts.count()).toBe(0);
    expect(await second.db.conflicts.count()).toBe(0);
  });
});
