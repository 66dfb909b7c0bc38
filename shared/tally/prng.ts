/**
 * A small seeded random source (mulberry32) for drawn lots and sample data. Deterministic for a
 * seed, so a lot can be replayed from its recorded seed. Not cryptographic, and not Math.random:
 * nothing in shared/ reads an unseeded source.
 */

/** Returns a function giving uniform floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string: mixes an entrant id into a lot seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The lot drawn for one entrant under a seed, as a 53-bit integer (higher wins). Drawn per entrant
 * id rather than by shuffling the input list, so the outcome does not depend on the order in which
 * entrants were listed.
 */
export function lotValue(seed: number, entrantId: string): number {
  const next = mulberry32((seed ^ hashString(entrantId)) >>> 0);
  const hi = Math.floor(next() * 2 ** 21);
  const lo = Math.floor(next() * 2 ** 32);
  return hi * 2 ** 32 + lo;
}

/** Random helpers over a seeded source, for the sample-data generators. */
export interface Rng {
  readonly next: () => number;
  readonly int: (min: number, maxInclusive: number) => number;
  readonly pick: <T>(xs: readonly T[]) => T;
  /** Normal deviate (Box–Muller). */
  readonly normal: (mean: number, sd: number) => number;
  readonly chance: (p: number) => boolean;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)],
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => next() < p,
  };
}
