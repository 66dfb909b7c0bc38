/**
 * The prize-rules form (renderer/src/features/setup/PrizeRulesForm.tsx) as data: what it shows for
 * a round, and the round it saves — or every problem at once. Tie-break chain, shared tiers, prize
 * cap, missing scores, the discrepancy gap, ladders per khối, side prizes, and for award rounds the
 * pass mark (with a floor per standard) and the funnel counts.
 *
 * Saving the form without edits gives back the very same round: stored rules are reused (a drawn
 * lot keeps its seed, a side prize its own name and count), absent fields stay absent while the form
 * shows their default, and fields the form does not own are carried unchanged.
 *
 * Not here: the round's name, policy, main ladder and advancement (round-rules-form.ts).
 */
import { childrenOf } from '../model/criteria-tree';
import type {
  Criterion,
  CriterionId,
  PassMarkRule,
  Round,
  SidePrizeSpec,
  TieBreakRule,
} from '../model/types';
import { formatGroupLadders, parseGroupLadders } from '../prizes/ladder-text';
import {
  type FormProblem,
  isCount,
  keepIfSame,
  pointsToCp,
  type RoundFormResult,
  withField,
} from './form-result';
import { formatPassMarks, parsePassMarks } from './pass-mark-text';

export interface PrizeRulesFormValues {
  /** Tie-break rule keys in order: "part:<criterion id>", "firstPlaces", "headJudgeTotal", "tieBreakQuestion", "lot". */
  readonly chain: readonly string[];
  readonly shareTies: boolean;
  readonly capPercent: number | '';
  readonly requireAll: boolean;
  /** Discrepancy gap in points (comma decimals), '' = the default 20 % of the maximum. */
  readonly gapPoints: number | '';
  readonly perGroup: boolean;
  /** Ladders per khối as text (ladder-text.ts). */
  readonly groups: string;
  /** Parts (criterion ids) with a best-part side prize. */
  readonly bestParts: readonly string[];
  /** Side prizes chosen by the panel, separated by ";". */
  readonly chosen: string;
  /** Pass marks as "value: points" lines (pass-mark-text.ts). */
  readonly pass: string;
  readonly passAttribute: PassMarkRule['attribute'];
  /** The general pass mark in points; '' = no pass mark. */
  readonly passDefault: number | '';
  readonly floorPercent: number;
  readonly funnel: { readonly exemplary: number; readonly commended: number };
}

export interface PrizeRulesFormOptions {
  /** Seed for a lot rule added by this save (a lot already in the chain keeps its own). */
  readonly newSeed: number;
  /** The round's criteria: a new best-part prize is named after its part. */
  readonly criteria: readonly Criterion[];
}

/** Default floor per standard when a pass mark does not say (pass-mark.ts). */
const DEFAULT_FLOOR_PERCENT = 50;
const SIMPLE_RULES = ['firstPlaces', 'headJudgeTotal', 'tieBreakQuestion'] as const;

export const tieBreakKey = (r: TieBreakRule): string =>
  r.kind === 'part' ? `part:${r.criterionId}` : r.kind;

export function prizeRulesForm(round: Round): PrizeRulesFormValues {
  const sides = round.sidePrizes ?? [];
  return {
    chain: round.tieBreak.map(tieBreakKey),
    shareTies: round.shareTies ?? true,
    capPercent: round.prizeCapPercent ?? '',
    requireAll: round.missingScores === 'requireAll',
    gapPoints: round.discrepancyGapCp !== undefined ? round.discrepancyGapCp / 100 : '',
    perGroup: round.prizesPerGroup ?? false,
    groups: formatGroupLadders(round.groupPrizes ?? []),
    bestParts: sides.flatMap((p) => (p.kind === 'bestPart' ? [p.criterionId] : [])),
    chosen: sides.flatMap((p) => (p.kind === 'chosen' ? [p.name] : [])).join('; '),
    pass: round.passMark ? formatPassMarks(round.passMark.marks) : '',
    passAttribute: round.passMark?.attribute ?? 'area',
    passDefault: round.passMark ? round.passMark.defaultCp / 100 : '',
    floorPercent: round.passMark?.standardFloorPercent ?? DEFAULT_FLOOR_PERCENT,
    funnel: { exemplary: round.funnel?.exemplary ?? 0, commended: round.funnel?.commended ?? 0 },
  };
}

/** The chain from its keys, reusing the stored rules so a drawn lot keeps its seed. */
export function tieBreakChain(
  keys: readonly string[],
  stored: readonly TieBreakRule[],
  newSeed: number,
  problems: FormProblem[],
): TieBreakRule[] {
  const byKey = new Map(stored.map((r) => [tieBreakKey(r), r]));
  const out: TieBreakRule[] = [];
  for (const key of keys) {
    const rule: TieBreakRule | undefined =
      byKey.get(key) ??
      (key.startsWith('part:') && key.length > 5
        ? { kind: 'part', criterionId: key.slice(5) as CriterionId }
        : key === 'lot'
          ? { kind: 'lot', seed: newSeed }
          : SIMPLE_RULES.find((k) => k === key)
            ? { kind: key as (typeof SIMPLE_RULES)[number] }
            : undefined);
    if (!rule)
      problems.push({ field: 'chain', message: `Không rõ cách xét khi bằng điểm “${key}”.` });
    else if (out.some((r) => tieBreakKey(r) === key))
      problems.push({ field: 'chain', message: `Cách xét “${key}” có hai lần trong thứ tự xét.` });
    else out.push(rule);
  }
  return out;
}

/** The panel's chosen side prizes from "A; B", every problem at once. */
export function parseChosenPrizes(text: string, problems: FormProblem[]): string[] {
  const names = text
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
  // Decisions name the prize they award, so two prizes with one name would be ambiguous.
  for (const [i, n] of names.entries())
    if (names.indexOf(n) !== i)
      problems.push({ field: 'chosen', message: `Giải phụ “${n}” có hai lần.` });
  return names;
}

/**
 * Side prizes in the stored order. A stored prize still listed keeps its name and count; a prize
 * typed in place of a removed one takes its place (a renamed chosen prize keeps its count); each
 * kind's places are filled in the form's order of that kind; further new prizes come last.
 */
export function sidePrizeList(
  stored: readonly SidePrizeSpec[],
  bestParts: readonly string[],
  chosen: readonly string[],
  parts: readonly Criterion[],
  problems: FormProblem[],
): SidePrizeSpec[] {
  const slots: (SidePrizeSpec | null)[] = stored.map(() => null);
  const appended: SidePrizeSpec[] = [];
  const fill = (
    kind: SidePrizeSpec['kind'],
    wanted: readonly string[],
    keyOf: (s: SidePrizeSpec) => string,
    fresh: (key: string, replaced: SidePrizeSpec | null) => SidePrizeSpec | null,
  ) => {
    const mine = stored.flatMap((spec, at) => (spec.kind === kind ? [{ spec, at }] : []));
    const unmatched = mine.filter((m) => !wanted.includes(keyOf(m.spec)));
    const added = wanted.filter((w) => !mine.some((m) => keyOf(m.spec) === w));
    const replacing = new Map(
      added.slice(0, unmatched.length).map((w, i) => [w, unmatched[i].spec]),
    );
    const places = mine
      .filter(
        (m) => wanted.includes(keyOf(m.spec)) || unmatched.slice(0, replacing.size).includes(m),
      )
      .map((m) => m.at);
    const specs = wanted.map(
      (w) => mine.find((m) => keyOf(m.spec) === w)?.spec ?? fresh(w, replacing.get(w) ?? null),
    );
    specs.forEach((spec, i) => {
      if (i < places.length) slots[places[i]] = spec;
      else if (spec) appended.push(spec);
    });
  };
  fill(
    'bestPart',
    bestParts,
    (s) => (s.kind === 'bestPart' ? s.criterionId : ''),
    (id) => {
      const part = parts.find((p) => p.id === id);
      if (part)
        return { kind: 'bestPart', criterionId: part.id, name: `Phần thi ${part.name} hay nhất` };
      problems.push({
        field: 'bestParts',
        message: 'Giải phụ “phần thi hay nhất” chọn một phần thi không còn trong vòng.',
      });
      return null;
    },
  );
  fill(
    'chosen',
    chosen,
    (s) => s.name,
    (name, replaced) => (replaced ? { ...replaced, name } : { kind: 'chosen', name }),
  );
  return [...slots, ...appended].filter((s): s is SidePrizeSpec => s !== null);
}

function passMarkOf(
  form: PrizeRulesFormValues,
  stored: PassMarkRule | undefined,
  problems: FormProblem[],
): PassMarkRule | undefined {
  if (form.passDefault === '') {
    if (form.pass.trim() !== '')
      problems.push({
        field: 'passDefault',
        message: 'Có ngưỡng riêng nhưng chưa có ngưỡng chung (điểm).',
      });
    return undefined;
  }
  const defaultCp = pointsToCp(form.passDefault);
  if (defaultCp === null)
    problems.push({
      field: 'passDefault',
      message: `Ngưỡng chung “${form.passDefault}” phải là số điểm không âm, tối đa 2 chữ số thập phân.`,
    });
  if (!isCount(form.floorPercent, 0, 100))
    problems.push({
      field: 'floorPercent',
      message: 'Mỗi tiêu chuẩn tối thiểu phải là số nguyên từ 0 đến 100 (%).',
    });
  const marks = parsePassMarks(form.pass);
  if (!marks.ok) problems.push(...marks.problems.map((message) => ({ field: 'pass', message })));
  const rule: PassMarkRule = {
    attribute: form.passAttribute,
    marks: marks.ok ? marks.marks : [],
    defaultCp: defaultCp ?? 0,
  };
  return withField(
    rule,
    'standardFloorPercent',
    keepIfSame(stored?.standardFloorPercent, form.floorPercent, DEFAULT_FLOOR_PERCENT),
  );
}

export function applyPrizeRulesForm(
  round: Round,
  form: PrizeRulesFormValues,
  opts: PrizeRulesFormOptions,
): RoundFormResult {
  const problems: FormProblem[] = [];
  const tieBreak = tieBreakChain(form.chain, round.tieBreak, opts.newSeed, problems);
  if (form.capPercent !== '' && !isCount(form.capPercent, 1, 100))
    problems.push({
      field: 'capPercent',
      message: 'Tổng số giải không quá: cần số nguyên từ 1 đến 100 (%).',
    });
  const gapCp = form.gapPoints === '' ? undefined : pointsToCp(form.gapPoints);
  if (gapCp === null)
    problems.push({
      field: 'gapPoints',
      message: 'Mức chênh lệch cảnh báo phải là số điểm không âm, tối đa 2 chữ số thập phân.',
    });
  const groups = parseGroupLadders(form.groups);
  if (!groups.ok)
    problems.push(...groups.problems.map((message) => ({ field: 'groups', message })));
  const chosen = parseChosenPrizes(form.chosen, problems);
  const sidePrizes = sidePrizeList(
    round.sidePrizes ?? [],
    form.bestParts,
    chosen,
    childrenOf(opts.criteria, null),
    problems,
  );
  const passMark = passMarkOf(form, round.passMark, problems);
  const { exemplary, commended } = form.funnel;
  if (!(isCount(exemplary) && isCount(commended)))
    problems.push({
      field: 'funnel',
      message: 'Số mô hình tiêu biểu và khen thưởng phải là số nguyên không âm.',
    });
  if (problems.length || !groups.ok) return { ok: false, problems };

  const sameFunnel = round.funnel
    ? round.funnel.exemplary === exemplary && round.funnel.commended === commended
    : exemplary === 0 && commended === 0;
  let out: Round = { ...round, tieBreak };
  out = withField(out, 'shareTies', keepIfSame(round.shareTies, form.shareTies, true));
  out = withField(out, 'prizeCapPercent', form.capPercent === '' ? undefined : form.capPercent);
  out = withField(
    out,
    'missingScores',
    keepIfSame(
      round.missingScores,
      form.requireAll ? 'requireAll' : 'meanOfPresent',
      'meanOfPresent',
    ),
  );
  out = withField(out, 'discrepancyGapCp', gapCp ?? undefined);
  out = withField(out, 'prizesPerGroup', keepIfSame(round.prizesPerGroup, form.perGroup, false));
  out = withField(
    out,
    'groupPrizes',
    groups.ladders.length === 0 && round.groupPrizes === undefined ? undefined : groups.ladders,
  );
  out = withField(
    out,
    'sidePrizes',
    sidePrizes.length === 0 && round.sidePrizes === undefined ? undefined : sidePrizes,
  );
  out = withField(out, 'passMark', passMark);
  // Unchanged counts keep the stored funnel, absent included (rounds without one show 0 and 0).
  out = withField(out, 'funnel', sameFunnel ? round.funnel : { exemplary, commended });
  return { ok: true, round: out };
}
