/**
 * The explicit confirmation an action on provisional results needs (printing certificates,
 * creating the next round's list): what is still missing, and a button that says what will happen.
 */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { Completeness } from '@shared/results/completeness';

export interface ProvisionalConfirmProps {
  readonly opened: boolean;
  readonly title: string;
  readonly consequence: string;
  readonly confirmLabel: string;
  readonly completeness: Completeness | null;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

export function ProvisionalConfirm({
  opened,
  title,
  consequence,
  confirmLabel,
  completeness,
  onCancel,
  onConfirm,
}: ProvisionalConfirmProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="lg">
      <Stack gap="xs" data-testid="provisional-confirm">
        <Text size="sm" fw={700} c="orange">
          Kết quả tạm thời: chưa đủ phiếu chấm.
        </Text>
        <List size="sm">
          {completeness?.missing.map((m) => (
            <List.Item key={`${m.judgeId ?? ''}|${m.group ?? ''}`}>{m.message}</List.Item>
          ))}
        </List>
        <Text size="sm">{consequence}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Hủy
          </Button>
          <Button color="orange" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
