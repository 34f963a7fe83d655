import type { FieldbookDatabase, StoredCallbackDraw } from '../src/db/database';
import { loadPreferences } from '../src/db/preferences';
import { drawCallbackSample, type SampleCandidate } from '../src/domain/callback-sample';
import type { Household } from '../src/domain/household';

export interface CallbackRow {
  personId: string;
  name: string;
  township: string;
  village: string;
  phone: string;
  /** Whether a 跟踪回访 for this draw has been recorded. */
  called: boolean;
}

/** 电话回访 draws and their calls; loaded by the worker on first use. */
export function createAssistanceAnalysis(db: FieldbookDatabase) {
  async function loadHouseholds(): Promise<Map<string, Household>> {
    return new Map((await db.households.toArray()).map((household) => [household.id, household]));
  }

  return {
    async drawCallbacks(seed: string): Promise<StoredCallbackDraw> {
      const [people, households, preferences] = await Promise.all([db.people.toArray(), loadHouseholds(), loadPreferences(db)]);
      const candidates: SampleCandidate[] = people.flatMap((person) => {
        const household = households.get(person.householdId);
        // 脱贫户 including 监测户, as the seed's targets count them.
        return household && (household.povertyAlleviated || household.monitored) ? [{ personId: person.id, township: household.township || '未填乡镇' }] : [];
      });
      const draw = { id: crypto.randomUUID(), drawnAt: new Date().toISOString(), ...drawCallbackSample(candidates, preferences.sampleRate, seed) };
      await db.callbackDraws.add(draw);
      return draw;
    },

    async latestCallbacks(): Promise<{ draw: StoredCallbackDraw; rows: CallbackRow[] } | null> {
      const draw = await db.callbackDraws.orderBy('drawnAt').last();
      if (!draw) return null;
      const ids = Object.values(draw.byTownship).flat();
      const [people, households, callbacks] = await Promise.all([db.people.bulkGet(ids), loadHouseholds(), db.events.where('type').equals('跟踪回访').toArray()]);
      const called = new Set(callbacks.flatMap((event) => (event.type === '跟踪回访' && event.callback?.drawId === draw.id ? [event.personId] : [])));
      const rows = people.flatMap((person) => {
        if (!person) return [];
        const household = households.get(person.householdId);
        return [{ personId: person.id, name: person.name, township: household?.township || '未填乡镇', village: household?.village ?? '', phone: person.phone, called: called.has(person.id) }];
      });
      return { draw, rows };
    },
  };
}

export type AssistanceAnalysis = ReturnType<typeof createAssistanceAnalysis>;
