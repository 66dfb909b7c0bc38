/**
 * A contest with everything set up under it, as one value: what the main side mirrors to disk
 * (so IndexedDB never holds the only copy), and later what backups carry. `bundleSchema` is the
 * one gate such outside data passes before it reaches the database.
 */
import { z } from 'zod';
import type { Cluster, Contest, Criterion, Entrant, Judge, Round } from './types';

export interface ContestBundle {
  readonly contest: Contest;
  readonly rounds: readonly Round[];
  readonly clusters: readonly Cluster[];
  readonly criteria: readonly Criterion[];
  readonly judges: readonly Judge[];
  readonly entrants: readonly Entrant[];
}

const id = z.string().min(1).max(100);
const text = (max = 1000) => z.string().max(max);
const cp = z.number().int().min(-10_000_000).max(10_000_000);

// Loose objects: records may carry fields added by later versions; the known ones are checked.
const contest = z.looseObject({
  id,
  name: text(300),
  kind: z.enum(['contest', 'award']),
  year: z.number().int(),
  createdAt: text(40),
});
// `locked` is derived from the journal's lock events; a journalled round record does not carry it.
const round = z.looseObject({
  id,
  contestId: id,
  name: text(300),
  stage: z.enum(['preliminary', 'final', 'award']),
  order: z.number(),
  locked: z.boolean().optional(),
});
const cluster = z.looseObject({ id, roundId: id, name: text(300), order: z.number() });
const criterion = z.looseObject({
  id,
  roundId: id,
  parentId: id.nullable(),
  name: text(500),
  order: z.number(),
  maxCp: cp,
  stepCp: z.number().int().min(1),
  weight: z.number(),
});
const judge = z.looseObject({
  id,
  contestId: id,
  name: text(300),
  unit: text(300),
  role: z.enum(['head', 'member']),
  order: z.number(),
});
const entrant = z.looseObject({
  id,
  roundId: id,
  code: text(100),
  kind: z.enum(['model', 'team']),
  name: text(1000),
  unit: text(500),
  clusterId: id.nullable(),
  order: z.number(),
});

/** Each setup record's gate: snapshots, restored bundles and journalled records pass the same checks. */
export const recordSchemas = { contest, round, cluster, criterion, judge, entrant } as const;

export const bundleSchema = z.strictObject({
  contest,
  rounds: z.array(round).max(100),
  clusters: z.array(cluster).max(1000),
  criteria: z.array(criterion).max(2000),
  judges: z.array(judge).max(1000),
  entrants: z.array(entrant).max(100_000),
});

export interface SnapshotInfo {
  readonly contestId: string;
  readonly name: string;
  readonly year: number;
  readonly kind: 'contest' | 'award';
  readonly savedAt: string;
}
