import { describe, expect, it } from 'vitest';
import { drawCallbackSample, sampleSize, type SampleCandidate } from './callback-sample';

function township(name: string, count: number): SampleCandidate[] {
  return Array.from({ length: count }, (_, index) => ({ personId: `${name}-${String(index).padStart(4, '0')}`, township: name }));
}

const candidates = [...township('融水镇', 230), ...township('安陲乡', 48), ...township('白云乡', 3)];

describe('电话回访 sampling', () => {
  it('gives the same sample for the same seed and people, in whatever order they are stored', () => {
    const first = drawCallbackSample(candidates, 0.1, '2026-11-draw');
    const again = drawCallbackSample([...candidates].reverse(), 0.1, '2026-11-draw');
    expect(again).toEqual(first);
  });

  it('gives a different sample for another seed', () => {
    expect(drawCallbackSample(candidates, 0.1, 'a').byTownship['融水镇']).not.toEqual(drawCallbackSample(candidates, 0.1, 'b').byTownship['融水镇']);
  });

  it('draws the configured share per township, at least one wherever anyone is', () => {
    const draw = drawCallbackSample(candidates, 0.1, 'seed');
    expect(Object.fromEntries(Object.entries(draw.byTownship).map(([name, ids]) => [name, ids.length]))).toEqual({ 融水镇: 23, 安陲乡: 5, 白云乡: 1 });
    for (const [name, ids] of Object.entries(draw.byTownship)) {
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => id.startsWith(name))).toBe(true);
    }
  });

  it.each([
    [0, 0.1, 0],
    [3, 0.1, 1],
    [15, 0.1, 2],
    [100, 0.25, 25],
    [2, 1, 2],
  ])('samples %i people at rate %f as %i', (population, rate, size) => {
    expect(sampleSize(population, rate)).toBe(size);
  });

  it('draws every person about equally often over many seeds', () => {
    const hits = new Map<string, number>();
    const small = township('乡', 20);
    for (let run = 0; run < 2000; run += 1) {
      for (const id of drawCallbackSample(small, 0.1, `s${run}`).byTownship['乡']!) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    // 2000 draws × 2 of 20 → 200 expected each.
    for (const count of hits.values()) expect(count).toBeGreaterThan(140);
    expect(hits.size).toBe(20);
  });
});
