/** Runs the journal reconciliation when a contest opens and shows what it found. */
import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { ContestBundle } from '@shared/model/bundle';
import type { RoundId } from '@shared/model/types';
import { reconcileWithJournal, type RecoveryReport } from '../../journal/recover';

export function useJournalRecovery(bundle: ContestBundle | undefined) {
  const { repos, saver, bridge } = useServices();
  const [report, setReport] = useState<RecoveryReport | null>(null);
  const contestId = bundle?.contest.id;
  // Once per opened contest (later changes flow through the saver): keyed by the contest and its rounds, not by every edit.
  const roundKey = bundle?.rounds.map((r) => r.id).join('\u0000');
  useEffect(() => {
    if (!contestId || roundKey === undefined) return;
    let live = true;
    void reconcileWithJournal(
      contestId,
      roundKey.split('\u0000') as RoundId[],
      repos,
      saver,
      bridge,
    ).then((r) => live && setReport(r));
    return () => {
      live = false;
    };
  }, [contestId, roundKey, repos, saver, bridge]);
  if (!report) return null;
  return (
    <>
      {report.restored > 0 && (
        <Alert color="yellow" title="Đã khôi phục từ sổ điểm" mb="sm" data-testid="recovered">
          Dữ liệu trên máy này thiếu {report.restored} thay đổi; đã khôi phục đầy đủ từ sổ điểm
          (journal) trên đĩa.
        </Alert>
      )}
      {report.journalError && (
        <Alert color="orange" title="Chưa ghi được vào sổ điểm trên đĩa" mb="sm">
          {report.journalError} Các thay đổi vẫn được giữ trên máy này và sẽ được ghi khi kết nối
          lại.
        </Alert>
      )}
      {report.healed > 0 && (
        <Alert
          color="yellow"
          title="Đã ghi bổ sung vào sổ điểm trên đĩa"
          mb="sm"
          data-testid="healed"
        >
          Sổ điểm trên đĩa thiếu {report.healed.toLocaleString('vi-VN')} thay đổi đã được xác nhận
          trước đó (tệp bị cắt bớt hoặc bị xóa). Máy này còn giữ đủ nên đã ghi lại đúng như cũ (cùng
          mã máy, số thứ tự và mã băm); sổ điểm đã liền mạch trở lại.
        </Alert>
      )}
      {report.missingFromJournal > 0 && (
        <Alert color="red" title="Sổ điểm thiếu dữ liệu" mb="sm" data-testid="missing-from-journal">
          {report.missingFromJournal.toLocaleString('vi-VN')} thay đổi đã xác nhận trên máy này chưa
          ghi lại được vào sổ điểm trên đĩa. Dữ liệu vẫn còn trên máy này; hãy chạy “Kiểm tra toàn
          vẹn” ở thẻ Nhật ký.
        </Alert>
      )}
    </>
  );
}
