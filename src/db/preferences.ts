import { restorePreferences, type Preferences } from '../domain/preferences';
import type { FieldbookDatabase } from './database';
import { PREFERENCES_KEY } from './setting-keys';

export async function loadPreferences(db: FieldbookDatabase): Promise<Preferences> {
  return restorePreferences((await db.settings.get(PREFERENCES_KEY))?.value);
}

export async function savePreferences(db: FieldbookDatabase, preferences: Preferences): Promise<void> {
  await db.settings.put({ key: PREFERENCES_KEY, value: restorePreferences(preferences) });
}
