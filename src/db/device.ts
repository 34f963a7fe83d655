import type { Transaction } from 'dexie';
import { formatHlc, parseHlc, tickHlc } from '../domain/hlc';
import type { SettingRow } from './database';

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';

/**
 * The device id and the next clock value, read and written inside the caller's transaction
 * so that two writes can never share a clock value.
 */
export async function nextClock(tx: Transaction, now = Date.now()): Promise<{ deviceId: string; hlc: string }> {
  const settings = tx.table<SettingRow, string>('settings');
  const storedDeviceId = (await settings.get(DEVICE_KEY))?.value;
  const deviceId = typeof storedDeviceId === 'string' ? storedDeviceId : crypto.randomUUID();
  if (deviceId !== storedDeviceId) await settings.put({ key: DEVICE_KEY, value: deviceId });
  const stored = (await settings.get(CLOCK_KEY))?.value;
  const previous = typeof stored === 'string' ? parseHlc(stored) : null;
  const hlc = formatHlc(tickHlc(previous, now), deviceId);
  await settings.put({ key: CLOCK_KEY, value: hlc });
  return { deviceId, hlc };
}
