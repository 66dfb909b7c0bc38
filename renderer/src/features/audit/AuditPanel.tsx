/**
 * The audit log: every change from the journal (who, when, old → new, reason), filterable by judge
 * and entrant; the integrity check of the journal file on disk ("Kiểm tra toàn vẹn"); and the check
 * of a printed document's code against the journal ("Kiểm tra bản in", PrintCheckCard).
 */
import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { JournalCheck } from '@shared/bridge/contract';
import { auditTrail } from '@shared/audit/audit-trail';
import { CONTEST_SCOPE } from '@shared/journal/setup-event';
import { refOf } from '@shared/journal/ref';
import { healJournal } from '../../journal/recover';
import { diffScores, project, type Conflict } from '@shared/journal/projection';
import { ConflictsCard } from './ConflictsCard';
import { PrintCheckCard } from './PrintCheckCard';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import { useServices } from '../../app/services';

export function AuditPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { repos, bridge } = useServices();
  const events = useLiveQuery(() => repos.journal.events(bundle.contest.id), [bundle.contest.id]);
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const [entrantId, setEntrantId] = useState<string | null>(null);
  const [check, setCheck] = useState<
    (JournalCheck & { missing: number }) | { error: string } | null
  >(null);
  const entrants = bundle.entrants.filter((e) => e.roundId === round.id);
  const rows = useMemo(
    () =>
      auditTrail(
        (events ?? []).filter((e) => e.roundId === round.id || e.roundId === CONTEST_SCOPE),
        { judges: bundle.judges, entrants, criteria: bundle.criteria },
        { judgeId: judgeId ?? undefined, entrantId: entrantId ?? undefined },
      ),
    [events, round.id, bundle, entrants, judgeId, entrantId],
  );
  const [diff, setDiff] = useState<string[] | null>(null);
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  /** Database vs journal on disk: every cell whose value differs, or a message that they agree. */
  async function compare() {
    const journal = await bridge['journal:read'](bundle.contest.id);
    if (!journal.ok) return setDiff([journal.error.message]);
    const mine = await repos.journal.scores(round.id);
    const p = project(journal.value.filter((e) => e.roundId === round.id));
    setDiff(diffScores(mine, p).map((d) => d.message));
    setConflicts(p.conflicts);
  }
  /**
   * The file's own check, and the file against this device: a file that is intact but lacks events
   * this device had confirmed (its tail cut, or the file deleted) is not "nguyên vẹn".
   */
  async function verify() {
    const id = bundle.contest.id;
    const [r, disk] = await Promise.all([bridge['journal:verify'](id), bridge['journal:read'](id)]);
    if (!r.ok || !disk.ok)
      return setCheck({ error: !r.ok ? r.error.message : !disk.ok ? disk.error.message : '' });
    const onDisk = new Set(disk.value.map(refOf));
    const pending = new Set((await repos.journal.outbox(id)).map(refOf));
    const missing = (await repos.journal.events(id)).filter(
      (e) => !onDisk.has(refOf(e)) && !pending.has(refOf(e)),
    ).length;
    setCheck({ ...r.value, missing });
  }
  async function heal() {
    await healJournal(bundle.contest.id, repos, bridge);
    await verify();
  }
  return (
    <Stack>
      <Group align="end">
        <Select
          label="Giám khảo"
          clearable
          data={bundle.judges.map((j) => ({ value: j.id, label: j.name }))}
          value={judgeId}
          onChange={setJudgeId}
          w={240}
        />
        <Select
          label="Đội thi / Mô hình"
          clearable
          searchable
          data={entrants.map((e) => ({ value: e.id, label: e.name }))}
          value={entrantId}
          onChange={setEntrantId}
          w={320}
        />
        <Button variant="light" onClick={verify}>
          Kiểm tra toàn vẹn
        </Button>
        <Button variant="default" onClick={compare}>
          So sánh dữ liệu máy này với sổ điểm
        </Button>
      </Group>
      {check && 'error' in check && <Alert color="red">{check.error}</Alert>}
      {check && !('error' in check) && (
        <Alert color={check.ok && check.missing === 0 ? 'green' : 'red'} data-testid="integrity">
          {!check.ok
            ? `Sổ điểm có chỗ bị sửa hoặc hỏng — ${check.firstBad?.reason ?? ''} (dòng ${(check.firstBad?.line ?? 0) + 1}).`
            : check.missing > 0
              ? `Sổ điểm trên đĩa thiếu ${check.missing.toLocaleString('vi-VN')} sự kiện đã được xác nhận trên máy này (tệp bị cắt bớt hoặc bị xóa); ${check.events.toLocaleString('vi-VN')} sự kiện còn lại hợp lệ. Máy này còn giữ đủ để ghi lại.`
              : `Sổ điểm nguyên vẹn: ${check.events.toLocaleString('vi-VN')} sự kiện, mã kiểm tra ${check.head}.`}
          {check.ok && check.missing > 0 && (
            <Button size="xs" ml="sm" onClick={heal}>
              Ghi bổ sung vào sổ điểm
            </Button>
          )}
        </Alert>
      )}
      <ConflictsCard bundle={bundle} conflicts={conflicts} onDone={compare} />
      {diff && (
        <Alert color={diff.length ? 'red' : 'green'} data-testid="db-vs-journal">
          {diff.length ? (
            <ul>
              {diff.slice(0, 50).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            'Điểm trên máy này khớp hoàn toàn với sổ điểm trên đĩa.'
          )}
        </Alert>
      )}
      <PrintCheckCard key={round.id} bundle={bundle} round={round} />
      <Text size="sm" c="dimmed">
        {rows.length} thay đổi
      </Text>
      <Table striped withTableBorder data-testid="audit-table" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Thời gian</Table.Th>
            <Table.Th>Người thực hiện</Table.Th>
            <Table.Th>Thao tác</Table.Th>
            <Table.Th>Giám khảo</Table.Th>
            <Table.Th>Đội thi / Mô hình</Table.Th>
            <Table.Th>Tiêu chí</Table.Th>
            <Table.Th>Cũ → Mới</Table.Th>
            <Table.Th>Lý do</Table.Th>
            <Table.Th>Máy</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows
            .slice(-500)
            .reverse()
            .map((r) => (
              <Table.Tr key={r.ref}>
                <Table.Td>{new Date(r.at).toLocaleString('vi-VN')}</Table.Td>
                <Table.Td>{r.who}</Table.Td>
                <Table.Td>{r.action}</Table.Td>
                <Table.Td>{r.judge}</Table.Td>
                <Table.Td>{r.entrant}</Table.Td>
                <Table.Td>{r.criterion}</Table.Td>
                <Table.Td>
                  {r.from || '∅'} → {r.to || '∅'}
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>{r.device}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
