/**
 * A synchronous journal of the record being edited, in localStorage. An IndexedDB write takes a
 * few milliseconds, and a phone may kill the page inside them (a call comes in, the cadre swipes
 * the browser away). localStorage is written before the event handler returns, so the last
 * answer survives; on the next start `recoverJournaledEdits` replays it into IndexedDB.
 */
const PREFIX = 'fieldbook:edit:';

export interface JournalEntry {
  kind: 'person';
  /** Increases with every write of this record, so an older save never clears a newer entry. */
  version: number;
  record: { id: string } & Record<string, unknown>;
}

export interface EditJournal {
  write(kind: JournalEntry['kind'], record: JournalEntry['record']): number;
  clear(id: string, version: number): void;
  entries(): JournalEntry[];
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function createEditJournal(storage: KeyValueStorage | undefined = globalThis.localStorage): EditJournal {
  let version = Date.now();
  return {
    write(kind, record) {
      version += 1;
      try {
        storage?.setItem(PREFIX + record.id, JSON.stringify({ kind, version, record } satisfies JournalEntry));
      } catch {
        // localStorage full or disabled: the IndexedDB write still goes ahead, only this safety net is missing.
      }
      return version;
    },
    clear(id, writtenVersion) {
      const raw = storage?.getItem(PREFIX + id);
      if (!raw) return;
      const entry = JSON.parse(raw) as JournalEntry;
      if (entry.version <= writtenVersion) storage?.removeItem(PREFIX + id);
    },
    entries() {
      if (!storage) return [];
      const entries: JournalEntry[] = [];
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        const raw = key?.startsWith(PREFIX) ? storage.getItem(key) : null;
        if (!raw) continue;
        try {
          entries.push(JSON.parse(raw) as JournalEntry);
        } catch {
          // A damaged entry cannot be replayed; the record itself is still in IndexedDB.
        }
      }
      return entries;
    },
  };
}
