import Dexie, { type Table } from 'dexie';
import type { AssistanceEvent } from '../domain/assistance-event';
import type { CallbackDraw } from '../domain/callback-sample';
import type { Household } from '../domain/household';
import type { Person } from '../domain/person';
import type { Revision } from '../domain/revision';
import { queueExistingRecords } from './migrations';

export const DATABASE_NAME = 'fieldbook';

/**
 * A revision waiting in the outbox; `seq` keeps the order in which they were made.
 * `pending`: never sent, may still absorb later edits; `sent`: sent at least once and not yet
 * confirmed, so frozen (a re-send must be byte-identical); `rejected`: refused by the receiver,
 * kept to show why until the record changes.
 */
export interface OutboxEntry extends Revision {
  seq?: number;
  state: 'pending' | 'sent' | 'rejected';
  error?: { code: string; message: string };
}

/**
 * Two versions of one record made apart (「有冲突」): what this phone had and what arrived.
 * Shown on the record until a person chooses; the choice is saved as a new revision.
 */
export interface RecordConflict {
  key: string;
  kind: Revision['kind'];
  id: string;
  ours: Record<string, unknown>;
  theirs: Revision;
  detectedAt: string;
}

/**
 * The last revision of a record that the receiver has confirmed: the next revision's parent.
 * Its clock and device are kept so a backup can carry that exact revision again.
 */
export interface RecordHead {
  key: string;
  rev: string;
  parent?: string | null;
  hlc?: string;
  device?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A 电话回访 draw as stored: the seed makes it reproducible. */
export interface StoredCallbackDraw extends CallbackDraw {
  id: string;
  drawnAt: string;
}

/** Data derived from the records and kept to save recomputing it (the search index). */
export interface DerivedRow {
  key: string;
  value: unknown;
}

/**
 * The phone's database. Every version stays listed: Dexie needs the old ones to upgrade a
 * phone that skipped releases, and tests/db/migrations.test.ts opens each of them.
 */
export class FieldbookDatabase extends Dexie {
  households!: Table<Household, string>;
  people!: Table<Person, string>;
  events!: Table<AssistanceEvent, string>;
  settings!: Table<SettingRow, string>;
  outbox!: Table<OutboxEntry, number>;
  derived!: Table<DerivedRow, string>;
  callbackDraws!: Table<StoredCallbackDraw, string>;
  recordHeads!: Table<RecordHead, string>;
  conflicts!: Table<RecordConflict, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      households: 'id, village, updatedAt',
      people: 'id, householdId, idNumber, name, updatedAt',
      events: 'id, personId, date',
      settings: 'key',
    });
    // v2: the sync outbox, and an index to count surveyed people without reading them all.
    this.version(2)
      .stores({
        people: 'id, householdId, idNumber, name, updatedAt, surveyedAt',
        outbox: '++seq, id, kind, state',
      })
      .upgrade((tx) => queueExistingRecords(tx));
    // v3: derived data kept between starts (the people search index).
    this.version(3).stores({ derived: 'key' });
    // v4: 电话回访 draws, and events by kind.
    this.version(4).stores({ events: 'id, personId, date, type', callbackDraws: 'id, drawnAt' });
    // v5: confirmed heads per record, so a new revision names its parent.
    this.version(5).stores({ recordHeads: 'key' });
    // v6: records edited apart on two devices, waiting for a person to choose.
    this.version(6).stores({ conflicts: 'key, kind' });
  }
}

export function openDatabase(name = DATABASE_NAME): FieldbookDatabase {
  return new FieldbookDatabase(name);
}
