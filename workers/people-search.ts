import type { ChangedKeys } from '../src/db/changed-tables';
import type { FieldbookDatabase } from '../src/db/database';
import type { SurveyState } from '../src/domain/person-rules';
import { PeopleSearchIndex, type PeopleFilter } from './people-search-index';

/** One line of a people list or search result. */
export interface PersonRow {
  id: string;
  householdId: string;
  name: string;
  idNumber: string;
  phone: string;
  village: string;
  householdHead: string;
  householdNumber: string;
  state: SurveyState;
}

/** People search and the list of everyone; loaded by the worker on first use, as it carries the pinyin table. */
export function createPeopleSearch(db: FieldbookDatabase) {
  const index = new PeopleSearchIndex(db);

  async function toRows(ids: readonly string[]): Promise<PersonRow[]> {
    return (await index.rowsOf(ids)).map(({ person, household }) => ({
      id: person.id,
      householdId: person.householdId,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      village: household?.village ?? '',
      householdHead: household?.head ?? '',
      householdNumber: household?.number ?? '',
      state: person.state,
    }));
  }

  return {
    async people(query: string, limit: number): Promise<PersonRow[]> {
      await index.current();
      return toRows(index.find(query, limit));
    },
    async list(filter: PeopleFilter, offset: number, limit: number): Promise<{ rows: PersonRow[]; total: number; villages: string[] }> {
      await index.current();
      const { ids, total, villages } = index.list(filter, offset, limit);
      return { rows: await toRows(ids), total, villages };
    },
    async ids(filter: PeopleFilter): Promise<string[]> {
      await index.current();
      return index.idsOf(filter);
    },
    noteChanges(changed: ChangedKeys): void {
      index.noteChanges(changed);
    },
    /** Stops following changes (tests open many databases in one process). */
    close: () => index.close(),
  };
}

export type PeopleSearch = ReturnType<typeof createPeopleSearch>;
