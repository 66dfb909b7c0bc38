/**
 * The current setup of a contest, derived from its journal alone: every setup record's current
 * value (the same frontier rule as score cells, frontier.ts), each round's lock from lock events and
 * its decisions from decision events. The renderer's tables, the setup file on disk and a restore
 * on a fresh device are all this function's output, so they cannot drift apart.
 *
 * Rules
 * - A record register is (entity, id); its value is the record of the current event, or none when
 *   that event removed it. Devices that disagree make a conflict: listed, and the record of the
 *   smallest ref is used meanwhile so nothing vanishes from the screen.
 * - A record must pass its gate (bundle.ts recordSchemas) and belong to the contest; a change to a
 *   round after the same device locked it must give a reason. Refused events change nothing and are
 *   listed in `issues`.
 * - Decisions are never overwritten: each is one item of the round's lists, in (time, device, seq)
 *   order, with the event's reason, author and time.
 *
 * Not here: scores (projection.ts), writing tables or files.
 */
import { recordSchemas, type ContestBundle } from '../model/bundle';
import type {
  Cluster,
  Contest,
  Criterion,
  Entrant,
  Judge,
  Round,
  RoundDecisions,
} from '../model/types';
import type { JournalEvent } from './event';
import { settle, type Entry } from './frontier';
import { forkedRefs, union } from './merge';
import { compareText, refOf } from './ref';
import {
  CONTEST_SCOPE,
  decisionDataOf,
  isSetupSide,
  setupDataOf,
  stableText,
  type SetupEntity,
} from './setup-event';

export interface SetupConflict {
  readonly entity: SetupEntity;
  readonly id: string;
  readonly candidates: readonly {
    readonly ref: string;
    readonly removed: boolean;
    readonly by: JournalEvent['by'];
    readonly at: string;
  }[];
  /** What a deciding setup event must carry in `settles`. */
  readonly settles: readonly string[];
  readonly message: string;
}

export interface SetupProjection {
  /** null when the journal holds no contest record (nothing set up, or an older journal). */
  readonly bundle: ContestBundle | null;
  readonly conflicts: readonly SetupConflict[];
  readonly issues: readonly string[];
  /** Setup, decision and lock events considered. */
  readonly events: number;
}

const ROLE_TEXT: Record<string, string> = {
  judge: 'Giám khảo',
  secretary: 'Thư ký',
  head: 'Trưởng ban',
  system: 'Hệ thống',
};
const ENTITY_TEXT: Record<SetupEntity, string> = {
  contest: 'Cuộc thi',
  round: 'Vòng',
  cluster: 'Cụm thi',
  criterion: 'Tiêu chí',
  judge: 'Giám khảo',
  entrant: 'Đội thi / mô hình',
};

export function projectSetup(all: readonly JournalEvent[], contestId?: string): SetupProjection {
  const { events: distinct, forks } = union(all.filter(isSetupSide));
  const forked = forkedRefs(forks);
  const events = distinct.filter(
    (e) => !forked.has(refOf(e)) && (contestId === undefined || e.contestId === contestId),
  );
  const issues: string[] = [];

  const lockSeq = new Map<string, number>(); // device|round → seq of its first lock
  const locks = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'lock') continue;
    locks.add(e.roundId);
    const k = `${e.deviceId}\u0000${e.roundId}`;
    if (!lockSeq.has(k) || lockSeq.get(k)! > e.seq) lockSeq.set(k, e.seq);
  }
  const afterLockWithoutReason = (e: JournalEvent) => {
    const at = lockSeq.get(`${e.deviceId}\u0000${e.roundId}`);
    return at !== undefined && at < e.seq && !e.reason?.trim();
  };

  const registers = new Map<
    string,
    { entity: SetupEntity; id: string; entries: Entry<string>[] }
  >();
  const decisions: JournalEvent[] = [];
  for (const e of events) {
    if (e.kind === 'decision') {
      if (!decisionDataOf(e))
        issues.push(`Sự kiện ${refOf(e)}: quyết định sai định dạng — bỏ qua.`);
      else if (!e.reason?.trim())
        issues.push(`Sự kiện ${refOf(e)}: quyết định phải ghi lý do — bỏ qua.`);
      else decisions.push(e);
      continue;
    }
    if (e.kind !== 'setup') continue;
    const d = setupDataOf(e);
    if (!d) {
      issues.push(`Sự kiện ${refOf(e)}: thay đổi thiết lập sai định dạng — bỏ qua.`);
      continue;
    }
    if (d.record !== null && !validRecord(d.entity, d.id, d.record, e.contestId)) {
      issues.push(`Sự kiện ${refOf(e)}: ${ENTITY_TEXT[d.entity]} “${d.id}” không hợp lệ — bỏ qua.`);
      continue;
    }
    if (e.roundId !== CONTEST_SCOPE && afterLockWithoutReason(e)) {
      issues.push(
        `Sự kiện ${refOf(e)}: vòng đã khóa trên máy này; thay đổi sau khi khóa phải ghi lý do — bỏ qua.`,
      );
      continue;
    }
    const key = `${d.entity}\u0000${d.id}`;
    let r = registers.get(key);
    if (!r) registers.set(key, (r = { entity: d.entity, id: d.id, entries: [] }));
    r.entries.push({ e, value: d.record === null ? 'null' : stableText(d.record) });
  }

  const records: { [K in SetupEntity]: Map<string, Record<string, unknown>> } = {
    contest: new Map(),
    round: new Map(),
    cluster: new Map(),
    criterion: new Map(),
    judge: new Map(),
    entrant: new Map(),
  };
  const conflicts: SetupConflict[] = [];
  for (const r of registers.values()) {
    const s = settle(r.entries);
    const chosen = s.agreed ? s.from : s.frontier[0];
    if (!s.agreed) conflicts.push(conflictOf(r.entity, r.id, s.frontier));
    if (chosen.value !== 'null')
      records[r.entity].set(r.id, JSON.parse(chosen.value) as Record<string, unknown>);
  }

  const contest =
    contestId !== undefined ? records.contest.get(contestId) : [...records.contest.values()][0];
  if (!contest) return { bundle: null, conflicts, issues, events: events.length };
  const byOrder = <T extends { order: number; id: string }>(
    m: Map<string, Record<string, unknown>>,
  ): T[] => inSetupOrder([...m.values()] as unknown as T[]);
  const decided = decisionsByRound(decisions);
  const rounds = byOrder<Round>(records.round)
    .filter((r) => r.contestId === contest['id'])
    .map((r): Round => ({
      ...r,
      locked: locks.has(r.id),
      ...(decided.has(r.id) ? { decisions: decided.get(r.id) } : {}),
    }));
  const roundIds = new Set<string>(rounds.map((r) => r.id));
  const inRound = <T extends { roundId: string; order: number; id: string }>(
    m: Map<string, Record<string, unknown>>,
  ) => byOrder<T>(m).filter((x) => roundIds.has(x.roundId));
  return {
    bundle: {
      contest: contest as unknown as Contest,
      rounds,
      clusters: inRound<Cluster>(records.cluster),
      criteria: inRound<Criterion>(records.criterion),
      judges: byOrder<Judge>(records.judge).filter((j) => j.contestId === contest['id']),
      entrants: inRound<Entrant>(records.entrant),
    },
    conflicts: conflicts.sort((a, b) => compareText(`${a.entity}|${a.id}`, `${b.entity}|${b.id}`)),
    issues,
    events: events.length,
  };
}

/** The one order of setup records wherever a bundle is built: by `order`, then id. */
export function inSetupOrder<T extends { readonly order: number; readonly id: string }>(
  list: readonly T[],
): T[] {
  return [...list].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}

function validRecord(
  entity: SetupEntity,
  id: string,
  record: Record<string, unknown>,
  contestId: string,
): boolean {
  if (record['id'] !== id || !recordSchemas[entity].safeParse(record).success) return false;
  if (entity === 'contest') return id === contestId;
  if (entity === 'round' || entity === 'judge') return record['contestId'] === contestId;
  return true;
}

/** Decision events → each round's RoundDecisions, in (time, device, seq) order. */
function decisionsByRound(events: readonly JournalEvent[]): Map<string, RoundDecisions> {
  const ordered = [...events].sort(
    (a, b) => compareText(a.at, b.at) || compareText(a.deviceId, b.deviceId) || a.seq - b.seq,
  );
  const out = new Map<string, Record<string, object[]>>();
  for (const e of ordered) {
    const d = decisionDataOf(e)!;
    const lists = out.get(e.roundId) ?? out.set(e.roundId, {}).get(e.roundId)!;
    (lists[d.key] ??= []).push({
      ...d.item,
      reason: e.reason!,
      by: e.by.name || ROLE_TEXT[e.by.role] || e.by.role,
      at: e.at,
    });
  }
  return out as unknown as Map<string, RoundDecisions>;
}

function conflictOf(
  entity: SetupEntity,
  id: string,
  frontier: readonly Entry<string>[],
): SetupConflict {
  const candidates = frontier.map((f) => ({
    ref: refOf(f.e),
    removed: f.value === 'null',
    by: f.e.by,
    at: f.e.at,
  }));
  const said = candidates
    .map(
      (c) =>
        `máy “${c.ref.slice(0, c.ref.lastIndexOf('#'))}” (${c.by.name || ROLE_TEXT[c.by.role]}) ${c.removed ? 'đã xóa' : 'ghi một nội dung khác'}`,
    )
    .join('; ');
  return {
    entity,
    id,
    candidates,
    settles: candidates.map((c) => c.ref),
    message: `${ENTITY_TEXT[entity]} “${id}”: các máy sửa khác nhau — ${said}. Đang tạm dùng bản của máy đầu tiên; cần người có thẩm quyền chọn và ghi lại.`,
  };
}
