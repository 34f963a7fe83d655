/** The 设置 row holding the preferences (the settings table also holds the sync clock and the targets). */
export const PREFERENCES_KEY = 'preferences';
