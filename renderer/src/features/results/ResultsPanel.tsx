/**
 * The results screen: whether the results are final or provisional (and what is missing), per
 * group the live scoreboard, open decisions (ties at a prize boundary, judges far apart), the
 * explain view and the analysis; and the exports, which the main side refuses unless its
 * independent recount agrees with the tally. Certificates of provisional results need an explicit
 * confirmation and carry the "Kết quả tạm thời" mark.
 *
 * The round is read and tallied off the main thread, once per change of the scores, the extras or
 * the round's setup (useRoundData.ts); the scoreboard renders only the rows in view on large boards.
 */
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import type { ContestBundle } from '@shared/model/bundle';
import type { EntrantId, Round } from '@shared/model/types';
import { roundCompleteness } from '@shared/results/completeness';
import { panelOf, type ResultGroup } from '@shared/results/round-results';
import { findDiscrepancies, type DiscrepancyFlag } from '@shared/tally/discrepancy';
import { useServices } from '../../app/services';
import { AdvancementCard } from './AdvancementCard';
import { AnalysisPanel } from './AnalysisPanel';
import { AwardsCard } from './AwardsCard';
import { BestAcrossPanels } from './BestAcrossPanels';
import { CompletenessCard } from './CompletenessCard';
import { DecisionsCard } from './DecisionsCard';
import { ExplainModal } from './ExplainModal';
import { LockRound } from './LockRound';
import { ProvisionalConfirm } from './ProvisionalConfirm';
import { exportCertificates, exportScoreboard, type ExportOutcome } from './export-actions';
import { ScoreboardTable } from './ScoreboardTable';
import { useRoundExtras, useRoundResults, useRoundSheets } from './useRoundData';

export function ResultsPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const services = useServices();
  const judges = useMemo(
    () => [...bundle.judges].sort((a, b) => a.order - b.order),
    [bundle.judges],
  );
  const roundJudgeIds = useMemo(
    () =>
      judges
        .filter((j) => !j.roundIds?.length || j.roundIds.includes(round.id))
        .map((j) => j.id as string),
    [judges, round.id],
  );
  const extras = useRoundExtras(round.id);
  const sheets = useRoundSheets(round.id, roundJudgeIds);
  const computed = useRoundResults(round, bundle, judges, extras);
  const results = computed.results ?? null;
  const groups = useMemo(() => results?.groups ?? [], [results]);
  const completeness = useMemo(
    () =>
      results && sheets
        ? roundCompleteness({ round, groups: results.groups, judges, sheets })
        : null,
    [results, sheets, round, judges],
  );
  const flags = useMemo(() => {
    const per = new Map<ResultGroup, readonly DiscrepancyFlag[]>();
    for (const g of groups)
      per.set(
        g,
        findDiscrepancies(g.tally.results, {
          gapCp: round.discrepancyGapCp,
          decisions: round.decisions?.discrepancies,
        }).flags,
      );
    return per;
  }, [groups, round.discrepancyGapCp, round.decisions?.discrepancies]);
  const allFlags = useMemo(() => [...flags.values()].flat(), [flags]);
  const panels = useMemo(
    () => new Map(groups.map((g) => [g, panelOf(g, judges)])),
    [groups, judges],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [explain, setExplain] = useState<{ group: ResultGroup; id: EntrantId } | null>(null);
  const [analysis, setAnalysis] = useState(false);
  const [confirmCertificates, setConfirmCertificates] = useState(false);
  const explainIn = useCallback(
    (g: ResultGroup) => (id: EntrantId) => setExplain({ group: g, id }),
    [],
  );
  const onExplain = useMemo(
    () => new Map(groups.map((g) => [g, explainIn(g)])),
    [groups, explainIn],
  );

  async function run(action: typeof exportScoreboard) {
    setConfirmCertificates(false);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action(services, bundle, round, groups, completeness ?? undefined));
    } finally {
      setBusy(false);
    }
  }

  const ready = !!results && !!completeness;
  return (
    <Stack>
      <Group>
        <Button onClick={() => run(exportScoreboard)} loading={busy} disabled={!ready}>
          Xuất bảng điểm Excel
        </Button>
        <Button
          onClick={() =>
            completeness?.provisional ? setConfirmCertificates(true) : run(exportCertificates)
          }
          loading={busy}
          disabled={!ready}
          variant="light"
          color="red"
        >
          In giấy khen PDF
        </Button>
        <Button onClick={() => setAnalysis((a) => !a)} variant="default">
          {analysis ? 'Ẩn phân tích' : 'Phân tích độ nhạy và giám khảo'}
        </Button>
        <LockRound
          bundle={bundle}
          round={round}
          openIssues={results?.prizes.openTies.length ?? 0}
        />
      </Group>
      {computed.error && (
        <Alert color="red" role="alert">
          {computed.error}
        </Alert>
      )}
      {results && <CompletenessCard round={round} completeness={completeness} />}
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} data-testid="export-outcome" role="status">
          {outcome.message}
          {outcome.differences && (
            <List size="sm">
              {outcome.differences.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {results &&
        (results.prizes.openTies.length > 0 || allFlags.some((f) => f.open) || round.decisions) && (
          <Card withBorder data-testid="open-ties">
            <DecisionsCard
              round={round}
              ties={results.prizes.openTies}
              flags={allFlags}
              entrants={bundle.entrants}
            />
          </Card>
        )}
      {results && <AwardsCard results={results} entrants={bundle.entrants} round={round} />}
      {groups.map((g) => {
        const open = (flags.get(g) ?? []).filter((f) => f.open);
        const panel = panels.get(g) ?? [];
        return (
          <Card withBorder key={g.cluster?.id ?? 'all'}>
            <Title order={5} mb="xs">
              Bảng tổng hợp điểm — {g.title}
              {completeness?.provisional ? ' (kết quả tạm thời)' : ''}
            </Title>
            {open.length > 0 && (
              <Alert
                color="orange"
                mb="xs"
                data-testid="discrepancies"
                title="Điểm giữa các giám khảo chênh lệch lớn — Trưởng ban xác nhận hoặc cho chấm lại"
              >
                <List size="sm">
                  {open.map((f) => (
                    <List.Item key={f.entrantId}>{f.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <ScoreboardTable group={g} judges={panel} onExplain={onExplain.get(g)!} />
            <Text size="xs" c="dimmed" mt="xs">
              Cách tính: {g.tally.ruleText} {g.tally.notes.join(' ')} XĐ: không chấm do cùng đơn vị
              (xung đột lợi ích).
            </Text>
            {analysis && <AnalysisPanel group={g} round={round} judges={panel} />}
            {analysis && round.stage === 'award' && <BestAcrossPanels group={g} />}
          </Card>
        );
      })}
      {results && round.advancement && (
        <AdvancementCard
          bundle={bundle}
          round={round}
          groups={groups}
          completeness={completeness}
        />
      )}
      <ExplainModal
        group={explain?.group ?? null}
        entrantId={explain?.id ?? null}
        onClose={() => setExplain(null)}
      />
      <ProvisionalConfirm
        opened={confirmCertificates}
        completeness={completeness}
        onCancel={() => setConfirmCertificates(false)}
        onConfirm={() => run(exportCertificates)}
        title="In giấy khen khi kết quả còn tạm thời?"
        consequence="Mỗi giấy khen sẽ in dòng “KẾT QUẢ TẠM THỜI”; khi đủ phiếu chấm, giải có thể thay đổi."
        confirmLabel="Vẫn in, ghi “Kết quả tạm thời”"
      />
    </Stack>
  );
}
