import { restorePreferences, type Preferences } from '../domain/preferences';
import type { FieldbookDatabase } from './database';

const PREFERENCES_KEY = 'preferences';

export async function loadPreferences(db: FieldbookDatabase): Promise<Preferences> {
  return restorePreferences((await db.settings.get(PREFERENCES_KEY))?.value);
}

export async function savePreferences(db: FieldbookDatabase, preferences: Preferences): Promise<void> {
  await db.settings.put({ key: PREFERENCES_KEY, value: restorePreferences(preferences) });
}
