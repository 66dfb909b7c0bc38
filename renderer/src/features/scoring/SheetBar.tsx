/**
 * Above a judge's sheet: progress, and the sheet's life cycle — submit (after the outlier prompt),
 * and reopen by the head judge with a recorded reason.
 */
import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { memo, useState } from 'react';
import type { Outlier } from '@shared/scoring/outliers';

export interface SheetBarProps {
  readonly done: number;
  readonly total: number;
  readonly submitted: boolean;
  readonly canReopen: boolean;
  /** Read when the judge asks to submit (not kept live): the round's other sheets are read then. */
  readonly outliers: () => Promise<Outlier[]>;
  readonly onSubmit: () => Promise<void>;
  readonly onReopen: (reason: string) => Promise<void>;
}

export const SheetBar = memo(function SheetBar({
  done,
  total,
  submitted,
  canReopen,
  outliers,
  onSubmit,
  onReopen,
}: SheetBarProps) {
  const [confirming, setConfirming] = useState<Outlier[] | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [checking, setChecking] = useState(false);
  const incomplete = done < total;
  return (
    <>
      <Group>
        <Badge
          size="lg"
          variant="light"
          color={incomplete ? 'yellow' : 'green'}
          data-testid="progress"
        >
          {done}/{total} đã chấm đủ
        </Badge>
        {submitted ? (
          <>
            <Badge size="lg" color="blue" data-testid="sheet-state">
              Đã nộp phiếu — chỉ xem
            </Badge>
            {canReopen && (
              <Button size="xs" variant="light" color="orange" onClick={() => setReopening(true)}>
                Mở lại phiếu (Trưởng ban)
              </Button>
            )}
          </>
        ) : (
          <Button
            size="xs"
            loading={checking}
            disabled={total === 0}
            onClick={async () => {
              setChecking(true);
              try {
                setConfirming(await outliers());
              } finally {
                setChecking(false);
              }
            }}
          >
            Nộp phiếu
          </Button>
        )}
      </Group>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Nộp phiếu chấm điểm"
        size="lg"
      >
        <Stack>
          {incomplete && (
            <Alert color="yellow">
              Phiếu chưa đủ: {total - done} đội thi / mô hình chưa chấm hết các tiêu chí. Điểm thiếu
              sẽ không được tính là 0.
            </Alert>
          )}
          {confirming && confirming.length > 0 && (
            <Alert color="orange" title="Kiểm tra lại các điểm khác thường" data-testid="outliers">
              <List size="sm">
                {confirming.map((o) => (
                  <List.Item key={o.entrantId}>{o.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Text size="sm">
            Sau khi nộp, phiếu chỉ xem được; muốn sửa cần Trưởng ban mở lại và ghi lý do.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Quay lại sửa
            </Button>
            <Button
              onClick={async () => {
                await onSubmit();
                setConfirming(null);
              }}
            >
              Nộp phiếu
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reopening} onClose={() => setReopening(false)} title="Mở lại phiếu đã nộp">
        <Stack>
          <Textarea
            label="Lý do (bắt buộc, được ghi vào nhật ký)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button
              disabled={!reason.trim()}
              onClick={async () => {
                await onReopen(reason.trim());
                setReopening(false);
                setReason('');
              }}
            >
              Mở lại
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
});
