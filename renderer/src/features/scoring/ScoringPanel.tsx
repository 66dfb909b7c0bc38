/**
 * Score entry on the secretariat laptop: pick the cluster and the judge, then type that judge's
 * sheet. Each accepted value goes through the score saver (IndexedDB + journal file) and the cell
 * shows whether it is saved on disk or only on this device.
 */
import { Alert, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Round } from '@shared/model/types';
import { useServices } from '../../app/services';
import type { ContestBundle } from '@shared/model/bundle';
import { rowTotalCp, sheetRows, type SheetRow } from './score-grid-model';
import { ScoreGrid, cellKey, type CellState } from './ScoreGrid';

export function ScoringPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { t } = useTranslation();
  const { repos, saver, now } = useServices();
  const clusters = bundle.clusters.filter((c) => c.roundId === round.id).sort((a, b) => a.order - b.order);
  const [clusterId, setClusterId] = useState<string | null>(clusters[0]?.id ?? null);
  const judges = bundle.judges.filter((j) => !clusterId || j.clusterIds.length === 0 || j.clusterIds.includes(clusterId as never));
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const judge = judges.find((j) => j.id === judgeId) ?? null;
  const criteria = useMemo(() => bundle.criteria.filter((c) => c.roundId === round.id), [bundle.criteria, round.id]);
  const entrants = useMemo(
    () => bundle.entrants.filter((e) => e.roundId === round.id && (!clusterId || e.clusterId === clusterId)).sort((a, b) => a.order - b.order),
    [bundle.entrants, round.id, clusterId],
  );
  const scores = useLiveQuery(() => repos.journal.scores(round.id), [round.id]);
  const outbox = useLiveQuery(() => repos.journal.countOutbox(bundle.contest.id), [bundle.contest.id]);
  const [cellState, setCellState] = useState<ReadonlyMap<string, CellState>>(new Map());
  const [lastSave, setLastSave] = useState<{ state: CellState; message?: string } | null>(null);
  const rows = useMemo(() => (judge && scores ? sheetRows(entrants, judge, scores) : []), [judge, scores, entrants]);
  const done = rows.filter((r) => { const x = rowTotalCp(r, criteria); return x.scored === x.expected; }).length;

  const onCommit = useCallback(async (row: SheetRow, c: Criterion, steps: number | null) => {
    if (!judge) return;
    const key = cellKey(row.entrant.id, c.id);
    const mark = (s: CellState) => setCellState((m) => new Map(m).set(key, s));
    mark('saving');
    setLastSave({ state: 'saving' });
    const old = row.values[c.id];
    try {
      const r = await saver.save({
        v: 1, contestId: bundle.contest.id, roundId: round.id, judgeId: judge.id, entrantId: row.entrant.id, criterionId: c.id,
        kind: steps === null ? 'clear' : old === undefined ? 'enter' : 'edit', steps, pass: null,
        by: { role: 'secretary', name: '' }, at: now().toISOString(), reason: null,
      });
      mark(r.state);
      setLastSave({ state: r.state, message: r.message });
    } catch (err) {
      setCellState((m) => { const n = new Map(m); n.delete(key); return n; });
      setLastSave({ state: 'localOnly', message: (err as Error).message });
    }
  }, [judge, saver, now, bundle.contest.id, round.id]);

  return (
    <Stack>
      <Group align="end">
        {clusters.length > 0 && (
          <Select label={t('contest.cluster')} data={clusters.map((c) => ({ value: c.id, label: c.name }))} value={clusterId} onChange={setClusterId} allowDeselect={false} w={160} />
        )}
        <Select label={t('scoring.judge')} placeholder={t('scoring.pickJudge')} data={judges.map((j, i) => ({ value: j.id, label: `GK${i + 1} — ${j.name}` }))} value={judgeId} onChange={setJudgeId} w={300} />
        {judge && <Badge size="lg" variant="light" data-testid="progress">{t('scoring.progress', { done, total: rows.length })}</Badge>}
        {lastSave && (
          <Badge size="lg" color={lastSave.state === 'saved' ? 'green' : lastSave.state === 'saving' ? 'gray' : 'orange'} data-testid="save-status">
            {lastSave.state === 'saved' ? t('scoring.saved') : lastSave.state === 'saving' ? t('scoring.saving') : t('scoring.localOnly')}
          </Badge>
        )}
      </Group>
      {bundle.judges.length === 0 && <Text c="dimmed">{t('scoring.noJudges')}</Text>}
      {!!outbox && (
        <Alert color="orange" data-testid="outbox">
          <Group justify="space-between">
            <span>{t('scoring.outbox', { count: outbox })}{lastSave?.message ? ` — ${lastSave.message}` : ''}</span>
            <Button size="xs" variant="light" onClick={() => saver.flush(bundle.contest.id)}>{t('scoring.retry')}</Button>
          </Group>
        </Alert>
      )}
      {judge && entrants.length === 0 && <Text c="dimmed">{t('scoring.noEntrants')}</Text>}
      {judge && entrants.length > 0 && (
        <>
          <Text size="sm" c="dimmed">{t('scoring.hint')}</Text>
          <ScoreGrid rows={rows} criteria={criteria} cellState={cellState} onCommit={onCommit} />
        </>
      )}
    </Stack>
  );
}
