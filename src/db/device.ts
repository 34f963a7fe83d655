import type { Transaction } from 'dexie';
import { formatHlc, parseHlc, tickHlc, type HlcState } from '../domain/hlc';
import type { SettingRow } from './database';

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';

/**
 * The device id and its clock as read inside the caller's write transaction, ticked in memory and
 * stored in the same transaction, so that two writes can never share a clock value.
 */
export interface DeviceClock {
  deviceId: string;
  /** The device id was made just now and is not stored yet. */
  newDevice: boolean;
  last: HlcState | null;
}

export async function readClock(tx: Transaction): Promise<DeviceClock> {
  const [device, clock] = await tx.table<SettingRow, string>('settings').bulkGet([DEVICE_KEY, CLOCK_KEY]);
  const storedDeviceId = device?.value;
  const deviceId = typeof storedDeviceId === 'string' ? storedDeviceId : crypto.randomUUID();
  return { deviceId, newDevice: deviceId !== storedDeviceId, last: typeof clock?.value === 'string' ? parseHlc(clock.value) : null };
}

/** The next clock value; `writeClock` stores where the clock stands. */
export function tickClock(clock: DeviceClock, now = Date.now()): string {
  clock.last = tickHlc(clock.last, now);
  return formatHlc(clock.last, clock.deviceId);
}

export async function writeClock(tx: Transaction, clock: DeviceClock): Promise<void> {
  const rows: SettingRow[] = clock.newDevice ? [{ key: DEVICE_KEY, value: clock.deviceId }] : [];
  if (clock.last) rows.push({ key: CLOCK_KEY, value: formatHlc(clock.last, clock.deviceId) });
  clock.newDevice = false;
  if (rows.length > 0) await tx.table<SettingRow, string>('settings').bulkPut(rows);
}
