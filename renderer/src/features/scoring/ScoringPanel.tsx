/**
 * Score entry. Three ways in: a judge types on this laptop (direct entry, or the judge's own locked
 * session), or a secretary types a judge's paper sheet twice (double-key) and verifies it. Each
 * accepted value goes through the score saver (IndexedDB + journal file) and the cell shows
 * whether it is saved on disk or only on this device.
 */
import { Alert, Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsealedEvent } from '@shared/journal/event';
import type { ContestBundle } from '@shared/model/bundle';
import { maxTotalCp } from '@shared/model/criteria-tree';
import type { Criterion, Judge, Round } from '@shared/model/types';
import { findOutliers } from '@shared/scoring/outliers';
import { useServices } from '../../app/services';
import { DoubleKeyReview } from './DoubleKeyReview';
import { rowTotalCp, sheetRows, type SheetRow } from './score-grid-model';
import { ScoreGrid, cellKey, type CellState } from './ScoreGrid';
import { passRefs, passScores, sheetSubmitted, type EntryPass } from './sheet-model';
import { CommentDialog } from './CommentDialog';
import { PrintSheets } from './PrintSheets';
import { SheetBar } from './SheetBar';
import { useJudgeJournal } from './useRoundJournal';

type Mode = 'direct' | 'pass1' | 'pass2' | 'review';
const passOf = (m: Mode): EntryPass => (m === 'pass1' ? 1 : m === 'pass2' ? 2 : null);

export interface ScoringPanelProps {
  readonly bundle: ContestBundle;
  readonly round: Round;
  /** A judge's own session: only this judge's sheet, no mode or judge switch. */
  readonly lockedJudge?: Judge;
}

export function ScoringPanel({ bundle, round, lockedJudge }: ScoringPanelProps) {
  const { t } = useTranslation();
  const { repos, saver, now } = useServices();
  const clusters = bundle.clusters.filter((c) => c.roundId === round.id).sort((a, b) => a.order - b.order);
  const [clusterId, setClusterId] = useState<string | null>(lockedJudge?.clusterIds[0] ?? clusters[0]?.id ?? null);
  const judges = bundle.judges.filter((j) => !clusterId || j.clusterIds.length === 0 || j.clusterIds.includes(clusterId as never)).sort((a, b) => a.order - b.order);
  const [judgeId, setJudgeId] = useState<string | null>(lockedJudge?.id ?? null);
  const judge = lockedJudge ?? judges.find((j) => j.id === judgeId) ?? null;
  const [mode, setMode] = useState<Mode>('direct');
  const pass = passOf(mode);
  const criteria = useMemo(() => bundle.criteria.filter((c) => c.roundId === round.id), [bundle.criteria, round.id]);
  const entrants = useMemo(
    () => bundle.entrants.filter((e) => e.roundId === round.id && (!clusterId || e.clusterId === clusterId)).sort((a, b) => a.order - b.order),
    [bundle.entrants, round.id, clusterId],
  );
  const official = useLiveQuery(() => repos.journal.scores(round.id), [round.id]);
  const journal = useJudgeJournal(round.id, judge?.id ?? null);
  const outbox = useLiveQuery(() => repos.journal.countOutbox(bundle.contest.id), [bundle.contest.id]);
  const [cellState, setCellState] = useState<ReadonlyMap<string, CellState>>(new Map());
  const [lastSave, setLastSave] = useState<{ state: CellState; message?: string } | null>(null);
  const shown = useMemo(() => (judge && official && journal ? passScores(journal.projection, official, judge.id, pass) : []), [judge, official, journal, pass]);
  const rows = useMemo(() => (judge ? sheetRows(entrants, judge, shown) : []), [judge, shown, entrants]);
  const submitted = !!judge && !!journal && sheetSubmitted(journal.projection, round.id, judge.id, pass);
  const done = rows.filter((r) => { const x = rowTotalCp(r, criteria); return x.scored === x.expected; }).length;
  const isHead = bundle.judges.some((j) => j.role === 'head');
  // A locked round changes only through amendments, each carrying the reason typed here.
  const [amendDraft, setAmendDraft] = useState('');
  const [amendReason, setAmendReason] = useState<string | null>(null);
  const locked = round.locked;
  const [commenting, setCommenting] = useState<SheetRow | null>(null);
  const comments = useMemo(() => new Map((journal?.projection.comments ?? []).filter((c) => c.judgeId === judge?.id && c.roundId === round.id).map((c) => [c.entrantId, c.text])), [journal, judge, round.id]);

  const base = useCallback((): Omit<UnsealedEvent, 'kind' | 'steps' | 'entrantId' | 'criterionId'> => ({
    v: 1, contestId: bundle.contest.id, roundId: round.id, judgeId: judge!.id, pass,
    by: lockedJudge ? { role: 'judge', name: lockedJudge.name } : { role: 'secretary', name: '' }, at: now().toISOString(), reason: null,
  }), [bundle.contest.id, round.id, judge, pass, lockedJudge, now]);

  const onCommit = useCallback(async (row: SheetRow, c: Criterion, steps: number | null) => {
    if (!judge) return;
    const key = cellKey(row.entrant.id, c.id);
    const mark = (s: CellState) => setCellState((m) => new Map(m).set(key, s));
    mark('saving');
    setLastSave({ state: 'saving' });
    const old = row.values[c.id];
    try {
      const kind = locked ? 'amend' : steps === null ? 'clear' : old === undefined ? 'enter' : 'edit';
      const r = await saver.save({ ...base(), entrantId: row.entrant.id, criterionId: c.id, kind, steps, reason: locked ? amendReason : null });
      mark(r.state);
      setLastSave({ state: r.state, message: r.message });
    } catch (err) {
      setCellState((m) => { const n = new Map(m); n.delete(key); return n; });
      setLastSave({ state: 'localOnly', message: (err as Error).message });
    }
  }, [judge, saver, base, locked, amendReason]);

  const outliers = () => {
    if (!judge || !official) return [];
    return findOutliers(rows.map((r) => ({
      entrantId: r.entrant.id, entrantName: r.entrant.name, totalCp: rowTotalCp(r, criteria).totalCp,
      panelCp: bundle.judges.filter((j) => j.id !== judge.id).flatMap((j) => sheetRows([r.entrant], j, official)).map((row) => rowTotalCp(row, criteria)).filter((x) => x.scored === x.expected && x.expected > 0).map((x) => x.totalCp),
    })), maxTotalCp(criteria));
  };

  return (
    <Stack>
      <Group align="end">
        {clusters.length > 0 && !lockedJudge && (
          <Select label={t('contest.cluster')} data={clusters.map((c) => ({ value: c.id, label: c.name }))} value={clusterId} onChange={setClusterId} allowDeselect={false} w={160} />
        )}
        {!lockedJudge && (
          <Select label={t('scoring.judge')} placeholder={t('scoring.pickJudge')} data={judges.map((j) => ({ value: j.id, label: `GK${bundle.judges.filter((x) => x.order < j.order).length + 1} — ${j.name}` }))} value={judgeId} onChange={setJudgeId} w={300} />
        )}
        {!lockedJudge && judge && (
          <SegmentedControl value={mode} onChange={(v) => setMode(v as Mode)} aria-label="Cách nhập" data={[
            { value: 'direct', label: 'Nhập trực tiếp' }, { value: 'pass1', label: 'Phiếu giấy — lần 1' },
            { value: 'pass2', label: 'Phiếu giấy — lần 2' }, { value: 'review', label: 'Đối chiếu nhập kép' },
          ]} />
        )}
        {lastSave && (
          <Badge size="lg" color={lastSave.state === 'saved' ? 'green' : lastSave.state === 'saving' ? 'gray' : 'orange'} data-testid="save-status">
            {lastSave.state === 'saved' ? t('scoring.saved') : lastSave.state === 'saving' ? t('scoring.saving') : t('scoring.localOnly')}
          </Badge>
        )}
      </Group>
      {!lockedJudge && <PrintSheets bundle={bundle} round={round} />}
      {bundle.judges.length === 0 && <Text c="dimmed">{t('scoring.noJudges')}</Text>}
      {!!outbox && (
        <Alert color="orange" data-testid="outbox">
          <Group justify="space-between">
            <span>{t('scoring.outbox', { count: outbox })}{lastSave?.message ? ` — ${lastSave.message}` : ''}</span>
            <Button size="xs" variant="light" onClick={() => saver.flush(bundle.contest.id)}>{t('scoring.retry')}</Button>
          </Group>
        </Alert>
      )}
      {judge && mode === 'review' && journal && (
        <DoubleKeyReview
          cells={journal.projection.doubleKey.filter((c) => c.judgeId === judge.id && entrants.some((e) => e.id === c.entrantId))}
          entrants={entrants} criteria={criteria}
          onConfirm={async (list) => {
            for (const { cell, steps, reason } of list) {
              await saver.save({ ...base(), pass: null, entrantId: cell.entrantId, criterionId: cell.criterionId, kind: 'verifyConfirm', steps, reason, settles: passRefs(journal.events, cell) });
            }
          }}
        />
      )}
      {locked && judge && !lockedJudge && (
        <Alert color="gray" title="Vòng đã khóa kết quả" data-testid="locked">
          {amendReason ? (
            <Group justify="space-between"><span>Đang điều chỉnh sau khóa. Lý do ghi kèm mỗi thay đổi: “{amendReason}”.</span><Button size="xs" variant="default" onClick={() => setAmendReason(null)}>Kết thúc điều chỉnh</Button></Group>
          ) : (
            <Group align="end">
              <TextInput label="Lý do điều chỉnh (bắt buộc, ghi vào nhật ký)" value={amendDraft} onChange={(e) => setAmendDraft(e.currentTarget.value)} w={420} />
              <Button size="xs" disabled={!amendDraft.trim()} onClick={() => setAmendReason(amendDraft.trim())}>Điều chỉnh điểm</Button>
            </Group>
          )}
        </Alert>
      )}
      {judge && mode !== 'review' && entrants.length === 0 && <Text c="dimmed">{t('scoring.noEntrants')}</Text>}
      {judge && mode !== 'review' && entrants.length > 0 && (
        <>
          <SheetBar
            done={done} total={rows.length} submitted={submitted} canReopen={!lockedJudge && isHead} outliers={outliers}
            onSubmit={async () => { await saver.save({ ...base(), entrantId: null, criterionId: null, kind: 'submit', steps: null }); }}
            onReopen={async (reason) => { await saver.save({ ...base(), by: { role: 'head', name: bundle.judges.find((j) => j.role === 'head')?.name ?? '' }, entrantId: null, criterionId: null, kind: 'reopen', steps: null, reason }); }}
          />
          {!submitted && <Text size="sm" c="dimmed">{t('scoring.hint')}</Text>}
          <ScoreGrid rows={rows} criteria={criteria} cellState={cellState} onCommit={onCommit} readOnly={locked ? !amendReason : submitted}
            comments={comments} onComment={pass === null ? setCommenting : undefined} />
          {commenting && (
            <CommentDialog title={`Nhận xét — ${commenting.entrant.name}`} initial={comments.get(commenting.entrant.id) ?? ''} onClose={() => setCommenting(null)}
              onSave={async (text) => { await saver.save({ ...base(), entrantId: commenting.entrant.id, criterionId: null, kind: 'comment', steps: null, reason: text || null }); }} />
          )}
        </>
      )}
    </Stack>
  );
}
