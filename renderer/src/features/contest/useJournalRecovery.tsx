/** Runs the journal reconciliation when a contest opens and shows what it found. */
import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { ContestBundle } from '@shared/model/bundle';
import { reconcileWithJournal, type RecoveryReport } from '../../journal/recover';

export function useJournalRecovery(bundle: ContestBundle | undefined) {
  const { repos, saver, bridge } = useServices();
  const [report, setReport] = useState<RecoveryReport | null>(null);
  const contestId = bundle?.contest.id;
  useEffect(() => {
    if (!bundle || !contestId) return;
    let live = true;
    void reconcileWithJournal(contestId, bundle.rounds.map((r) => r.id), repos.journal, saver, bridge).then((r) => live && setReport(r));
    return () => {
      live = false;
    };
    // Only once per opened contest: later changes flow through the saver.
  }, [contestId]);
  if (!report) return null;
  return (
    <>
      {report.restored > 0 && (
        <Alert color="yellow" title="Đã khôi phục từ sổ điểm" mb="sm" data-testid="recovered">
          Dữ liệu trên máy này thiếu {report.restored} thay đổi; đã khôi phục đầy đủ từ sổ điểm (journal) trên đĩa.
        </Alert>
      )}
      {report.journalError && (
        <Alert color="orange" title="Chưa ghi được vào sổ điểm trên đĩa" mb="sm">
          {report.journalError} Các thay đổi vẫn được giữ trên máy này và sẽ được ghi khi kết nối lại.
        </Alert>
      )}
      {report.missingFromJournal > 0 && (
        <Alert color="red" title="Sổ điểm thiếu dữ liệu" mb="sm">
          {report.missingFromJournal} thay đổi đã xác nhận trên máy này không có trong sổ điểm trên đĩa.
        </Alert>
      )}
    </>
  );
}
