/**
 * 电话回访抽查 (seed 004): draw a share of poverty-alleviated labourers per township at random,
 * reproducibly: the seed is stored with the draw, and the same seed over the same people gives
 * the same sample.
 */
export const DEFAULT_SAMPLE_RATE = 0.1;

export interface SampleCandidate {
  personId: string;
  township: string;
}

export interface CallbackDraw {
  seed: string;
  rate: number;
  /** Sampled person ids per township, in draw order. */
  byTownship: Record<string, string[]>;
}

/** FNV-1a: turns the seed text into the generator's 32-bit state. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, and the same on every phone and server. */
export function createSeededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many to call in a township of `population`: the rate, rounded, at least 1 if anyone is there. */
export function sampleSize(population: number, rate: number): number {
  if (population === 0) return 0;
  return Math.min(population, Math.max(1, Math.round(population * rate)));
}

export function drawCallbackSample(candidates: readonly SampleCandidate[], rate: number, seed: string): CallbackDraw {
  const byTownshipCandidates = new Map<string, string[]>();
  for (const candidate of candidates) {
    const list = byTownshipCandidates.get(candidate.township) ?? [];
    list.push(candidate.personId);
    byTownshipCandidates.set(candidate.township, list);
  }
  const byTownship: Record<string, string[]> = {};
  for (const township of [...byTownshipCandidates.keys()].sort()) {
    // Sorted first, so the order records happen to be stored in cannot change the sample.
    const ids = [...byTownshipCandidates.get(township)!].sort();
    const random = createSeededRandom(`${seed}:${township}`);
    const size = sampleSize(ids.length, rate);
    for (let index = 0; index < size; index += 1) {
      const pick = index + Math.floor(random() * (ids.length - index));
      [ids[index], ids[pick]] = [ids[pick]!, ids[index]!];
    }
    byTownship[township] = ids.slice(0, size);
  }
  return { seed, rate, byTownship };
}
