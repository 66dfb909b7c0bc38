/**
 * One group's live scoreboard: judges' totals, result, rank (with the rule that split ties), prize.
 * A board of more than VIRTUAL_FROM rows (a province's 1,045 models) renders only the rows in view
 * (@tanstack/react-virtual) inside its own scroll box with a sticky header; smaller boards render
 * every row. The table's aria-rowcount always gives the full number of rows.
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type ReactNode } from 'react';
import type { EntrantId, Judge } from '@shared/model/types';
import type { ResultGroup } from '@shared/results/round-results';
import { formatCp, formatPoints } from '@shared/scoring/format';
import type { EntrantResult, JudgeTotal } from '@shared/tally/tally';

export const VIRTUAL_FROM = 100;
const ROW_PX = 37;

interface Columns {
  readonly hasObjective: boolean;
  readonly hasPenalty: boolean;
  readonly split: boolean;
  readonly hasGroup: boolean;
}

interface RowProps {
  readonly r: EntrantResult;
  readonly stt: number;
  readonly judges: readonly Judge[];
  readonly cols: Columns;
  readonly prize: string;
  readonly onExplain: (id: EntrantId) => void;
  readonly index?: number;
  readonly measure?: (el: HTMLTableRowElement | null) => void;
}

const ScoreRow = memo(function ScoreRow({
  r,
  stt,
  judges,
  cols,
  prize,
  onExplain,
  index,
  measure,
}: RowProps) {
  const byJudge = new Map<string, JudgeTotal>(r.judgeTotals.map((t) => [t.judgeId, t]));
  return (
    <Table.Tr data-entrant={r.entrant.name} data-index={index} ref={measure}>
      <Table.Td>{stt}</Table.Td>
      <Table.Td>
        <Anchor
          component="button"
          size="sm"
          onClick={() => onExplain(r.entrant.id)}
          title="Xem cách tính"
        >
          {r.entrant.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{r.entrant.unit}</Table.Td>
      {cols.hasGroup && <Table.Td>{r.entrant.group ?? ''}</Table.Td>}
      {judges.map((j) => {
        const jt = byJudge.get(j.id);
        return (
          <Table.Td
            key={j.id}
            className="gk-num"
            c={jt?.trimmed ? 'dimmed' : undefined}
            td={jt?.trimmed ? 'line-through' : undefined}
          >
            {jt?.totalCp != null
              ? formatPoints(jt.totalCp)
              : jt?.absence === 'conflict'
                ? 'XĐ'
                : '—'}
          </Table.Td>
        );
      })}
      <Table.Td
        className="gk-num"
        fw={cols.split ? undefined : 700}
        data-testid={cols.split ? 'judged' : 'mean'}
      >
        {r.judgedCp ? (
          formatPoints(r.judgedCp)
        ) : (
          <Text span c="dimmed" size="xs">
            chưa đủ điểm
          </Text>
        )}
      </Table.Td>
      {cols.hasObjective && (
        <Table.Td className="gk-num">
          {r.objectiveMissing.length ? (
            <Text span c="orange" size="xs">
              thiếu
            </Text>
          ) : (
            formatCp(r.objectiveCp)
          )}
        </Table.Td>
      )}
      {cols.hasPenalty && (
        <Table.Td className="gk-num" c="red" title={r.penalties.map((p) => p.reason).join('; ')}>
          {r.penaltyCp ? `−${formatCp(r.penaltyCp)}` : ''}
        </Table.Td>
      )}
      {cols.split && (
        <Table.Td className="gk-num" fw={700} data-testid="mean">
          {r.result ? formatPoints(r.result) : ''}
        </Table.Td>
      )}
      <Table.Td className="gk-num" data-testid="rank">
        {r.rank ?? ''}{' '}
        {r.tied && (
          <Badge size="xs" color="yellow">
            Đồng hạng
          </Badge>
        )}
        {r.decidedBy && (
          <Text size="xs" c="dimmed">
            {r.decidedBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="prize">{prize}</Table.Td>
    </Table.Tr>
  );
});

function Head({ judges, cols }: { judges: readonly Judge[]; cols: Columns }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>STT</Table.Th>
        <Table.Th>Đội thi / Mô hình</Table.Th>
        <Table.Th>Đơn vị</Table.Th>
        {cols.hasGroup && <Table.Th>Khối</Table.Th>}
        {judges.map((j, i) => (
          <Table.Th key={j.id} className="gk-num" title={j.name}>
            GK{i + 1}
          </Table.Th>
        ))}
        <Table.Th className="gk-num">{cols.split ? 'TB giám khảo' : 'Điểm TB'}</Table.Th>
        {cols.hasObjective && <Table.Th className="gk-num">Khách quan</Table.Th>}
        {cols.hasPenalty && <Table.Th className="gk-num">Điểm trừ</Table.Th>}
        {cols.split && <Table.Th className="gk-num">Kết quả</Table.Th>}
        <Table.Th className="gk-num">Xếp hạng</Table.Th>
        <Table.Th>Giải</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

export function ScoreboardTable({
  group,
  judges,
  onExplain,
}: {
  group: ResultGroup;
  judges: readonly Judge[];
  onExplain: (id: EntrantId) => void;
}) {
  const results = group.tally.results;
  // Objective parts and penalties get their own columns only when the round has them, so the
  // judges' mean is never confused with the final result.
  const cols = useMemo<Columns>(() => {
    const hasObjective = results.some((r) => r.objectiveCp !== 0 || r.objectiveMissing.length > 0);
    const hasPenalty = results.some((r) => r.penaltyCp !== 0);
    return {
      hasObjective,
      hasPenalty,
      split: hasObjective || hasPenalty,
      hasGroup: results.some((r) => r.entrant.group),
    };
  }, [results]);
  const row = (r: EntrantResult, i: number, extra: Pick<RowProps, 'index' | 'measure'> = {}) => (
    <ScoreRow
      key={r.entrant.id}
      r={r}
      stt={i + 1}
      judges={judges}
      cols={cols}
      prize={group.prizes.get(r.entrant.id) ?? ''}
      onExplain={onExplain}
      {...extra}
    />
  );
  if (results.length <= VIRTUAL_FROM) {
    return (
      <Table striped withTableBorder data-testid="scoreboard" aria-rowcount={results.length + 1}>
        <Head judges={judges} cols={cols} />
        <Table.Tbody>{results.map((r, i) => row(r, i))}</Table.Tbody>
      </Table>
    );
  }
  return <VirtualBoard results={results} judges={judges} cols={cols} row={row} />;
}

function VirtualBoard({
  results,
  judges,
  cols,
  row,
}: {
  results: readonly EntrantResult[];
  judges: readonly Judge[];
  cols: Columns;
  row: (r: EntrantResult, i: number, extra: Pick<RowProps, 'index' | 'measure'>) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  // useFlushSync off: a measured row height re-renders in the next frame, not inside the commit.
  const v = useVirtualizer({
    count: results.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
    useFlushSync: false,
  });
  const items = v.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = v.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span =
    5 +
    judges.length +
    (cols.hasGroup ? 1 : 0) +
    (cols.hasObjective ? 1 : 0) +
    (cols.hasPenalty ? 1 : 0) +
    (cols.split ? 1 : 0);
  return (
    <div ref={box} style={{ maxHeight: '70vh', overflow: 'auto' }} data-testid="scoreboard-scroll">
      <Table
        striped
        withTableBorder
        stickyHeader
        data-testid="scoreboard"
        aria-rowcount={results.length + 1}
        data-virtual="true"
      >
        <Head judges={judges} cols={cols} />
        <Table.Tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={span} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((it) =>
            row(results[it.index], it.index, { index: it.index, measure: v.measureElement }),
          )}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={span} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
