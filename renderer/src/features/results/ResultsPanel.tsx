/**
 * The results screen: per group the live scoreboard, open decisions (ties at a prize boundary,
 * judges far apart), the explain view and the analysis; and the exports, which run only after
 * the independent recount agrees with the tally.
 */
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { project } from '@shared/journal/projection';
import type { ContestBundle } from '@shared/model/bundle';
import type { EntrantId, Round } from '@shared/model/types';
import { findDiscrepancies } from '@shared/tally/discrepancy';
import { useServices } from '../../app/services';
import { AdvancementCard } from './AdvancementCard';
import { AnalysisPanel } from './AnalysisPanel';
import { AwardsCard } from './AwardsCard';
import { BestAcrossPanels } from './BestAcrossPanels';
import { DecisionsCard } from './DecisionsCard';
import { ExplainModal } from './ExplainModal';
import { LockRound } from './LockRound';
import { exportCertificates, exportScoreboard, type ExportOutcome } from './export-actions';
import { extrasFrom, panelOf, roundResults, type ResultGroup, type RoundResults } from './results-model';
import { ScoreboardTable } from './ScoreboardTable';

export function ResultsPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const flagsOf = (r: RoundResults) => r.groups.flatMap((g) => findDiscrepancies(g.tally.results, { gapCp: round.discrepancyGapCp, decisions: round.decisions?.discrepancies }).flags);
  const services = useServices();
  const data = useLiveQuery(async () => {
    const [scores, extras] = await Promise.all([services.repos.journal.scores(round.id), services.repos.journal.extraEvents(round.id)]);
    return { scores, projection: project(extras) };
  }, [round.id, bundle.contest.id]);
  const judges = useMemo(() => [...bundle.judges].sort((a, b) => a.order - b.order), [bundle.judges]);
  const results = useMemo(
    () => (data ? roundResults(round, bundle.clusters, bundle.criteria, bundle.entrants, judges, data.scores, extrasFrom(data.projection, round.id)) : null),
    [round, bundle, judges, data],
  );
  const groups = results?.groups ?? [];
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [explain, setExplain] = useState<{ group: ResultGroup; id: EntrantId } | null>(null);
  const [analysis, setAnalysis] = useState(false);

  async function run(action: typeof exportScoreboard) {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action(services, bundle, round, groups));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => run(exportScoreboard)} loading={busy}>Xuất bảng điểm Excel</Button>
        <Button onClick={() => run(exportCertificates)} loading={busy} variant="light" color="red">In giấy khen PDF</Button>
        <Button onClick={() => setAnalysis((a) => !a)} variant="default">{analysis ? 'Ẩn phân tích' : 'Phân tích độ nhạy và giám khảo'}</Button>
        <LockRound bundle={bundle} round={round} openIssues={results?.prizes.openTies.length ?? 0} />
      </Group>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} data-testid="export-outcome" role="status">
          {outcome.message}
          {outcome.differences && <List size="sm">{outcome.differences.map((d) => <List.Item key={d}>{d}</List.Item>)}</List>}
        </Alert>
      )}
      {results && (results.prizes.openTies.length > 0 || flagsOf(results).some((f) => f.open) || round.decisions) && (
        <Card withBorder data-testid="open-ties">
          <DecisionsCard round={round} ties={results.prizes.openTies} flags={flagsOf(results)} entrants={bundle.entrants} />
        </Card>
      )}
      {results && <AwardsCard results={results} entrants={bundle.entrants} round={round} />}
      {groups.map((g) => {
        const flags = findDiscrepancies(g.tally.results, { gapCp: round.discrepancyGapCp, decisions: round.decisions?.discrepancies }).flags.filter((f) => f.open);
        return (
          <Card withBorder key={g.cluster?.id ?? 'all'}>
            <Title order={5} mb="xs">Bảng tổng hợp điểm — {g.title}</Title>
            {flags.length > 0 && (
              <Alert color="orange" mb="xs" data-testid="discrepancies" title="Điểm giữa các giám khảo chênh lệch lớn — Trưởng ban xác nhận hoặc cho chấm lại">
                <List size="sm">{flags.map((f) => <List.Item key={f.entrantId}>{f.message}</List.Item>)}</List>
              </Alert>
            )}
            <ScoreboardTable group={g} judges={panelOf(g, judges)} onExplain={(id) => setExplain({ group: g, id })} />
            <Text size="xs" c="dimmed" mt="xs">Cách tính: {g.tally.ruleText} {g.tally.notes.join(' ')} XĐ: không chấm do cùng đơn vị (xung đột lợi ích).</Text>
            {analysis && <AnalysisPanel group={g} round={round} judges={panelOf(g, judges)} />}
            {analysis && round.stage === 'award' && <BestAcrossPanels group={g} />}
          </Card>
        );
      })}
      {results && round.advancement && <AdvancementCard bundle={bundle} round={round} groups={groups} />}
      <ExplainModal group={explain?.group ?? null} entrantId={explain?.id ?? null} onClose={() => setExplain(null)} />
    </Stack>
  );
}
