/** A judge's remark on one entrant (nhận xét), kept in the journal like a score. */
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';

export function CommentDialog({
  title,
  initial,
  onSave,
  onClose,
}: {
  title: string;
  initial: string;
  onSave: (text: string) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Textarea
          label="Nhận xét của giám khảo"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            onClick={async () => {
              await onSave(text.trim());
              onClose();
            }}
          >
            Lưu nhận xét
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
