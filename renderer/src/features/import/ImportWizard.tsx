/**
 * Importing entrants, judges or criteria from .xlsx/.csv: pick the file (read safely on the main
 * side), check the guessed column mapping, see every problem at once with row and column, see what
 * would be added and updated — and only then write, in one transaction. Nothing is written while a
 * problem marked as an error remains.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import {
  FIELDS,
  buildPreview,
  criteriaToRecords,
  existingEntrants,
  existingJudges,
  findHeader,
  planUpsert,
  previewFile,
  type ImportTarget,
  type RawWorkbook,
  type SheetMapping,
} from '@shared/import';
import { clusterIdsOf } from '@shared/setup/import-rows';
import { useServices } from '../../app/services';
import { applyCriteria, applyEntrants, applyJudges } from './apply-import';

const TITLES: Record<ImportTarget, string> = {
  entrants: 'Nhập danh sách đội thi / mô hình',
  judges: 'Nhập danh sách giám khảo',
  criteria: 'Nhập phần thi và tiêu chí',
};

export function ImportWizard({
  target,
  bundle,
  round,
}: {
  target: ImportTarget;
  bundle: ContestBundle;
  round: Round;
}) {
  const { bridge, repos, newId } = useServices();
  const [open, setOpen] = useState(false);
  const [workbook, setWorkbook] = useState<RawWorkbook | null>(null);
  const [mapping, setMapping] = useState<SheetMapping<ImportTarget> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const context = useMemo(() => {
    const existing =
      target === 'entrants'
        ? existingEntrants(
            bundle.entrants.filter((e) => e.roundId === round.id),
            bundle.clusters,
          )
        : target === 'judges'
          ? existingJudges(bundle.judges, bundle.clusters)
          : criteriaToRecords(bundle.criteria.filter((c) => c.roundId === round.id));
    return {
      existing,
      ctx: {
        clusters: clusterIdsOf(bundle, round),
        existingCodes: existing.map((x) => x.record.code),
        defaultKind: bundle.contest.kind === 'contest' ? ('team' as const) : ('model' as const),
      },
    };
  }, [target, bundle, round]);

  const preview = useMemo(
    () =>
      workbook && mapping
        ? buildPreview(workbook, mapping.sheetName, mapping, target, context.ctx)
        : null,
    [workbook, mapping, target, context],
  );
  const plan = useMemo(
    () => (preview ? planUpsert(preview, context.existing as never) : null),
    [preview, context],
  );
  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];

  async function pick() {
    setError(null);
    setDone(null);
    const file = await bridge['file:open']({ kinds: ['xlsx', 'csv'] });
    if (!file.ok) return setError(file.error.message);
    if (!file.value) return;
    setBusy(true);
    const read = await bridge['import:readSpreadsheet']({
      name: file.value.name,
      bytes: file.value.bytes,
    });
    setBusy(false);
    if (!read.ok) return setError(read.error.message);
    const first = previewFile(read.value, target, context.ctx);
    setWorkbook(read.value);
    setMapping(first.mapping ?? findHeader(read.value, read.value.sheets[0]?.name ?? '', target));
    if (!first.mapping)
      setError(
        first.problems[0]?.message ??
          `Không tìm thấy dòng tiêu đề phù hợp trong tệp “${read.value.fileName}”.`,
      );
  }

  async function confirm() {
    if (!plan || errors.length) return;
    setBusy(true);
    try {
      const n =
        target === 'entrants'
          ? await applyEntrants(repos, round, bundle, plan as never, newId)
          : target === 'judges'
            ? await applyJudges(repos, bundle.contest.id, bundle, plan as never, newId)
            : await applyCriteria(repos, round, bundle, plan as never, newId);
      setDone(`Đã ghi ${n} dòng (thêm ${plan.create.length}, cập nhật ${plan.update.length}).`);
      setWorkbook(null);
      setMapping(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const fields = FIELDS[target] as readonly { key: string; header: string }[];
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        Nhập từ Excel/CSV
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={TITLES[target]} size="95%">
        <Stack>
          <Group>
            <Button onClick={pick} loading={busy}>
              Chọn tệp .xlsx hoặc .csv…
            </Button>
            {workbook && (
              <Text size="sm">
                {workbook.fileName}
                {workbook.detected
                  ? ` — mã ${workbook.detected.encoding}, phân cách “${workbook.detected.separator}”`
                  : ''}
              </Text>
            )}
            {workbook && workbook.sheets.length > 1 && (
              <Select
                size="xs"
                label="Trang tính"
                value={mapping?.sheetName ?? null}
                data={workbook.sheets.map((s) => s.name)}
                onChange={(v) => v && setMapping(findHeader(workbook, v, target))}
              />
            )}
          </Group>
          {error && (
            <Alert color="red" data-testid="import-error">
              {error}
            </Alert>
          )}
          {done && (
            <Alert color="green" data-testid="import-done">
              {done}
            </Alert>
          )}
          {mapping && (
            <ScrollArea>
              <Table withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    {mapping.headers.map((h, i) => (
                      <Table.Th key={i}>{h || `(cột ${i + 1})`}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    {mapping.columns.map((f, i) => (
                      <Table.Td key={i}>
                        <Select
                          size="xs"
                          w={150}
                          aria-label={`Cột ${mapping.headers[i] || i + 1}`}
                          value={f ?? '∅'}
                          allowDeselect={false}
                          data={[
                            { value: '∅', label: '(bỏ qua)' },
                            ...fields.map((x) => ({ value: x.key, label: x.header })),
                          ]}
                          onChange={(v) =>
                            setMapping({
                              ...mapping,
                              columns: mapping.columns.map((c, k) =>
                                k === i ? (v === '∅' ? null : v) : c,
                              ) as never,
                            })
                          }
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
          {preview && (
            <Group>
              <Badge color="green">{preview.rows.length} dòng hợp lệ</Badge>
              <Badge color={errors.length ? 'red' : 'gray'} data-testid="import-errors">
                {errors.length} lỗi
              </Badge>
              <Badge color="yellow">{preview.problems.length - errors.length} cảnh báo</Badge>
              {plan && (
                <Text size="sm" data-testid="import-plan">
                  Sẽ thêm {plan.create.length}, cập nhật {plan.update.length}, giữ nguyên{' '}
                  {plan.unchanged.length}.
                </Text>
              )}
            </Group>
          )}
          {preview && preview.problems.length > 0 && (
            <ScrollArea h={260}>
              <Table withTableBorder striped fz="xs" data-testid="import-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Mức</Table.Th>
                    <Table.Th>Dòng</Table.Th>
                    <Table.Th>Cột</Table.Th>
                    <Table.Th>Vấn đề</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.problems.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        {p.severity === 'error' ? (
                          <Badge color="red" size="xs">
                            Lỗi
                          </Badge>
                        ) : (
                          <Badge color="yellow" size="xs">
                            Lưu ý
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{p.row ?? ''}</Table.Td>
                      <Table.Td>
                        {p.column ? `${p.column}${p.header ? ` (${p.header})` : ''}` : ''}
                      </Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
          {plan && plan.update.length > 0 && (
            <Text size="xs" c="dimmed">
              Cập nhật:{' '}
              {plan.update
                .slice(0, 5)
                .map(
                  (u) =>
                    `dòng ${u.row}: ${u.changes.map((c) => `${c.label} “${c.before}” → “${c.after}”`).join(', ')}`,
                )
                .join(' · ')}
              {plan.update.length > 5 ? ' …' : ''}
            </Text>
          )}
          <Group justify="flex-end">
            {errors.length > 0 && (
              <Text size="sm" c="red">
                Sửa tệp (hoặc cách ghép cột) cho hết lỗi rồi chọn lại; chưa có gì được ghi.
              </Text>
            )}
            <Button
              onClick={confirm}
              disabled={!plan || errors.length > 0 || plan.create.length + plan.update.length === 0}
              loading={busy}
            >
              Ghi vào danh sách
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
