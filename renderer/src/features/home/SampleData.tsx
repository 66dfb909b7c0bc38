/**
 * "Mở dữ liệu mẫu": a realistic demo in one click — a city contest (6 clusters of 5–7 teams, 5
 * judges each, every score entered, and a final) or a province award round of 1,045 models. The
 * scores go in as journal events like typed ones, so every screen, export and check works on them;
 * journal first, in bulk (journal/bulk-save.ts), with progress in words.
 */
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { UnsealedEvent } from '@shared/journal/event';
import { eventsFromRecords } from '@shared/journal/from-records';
import type { ContestId } from '@shared/model/types';
import { generateAwardRound } from '@shared/sample/award-round';
import { generateCityContest } from '@shared/sample/city-contest';
import type { SampleData as Sample } from '@shared/sample/types';
import { useServices } from '../../app/services';
import { saveBulk, type BulkProgress } from '../../journal/bulk-save';

const STEP_TEXT: Record<BulkProgress['step'], string> = {
  seal: 'Đang đánh số và niêm phong',
  journal: 'Đang ghi vào sổ điểm trên đĩa',
  database: 'Đang ghi vào dữ liệu của trình duyệt',
};

export function SampleData({ onOpen }: { onOpen: (id: ContestId) => void }) {
  const { repos, saver, bridge, newId, now } = useServices();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(kind: 'city' | 'award') {
    setBusy(kind);
    setError(null);
    try {
      const ctx = {
        seed: Math.floor(now().getTime() / 1000) % 100_000,
        newId,
        now: now().toISOString(),
      };
      const data: Sample = kind === 'city' ? generateCityContest(ctx) : generateAwardRound(ctx);
      const id = await repos.setup.createContest(data);
      const roundOf = new Map(data.entrants.map((e) => [e.id as string, e.roundId as string]));
      const events = eventsFromRecords({
        contestId: id,
        scores: data.scores,
        objective: data.objective,
        penalties: data.penalties,
        roundOf: (e) => roundOf.get(e)!,
        by: { role: 'system', name: 'Dữ liệu mẫu' },
        at: ctx.now,
      });
      // Every judge who scored submits their sheet, as on a real day: the sample's results are final.
      const sheets = [...new Set(data.scores.map((x) => `${x.roundId}\u0000${x.judgeId}`))].map(
        (k): UnsealedEvent => {
          const [roundId, judgeId] = k.split('\u0000');
          return {
            v: 1,
            contestId: id,
            roundId,
            judgeId,
            entrantId: null,
            criterionId: null,
            kind: 'submit',
            steps: null,
            pass: null,
            by: { role: 'system', name: 'Dữ liệu mẫu' },
            at: ctx.now,
            reason: null,
          };
        },
      );
      const r = await saveBulk(id, [...events, ...sheets], { repos, saver, bridge }, setProgress);
      if (r.state !== 'saved')
        setError(`Đã tạo dữ liệu mẫu nhưng chưa ghi được vào sổ điểm: ${r.message ?? ''}`);
      onOpen(id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Mở dữ liệu mẫu
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Dùng để tập huấn, diễn tập hoặc xem thử mọi màn hình. Dữ liệu mẫu là một cuộc thi riêng,
        không ảnh hưởng cuộc thi thật.
      </Text>
      <Group>
        <Button
          variant="light"
          loading={busy === 'city'}
          disabled={!!busy}
          onClick={() => load('city')}
        >
          Hội thi cấp thành phố (6 cụm, chung khảo)
        </Button>
        <Button
          variant="light"
          color="teal"
          loading={busy === 'award'}
          disabled={!!busy}
          onClick={() => load('award')}
        >
          Bình xét 1.045 mô hình cấp tỉnh
        </Button>
      </Group>
      {progress && (
        <Text size="sm" mt="xs" role="status" data-testid="sample-progress">
          {STEP_TEXT[progress.step]}: {progress.done.toLocaleString('vi-VN')}/
          {progress.total.toLocaleString('vi-VN')} điểm
        </Text>
      )}
      {error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Card>
  );
}
