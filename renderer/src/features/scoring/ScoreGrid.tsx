/**
 * One judge's sheet as a keyboard-first grid (react-data-grid): arrows/Tab move, typing replaces,
 * Enter saves and moves down, Tab saves and moves right, Escape reverts. A value that is not a
 * number, out of range or off the step is refused with the reason, and the editor stays open.
 */
import { Alert, Text } from '@mantine/core';
import { memo, useMemo, useRef, useState } from 'react';
import {
  DataGrid,
  type CellKeyDownArgs,
  type CellKeyboardEvent,
  type Column,
  type ColumnGroup,
  type DataGridHandle,
} from 'react-data-grid';
import type { Criterion } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { parseScore } from '@shared/scoring/score-value';
import { columnGroups, rowTotalCp, type CellState, type SheetRow } from './score-grid-model';
import { ScoreEditor } from './ScoreEditor';

export type { CellState };

export interface ScoreGridProps {
  /** Stable row objects (score-grid-model.sheetRows): only a changed row re-renders. */
  readonly rows: readonly SheetRow[];
  readonly criteria: readonly Criterion[];
  readonly onCommit: (row: SheetRow, criterion: Criterion, steps: number | null) => void;
  /** Submitted sheets are shown but not editable. */
  readonly readOnly?: boolean;
  /** The judge's remark per entrant id, and how to write one (absent = no remarks column). */
  readonly comments?: ReadonlyMap<string, string>;
  readonly onComment?: (row: SheetRow) => void;
}

export const cellKey = (entrantId: string, criterionId: string) => `${entrantId}|${criterionId}`;

export const ScoreGrid = memo(function ScoreGrid({
  rows,
  criteria,
  onCommit,
  readOnly = false,
  comments,
  onComment,
}: ScoreGridProps) {
  const grid = useRef<DataGridHandle>(null);
  const [error, setError] = useState<{ text: string; where: string } | null>(null);
  const byId = useMemo(
    () => new Map<string, Criterion>(criteria.map((c) => [c.id, c])),
    [criteria],
  );
  const groups = useMemo(() => columnGroups(criteria), [criteria]);
  const leafOrder = useMemo(() => groups.flatMap((g) => g.leaves), [groups]);

  // Columns depend on nothing that changes per save (a cell's save state lives in its row), so a
  // save re-renders the changed row only.
  const columns = useMemo(
    (): (Column<SheetRow> | ColumnGroup<SheetRow>)[] => [
      { key: 'stt', name: 'STT', width: 50, frozen: true, renderCell: ({ rowIdx }) => rowIdx + 1 },
      {
        key: 'entrant',
        name: 'Đội thi / Mô hình',
        width: 260,
        frozen: true,
        renderCell: ({ row }) => (
          <span title={row.entrant.unit}>
            {row.entrant.name}
            {row.conflict && (
              <Text span c="orange" size="xs">
                {' '}
                (xung đột lợi ích)
              </Text>
            )}
          </span>
        ),
      },
      ...groups.map((g): ColumnGroup<SheetRow> => ({
        name: `${g.part.name} (${formatCp(g.part.maxCp)})`,
        children: g.leaves.map((c): Column<SheetRow> => ({
          key: c.id,
          name: `${c.name} (${formatCp(c.maxCp)})`,
          width: 130,
          editable: (row) => !readOnly && !row.conflict,
          // Saves land while the next cell is being typed: keep that editor open through the update.
          editorOptions: { closeOnExternalRowChange: false },
          cellClass: (row) => {
            const st = row.state[c.id];
            return `gk-num${st === 'localOnly' ? ' gk-cell-saved-local' : st === 'failed' ? ' gk-cell-error' : ''}`;
          },
          renderCell: ({ row }) => {
            const v = row.values[c.id];
            const st = row.state[c.id];
            return (
              <span
                data-cell={cellKey(row.entrant.id, c.id)}
                data-state={st ?? (v === undefined ? 'empty' : 'saved')}
              >
                {v === undefined || v === null ? '' : formatCp(v * c.stepCp)}
              </span>
            );
          },
          renderEditCell: (p) => (
            <ScoreEditor
              {...p}
              criterion={c}
              error={error?.where === cellKey(p.row.entrant.id, c.id) ? error.text : null}
            />
          ),
        })),
      })),
      {
        key: 'total',
        name: 'Tổng',
        width: 90,
        cellClass: 'gk-num',
        renderCell: ({ row }) => {
          const t = rowTotalCp(row, criteria);
          return <b data-total={row.entrant.id}>{t.scored ? formatCp(t.totalCp) : ''}</b>;
        },
      },
      ...(onComment
        ? [
            {
              key: 'comment',
              name: 'Nhận xét',
              width: 220,
              renderCell: ({ row }: { row: SheetRow }) => (
                <Text
                  size="xs"
                  truncate="end"
                  c={comments?.get(row.entrant.id) ? undefined : 'dimmed'}
                  style={{ cursor: readOnly ? 'default' : 'pointer' }}
                  onDoubleClick={() => !readOnly && onComment(row)}
                  title="Nhấp đúp hoặc nhấn Enter để ghi nhận xét"
                  data-comment={row.entrant.id}
                >
                  {comments?.get(row.entrant.id) ?? (readOnly ? '' : '+ nhận xét')}
                </Text>
              ),
            } satisfies Column<SheetRow>,
          ]
        : []),
    ],
    [groups, criteria, error, readOnly, comments, onComment],
  );

  // Moving the active cell right after closing an editor makes the grid commit the same draft
  // once more through onRowsChange; each draft is saved once.
  const committed = useRef(new WeakSet<object>());

  /** Validate the open editor's text; on success save and report true. */
  function commitDraft(row: SheetRow, criterionId: string): boolean {
    const c = byId.get(criterionId);
    if (!c || row.draft?.criterionId !== criterionId) return true;
    if (committed.current.has(row.draft)) return true;
    const parsed = parseScore(row.draft.text, c);
    if (!parsed.ok) {
      setError({
        text: `${row.entrant.name} — ${c.name}: ${parsed.message}`,
        where: cellKey(row.entrant.id, c.id),
      });
      return false;
    }
    setError(null);
    committed.current.add(row.draft);
    const old = row.values[c.id] ?? null;
    if (parsed.steps !== old) onCommit(row, c, parsed.steps);
    return true;
  }

  function onCellKeyDown(args: CellKeyDownArgs<SheetRow>, event: CellKeyboardEvent) {
    if (
      args.mode === 'ACTIVE' &&
      args.column?.key === 'comment' &&
      args.row &&
      event.key === 'Enter' &&
      onComment &&
      !readOnly
    ) {
      event.preventGridDefault();
      onComment(args.row);
      return;
    }
    if (args.mode !== 'EDIT') return;
    const { row, column, rowIdx } = args;
    if (event.key === 'Escape') {
      setError(null);
      return;
    }
    if (event.key !== 'Enter' && event.key !== 'Tab') return;
    event.preventGridDefault();
    event.preventDefault();
    // The editor's keydown also bubbles to the grid, which would call us a second time.
    event.stopPropagation();
    if (!commitDraft(row, column.key)) return;
    args.onClose(false);
    const col = leafOrder.findIndex((c) => c.id === column.key);
    const firstIdx = 2; // STT and entrant columns come first
    if (event.key === 'Enter')
      grid.current?.setActivePosition({
        idx: column.idx,
        rowIdx: Math.min(rowIdx + 1, rows.length - 1),
      });
    else if (col < leafOrder.length - 1 && !event.shiftKey)
      grid.current?.setActivePosition({ idx: column.idx + 1, rowIdx });
    else if (col > 0 && event.shiftKey)
      grid.current?.setActivePosition({ idx: column.idx - 1, rowIdx });
    else if (!event.shiftKey)
      grid.current?.setActivePosition({
        idx: firstIdx,
        rowIdx: Math.min(rowIdx + 1, rows.length - 1),
      });
  }

  return (
    <>
      <DataGrid
        ref={grid}
        className="gk-grid rdg-light"
        aria-label="Phiếu chấm điểm"
        columns={columns}
        rows={rows}
        rowKeyGetter={(r) => r.entrant.id}
        onCellKeyDown={onCellKeyDown}
        onRowsChange={(next, { indexes, column }) => {
          // Reached when the editor commits by a click outside it: validate like Enter does.
          const row = next[indexes[0]];
          if (row) commitDraft(row, column.key);
        }}
        defaultColumnOptions={{ resizable: true }}
        headerRowHeight={52}
      />
      {error && (
        <Alert color="red" mt="xs" role="alert" data-testid="score-error">
          {error.text}
        </Alert>
      )}
    </>
  );
});
