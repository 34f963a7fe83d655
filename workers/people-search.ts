import type { FieldbookDatabase } from '../src/db/database';
import { loadPreferences } from '../src/db/preferences';
import { formatLocalDate } from '../src/domain/dates';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
import { surveyStateOf, type RuleContext, type SurveyState } from '../src/domain/person-rules';
import { searchPeople } from '../src/domain/person-search';
import { PeopleSearchIndex } from './people-search-index';

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

const collator = new Intl.Collator('zh-CN');

/** People search and lists; loaded by the worker on first use, as it carries the pinyin dictionary. */
export function createPeopleSearch(db: FieldbookDatabase) {
  const searchIndex = new PeopleSearchIndex(db);

  async function toRows(people: Person[]): Promise<PersonRow[]> {
    const preferences = await loadPreferences(db);
    const context: RuleContext = { reportDate: formatLocalDate(new Date()), workingAge: preferences.workingAge };
    const householdIds = [...new Set(people.map((person) => person.householdId))];
    const households = new Map<string, Household>();
    for (const household of await db.households.bulkGet(householdIds)) if (household) households.set(household.id, household);
    return people.map((person) => {
      const household = households.get(person.householdId);
      return {
        id: person.id,
        householdId: person.householdId,
        name: person.name,
        idNumber: person.idNumber,
        phone: person.phone,
        village: household?.village ?? '',
        householdHead: household?.head ?? '',
        householdNumber: household?.number ?? '',
        state: surveyStateOf(person, context),
      };
    });
  }

  return {
    async people(query: string, limit: number): Promise<PersonRow[]> {
      if (!query.trim()) {
        const rows = await toRows(await db.people.toArray());
        return rows.sort((a, b) => collator.compare(a.village, b.village) || collator.compare(a.name, b.name));
      }
      const hits = searchPeople(await searchIndex.entries(), query, limit);
      const people = await db.people.bulkGet(hits.map((hit) => hit.id));
      return toRows(people.filter((person): person is Person => person !== undefined));
    },
  };
}

export type PeopleSearch = ReturnType<typeof createPeopleSearch>;
