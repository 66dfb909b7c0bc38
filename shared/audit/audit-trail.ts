/**
 * The audit trail as people read it: every journal event in time order with who, when, what
 * changed from what to what, and why. Built from the events alone, so it shows exactly what the
 * journal holds. Not a projection: it never decides which value is current.
 */
import type { EventKind, JournalEvent } from '../journal/event';
import type { Criterion, Entrant, Judge } from '../model/types';
import { formatCp } from '../scoring/format';
import { decisionDataOf, setupDataOf, stableText } from '../journal/setup-event';

export interface AuditRow {
  readonly at: string;
  readonly who: string;
  readonly device: string;
  readonly action: string;
  readonly judge: string;
  readonly entrant: string;
  readonly criterion: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly ref: string;
}

const ACTIONS: Record<EventKind, string> = {
  enter: 'Nhập điểm',
  edit: 'Sửa điểm',
  clear: 'Xóa điểm',
  submit: 'Nộp phiếu',
  reopen: 'Mở lại phiếu',
  verifyConfirm: 'Xác nhận nhập kép',
  verifyReject: 'Từ chối nhập kép',
  lock: 'Khóa kết quả',
  amend: 'Điều chỉnh sau khóa',
  penalty: 'Trừ điểm',
  objective: 'Điểm phần thi khách quan',
  tieBreak: 'Điểm câu hỏi phụ',
  comment: 'Nhận xét',
  setup: 'Thiết lập',
  decision: 'Quyết định của Ban giám khảo',
};

const ENTITY: Record<string, string> = {
  contest: 'cuộc thi',
  round: 'vòng',
  cluster: 'cụm thi',
  criterion: 'tiêu chí',
  judge: 'giám khảo',
  entrant: 'đội thi / mô hình',
};
const DECISION: Record<string, string> = {
  prizeOverrides: 'trao/bỏ giải',
  countChanges: 'đổi số giải',
  discrepancies: 'chênh lệch điểm',
  advancement: 'vào vòng sau',
  chosenSidePrizes: 'giải phụ do Ban giám khảo chọn',
  absences: 'giám khảo vắng',
};

/** The fields a setup change altered, old → new, as short text. */
function fieldChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null,
): { from: string; to: string } {
  if (!after) return { from: before ? 'có' : '', to: 'đã xóa' };
  if (!before) return { from: '', to: 'thêm mới' };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = keys.filter((k) => stableText(before[k]) !== stableText(after[k]));
  const show = (r: Record<string, unknown>) =>
    changed.map((k) => `${k}: ${cut(r[k] === undefined ? '—' : stableText(r[k]))}`).join('; ');
  return { from: show(before), to: show(after) };
}

const cut = (t: string) => (t.length > 80 ? `${t.slice(0, 79)}…` : t);

const ROLES: Record<string, string> = {
  judge: 'Giám khảo',
  secretary: 'Thư ký',
  head: 'Trưởng ban',
  system: 'Hệ thống',
};

export interface AuditContext {
  readonly judges: readonly Pick<Judge, 'id' | 'name'>[];
  readonly entrants: readonly Pick<Entrant, 'id' | 'name'>[];
  readonly criteria: readonly Pick<Criterion, 'id' | 'name' | 'stepCp'>[];
}

const cellOf = (e: JournalEvent) =>
  `${e.roundId}|${e.judgeId}|${e.entrantId}|${e.criterionId}|${e.pass ?? ''}|${e.kind === 'penalty' || e.kind === 'objective' || e.kind === 'tieBreak' ? e.kind : 'score'}`;

export function auditTrail(
  events: readonly JournalEvent[],
  ctx: AuditContext,
  filter?: { judgeId?: string; entrantId?: string },
): AuditRow[] {
  // Names of records removed since (a judge taken off the panel) are still shown, from their last setup event.
  const judge = new Map<string, string>();
  const entrant = new Map<string, string>();
  for (const e of events) {
    const d = setupDataOf(e);
    const name = d?.record?.['name'];
    if (typeof name !== 'string') continue;
    if (d!.entity === 'judge') judge.set(d!.id, name);
    if (d!.entity === 'entrant') entrant.set(d!.id, name);
  }
  for (const j of ctx.judges) judge.set(j.id, j.name);
  for (const x of ctx.entrants) entrant.set(x.id, x.name);
  const criterion = new Map(ctx.criteria.map((c) => [c.id as string, c]));
  const ordered = [...events].sort((a, b) =>
    a.at < b.at
      ? -1
      : a.at > b.at
        ? 1
        : a.deviceId < b.deviceId
          ? -1
          : a.deviceId > b.deviceId
            ? 1
            : a.seq - b.seq,
  );
  const last = new Map<string, number | null>();
  const show = (e: JournalEvent, steps: number | null | undefined) => {
    if (steps === undefined || steps === null) return '';
    const c = e.criterionId ? criterion.get(e.criterionId) : undefined;
    return c && e.kind !== 'penalty' ? formatCp(steps * c.stepCp) : formatCp(steps);
  };
  const rows: AuditRow[] = [];
  const records = new Map<string, Record<string, unknown> | null>();
  for (const e of ordered) {
    const setup = setupDataOf(e);
    if (setup || e.kind === 'decision') {
      if (filter?.judgeId && e.judgeId !== filter.judgeId) continue;
      if (filter?.entrantId && e.entrantId !== filter.entrantId) continue;
      const decision = decisionDataOf(e);
      const rk = setup ? `${setup.entity}|${setup.id}` : '';
      const change = setup
        ? fieldChanges(records.get(rk), setup.record)
        : { from: '', to: decision ? cut(stableText(decision.item)) : '' };
      if (setup) records.set(rk, setup.record);
      rows.push({
        at: e.at,
        who: `${ROLES[e.by.role] ?? e.by.role}${e.by.name ? ` ${e.by.name}` : ''}`,
        device: e.deviceId.slice(0, 8),
        action: setup
          ? `${ACTIONS.setup}: ${ENTITY[setup.entity]} “${String(setup.record?.['name'] ?? (setup.entity === 'judge' ? judge.get(setup.id) : setup.entity === 'entrant' ? entrant.get(setup.id) : undefined) ?? setup.id)}”`
          : `${ACTIONS.decision}${decision ? `: ${DECISION[decision.key] ?? decision.key}` : ''}`,
        judge: e.judgeId ? (judge.get(e.judgeId) ?? e.judgeId) : '',
        entrant: e.entrantId ? (entrant.get(e.entrantId) ?? e.entrantId) : '',
        criterion: e.criterionId ? (criterion.get(e.criterionId)?.name ?? e.criterionId) : '',
        ...change,
        reason: e.reason ?? '',
        ref: `${e.deviceId}#${e.seq}`,
      });
      continue;
    }
    const key = cellOf(e);
    const before = last.get(key);
    if (e.criterionId || e.kind === 'penalty') last.set(key, e.steps);
    if (filter?.judgeId && e.judgeId !== filter.judgeId) continue;
    if (filter?.entrantId && e.entrantId !== filter.entrantId) continue;
    rows.push({
      at: e.at,
      who: `${ROLES[e.by.role] ?? e.by.role}${e.by.name ? ` ${e.by.name}` : ''}`,
      device: e.deviceId.slice(0, 8),
      action: `${ACTIONS[e.kind]}${e.pass ? ` (lần ${e.pass})` : ''}`,
      judge: e.judgeId ? (judge.get(e.judgeId) ?? e.judgeId) : '',
      entrant: e.entrantId ? (entrant.get(e.entrantId) ?? e.entrantId) : '',
      criterion: e.criterionId ? (criterion.get(e.criterionId)?.name ?? e.criterionId) : '',
      from: show(e, before),
      to: show(e, e.steps),
      reason: e.kind === 'comment' ? `“${e.reason ?? ''}”` : (e.reason ?? ''),
      ref: `${e.deviceId}#${e.seq}`,
    });
  }
  return rows;
}
