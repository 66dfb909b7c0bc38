/**
 * Provisional until complete: a round's results are provisional while any judge assigned to one of
 * its panels has not submitted their sheet — unless the head judge recorded why it is missing (an
 * absence with a reason, RoundDecisions.absences). Returns what is missing in Vietnamese, one line
 * per judge and group ("GK3 Nguyễn Văn A — Cụm 2: chưa nộp phiếu (12/35 đội đã chấm đủ)").
 *
 * Who is assigned follows the tally: a judge of the group's panel (round membership Judge.roundIds,
 * cluster Judge.clusterIds, see panelOf) who has at least one entrant of the group to score — not
 * excluded by a field panel (Judge.fields), a cluster or a conflict of interest
 * (shared/awards/exclusion.ts). A judge with nothing to score in a group is not waited for there.
 * A sheet counts when the projection's whole-round sheet of the judge (entrantId null, pass null)
 * is 'submitted'; a reopened sheet is missing again until it is submitted anew. A group with
 * entrants and nobody to score them is missing too.
 *
 * Not here: the tally (round-results.ts), reading sheets from the journal (shared/journal/projection.ts).
 */
import type { Decided, Judge, JudgeId, Round } from '../model/types';
import type { Tally } from '../tally/tally';
import { panelOf, type ResultGroup } from './round-results';

/** A sheet state as the journal projection gives it (Projection['sheets']). */
export interface SheetStateLike {
  readonly roundId: string;
  readonly judgeId: string;
  readonly entrantId: string | null;
  readonly pass: 1 | 2 | null;
  readonly state: 'submitted' | 'reopened';
}

export type CompletenessGroup = Pick<ResultGroup, 'title' | 'roundId' | 'cluster'> & {
  readonly tally: Pick<Tally, 'results'>;
};

export interface CompletenessInput {
  readonly round: Pick<Round, 'id' | 'name' | 'decisions'>;
  readonly groups: readonly CompletenessGroup[];
  /** The contest's judges in GK order (Judge.order): GK numbers are positions in each group's panel. */
  readonly judges: readonly Judge[];
  readonly sheets: readonly SheetStateLike[];
}

export type MissingReason = 'notSubmitted' | 'reopened' | 'noPanel';

export interface MissingSheet {
  readonly reason: MissingReason;
  /** The group's title when the round has several groups (clusters); null for a one-group round. */
  readonly group: string | null;
  readonly judgeId: JudgeId | null;
  /** "GK3" as on the group's scoreboard; '' for a group without a panel. */
  readonly label: string;
  readonly name: string;
  /** Entrants of the group this judge has scored completely, of those assigned to them. */
  readonly scored: number;
  readonly assigned: number;
  readonly message: string;
}

export interface ExcusedSheet {
  readonly judgeId: JudgeId;
  readonly name: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly message: string;
}

export interface Completeness {
  /** True while something is missing: every result, document and list of the round is provisional. */
  readonly provisional: boolean;
  readonly missing: readonly MissingSheet[];
  /** Sheets the results no longer wait for, with the recorded reason. */
  readonly excused: readonly ExcusedSheet[];
  /** One sentence for a banner or a note. */
  readonly summary: string;
}

export const PROVISIONAL_LABEL = 'KẾT QUẢ TẠM THỜI';

type Counted = { scored: number; assigned: number };

function nounOf(group: CompletenessGroup): string {
  const kinds = new Set(group.tally.results.map((r) => r.entrant.kind));
  return kinds.size === 1 ? (kinds.has('model') ? 'mô hình' : 'đội') : 'đội/mô hình';
}

/** Per judge of the panel: entrants assigned to them in the group, and those fully scored. */
function countsOf(group: CompletenessGroup): Map<string, Counted> {
  const out = new Map<string, Counted>();
  for (const r of group.tally.results) {
    for (const t of r.judgeTotals) {
      if (t.absence === 'conflict' || t.absence === 'notAssigned') continue;
      const c =
        out.get(t.judgeId) ?? out.set(t.judgeId, { scored: 0, assigned: 0 }).get(t.judgeId)!;
      c.assigned++;
      if (t.absence === 'none' && t.totalCp !== null) c.scored++;
    }
  }
  return out;
}

export function roundCompleteness(input: CompletenessInput): Completeness {
  const { round } = input;
  const severalGroups = input.groups.length > 1;
  const sheetOf = new Map<string, SheetStateLike['state']>();
  for (const s of input.sheets) {
    if (s.roundId === round.id && s.entrantId === null && s.pass === null)
      sheetOf.set(s.judgeId, s.state);
  }
  const absenceOf = new Map<string, Decided & { readonly judgeId: JudgeId }>();
  for (const a of round.decisions?.absences ?? [])
    if (a.reason.trim() && !absenceOf.has(a.judgeId)) absenceOf.set(a.judgeId, a);

  const missing: MissingSheet[] = [];
  const excused = new Map<string, ExcusedSheet>();
  for (const group of input.groups) {
    const where = group.cluster || severalGroups ? group.title : null;
    const counts = countsOf(group);
    const panel = panelOf(group, input.judges).map((j, i) => ({
      judge: j,
      label: `GK${i + 1}`,
      counted: counts.get(j.id),
    }));
    const required = panel.filter((p) => p.counted && p.counted.assigned > 0);
    if (required.length === 0 && group.tally.results.length > 0) {
      missing.push({
        reason: 'noPanel',
        group: where,
        judgeId: null,
        label: '',
        name: '',
        scored: 0,
        assigned: group.tally.results.length,
        message: `${where ?? round.name}: chưa có giám khảo nào được phân công chấm ${group.tally.results.length} ${nounOf(group)}`,
      });
      continue;
    }
    for (const { judge, label, counted } of required) {
      const state = sheetOf.get(judge.id);
      if (state === 'submitted') continue;
      const absence = absenceOf.get(judge.id);
      if (absence) {
        if (!excused.has(judge.id)) {
          excused.set(judge.id, {
            judgeId: judge.id,
            name: judge.name,
            reason: absence.reason.trim(),
            by: absence.by,
            at: absence.at,
            message: `${judge.name}: không nộp phiếu — ${absence.reason.trim()} (${absence.by} ghi nhận)`,
          });
        }
        continue;
      }
      const reason: MissingReason = state === 'reopened' ? 'reopened' : 'notSubmitted';
      const what = reason === 'reopened' ? 'đã mở lại phiếu, chưa nộp lại' : 'chưa nộp phiếu';
      missing.push({
        reason,
        group: where,
        judgeId: judge.id,
        label,
        name: judge.name,
        scored: counted!.scored,
        assigned: counted!.assigned,
        message: `${label} ${judge.name}${where ? ` — ${where}` : ''}: ${what} (${counted!.scored}/${counted!.assigned} ${nounOf(group)} đã chấm đủ)`,
      });
    }
  }
  const provisional = missing.length > 0;
  const sheetsLeft = missing.filter((m) => m.reason !== 'noPanel').length;
  const summary = provisional
    ? `Kết quả tạm thời: ${sheetsLeft > 0 ? `còn ${sheetsLeft} phiếu chấm chưa nộp` : 'còn nhóm chưa có giám khảo chấm'}${sheetsLeft > 0 && missing.length > sheetsLeft ? ', còn nhóm chưa có giám khảo chấm' : ''}. Chưa dùng để công bố hay trao giải.`
    : `Kết quả chính thức: mọi giám khảo được phân công đã nộp phiếu chấm${excused.size ? ` (trừ ${excused.size} giám khảo vắng có ghi lý do)` : ''}.`;
  return { provisional, missing, excused: [...excused.values()], summary };
}
