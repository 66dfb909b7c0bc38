/** Per-judge settings in the panel list: clusters they score, their PIN, removal (asked, with a reason once they scored). */
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Cluster, ClusterId, Judge } from '@shared/model/types';
import { hashPin, pinProblem } from '@shared/scoring/judge-pin';
import { useServices } from '../../app/services';

export function JudgeClusters({ judge, clusters }: { judge: Judge; clusters: readonly Cluster[] }) {
  const { repos } = useServices();
  if (clusters.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      w={220}
      placeholder="Tất cả các cụm"
      aria-label={`Cụm chấm của ${judge.name}`}
      data={clusters.map((c) => ({ value: c.id, label: c.name }))}
      value={judge.clusterIds.filter((id) => clusters.some((c) => c.id === id))}
      onChange={(v) =>
        repos.setup.saveJudge({
          ...judge,
          clusterIds: [
            ...judge.clusterIds.filter((id) => !clusters.some((c) => c.id === id)),
            ...(v as ClusterId[]),
          ],
        })
      }
    />
  );
}

/** Field panel (tổ thẩm định): the fields this judge scores; none = every field. */
export function JudgeFields({ judge, fields }: { judge: Judge; fields: readonly string[] }) {
  const { repos } = useServices();
  if (fields.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      w={240}
      placeholder="Mọi lĩnh vực"
      aria-label={`Lĩnh vực chấm của ${judge.name}`}
      data={[...fields]}
      value={[...judge.fields]}
      onChange={(v) => repos.setup.saveJudge({ ...judge, fields: v })}
    />
  );
}

export function JudgePin({ judge }: { judge: Judge }) {
  const { repos } = useServices();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const problem = pin ? pinProblem(pin) : null;
  return (
    <>
      <Group gap={4}>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
          {judge.pinHash ? 'Đổi PIN' : 'Đặt PIN'}
        </Button>
        {judge.pinHash && (
          <ActionIcon
            size="xs"
            variant="subtle"
            color="red"
            aria-label={`Bỏ PIN của ${judge.name}`}
            onClick={() => repos.setup.saveJudge({ ...judge, pinHash: undefined })}
          >
            ✕
          </ActionIcon>
        )}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Mã PIN của ${judge.name}`}>
        <Stack
          component="form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (pinProblem(pin)) return;
            await repos.setup.saveJudge({ ...judge, pinHash: hashPin(judge.id, pin) });
            setPin('');
            setOpen(false);
          }}
        >
          <PasswordInput
            label="PIN mới (4–8 chữ số)"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            autoFocus
          />
          {problem && (
            <Text c="red" size="sm">
              {problem}
            </Text>
          )}
          <Button type="submit" disabled={!pin || !!problem}>
            Lưu PIN
          </Button>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Removing a judge always asks first. One who has scored is removed only with a reason: every mean
 * of their panel changes, so the removal is a recorded event the audit shows.
 */
export function RemoveJudge({ judge }: { judge: Judge }) {
  const { repos } = useServices();
  const [scored, setScored] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setScored(null);
    setReason('');
    setError(null);
  };
  async function remove() {
    try {
      await repos.setup.deleteJudge(judge.id, { reason: reason.trim() || null });
      close();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={async () => setScored(await repos.setup.judgeScoreCount(judge.id))}
        aria-label={`Xóa giám khảo ${judge.name}`}
      >
        Xóa
      </Button>
      <Modal opened={scored !== null} onClose={close} title={`Xóa giám khảo ${judge.name}?`}>
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void remove();
          }}
        >
          {scored ? (
            <>
              <Text size="sm" c="red">
                {judge.name} đã chấm {scored.toLocaleString('vi-VN')} điểm. Xóa giám khảo sẽ bỏ các
                điểm này khỏi kết quả và mọi điểm trung bình của hội đồng sẽ thay đổi. Các điểm vẫn
                được giữ trong sổ điểm; việc xóa được ghi vào nhật ký cùng lý do.
              </Text>
              <Textarea
                label="Lý do xóa (bắt buộc)"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autoFocus
                data-autofocus
              />
            </>
          ) : (
            <Text size="sm">Giám khảo này chưa chấm điểm nào. Việc xóa được ghi vào nhật ký.</Text>
          )}
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Hủy
            </Button>
            <Button type="submit" color="red" disabled={!!scored && !reason.trim()}>
              Xóa giám khảo
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
