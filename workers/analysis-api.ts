import type { FieldbookDatabase } from '../src/db/database';

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
}

export function createAnalysisApi(db: FieldbookDatabase): AnalysisApi {
  return {
    overview: {
      async counts() {
        return db.transaction('r', [db.households, db.people, db.outbox], async () => ({
          households: await db.households.count(),
          people: await db.people.count(),
          surveyed: await db.people.where('surveyedAt').above('').count(),
          pendingSync: await db.outbox.where('state').equals('pending').count(),
        }));
      },
    },
  };
}
