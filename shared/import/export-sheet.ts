/**
 * Lists as sheets for export: entrants, judges and criteria as header + rows, with exactly the
 * headers and value spellings the importer maps back, so export → edit in Excel → import is
 * lossless. A plain model: the xlsx/CSV writer turns it into bytes and is the one that guards
 * against formula injection (a leading "'" on text starting with = + - @), which the importer
 * undoes.
 * Not here: bytes, styles, column widths.
 */
import type { Cluster, Criterion, Entrant, EntrantKind, Judge, JudgeRole } from '../model/types';
import { FIELDS, type FieldOf, type ImportTarget } from './fields';
import { criteriaToRecords, entrantToRecord, judgeToRecord, type CriterionRecord } from './records';
import { matchKey } from './text';

export type SheetValue = string | number | null;

export interface SheetModel {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly SheetValue[])[];
}

export const KIND_LABEL: Readonly<Record<EntrantKind, string>> = {
  model: 'Mô hình',
  team: 'Đội thi',
};
export const ROLE_LABEL: Readonly<Record<JudgeRole, string>> = {
  head: 'Trưởng ban',
  member: 'Thành viên',
};
export const YES_LABEL = 'Có';
/** Lists inside one cell; the importer also accepts one item per line. */
export const LIST_SEPARATOR = '; ';

/** Running number column: printed lists have it, and the importer ignores it. */
const STT = 'STT';

const header = <T extends ImportTarget>(target: T, key: FieldOf[T]): string =>
  (FIELDS[target] as readonly { key: string; header: string }[]).find((f) => f.key === key)
    ?.header ?? key;
const cell = (s: string | null | undefined): SheetValue =>
  s === null || s === undefined || s === '' ? null : s;
const list = (items: readonly string[]): SheetValue => cell(items.join(LIST_SEPARATOR));
const points = (cp: number | null): SheetValue => (cp === null ? null : cp / 100);

const ENTRANT_COLUMNS = [
  'code',
  'kind',
  'name',
  'unit',
  'cluster',
  'field',
  'level',
  'lead',
  'summary',
  'members',
  'group',
  'area',
] as const;

export function entrantsToSheet(
  entrants: readonly Entrant[],
  clusters: readonly Cluster[],
  sheetName = 'Danh sách',
): SheetModel {
  const rows = [...entrants]
    .sort((a, b) => a.order - b.order)
    .map((e, i) => {
      const r = entrantToRecord(e, clusters);
      return [
        i + 1,
        r.code,
        KIND_LABEL[r.kind],
        r.name,
        cell(r.unit),
        cell(r.clusterName),
        cell(r.field),
        cell(r.level),
        cell(r.lead),
        cell(r.summary),
        list(r.members),
        cell(r.group),
        cell(r.area),
      ];
    });
  return {
    name: sheetName,
    headers: [STT, ...ENTRANT_COLUMNS.map((k) => header('entrants', k))],
    rows,
  };
}

const JUDGE_COLUMNS = ['name', 'title', 'unit', 'role', 'clusters', 'fields'] as const;

/** Judges have no stored code; the importer derives one from name + unit, so none is written. */
export function judgesToSheet(
  judges: readonly Judge[],
  clusters: readonly Cluster[],
  sheetName = 'Giám khảo',
): SheetModel {
  const rows = [...judges]
    .sort((a, b) => a.order - b.order)
    .map((j, i) => {
      const r = judgeToRecord(j, clusters);
      return [
        i + 1,
        r.name,
        cell(r.title),
        cell(r.unit),
        ROLE_LABEL[r.role],
        list(r.clusterNames),
        list(r.fields),
      ];
    });
  return {
    name: sheetName,
    headers: [STT, ...JUDGE_COLUMNS.map((k) => header('judges', k))],
    rows,
  };
}

const CRITERION_COLUMNS = [
  'part',
  'name',
  'max',
  'step',
  'weight',
  'order',
  'objective',
  'description',
] as const;

/**
 * A part is written as its own row (name in "Phần thi", "Tiêu chí" empty) followed by its criteria
 * (part name repeated on each). A top-level criterion with no part keeps "Phần thi" empty.
 */
export function criteriaToSheet(
  criteria: readonly Criterion[],
  sheetName = 'Tiêu chí',
): SheetModel {
  const records = criteriaToRecords(criteria).map((e) => e.record);
  const isParent = (r: CriterionRecord) =>
    records.some((k) => k.part !== null && matchKey(k.part) === matchKey(r.name));
  const rows = records.map((r) => {
    const asPartRow = r.part === null && (isParent(r) || r.maxCp === null);
    return [
      asPartRow ? r.name : r.part,
      asPartRow ? null : r.name,
      points(r.maxCp),
      points(r.stepCp),
      r.weight,
      r.order,
      r.objective ? YES_LABEL : null,
      cell(r.description),
    ];
  });
  return { name: sheetName, headers: CRITERION_COLUMNS.map((k) => header('criteria', k)), rows };
}
