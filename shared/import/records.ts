/**
 * The flat records an import produces and an export consumes, one per list row, and the
 * conversions between them and the stored model. Records carry names (cluster, part) beside ids so
 * they can be compared across files and databases; absent optional values are null, never
 * undefined, so two records are equal exactly when every field is.
 * Not here: parsing cells (row-parsers.ts) or writing to the database (the renderer does that).
 */
import type {
  Cluster,
  ClusterId,
  Criterion,
  Entrant,
  EntrantKind,
  Judge,
  JudgeRole,
} from '../model/types';
import { derivedCode } from './text';

export interface EntrantRecord {
  readonly code: string;
  readonly kind: EntrantKind;
  readonly name: string;
  readonly unit: string;
  readonly clusterName: string | null;
  readonly clusterId: ClusterId | null;
  readonly field: string | null;
  readonly level: string | null;
  readonly lead: string | null;
  readonly summary: string | null;
  readonly members: readonly string[];
  readonly group: string | null;
  readonly area: string | null;
}

export interface JudgeRecord {
  /** Judges have no stored code: this is the file's code or one derived from name + unit. */
  readonly code: string;
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  readonly role: JudgeRole;
  readonly clusterNames: readonly string[];
  readonly clusterIds: readonly ClusterId[];
  readonly fields: readonly string[];
}

/**
 * One node of a two-level criteria tree. `part` null = a top-level node (a part, or a criterion
 * outside any part); otherwise the name of the part it belongs to.
 */
export interface CriterionRecord {
  /** Derived from part + name: criteria have no codes of their own. */
  readonly code: string;
  readonly part: string | null;
  readonly name: string;
  /** Null only for a part whose maximum is the sum of its criteria. */
  readonly maxCp: number | null;
  readonly stepCp: number;
  readonly weight: number;
  readonly order: number;
  readonly objective: boolean;
  readonly description: string | null;
}

export interface RecordOf {
  entrants: EntrantRecord;
  judges: JudgeRecord;
  criteria: CriterionRecord;
}
export type ImportRecord = RecordOf[keyof RecordOf];

/** A stored record as the upsert planner sees it. */
export interface Existing<R> {
  readonly id: string;
  readonly record: R;
}

export const criterionCode = (part: string | null, name: string): string =>
  derivedCode(part ?? '', name);
export const judgeCode = (name: string, unit: string): string => derivedCode(name, unit);

const orNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);
const clusterName = (clusters: readonly Cluster[], id: ClusterId) =>
  clusters.find((c) => c.id === id)?.name ?? '';

export function entrantToRecord(e: Entrant, clusters: readonly Cluster[]): EntrantRecord {
  return {
    code: e.code,
    kind: e.kind,
    name: e.name,
    unit: e.unit,
    clusterName: e.clusterId === null ? null : clusterName(clusters, e.clusterId),
    clusterId: e.clusterId,
    field: orNull(e.field),
    level: orNull(e.level),
    lead: orNull(e.lead),
    summary: orNull(e.summary),
    members: e.members ?? [],
    group: orNull(e.group),
    area: orNull(e.area),
  };
}

export function judgeToRecord(j: Judge, clusters: readonly Cluster[]): JudgeRecord {
  return {
    code: judgeCode(j.name, j.unit),
    name: j.name,
    title: j.title,
    unit: j.unit,
    role: j.role,
    clusterNames: j.clusterIds.map((id) => clusterName(clusters, id)),
    clusterIds: j.clusterIds,
    fields: j.fields,
  };
}

/**
 * Criteria as records, parents before their children, in display order. Lists have two levels;
 * a deeper node is listed under its top-level part so that nothing is silently left out.
 */
export function criteriaToRecords(criteria: readonly Criterion[]): Existing<CriterionRecord>[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const topOf = (c: Criterion): Criterion => {
    let t = c;
    for (let guard = 0; t.parentId !== null && byId.has(t.parentId) && guard < 64; guard++)
      t = byId.get(t.parentId) as Criterion;
    return t;
  };
  const toRecord = (c: Criterion): Existing<CriterionRecord> => {
    const top = topOf(c);
    const part = top === c ? null : top.name;
    const isPart = top === c && criteria.some((k) => k.parentId === c.id);
    return {
      id: c.id,
      record: {
        code: criterionCode(part, c.name),
        part,
        name: c.name,
        // A part's maximum is derived from its criteria unless it was set; keep what is stored.
        maxCp: isPart && c.maxCp === 0 ? null : c.maxCp,
        stepCp: c.stepCp,
        weight: c.weight,
        order: c.order,
        objective: c.objective ?? false,
        description: orNull(c.description),
      },
    };
  };
  const out: Existing<CriterionRecord>[] = [];
  const top = criteria
    .filter((c) => c.parentId === null || !byId.has(c.parentId))
    .sort((a, b) => a.order - b.order);
  const walk = (parent: Criterion) => {
    for (const child of criteria
      .filter((c) => c.parentId === parent.id)
      .sort((a, b) => a.order - b.order)) {
      out.push(toRecord(child));
      walk(child);
    }
  };
  for (const t of top) {
    out.push(toRecord(t));
    walk(t);
  }
  return out;
}

export const existingEntrants = (
  entrants: readonly Entrant[],
  clusters: readonly Cluster[],
): Existing<EntrantRecord>[] =>
  entrants.map((e) => ({ id: e.id, record: entrantToRecord(e, clusters) }));
export const existingJudges = (
  judges: readonly Judge[],
  clusters: readonly Cluster[],
): Existing<JudgeRecord>[] => judges.map((j) => ({ id: j.id, record: judgeToRecord(j, clusters) }));

/** The stored fields an entrant record sets; the renderer adds id, roundId and order. */
export function entrantFields(
  r: EntrantRecord,
): Omit<Entrant, 'id' | 'roundId' | 'order' | 'sourceEntrantId'> {
  const opt = (v: string | null) => v ?? undefined;
  return {
    code: r.code,
    kind: r.kind,
    name: r.name,
    unit: r.unit,
    clusterId: r.clusterId,
    field: opt(r.field),
    level: opt(r.level),
    lead: opt(r.lead),
    summary: opt(r.summary),
    members: r.members.length ? r.members : undefined,
    group: opt(r.group),
    area: opt(r.area),
  };
}

/** The stored fields a judge record sets; the renderer adds id, contestId and order. */
export function judgeFields(r: JudgeRecord): Omit<Judge, 'id' | 'contestId' | 'order'> {
  return {
    name: r.name,
    title: r.title,
    unit: r.unit,
    role: r.role,
    clusterIds: r.clusterIds,
    fields: r.fields,
  };
}
