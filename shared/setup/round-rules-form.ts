/**
 * The round-rules form (renderer/src/features/setup/RoundRulesForm.tsx) as data: name, aggregation
 * policy, advancement, the prize ladder and venue — what the form shows for a round, and the round
 * it saves or every problem at once. Saving without edits gives back the very same round: a
 * trimmed mean keeps how many scores it drops, advancement keeps its wildcards, an empty venue
 * stays as stored, and what the form does not own (date, lock, decisions…) is carried.
 *
 * Not here: tie-breaks, khối ladders, side prizes, pass marks (prize-rules-form.ts).
 */
import type { AggregationPolicy, Round } from '../model/types';
import { formatLadder, parseLadder } from '../prizes/ladder-text';
import { type FormProblem, isCount, type RoundFormResult, withField } from './form-result';

export interface RoundRulesFormValues {
  readonly name: string;
  readonly policy: AggregationPolicy['kind'];
  /** Trimmed mean: applied from this many judges on. */
  readonly minPanel: number;
  readonly perCluster: number;
  readonly overall: number;
  readonly prizesPerCluster: boolean;
  /** The prize ladder as text (ladder-text.ts). */
  readonly ladder: string;
  readonly venue: string;
}

/** What the form shows for "from … judges" before a trimmed mean is chosen. */
export const DEFAULT_MIN_PANEL = 5;
const POLICY_KINDS: readonly AggregationPolicy['kind'][] = [
  'mean',
  'trimmedMean',
  'median',
  'zScore',
];

export function roundRulesForm(round: Round): RoundRulesFormValues {
  return {
    name: round.name,
    policy: round.policy.kind,
    minPanel: round.policy.kind === 'trimmedMean' ? round.policy.minPanel : DEFAULT_MIN_PANEL,
    perCluster: round.advancement?.perCluster ?? 0,
    overall: round.advancement?.overall ?? 0,
    prizesPerCluster: round.prizesPerCluster,
    ladder: formatLadder(round.prizes),
    venue: round.venue ?? '',
  };
}

/** The stored policy while its kind and panel size are unchanged (it may drop more than one score each side). */
function policyOf(
  stored: AggregationPolicy,
  kind: AggregationPolicy['kind'],
  minPanel: number,
): AggregationPolicy {
  switch (kind) {
    case 'trimmedMean':
      if (stored.kind !== 'trimmedMean') return { kind, drop: 1, minPanel };
      return stored.minPanel === minPanel ? stored : { ...stored, minPanel };
    case 'mean':
    case 'median':
    case 'zScore':
      return stored.kind === kind ? stored : { kind };
    default: {
      const never: never = kind;
      throw new Error(`unknown policy ${String(never)}`);
    }
  }
}

export function applyRoundRulesForm(round: Round, form: RoundRulesFormValues): RoundFormResult {
  const problems: FormProblem[] = [];
  const name = form.name.trim();
  if (name === '') problems.push({ field: 'name', message: 'Tên vòng không được để trống.' });
  if (!POLICY_KINDS.includes(form.policy))
    problems.push({ field: 'policy', message: `Không rõ cách tính điểm “${form.policy}”.` });
  if (form.policy === 'trimmedMean' && !isCount(form.minPanel, 3, 99))
    problems.push({
      field: 'minPanel',
      message: 'Bỏ điểm cao nhất và thấp nhất chỉ áp dụng khi có từ 3 giám khảo trở lên.',
    });
  if (!isCount(form.perCluster))
    problems.push({
      field: 'perCluster',
      message: 'Số đội mỗi cụm vào vòng sau phải là số nguyên không âm.',
    });
  if (!isCount(form.overall))
    problems.push({
      field: 'overall',
      message: 'Số đội cao điểm nhất vào vòng sau phải là số nguyên không âm.',
    });
  const ladder = parseLadder(form.ladder);
  if (!ladder.ok)
    problems.push(...ladder.problems.map((message) => ({ field: 'ladder', message })));
  if (problems.length || !ladder.ok) return { ok: false, problems };

  const { perCluster, overall } = form;
  const stored = round.advancement;
  const advancement =
    stored && stored.perCluster === perCluster && stored.overall === overall
      ? stored
      : perCluster || overall || stored?.wildcards
        ? { ...stored, perCluster, overall }
        : undefined;
  const venue = form.venue.trim();
  let out: Round = {
    ...round,
    name: name === round.name.trim() ? round.name : name,
    policy: policyOf(round.policy, form.policy, form.minPanel),
    prizes: ladder.tiers,
    prizesPerCluster: form.prizesPerCluster,
  };
  out = withField(out, 'advancement', advancement);
  out = withField(
    out,
    'venue',
    venue === (round.venue ?? '').trim() ? round.venue : venue || undefined,
  );
  return { ok: true, round: out };
}
