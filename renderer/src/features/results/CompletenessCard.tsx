/**
 * Provisional until complete, on screen: while a judge assigned to the round has not submitted
 * their sheet the results are "Kết quả tạm thời" and the missing sheets are listed; the head judge
 * can record why a sheet will not come (an absence with a reason), after which the results no
 * longer wait for it. Final results say so, with any absences and their reasons.
 */
import { Alert, Button, Group, List, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { JudgeId, Round } from '@shared/model/types';
import type { Completeness } from '@shared/results/completeness';
import { useDecisions } from './useDecisions';

export function CompletenessCard({
  round,
  completeness,
}: {
  round: Round;
  completeness: Completeness | null;
}) {
  const record = useDecisions(round);
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!completeness)
    return (
      <Text size="sm" c="dimmed" data-testid="completeness-checking">
        Đang kiểm tra các phiếu chấm đã nộp…
      </Text>
    );
  const excused = completeness.excused.length > 0 && (
    <List size="xs" mt="xs" data-testid="absences">
      {completeness.excused.map((e) => (
        <List.Item key={e.judgeId}>{e.message}</List.Item>
      ))}
    </List>
  );
  if (!completeness.provisional) {
    return (
      <Alert color="green" title="Kết quả chính thức" data-testid="results-final">
        {completeness.summary}
        {excused}
      </Alert>
    );
  }
  const judges = new Map<string, string>();
  for (const m of completeness.missing) if (m.judgeId) judges.set(m.judgeId, m.name);
  async function excuse() {
    if (!judgeId || !reason.trim()) return;
    try {
      await record(
        'absences',
        { judgeId: judgeId as JudgeId, reason: reason.trim() },
        'Trưởng ban',
      );
      setJudgeId(null);
      setReason('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <Alert color="orange" title="Kết quả tạm thời" data-testid="provisional" role="status">
      <Text size="sm">{completeness.summary}</Text>
      <List size="sm" mt="xs" data-testid="provisional-missing">
        {completeness.missing.map((m) => (
          <List.Item key={`${m.judgeId ?? ''}|${m.group ?? ''}`}>{m.message}</List.Item>
        ))}
      </List>
      {excused}
      {judges.size > 0 && (
        <Group align="end" mt="sm" gap="xs">
          <Select
            size="xs"
            label="Giám khảo không nộp phiếu"
            placeholder="Chọn giám khảo"
            data={[...judges].map(([value, label]) => ({ value, label }))}
            value={judgeId}
            onChange={setJudgeId}
            w={240}
          />
          <TextInput
            size="xs"
            label="Lý do (Trưởng ban ghi nhận, được lưu lại)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={320}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!judgeId || !reason.trim()}
            onClick={excuse}
          >
            Ghi nhận vắng
          </Button>
        </Group>
      )}
      {error && (
        <Text size="sm" c="red" mt="xs">
          {error}
        </Text>
      )}
    </Alert>
  );
}
