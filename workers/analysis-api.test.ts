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

  it('keeps counting right from the loaded model as people are surveyed, added and removed', async () => {
    const db = aDatabase();
    const api = createAnalysisApi(db);
    const household = await saveHousehold(db, aHousehold());
    const surveyed = aPerson({ householdId: household.id, surveyedAt: '2026-05-01' });
    const notYet = aPerson({ householdId: household.id, name: '韦小明' });
    await db.people.bulkPut([surveyed, notYet]);
    await api.model.load();

    await db.people.put({ ...notYet, surveyedAt: '2026-05-02' });
    await db.people.put(aPerson({ householdId: household.id, name: '韦小红' }));
    await db.people.delete(surveyed.id);
    expect(await api.overview.counts()).toEqual({ households: 1, people: 2, surveyed: 1, pendingSync: 1 });
  });
});
