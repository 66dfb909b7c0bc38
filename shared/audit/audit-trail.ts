/**
 * The audit trail as people read it: every journal event in time order with who, when, what
 * changed from what to what, and why. Built from the events alone, so it shows exactly what the
 * journal holds. Not a projection: it never decides which value is current.
 */
import type { EventKind, JournalEvent } from '../journal/event';
import type { Criterion, Entrant, Judge } from '../model/types';
import { formatCp } from '../scoring/format';

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
};

const ROLES: Record<string, string> = { judge: 'Giám khảo', secretary: 'Thư ký', head: 'Trưởng ban', system: 'Hệ thống' };

export interface AuditContext {
  readonly judges: readonly Pick<Judge, 'id' | 'name'>[];
  readonly entrants: readonly Pick<Entrant, 'id' | 'name'>[];
  readonly criteria: readonly Pick<Criterion, 'id' | 'name' | 'stepCp'>[];
}

const cellOf = (e: JournalEvent) => `${e.roundId}|${e.judgeId}|${e.entrantId}|${e.criterionId}|${e.pass ?? ''}|${e.kind === 'penalty' || e.kind === 'objective' || e.kind === 'tieBreak' ? e.kind : 'score'}`;

export function auditTrail(events: readonly JournalEvent[], ctx: AuditContext, filter?: { judgeId?: string; entrantId?: string }): AuditRow[] {
  const judge = new Map(ctx.judges.map((j) => [j.id as string, j.name]));
  const entrant = new Map(ctx.entrants.map((e) => [e.id as string, e.name]));
  const criterion = new Map(ctx.criteria.map((c) => [c.id as string, c]));
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.seq - b.seq));
  const last = new Map<string, number | null>();
  const show = (e: JournalEvent, steps: number | null | undefined) => {
    if (steps === undefined || steps === null) return '';
    const c = e.criterionId ? criterion.get(e.criterionId) : undefined;
    return c && e.kind !== 'penalty' ? formatCp(steps * c.stepCp) : formatCp(steps);
  };
  const rows: AuditRow[] = [];
  for (const e of ordered) {
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
