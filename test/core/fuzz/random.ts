/**
 * Seeded randomness for fuzz tests: a small, fast generator (mulberry32) so that every failure can be replayed from
 * its seed, and the environment variables that override the seeds and counts of a run:
 *
 *   REGTEXT_FUZZ_SEED=1234     use this seed (or `random`: a fresh one, printed) instead of the fixed defaults
 *   REGTEXT_FUZZ_SCALE=10      multiply the number of cases / edits by this factor (a longer soak run)
 *
 * Every failure message names the seed and the environment to reproduce it.
 */

export interface Random {
  /** A float in [0, 1). */
  (): number;
  readonly seed: number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  const random = Object.assign(next, {
    seed: seed >>> 0,
    int: (n: number) => Math.floor(next() * n),
    between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability: number) => next() < probability,
    weighted: <T>(choices: readonly (readonly [number, T])[]): T => {
      const total = choices.reduce((sum, [weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [weight, value] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![1];
    },
  });
  return random;
}

/**
 * The seeds of a run: the fixed defaults (reproducible CI), or the one REGTEXT_FUZZ_SEED names (`random` draws
 * one from the clock, so a soak run explores new ground and still prints what to replay).
 */
export function fuzzSeeds(defaults: readonly number[]): number[] {
  const fromEnv = process.env.REGTEXT_FUZZ_SEED;
  if (fromEnv === undefined || fromEnv === '') return [...defaults];
  if (fromEnv === 'random') return [(Date.now() ^ (process.pid << 16)) >>> 0];
  const seeds = fromEnv.split(',').map((part) => Number(part.trim()));
  if (seeds.some((seed) => !Number.isInteger(seed) || seed < 0)) throw new Error(`REGTEXT_FUZZ_SEED must be a non-negative integer, a comma-separated list of them, or "random": ${fromEnv}`);
  return seeds;
}

/** A count scaled by REGTEXT_FUZZ_SCALE (default 1), never below 1. */
export function fuzzCount(base: number): number {
  const fromEnv = process.env.REGTEXT_FUZZ_SCALE;
  const scale = fromEnv === undefined || fromEnv === '' ? 1 : Number(fromEnv);
  if (!(scale > 0)) throw new Error(`REGTEXT_FUZZ_SCALE must be a positive number: ${fromEnv}`);
  return Math.max(1, Math.round(base * scale));
}

/** What to put in a failure message so that it can be replayed. */
export function replay(seed: number, file: string): string {
  return `seed ${seed}: replay with REGTEXT_FUZZ_SEED=${seed} node --test ${file}`;
}
