/**
 * What an import would change, before anything is written: which rows create records, which
 * update a stored record (with each field's old and new value, for the user to confirm), which
 * change nothing, and which stored records the file no longer lists (reported, never deleted).
 * A row matches a stored record by code; failing that, by name + unit, so a list first imported
 * without codes and later with codes still updates instead of duplicating.
 * Not here: the write itself — the renderer applies the plan in one transaction.
 */
import type { ImportTarget } from './fields';
import type { ImportPreview, PreviewRow } from './preview';
import type { CriterionRecord, EntrantRecord, Existing, JudgeRecord, RecordOf } from './records';
import { KIND_LABEL, LIST_SEPARATOR, ROLE_LABEL, YES_LABEL } from './export-sheet';
import { DERIVED_CODE_PREFIX, matchKey } from './text';
import { formatCp } from '../scoring/format';

export interface FieldChange {
  readonly field: string;
  /** Vietnamese name of the field, for the confirmation table. */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface PlannedUpdate<R> {
  readonly id: string;
  readonly row: number;
  readonly record: R;
  readonly before: R;
  readonly changes: readonly FieldChange[];
}

export interface UpsertPlan<R> {
  readonly create: readonly PreviewRow<R>[];
  readonly update: readonly PlannedUpdate<R>[];
  readonly unchanged: readonly { readonly id: string; readonly row: number; readonly record: R }[];
  /** Stored records the file does not list. Nothing is deleted; the user decides. */
  readonly absent: readonly Existing<R>[];
}

type Shown<R> = {
  readonly [K in keyof R]?: { readonly label: string; readonly show: (v: R[K]) => string };
};

const text = (label: string) => ({ label, show: (v: string | null) => v ?? '' });
const items = (label: string) => ({
  label,
  show: (v: readonly string[]) => v.join(LIST_SEPARATOR),
});
const cp = (label: string) => ({
  label,
  show: (v: number | null) => (v === null ? '' : formatCp(v)),
});

/**
 * The fields compared per target and how a change is shown. Ids are compared through the names
 * they show (clusterName, clusterNames); derived codes are not compared because they follow the
 * name and unit that are.
 */
const COMPARED: { readonly [T in ImportTarget]: Shown<RecordOf[T]> } = {
  entrants: {
    code: text('Mã'),
    kind: { label: 'Loại', show: (v) => KIND_LABEL[v] },
    name: text('Tên'),
    unit: text('Đơn vị'),
    clusterName: text('Cụm thi'),
    field: text('Lĩnh vực'),
    level: text('Cấp'),
    lead: text('Người phụ trách'),
    summary: text('Tóm tắt'),
    members: items('Thành viên'),
    group: text('Khối'),
    area: text('Địa bàn'),
  } satisfies Shown<EntrantRecord>,
  judges: {
    name: text('Họ và tên'),
    title: text('Chức vụ'),
    unit: text('Đơn vị công tác'),
    role: { label: 'Vai trò', show: (v) => ROLE_LABEL[v] },
    clusterNames: items('Cụm chấm'),
    fields: items('Lĩnh vực chấm'),
  } satisfies Shown<JudgeRecord>,
  criteria: {
    maxCp: cp('Điểm tối đa'),
    stepCp: cp('Bước điểm'),
    weight: { label: 'Trọng số', show: String },
    order: { label: 'Thứ tự', show: String },
    objective: { label: 'Chấm khách quan', show: (v) => (v ? YES_LABEL : 'Không') },
    description: text('Mô tả'),
  } satisfies Shown<CriterionRecord>,
};

function diff<R>(shown: Shown<R>, before: R, after: R): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(shown) as (keyof R)[]) {
    const spec = shown[field];
    if (!spec) continue;
    const a = spec.show(before[field]);
    const b = spec.show(after[field]);
    if (a !== b) out.push({ field: String(field), label: spec.label, before: a, after: b });
  }
  return out;
}

/** Second chance to match when codes differ: same name and unit (criteria: same part and name, i.e. code). */
function identity(r: RecordOf[ImportTarget]): string {
  if ('unit' in r) return `${matchKey(r.name)}|${matchKey(r.unit)}`;
  return matchKey(r.code);
}

export function planUpsert<T extends ImportTarget>(
  preview: ImportPreview<T>,
  existing: readonly Existing<RecordOf[T]>[],
): UpsertPlan<RecordOf[T]> {
  type R = RecordOf[T];
  const shown = COMPARED[preview.target] as Shown<R>;
  const byCode = new Map<string, Existing<R>>();
  const byIdentity = new Map<string, Existing<R>>();
  for (const e of existing) {
    if (!byCode.has(matchKey(e.record.code))) byCode.set(matchKey(e.record.code), e);
    if (!byIdentity.has(identity(e.record))) byIdentity.set(identity(e.record), e);
  }
  const used = new Set<string>();
  const create: PreviewRow<R>[] = [];
  const update: PlannedUpdate<R>[] = [];
  const unchanged: { id: string; row: number; record: R }[] = [];
  for (const row of preview.rows) {
    const candidates = [
      byCode.get(matchKey(row.record.code)),
      byIdentity.get(identity(row.record)),
    ];
    const match = candidates.find((c): c is Existing<R> => c !== undefined && !used.has(c.id));
    if (!match) {
      create.push(row);
      continue;
    }
    used.add(match.id);
    // A code the app made up for a file without codes never replaces a code someone typed.
    const keepCode =
      row.record.code.startsWith(DERIVED_CODE_PREFIX) &&
      !match.record.code.startsWith(DERIVED_CODE_PREFIX);
    const record = keepCode ? { ...row.record, code: match.record.code } : row.record;
    const changes = diff(shown, match.record, record);
    if (changes.length)
      update.push({ id: match.id, row: row.row, record, before: match.record, changes });
    else unchanged.push({ id: match.id, row: row.row, record });
  }
  return { create, update, unchanged, absent: existing.filter((e) => !used.has(e.id)) };
}
