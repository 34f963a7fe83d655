/**
 * Hybrid logical clock: wall time in ms plus a counter, so that revisions from one device sort
 * in the order they were made even when the phone's clock stands still or steps back.
 * The string form sorts lexicographically in clock order; the device id breaks ties.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

const WALL_WIDTH = 11;
const COUNTER_WIDTH = 5;

/** The clock value for a new local event. */
export function tickHlc(previous: HlcState | null, nowMs: number): HlcState {
  if (!previous || nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0 };
  return { wallMs: previous.wallMs, counter: previous.counter + 1 };
}

/** The clock value after seeing a clock from another device. */
export function receiveHlc(local: HlcState | null, remote: HlcState, nowMs: number): HlcState {
  const localWall = local?.wallMs ?? 0;
  const wallMs = Math.max(localWall, remote.wallMs, nowMs);
  if (wallMs === localWall && wallMs === remote.wallMs) {
    return { wallMs, counter: Math.max(local?.counter ?? 0, remote.counter) + 1 };
  }
  if (wallMs === localWall) return { wallMs, counter: (local?.counter ?? 0) + 1 };
  if (wallMs === remote.wallMs) return { wallMs, counter: remote.counter + 1 };
  return { wallMs, counter: 0 };
}

export function formatHlc(state: HlcState, deviceId: string): string {
  const wall = state.wallMs.toString(36).padStart(WALL_WIDTH, '0');
  const counter = state.counter.toString(36).padStart(COUNTER_WIDTH, '0');
  return `${wall}-${counter}-${deviceId}`;
}

export function parseHlc(value: string): HlcState & { deviceId: string } {
  const match = /^([0-9a-z]{11})-([0-9a-z]{5})-(.+)$/.exec(value);
  if (!match) throw new Error(`not a hybrid logical clock: ${value}`);
  const [, wall = '', counter = '', deviceId = ''] = match;
  return { wallMs: parseInt(wall, 36), counter: parseInt(counter, 36), deviceId };
}
