import { describe, expect, it } from 'vitest';
import { aDatabase, aHousehold, aPerson } from '../tests/builders';
import { saveHousehold } from '../src/db/households';
import { createAnalysisApi } from './analysis-api';

describe('analysis API: overview', () => {
  it('counts households, people, surveyed people and unsent revisions on the phone', async () => {
    const db = aDatabase();
    const api = createAnalysisApi(db);
    expect(await api.overview.counts()).toEqual({ households: 0, people: 0, surveyed: 0, pendingSync: 0 });

    const household = await saveHousehold(db, aHousehold());
    await db.people.bulkPut([
      aPerson({ householdId: household.id, surveyedAt: '2026-05-01' }),
      aPerson({ householdId: household.id, name: '韦小明' }),
    ]);
    expect(await api.overview.counts()).toEqual({ households: 1, people: 2, surveyed: 1, pendingSync: 1 });
  });
});
