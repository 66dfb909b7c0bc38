/** The in-cell editor: a plain input whose text is selected on open, so typing replaces. */
import type { RenderEditCellProps } from 'react-data-grid';
import { formatCp } from '@shared/scoring/format';
import type { Criterion } from '@shared/model/types';
import type { SheetRow } from './score-grid-model';

export function ScoreEditor({
  row,
  column,
  onRowChange,
  criterion,
  error,
}: RenderEditCellProps<SheetRow> & { criterion: Criterion; error: string | null }) {
  const stored = row.values[criterion.id];
  const text =
    row.draft?.criterionId === criterion.id
      ? row.draft.text
      : stored === undefined || stored === null
        ? ''
        : formatCp(stored * criterion.stepCp);
  return (
    <input
      className="gk-editor"
      aria-label={`${row.entrant.name} — ${criterion.name} (tối đa ${formatCp(criterion.maxCp)})`}
      aria-invalid={error ? 'true' : 'false'}
      inputMode="decimal"
      value={text}
      ref={(el) => {
        if (el && document.activeElement !== el) {
          el.focus();
          el.select();
        }
      }}
      onChange={(e) =>
        onRowChange({ ...row, draft: { criterionId: column.key, text: e.currentTarget.value } })
      }
    />
  );
}
