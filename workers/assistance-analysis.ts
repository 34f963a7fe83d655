import type { FieldbookDatabase, StoredCallbackDraw } from '../src/db/database';
import { PREFERENCES_KEY } from '../src/db/setting-keys';
import { drawCallbackSample, type SampleCandidate } from '../src/domain/callback-sample';
import { restorePreferences } from '../src/domain/preferences';
import type { RecordModel } from './record-model';

export interface CallbackRow {
  personId: string;
  name: string;
  township: string;
  village: string;
  phone: string;
  /** Whether a 跟踪回访 for this draw has been recorded. */
  called: boolean;
}

/** 电话回访 draws and their calls, over the worker's model of the records; loaded on first use. */
export function createAssistanceAnalysis(db: FieldbookDatabase, loadModel: () => Promise<RecordModel>) {
  return {
    async drawCallbacks(seed: string): Promise<StoredCallbackDraw> {
      const model = await loadModel();
      const preferences = restorePreferences(model.settings.get(PREFERENCES_KEY));
      const candidates: SampleCandidate[] = [...model.people.values()].flatMap((person) => {
        const household = model.households.get(person.householdId);
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
      const model = await loadModel();
      const rows = Object.values(draw.byTownship)
        .flat()
        .flatMap((id) => {
          const person = model.people.get(id);
          if (!person) return [];
          const household = model.households.get(person.householdId);
          const called = (model.eventsByPerson.get(id) ?? []).some((event) => event.type === '跟踪回访' && event.callback?.drawId === draw.id);
          return [{ personId: person.id, name: person.name, township: household?.township || '未填乡镇', village: household?.village ?? '', phone: person.phone, called }];
        });
      return { draw, rows };
    },
  };
}

export type AssistanceAnalysis = ReturnType<typeof createAssistanceAnalysis>;
