import type { FieldbookDatabase } from '../src/db/database';
import { countUnsyncedRevisions } from '../src/db/outbox';
import type { StoredCallbackDraw } from '../src/db/database';
import type { AssistanceAnalysis, CallbackRow, OwedList } from './assistance-analysis';
import type { PeopleSearch, PersonRow } from './people-search';

export type { CallbackRow, OwedList } from './assistance-analysis';
export type { PersonRow } from './people-search';

/** The figures on the home screen. */
export interface OverviewCounts {
  households: number;
  people: number;
  /** People whose survey has a 调查时间. */
  surveyed: number;
  /** Revisions not yet accepted by the receiver. */
  pendingSync: number;
}

/**
 * The analysis API, grouped by area. The worker exposes it through comlink; the UI reaches it
 * only through `workers/client.ts`. Every call reads the database itself, so no records are
 * shipped through postMessage.
 */
export interface AnalysisApi {
  overview: {
    /** Counts of households, people and surveyed people on this phone. */
    counts(): Promise<OverviewCounts>;
  };
  search: {
    /**
     * People matching a name, pinyin (initials or full), ID or phone fragment or household
     * number, best first, at most `limit`; an empty query lists everyone by village and name.
     */
    people(query: string, limit?: number): Promise<PersonRow[]>;
  };
  services: {
    /** 「待帮扶」: everyone still owed part of the package, nearest deadline first, optionally filtered. */
    owed(filter?: { village?: string; assistanceContact?: string }): Promise<OwedList>;
  };
  callbacks: {
    /** Draws and stores a new 电话回访 sample with this seed (same seed and data → same sample). */
    draw(seed: string): Promise<StoredCallbackDraw>;
    /** The latest draw and, for each person in it, whether the call is recorded. */
    latest(): Promise<{ draw: StoredCallbackDraw; rows: CallbackRow[] } | null>;
  };
}

export function createAnalysisApi(db: FieldbookDatabase): AnalysisApi {
  // The home screen needs only counts; search brings the pinyin dictionary, so it loads on first use.
  let peopleSearch: Promise<PeopleSearch> | undefined;
  const loadPeopleSearch = () => (peopleSearch ??= import('./people-search').then((module) => module.createPeopleSearch(db)));
  let assistance: Promise<AssistanceAnalysis> | undefined;
  const loadAssistance = () => (assistance ??= import('./assistance-analysis').then((module) => module.createAssistanceAnalysis(db)));

  return {
    overview: {
      async counts() {
        return db.transaction('r', [db.households, db.people, db.outbox], async (tx) => ({
          households: await db.households.count(),
          people: await db.people.count(),
          surveyed: await db.people.where('surveyedAt').above('').count(),
          pendingSync: await countUnsyncedRevisions(tx),
        }));
      },
    },
    search: {
      async people(query, limit = 50) {
        return (await loadPeopleSearch()).people(query, limit);
      },
    },
    services: {
      async owed(filter) {
        return (await loadAssistance()).owed(filter);
      },
    },
    callbacks: {
      async draw(seed) {
        return (await loadAssistance()).drawCallbacks(seed);
      },
      async latest() {
        return (await loadAssistance()).latestCallbacks();
      },
    },
  };
}
