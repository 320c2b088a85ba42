// Small statistics for the bench: percentiles, geometric mean, and a seeded random generator (deterministic samples).

/** The p-th percentile (0–100) of a list of numbers, by nearest rank; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The geometric mean of positive numbers; NaN for an empty list. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/** A seeded pseudo-random generator in [0, 1) (mulberry32): the same seed picks the same samples. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` items drawn from `list` with replacement by a seeded generator. */
export function sample<T>(list: readonly T[], n: number, random: () => number): T[] {
  if (list.length === 0) return [];
  return Array.from({ length: n }, () => list[Math.floor(random() * list.length)]!);
}
