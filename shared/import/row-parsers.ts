/**
 * One row → one record, per target, with every problem of the row reported through the reader.
 * Rules: a name is required; numbers accept "8,5" and "8.5"; a missing code is derived from name +
 * unit; cluster names must exist in the contest; roles and kinds accept the usual Vietnamese words.
 * Not here: checks across rows (duplicates, criteria totals) — see preview.ts.
 */
import type { ClusterId, EntrantKind, JudgeRole } from '../model/types';
import type { CriterionField, EntrantField, JudgeField } from './fields';
import type { CriterionRecord, EntrantRecord, JudgeRecord } from './records';
import { criterionCode, judgeCode } from './records';
import { splitList } from './cells';
import { derivedCode, matchKey } from './text';
import { MAX_LONG_TEXT, type RowReader } from './row-reader';
import { formatCp } from '../scoring/format';

export interface ClusterRef {
  readonly id: ClusterId;
  readonly name: string;
}

/** "Cụm thi số 1", "cụm 1" and "1" all name the cluster "Cụm 1". */
const clusterKey = (s: string) => matchKey(s).replace(/^cum(?: thi)?(?: dua)?(?: so)? (?=\S)/, '');

export class ClusterIndex {
  private readonly byKey = new Map<string, ClusterRef>();
  constructor(readonly clusters: readonly ClusterRef[]) {
    for (const c of clusters)
      if (!this.byKey.has(clusterKey(c.name))) this.byKey.set(clusterKey(c.name), c);
  }
  find(text: string): ClusterRef | undefined {
    return this.byKey.get(clusterKey(text));
  }
  describe(): string {
    return this.clusters.length
      ? `Các cụm đã có: ${this.clusters.map((c) => c.name).join(', ')}.`
      : 'Cuộc thi chưa có cụm nào; hãy tạo cụm trước.';
  }
}

export interface ParseContext {
  readonly clusters: ClusterIndex;
  readonly defaultKind: EntrantKind;
  readonly defaultStepCp: number;
}

const KINDS: readonly [RegExp, EntrantKind][] = [
  [/^(mo hinh|dien hinh|tap the|ca nhan|model)/, 'model'],
  [/^(doi|team)/, 'team'],
];
const HEAD =
  /^(truong ban|truong bgk|truong ban giam khao|truong hoi dong|chu tich|chu tich hoi dong|head)\b/;
const MEMBER = /^(thanh vien|uy vien|giam khao|pho truong ban|pho chu tich|thu ky|member)\b/;
const YES = /^(co|x|yes|true|1|dung|khach quan|cham khach quan)$/;
const NO = /^(khong|no|false|0|sai|giam khao cham|giam khao)$/;

function clusterOf(
  r: RowReader<EntrantField | JudgeField>,
  field: 'cluster' | 'clusters',
  text: string,
  ctx: ParseContext,
): ClusterRef | undefined {
  const found = ctx.clusters.find(text);
  if (!found)
    r.report(
      field,
      'unknownCluster',
      `cụm “${text}” không có trong cuộc thi. ${ctx.clusters.describe()}`,
    );
  return found;
}

export function parseEntrant(r: RowReader<EntrantField>, ctx: ParseContext): EntrantRecord | null {
  const name = r.text('name');
  const unit = r.text('unit') ?? '';
  if (name === '')
    r.report('name', 'required', 'thiếu tên mô hình / đội thi. Mỗi dòng cần có tên.');
  const codeText = r.text('code');
  const kindText = r.text('kind') ?? '';
  let kind = ctx.defaultKind;
  if (kindText !== '') {
    const hit = KINDS.find(([re]) => re.test(matchKey(kindText)));
    if (hit) kind = hit[1];
    else
      r.report(
        'kind',
        'badValue',
        `“${kindText}” không phải loại hợp lệ. Cần “Mô hình” (tập thể, cá nhân) hoặc “Đội thi”.`,
      );
  }
  const clusterText = r.text('cluster') ?? '';
  const cluster = clusterText === '' ? null : clusterOf(r, 'cluster', clusterText, ctx);
  const text = (f: EntrantField, max?: number) => {
    const v = r.text(f, max);
    return v === undefined || v === '' ? null : v;
  };
  const record = {
    field: text('field'),
    level: text('level'),
    lead: text('lead'),
    summary: text('summary', MAX_LONG_TEXT),
    members: splitList(r.text('members', MAX_LONG_TEXT) ?? ''),
    group: text('group'),
    area: text('area'),
  };
  if (r.hasErrors || name === undefined || codeText === undefined || !name) return null;
  return {
    code: codeText || derivedCode(name, unit),
    kind,
    name,
    unit,
    clusterName: cluster?.name ?? null,
    clusterId: cluster?.id ?? null,
    ...record,
  };
}

export function parseJudge(r: RowReader<JudgeField>, ctx: ParseContext): JudgeRecord | null {
  const name = r.text('name');
  const unit = r.text('unit') ?? '';
  if (name === '') r.report('name', 'required', 'thiếu họ và tên giám khảo.');
  const codeText = r.text('code');
  const title = r.text('title') ?? '';
  const roleRaw = r.text('role') ?? '';
  const roleText = matchKey(roleRaw);
  let role: JudgeRole = 'member';
  if (HEAD.test(roleText)) role = 'head';
  else if (roleText !== '' && !MEMBER.test(roleText)) {
    r.report(
      'role',
      'badValue',
      `không rõ vai trò “${roleRaw}”; coi là thành viên. Ghi “Trưởng ban” cho trưởng ban giám khảo.`,
      'warning',
    );
  }
  const clusters: ClusterRef[] = [];
  for (const item of splitList(r.text('clusters') ?? '')) {
    // "Cụm 1, Cụm 2" in one cell: commas separate clusters unless the whole text is a cluster's name.
    const parts = ctx.clusters.find(item)
      ? [item]
      : item
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    for (const p of parts) {
      const c = clusterOf(r, 'clusters', p, ctx);
      if (c && !clusters.includes(c)) clusters.push(c);
    }
  }
  const fields = splitList(r.text('fields') ?? '');
  if (r.hasErrors || name === undefined || codeText === undefined || !name) return null;
  return {
    code: codeText || judgeCode(name, unit),
    name,
    title,
    unit,
    role,
    clusterNames: clusters.map((c) => c.name),
    clusterIds: clusters.map((c) => c.id),
    fields,
  };
}

/** Points are stored as centipoints; a maximum above this is a typo (or a year). */
const MAX_POINTS_CP = 1000_00;

/** A criterion row before its order among siblings is known. */
export type CriterionDraft = Omit<CriterionRecord, 'order'> & {
  readonly order: number | null;
  readonly isPartRow: boolean;
};

export function parseCriterion(
  r: RowReader<CriterionField>,
  ctx: ParseContext,
): CriterionDraft | null {
  const partText = r.text('part') ?? '';
  const nameText = r.text('name');
  // A row with only "Phần thi" filled is the part itself (its maximum optional: the sum of its criteria).
  const isPartRow = nameText === '' && partText !== '';
  if (nameText === '' && partText === '')
    r.report(
      r.has('name') ? 'name' : 'part',
      'required',
      'thiếu tên tiêu chí (hoặc tên phần thi).',
    );
  const max = r.centipoints('max');
  if (max === null && !isPartRow) r.report('max', 'required', 'thiếu điểm tối đa của tiêu chí.');
  if (typeof max === 'number' && (max <= 0 || max > MAX_POINTS_CP)) {
    r.report(
      'max',
      'outOfRange',
      `điểm tối đa ${formatCp(max)} ngoài khoảng cho phép: lớn hơn 0 và không quá ${formatCp(MAX_POINTS_CP)}.`,
    );
  }
  const stepRead = r.centipoints('step');
  const step = stepRead ?? ctx.defaultStepCp;
  if (stepRead !== undefined && (step <= 0 || (typeof max === 'number' && max > 0 && step > max))) {
    r.report(
      'step',
      'outOfRange',
      `bước điểm ${formatCp(step)} không hợp lệ: cần lớn hơn 0 và không quá điểm tối đa.`,
    );
  } else if (stepRead !== undefined && typeof max === 'number' && max > 0 && max % step !== 0) {
    r.report(
      'step',
      'offStep',
      `điểm tối đa ${formatCp(max)} không chia hết cho bước điểm ${formatCp(step)}. Cần bước như 0,25, 0,5 hoặc 1.`,
    );
  }
  const weight = r.integer('weight');
  if (typeof weight === 'number' && (weight < 1 || weight > 100))
    r.report('weight', 'outOfRange', `trọng số ${weight} ngoài khoảng cho phép: từ 1 đến 100.`);
  const order = r.integer('order');
  if (typeof order === 'number' && (order < 0 || order > 100_000))
    r.report('order', 'outOfRange', `thứ tự ${order} ngoài khoảng cho phép: từ 0 đến 100000.`);
  const objectiveRaw = r.text('objective') ?? '';
  const objectiveText = matchKey(objectiveRaw);
  const objective = YES.test(objectiveText);
  if (objectiveText !== '' && !objective && !NO.test(objectiveText)) {
    r.report(
      'objective',
      'badValue',
      `“${objectiveRaw}” không rõ nghĩa. Ghi “Có” nếu phần này chấm khách quan (thư ký nhập một điểm chính thức), để trống nếu không.`,
    );
  }
  const description = r.text('description', MAX_LONG_TEXT);
  if (
    r.hasErrors ||
    nameText === undefined ||
    max === undefined ||
    weight === undefined ||
    order === undefined
  )
    return null;
  const part = isPartRow ? null : partText || null;
  const name = isPartRow ? partText : nameText;
  return {
    code: criterionCode(part, name),
    part,
    name,
    maxCp: max,
    stepCp: step,
    weight: weight ?? 1,
    order,
    objective,
    description: description || null,
    isPartRow,
  };
}
