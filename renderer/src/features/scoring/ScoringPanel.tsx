/**
 * Score entry. Three ways in: a judge types on this laptop (direct entry, or the judge's own locked
 * session), or a secretary types a judge's paper sheet twice (double-key) and verifies it. Each
 * accepted value goes through the score saver (IndexedDB + journal file) and the cell shows
 * whether it is saved on disk or only on this device.
 *
 * Sized to the screen: the sheet reads one judge's scores through an index and keeps them live by
 * re-reading only the cells a write touched; a save re-renders the changed row only; the round's
 * other sheets are read only when the judge asks to submit (the outlier prompt).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsealedEvent } from '@shared/journal/event';
import type { ContestBundle } from '@shared/model/bundle';
import { maxTotalCp } from '@shared/model/criteria-tree';
import type { ContestId, Criterion, Entrant, Judge, Round } from '@shared/model/types';
import { useServices } from '../../app/services';
import type { SaveStatus } from '../../journal/score-saver';
import { DoubleKeyReview } from './DoubleKeyReview';
import {
  completeRows,
  sheetEntrants,
  sheetOutliers,
  sheetRows,
  valuesOf,
  type CellState,
  type SheetRow,
  type SheetStates,
} from './score-grid-model';
import { ScoreGrid } from './ScoreGrid';
import { passRefs, passScores, sheetSubmitted, type EntryPass } from './sheet-model';
import { CommentDialog } from './CommentDialog';
import { PrintSheets } from './PrintSheets';
import { SheetBar } from './SheetBar';
import { useJudgeJournal } from './useRoundJournal';
import { useSheetScores } from './useSheetScores';

type Mode = 'direct' | 'pass1' | 'pass2' | 'review';
const passOf = (m: Mode): EntryPass => (m === 'pass1' ? 1 : m === 'pass2' ? 2 : null);

export interface ScoringPanelProps {
  readonly bundle: ContestBundle;
  readonly round: Round;
  /** A judge's own session: only this judge's sheet, no mode or judge switch. */
  readonly lockedJudge?: Judge;
}

/**
 * A view of the contest's save status, re-rendering its component only when `pick`'s answer (a
 * string) changes — so the save path re-renders the badge, not the screen around it.
 */
function useSaveStatus(contestId: string, pick: (s: SaveStatus) => string): string {
  const { saver } = useServices();
  return useSyncExternalStore(saver.subscribe, () => pick(saver.status(contestId)));
}

const badgeOf = (s: SaveStatus) => (s.pending > 0 ? 'saving' : s.failed ? 'localOnly' : 'saved');

/** "Đang lưu… / Đã lưu / Chỉ lưu trên máy này": saved = in IndexedDB and acknowledged by the journal. */
function SaveBadge({ contestId, typed }: { contestId: string; typed: boolean }) {
  const { t } = useTranslation();
  const [badge, unrecorded] = useSaveStatus(
    contestId,
    (s) => `${badgeOf(s)} ${s.unrecorded}`,
  ).split(' ');
  if (!typed && badge === 'saved') return null;
  // data-unrecorded: values accepted but not yet in IndexedDB (what closing now would lose).
  return (
    <Badge
      size="lg"
      color={badge === 'saved' ? 'green' : badge === 'saving' ? 'gray' : 'orange'}
      data-testid="save-status"
      data-unrecorded={unrecorded}
    >
      {badge === 'saved'
        ? t('scoring.saved')
        : badge === 'saving'
          ? t('scoring.saving')
          : t('scoring.localOnly')}
    </Badge>
  );
}

/** Changes waiting in the outbox after a failed journal send, with a retry. */
function OutboxAlert({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const { saver } = useServices();
  const view = useSaveStatus(contestId, (s) =>
    s.failed && s.waiting > 0 ? JSON.stringify([s.waiting, s.message ?? '']) : '',
  );
  if (!view) return null;
  const [waiting, message] = JSON.parse(view) as [number, string];
  return (
    <Alert color="orange" data-testid="outbox">
      <Group justify="space-between">
        <span>
          {t('scoring.outbox', { count: waiting })}
          {message ? ` — ${message}` : ''}
        </span>
        <Button size="xs" variant="light" onClick={() => saver.flush(contestId as ContestId)}>
          {t('scoring.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

export function ScoringPanel({ bundle, round, lockedJudge }: ScoringPanelProps) {
  const { t } = useTranslation();
  const clusters = bundle.clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  const [clusterId, setClusterId] = useState<string | null>(
    lockedJudge?.clusterIds[0] ?? clusters[0]?.id ?? null,
  );
  const judges = bundle.judges
    .filter(
      (j) => !clusterId || j.clusterIds.length === 0 || j.clusterIds.includes(clusterId as never),
    )
    .sort((a, b) => a.order - b.order);
  const [judgeId, setJudgeId] = useState<string | null>(lockedJudge?.id ?? null);
  const judge = lockedJudge ?? judges.find((j) => j.id === judgeId) ?? null;
  const [mode, setMode] = useState<Mode>('direct');
  const criteria = useMemo(
    () => bundle.criteria.filter((c) => c.roundId === round.id),
    [bundle.criteria, round.id],
  );
  const entrants = useMemo(
    () =>
      bundle.entrants
        .filter((e) => e.roundId === round.id && (!clusterId || e.clusterId === clusterId))
        .sort((a, b) => a.order - b.order),
    [bundle.entrants, round.id, clusterId],
  );
  const [typed, setTyped] = useState(false);
  const [recordError, setRecordError] = useState<string | null>(null);
  const onSaving = useCallback(() => setTyped(true), []);

  return (
    <Stack>
      <Group align="end">
        {clusters.length > 0 && !lockedJudge && (
          <Select
            label={t('contest.cluster')}
            data={clusters.map((c) => ({ value: c.id, label: c.name }))}
            value={clusterId}
            onChange={setClusterId}
            allowDeselect={false}
            w={160}
          />
        )}
        {!lockedJudge && (
          <Select
            label={t('scoring.judge')}
            placeholder={t('scoring.pickJudge')}
            data={judges.map((j) => ({
              value: j.id,
              label: `GK${bundle.judges.filter((x) => x.order < j.order).length + 1} — ${j.name}`,
            }))}
            value={judgeId}
            onChange={setJudgeId}
            w={300}
          />
        )}
        {!lockedJudge && judge && (
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            aria-label="Cách nhập"
            data={[
              { value: 'direct', label: 'Nhập trực tiếp' },
              { value: 'pass1', label: 'Phiếu giấy — lần 1' },
              { value: 'pass2', label: 'Phiếu giấy — lần 2' },
              { value: 'review', label: 'Đối chiếu nhập kép' },
            ]}
          />
        )}
        <SaveBadge contestId={bundle.contest.id} typed={typed} />
      </Group>
      {!lockedJudge && <PrintSheets bundle={bundle} round={round} />}
      {bundle.judges.length === 0 && <Text c="dimmed">{t('scoring.noJudges')}</Text>}
      {recordError && (
        <Alert
          color="red"
          title="Chưa lưu được vào máy này"
          data-testid="record-error"
          withCloseButton
          onClose={() => setRecordError(null)}
        >
          {recordError} Ô bị tô đỏ chưa được lưu; hãy gõ lại.
        </Alert>
      )}
      <OutboxAlert contestId={bundle.contest.id} />
      {judge && (
        <JudgeSheet
          key={`${judge.id}|${mode}|${clusterId ?? ''}`}
          bundle={bundle}
          round={round}
          judge={judge}
          mode={mode}
          lockedJudge={lockedJudge}
          entrants={entrants}
          criteria={criteria}
          onSaving={onSaving}
          onRecordError={setRecordError}
        />
      )}
    </Stack>
  );
}

interface JudgeSheetProps {
  readonly bundle: ContestBundle;
  readonly round: Round;
  readonly judge: Judge;
  readonly mode: Mode;
  readonly lockedJudge?: Judge;
  readonly entrants: readonly Entrant[];
  readonly criteria: readonly Criterion[];
  readonly onSaving: () => void;
  readonly onRecordError: (message: string) => void;
}

/** One judge's sheet in one entry mode (remounted when either changes, so cell states never leak). */
const JudgeSheet = memo(function JudgeSheet({
  bundle,
  round,
  judge,
  mode,
  lockedJudge,
  entrants,
  criteria,
  onSaving,
  onRecordError,
}: JudgeSheetProps) {
  const { t } = useTranslation();
  const { repos, saver, now } = useServices();
  const pass = passOf(mode);
  const official = useSheetScores(bundle.contest.id, round.id, mode === 'direct' ? judge.id : null);
  const journal = useJudgeJournal(round.id, judge.id, mode !== 'direct');
  const passValues = useMemo(
    () =>
      pass !== null && journal?.passes
        ? valuesOf(passScores(journal.passes.projection, [], judge.id, pass))
        : undefined,
    [journal?.passes, judge.id, pass],
  );
  const shown = mode === 'direct' ? official : passValues;
  const mine = useMemo(() => sheetEntrants(entrants, judge), [entrants, judge]);

  // Save state of each cell typed here, kept in its row so only that row re-renders.
  const [states, setStates] = useState<SheetStates>(() => new Map());
  const setCell = useCallback(
    (entrantId: string, criterionId: string, st: CellState) =>
      setStates((m) => {
        if (m.get(entrantId)?.[criterionId] === st) return m;
        return new Map(m).set(entrantId, { ...m.get(entrantId), [criterionId]: st });
      }),
    [],
  );
  const rowCache = useRef(new Map<string, SheetRow>());
  const rows = useMemo(
    () => (shown ? sheetRows(mine, judge, shown, states, rowCache.current) : []),
    [mine, judge, shown, states],
  );
  const done = useMemo(() => completeRows(rows, criteria), [rows, criteria]);
  const submitted = !!journal && sheetSubmitted(journal.sheet, round.id, judge.id, pass);
  const isHead = bundle.judges.some((j) => j.role === 'head');
  // A locked round changes only through amendments, each carrying the reason typed here.
  const [amendDraft, setAmendDraft] = useState('');
  const [amendReason, setAmendReason] = useState<string | null>(null);
  const locked = round.locked;
  const [commenting, setCommenting] = useState<SheetRow | null>(null);
  const comments = useMemo(
    () =>
      new Map(
        (journal?.sheet.comments ?? [])
          .filter((c) => c.judgeId === judge.id && c.roundId === round.id)
          .map((c) => [c.entrantId, c.text]),
      ),
    [journal?.sheet, judge.id, round.id],
  );

  const base = useCallback(
    (): Omit<UnsealedEvent, 'kind' | 'steps' | 'entrantId' | 'criterionId'> => ({
      v: 1,
      contestId: bundle.contest.id,
      roundId: round.id,
      judgeId: judge.id,
      pass,
      by: lockedJudge ? { role: 'judge', name: lockedJudge.name } : { role: 'secretary', name: '' },
      at: now().toISOString(),
      reason: null,
    }),
    [bundle.contest.id, round.id, judge.id, pass, lockedJudge, now],
  );

  // The latest save of each cell decides its state (an older save's answer never overwrites it).
  const latest = useRef({ n: 0, byCell: new Map<string, number>() });
  const onCommit = useCallback(
    (row: SheetRow, c: Criterion, steps: number | null) => {
      const entrantId = row.entrant.id;
      const key = `${entrantId}|${c.id}`;
      const token = ++latest.current.n;
      latest.current.byCell.set(key, token);
      const current = () => latest.current.byCell.get(key) === token;
      setCell(entrantId, c.id, 'saving');
      onSaving();
      const kind = locked
        ? 'amend'
        : steps === null
          ? 'clear'
          : row.values[c.id] === undefined
            ? 'enter'
            : 'edit';
      // Called from the keystroke itself: the IndexedDB transaction starts before the next key is handled.
      saver
        .save({
          ...base(),
          entrantId,
          criterionId: c.id,
          kind,
          steps,
          reason: locked ? amendReason : null,
        })
        .then(
          (r) => {
            if (r.state === 'localOnly') setHasLocalOnly(true);
            if (current()) setCell(entrantId, c.id, r.state);
          },
          (err: unknown) => {
            if (current()) setCell(entrantId, c.id, 'failed');
            onRecordError((err as Error).message);
          },
        );
    },
    [saver, base, locked, amendReason, setCell, onSaving, onRecordError],
  );

  // A later successful send carried every change that was waiting: those cells are saved now.
  const [hasLocalOnly, setHasLocalOnly] = useState(false);
  useEffect(() => {
    if (!hasLocalOnly) return;
    const since = saver.status(bundle.contest.id).sends;
    return saver.subscribe(() => {
      const s = saver.status(bundle.contest.id);
      if (s.failed || s.sends === since) return;
      setHasLocalOnly(false);
      setStates((m) => {
        let changed = false;
        const n = new Map(m);
        for (const [e, rec] of m) {
          if (!Object.values(rec).includes('localOnly')) continue;
          changed = true;
          n.set(
            e,
            Object.fromEntries(
              Object.entries(rec).map(([c, st]) => [c, st === 'localOnly' ? 'saved' : st]),
            ),
          );
        }
        return changed ? n : m;
      });
    });
  }, [hasLocalOnly, saver, bundle.contest.id]);

  // Read when the judge asks to submit: the round's other sheets are not kept live here.
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  const outliers = useCallback(
    async () =>
      sheetOutliers(
        rowsNow.current,
        judge,
        bundle.judges,
        criteria,
        await repos.journal.scores(round.id),
        maxTotalCp(criteria),
      ),
    [judge, bundle.judges, criteria, repos, round.id],
  );
  const onSubmit = useCallback(async () => {
    await saver.save({
      ...base(),
      entrantId: null,
      criterionId: null,
      kind: 'submit',
      steps: null,
    });
  }, [saver, base]);
  const onReopen = useCallback(
    async (reason: string) => {
      await saver.save({
        ...base(),
        by: { role: 'head', name: bundle.judges.find((j) => j.role === 'head')?.name ?? '' },
        entrantId: null,
        criterionId: null,
        kind: 'reopen',
        steps: null,
        reason,
      });
    },
    [saver, base, bundle.judges],
  );

  return (
    <>
      {mode === 'review' && journal?.passes && (
        <DoubleKeyReview
          cells={journal.passes.projection.doubleKey.filter(
            (c) => c.judgeId === judge.id && entrants.some((e) => e.id === c.entrantId),
          )}
          entrants={entrants}
          criteria={criteria}
          onConfirm={async (list) => {
            for (const { cell, steps, reason } of list) {
              await saver.save({
                ...base(),
                pass: null,
                entrantId: cell.entrantId,
                criterionId: cell.criterionId,
                kind: 'verifyConfirm',
                steps,
                reason,
                settles: passRefs(journal.passes!.events, cell),
              });
            }
          }}
        />
      )}
      {locked && !lockedJudge && (
        <Alert color="gray" title="Vòng đã khóa kết quả" data-testid="locked">
          {amendReason ? (
            <Group justify="space-between">
              <span>Đang điều chỉnh sau khóa. Lý do ghi kèm mỗi thay đổi: “{amendReason}”.</span>
              <Button size="xs" variant="default" onClick={() => setAmendReason(null)}>
                Kết thúc điều chỉnh
              </Button>
            </Group>
          ) : (
            <Group align="end">
              <TextInput
                label="Lý do điều chỉnh (bắt buộc, ghi vào nhật ký)"
                value={amendDraft}
                onChange={(e) => setAmendDraft(e.currentTarget.value)}
                w={420}
              />
              <Button
                size="xs"
                disabled={!amendDraft.trim()}
                onClick={() => setAmendReason(amendDraft.trim())}
              >
                Điều chỉnh điểm
              </Button>
            </Group>
          )}
        </Alert>
      )}
      {mode !== 'review' && entrants.length === 0 && (
        <Text c="dimmed">{t('scoring.noEntrants')}</Text>
      )}
      {mode !== 'review' && entrants.length > 0 && (
        <>
          <SheetBar
            done={done}
            total={rows.length}
            submitted={submitted}
            canReopen={!lockedJudge && isHead}
            outliers={outliers}
            onSubmit={onSubmit}
            onReopen={onReopen}
          />
          {!submitted && (
            <Text size="sm" c="dimmed">
              {t('scoring.hint')}
            </Text>
          )}
          <ScoreGrid
            rows={rows}
            criteria={criteria}
            onCommit={onCommit}
            readOnly={!journal || (locked ? !amendReason : submitted)}
            comments={comments}
            onComment={pass === null ? setCommenting : undefined}
          />
          {commenting && (
            <CommentDialog
              title={`Nhận xét — ${commenting.entrant.name}`}
              initial={comments.get(commenting.entrant.id) ?? ''}
              onClose={() => setCommenting(null)}
              onSave={async (text) => {
                await saver.save({
                  ...base(),
                  entrantId: commenting.entrant.id,
                  criterionId: null,
                  kind: 'comment',
                  steps: null,
                  reason: text || null,
                });
              }}
            />
          )}
        </>
      )}
    </>
  );
});
