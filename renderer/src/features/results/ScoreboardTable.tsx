/** One group's live scoreboard: judges' totals, result, rank (with the rule that split ties), prize. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { EntrantId, Judge } from '@shared/model/types';
import { formatCp, formatPoints } from '@shared/scoring/format';
import type { ResultGroup } from './results-model';

export function ScoreboardTable({ group, judges, onExplain }: { group: ResultGroup; judges: readonly Judge[]; onExplain: (id: EntrantId) => void }) {
  // Objective parts and penalties get their own columns only when the round has them, so the
  // judges' mean is never confused with the final result.
  const hasObjective = group.tally.results.some((r) => r.objectiveCp !== 0 || r.objectiveMissing.length > 0);
  const hasPenalty = group.tally.results.some((r) => r.penaltyCp !== 0);
  const split = hasObjective || hasPenalty;
  const hasGroup = group.tally.results.some((r) => r.entrant.group);
  return (
    <Table striped withTableBorder data-testid="scoreboard">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>STT</Table.Th><Table.Th>Đội thi / Mô hình</Table.Th><Table.Th>Đơn vị</Table.Th>{hasGroup && <Table.Th>Khối</Table.Th>}
          {judges.map((j, i) => <Table.Th key={j.id} className="gk-num" title={j.name}>GK{i + 1}</Table.Th>)}
          <Table.Th className="gk-num">{split ? 'TB giám khảo' : 'Điểm TB'}</Table.Th>
          {hasObjective && <Table.Th className="gk-num">Khách quan</Table.Th>}
          {hasPenalty && <Table.Th className="gk-num">Điểm trừ</Table.Th>}
          {split && <Table.Th className="gk-num">Kết quả</Table.Th>}
          <Table.Th className="gk-num">Xếp hạng</Table.Th><Table.Th>Giải</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {group.tally.results.map((r, i) => (
          <Table.Tr key={r.entrant.id} data-entrant={r.entrant.name}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td><Anchor component="button" size="sm" onClick={() => onExplain(r.entrant.id)} title="Xem cách tính">{r.entrant.name}</Anchor></Table.Td>
            <Table.Td>{r.entrant.unit}</Table.Td>{hasGroup && <Table.Td>{r.entrant.group ?? ''}</Table.Td>}
            {judges.map((j) => {
              const jt = r.judgeTotals.find((x) => x.judgeId === j.id);
              return (
                <Table.Td key={j.id} className="gk-num" c={jt?.trimmed ? 'dimmed' : undefined} td={jt?.trimmed ? 'line-through' : undefined}>
                  {jt?.totalCp != null ? formatPoints(jt.totalCp) : jt?.absence === 'conflict' ? 'XĐ' : '—'}
                </Table.Td>
              );
            })}
            <Table.Td className="gk-num" fw={split ? undefined : 700} data-testid={split ? 'judged' : 'mean'}>
              {r.judgedCp ? formatPoints(r.judgedCp) : <Text span c="dimmed" size="xs">chưa đủ điểm</Text>}
            </Table.Td>
            {hasObjective && <Table.Td className="gk-num">{r.objectiveMissing.length ? <Text span c="orange" size="xs">thiếu</Text> : formatCp(r.objectiveCp)}</Table.Td>}
            {hasPenalty && <Table.Td className="gk-num" c="red" title={r.penalties.map((p) => p.reason).join('; ')}>{r.penaltyCp ? `−${formatCp(r.penaltyCp)}` : ''}</Table.Td>}
            {split && <Table.Td className="gk-num" fw={700} data-testid="mean">{r.result ? formatPoints(r.result) : ''}</Table.Td>}
            <Table.Td className="gk-num" data-testid="rank">
              {r.rank ?? ''} {r.tied && <Badge size="xs" color="yellow">Đồng hạng</Badge>}
              {r.decidedBy && <Text size="xs" c="dimmed">{r.decidedBy}</Text>}
            </Table.Td>
            <Table.Td data-testid="prize">{group.prizes.get(r.entrant.id) ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
