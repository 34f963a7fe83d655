import { randomUUID } from 'node:crypto';
import type { AssistanceEventInput } from '../../src/domain/assistance-event';
import { formatHlc } from '../../src/domain/hlc';
import type { HouseholdInput } from '../../src/domain/household';
import type { PersonInput } from '../../src/domain/person';
import type { Revision } from '../../src/domain/revision';
import type { SyncBatch } from '../../src/domain/sync-protocol';

export const A_DEVICE = 'device-a';
const CREATED_AT = '2026-05-01T08:00:00.000Z';
let tick = 0;

/** A clock value later than every one built before it. */
function nextHlc(device: string): string {
  tick += 1;
  return formatHlc({ wallMs: Date.parse(CREATED_AT) + tick, counter: 0 }, device);
}

function aRevision(kind: Revision['kind'], data: Record<string, unknown>, overrides: Partial<Revision>): Revision {
  const id = typeof data.id === 'string' ? data.id : randomUUID();
  const device = overrides.device ?? A_DEVICE;
  return { rev: randomUUID(), parent: null, kind, id, hlc: nextHlc(device), device, deleted: false, data: { ...data, id }, ...overrides };
}

/** A household of 融水县 融水镇 新国村 unless the data says otherwise. */
export function aHouseholdRevision(data: Partial<HouseholdInput> = {}, overrides: Partial<Revision> = {}): Revision {
  return aRevision(
    'household',
    {
      id: randomUUID(),
      county: '融水县',
      township: '融水镇',
      village: '新国村',
      group: '一组',
      number: '001',
      head: '梁秀英',
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      ...data,
    },
    overrides,
  );
}

export function aPersonRevision(householdId: string, data: Partial<PersonInput> = {}, overrides: Partial<Revision> = {}): Revision {
  return aRevision('person', { id: randomUUID(), householdId, name: '韦明', createdAt: CREATED_AT, updatedAt: CREATED_AT, ...data }, overrides);
}

export function anEventRevision(personId: string, data: Partial<AssistanceEventInput> = {}, overrides: Partial<Revision> = {}): Revision {
  return aRevision('event', { id: randomUUID(), personId, type: '职业指导', date: '2026-05-02', createdAt: CREATED_AT, ...data }, overrides);
}

/** The record's next version: a new rev with the old one as parent and a later clock. */
export function aNextRevision(previous: Revision, changes: Record<string, unknown> = {}): Revision {
  return { ...previous, rev: randomUUID(), parent: previous.rev, hlc: nextHlc(previous.device), data: { ...previous.data, ...changes } };
}

/** The revision with `changes` merged into its data, typed loosely to build invalid records. */
export function withData(revision: Revision, changes: Record<string, unknown>): Revision {
  return { ...revision, data: { ...revision.data, ...changes } };
}

/** A household with one member who had one service: the three kinds, parents first. */
export function aFamilyOfRevisions(household: Partial<HouseholdInput> = {}): Revision[] {
  const home = aHouseholdRevision(household);
  const person = aPersonRevision(home.id);
  return [home, person, anEventRevision(person.id)];
}

export function aBatch(revisions: Revision[], overrides: Partial<SyncBatch> = {}): SyncBatch {
  return { batch: randomUUID(), device: A_DEVICE, sentAt: '2026-05-01T08:00:00.000Z', revisions, ...overrides };
}
