/**
 * What the secretary enters once per entrant, beside the judges' sheets: the official score of
 * objective parts (e.g. 10 knowledge questions), penalties with their reason (e.g. −0,5 for going
 * over time), and the tie-break question (câu hỏi phụ) for entrants who are tied. Every value is a
 * journal event like any score.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { project } from '@shared/journal/projection';
import type { UnsealedEvent } from '@shared/journal/event';
import type { ContestBundle } from '@shared/model/bundle';
import { leaves } from '@shared/model/criteria-tree';
import type { Entrant, Round } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { parseCentipoints, parseScore } from '@shared/scoring/score-value';
import { useServices } from '../../app/services';

function ValueCell({
  initial,
  label,
  onSave,
}: {
  initial: string;
  label: string;
  onSave: (text: string) => Promise<string | null>;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const commit = async () => {
    if (text !== initial) setError(await onSave(text));
  };
  return (
    <TextInput
      size="xs"
      w={90}
      value={text}
      aria-label={label}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function ExtrasPanel({ bundle, round }: { bundle: ContestBundle; round: Round }) {
  const { repos, saver, now } = useServices();
  const events = useLiveQuery(() => repos.journal.extraEvents(round.id), [round.id]);
  const p = useMemo(() => (events ? project(events) : null), [events]);
  const objective = leaves(bundle.criteria.filter((c) => c.roundId === round.id)).filter(
    (c) => c.objective,
  );
  const entrants = bundle.entrants
    .filter((e) => e.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  const [reason, setReason] = useState<Record<string, string>>({});
  if (!p) return null;

  const save = async (
    e: Omit<UnsealedEvent, 'v' | 'contestId' | 'roundId' | 'pass' | 'by' | 'at'>,
  ) => {
    await saver.save({
      v: 1,
      contestId: bundle.contest.id,
      roundId: round.id,
      pass: null,
      by: { role: 'secretary', name: '' },
      at: now().toISOString(),
      ...e,
    });
  };
  const objectiveOf = (en: Entrant, cid: string) =>
    p.objectives.find((o) => o.entrantId === en.id && o.criterionId === cid)?.steps;
  const penaltyOf = (en: Entrant) =>
    p.penalties.find((x) => x.entrantId === en.id && x.criterionId === null)?.cp;
  const penaltyReason = (en: Entrant) =>
    p.penalties.find((x) => x.entrantId === en.id && x.criterionId === null)?.reason;
  const tieOf = (en: Entrant) => p.tieBreaks.find((x) => x.entrantId === en.id)?.steps;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Điểm phần thi khách quan do thư ký nhập một lần; điểm trừ cần ghi lý do; câu hỏi phụ chỉ
        nhập cho các đội đang bằng điểm cần phân định.
      </Text>
      {objective.length === 0 && (
        <Alert color="gray">
          Vòng này không có phần thi khách quan (đánh dấu “Khách quan” cho tiêu chí trong Thiết
          lập).
        </Alert>
      )}
      <Table withTableBorder striped data-testid="extras-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đội thi / Mô hình</Table.Th>
            {objective.map((c) => (
              <Table.Th key={c.id}>
                {c.name} (tối đa {formatCp(c.maxCp)})
              </Table.Th>
            ))}
            <Table.Th>Điểm trừ</Table.Th>
            <Table.Th>Lý do trừ điểm</Table.Th>
            <Table.Th>Câu hỏi phụ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entrants.map((en) => {
            const pen = penaltyOf(en);
            return (
              <Table.Tr key={en.id}>
                <Table.Td>{en.name}</Table.Td>
                {objective.map((c) => {
                  const v = objectiveOf(en, c.id);
                  return (
                    <Table.Td key={c.id}>
                      <ValueCell
                        label={`${c.name} — ${en.name}`}
                        initial={v == null ? '' : formatCp(v * c.stepCp)}
                        onSave={async (text) => {
                          const r = parseScore(text, c);
                          if (!r.ok) return r.message;
                          await save({
                            kind: 'objective',
                            judgeId: null,
                            entrantId: en.id,
                            criterionId: c.id,
                            steps: r.steps,
                            reason: null,
                          });
                          return null;
                        }}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <Group gap={4}>
                    <ValueCell
                      label={`Điểm trừ — ${en.name}`}
                      initial={pen == null ? '' : formatCp(pen)}
                      onSave={async (text) => {
                        const cp =
                          text.trim() === '' ? null : parseCentipoints(text.replace(/^[-−]/, ''));
                        if (cp === 'fraction' || (text.trim() !== '' && cp === null))
                          return 'Điểm trừ là số, ví dụ 0,5.';
                        const why = (reason[en.id] ?? penaltyReason(en) ?? '').trim();
                        if (!why) return 'Ghi lý do trừ điểm trước.';
                        await save({
                          kind: 'penalty',
                          judgeId: null,
                          entrantId: en.id,
                          criterionId: null,
                          steps: cp,
                          reason: why,
                        });
                        return null;
                      }}
                    />
                    {pen ? (
                      <Badge color="red" variant="light">
                        −{formatCp(pen)}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Lý do trừ điểm — ${en.name}`}
                    value={reason[en.id] ?? penaltyReason(en) ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setReason((r) => ({ ...r, [en.id]: v }));
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <ValueCell
                    label={`Câu hỏi phụ — ${en.name}`}
                    initial={tieOf(en) == null ? '' : formatCp(tieOf(en)!)}
                    onSave={async (text) => {
                      const cp = text.trim() === '' ? null : parseCentipoints(text);
                      if (cp === 'fraction' || (text.trim() !== '' && cp === null))
                        return 'Điểm câu hỏi phụ là số.';
                      await save({
                        kind: 'tieBreak',
                        judgeId: null,
                        entrantId: en.id,
                        criterionId: null,
                        steps: cp,
                        reason: 'Câu hỏi phụ phân định đồng điểm',
                      });
                      return null;
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Button variant="subtle" size="xs" onClick={() => saver.flush(bundle.contest.id)} w={200}>
        Ghi ngay vào sổ điểm
      </Button>
    </Stack>
  );
}
