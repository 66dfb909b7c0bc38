/**
 * Exports from the results screen. Each one first flushes the outbox; the document model is built
 * here with the journal's head and sent with a claim of every entrant's result; the main side
 * recounts the round from the journal file alone and refuses while anything differs, listing the
 * differences. Then the bytes are saved (a dialog in Electron, a download in web mode).
 */
import { buildCertificateDoc } from '@shared/documents/certificate-doc';
import { buildScoreboardDoc } from '@shared/documents/scoreboard-doc';
import type { ResultClaim } from '@shared/bridge/contract';
import type { ContestBundle } from '@shared/model/bundle';
import type { EntrantId, Round } from '@shared/model/types';
import type { Services } from '../../app/services';
import type { Completeness } from '@shared/results/completeness';
import type { ResultGroup } from '@shared/results/round-results';

export interface ExportOutcome {
  readonly ok: boolean;
  readonly message: string;
  readonly differences?: readonly string[];
}

const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const safeName = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

/**
 * Everything in the journal file first, then the claim the main side checks: each entrant's exact
 * result and the journal head the document prints. The main side recounts from the journal alone
 * and refuses the export on any difference (electron/main/handlers/export-check.ts).
 */
async function claimFor(
  s: Services,
  bundle: ContestBundle,
  round: Round,
  groups: readonly ResultGroup[],
): Promise<ResultClaim | ExportOutcome> {
  const flushed = await s.saver.flush(bundle.contest.id);
  if (!flushed.ok)
    return {
      ok: false,
      message: `Chưa ghi được mọi điểm vào sổ điểm trên đĩa: ${flushed.message ?? ''} Không xuất khi sổ điểm chưa đầy đủ.`,
    };
  const head = await s.bridge['journal:head'](bundle.contest.id);
  if (!head.ok) return { ok: false, message: head.error.message };
  const entrants = groups.flatMap((g) =>
    g.tally.results.map((r) => ({
      entrantId: r.entrant.id as string,
      name: r.entrant.name,
      totalCp: r.result ? { n: r.result.n, d: r.result.d } : null,
    })),
  );
  return { contestId: bundle.contest.id, roundId: round.id, head: head.value, entrants };
}

/** A refused export: the main side lists one difference per line after its first. */
function refused(error: { code: string; message: string }): ExportOutcome {
  if (error.code !== 'recountMismatch') return { ok: false, message: error.message };
  const [message, ...differences] = error.message.split('\n');
  return { ok: false, message, differences };
}

function prizeLookup(groups: readonly ResultGroup[]) {
  const all = new Map<string, string>();
  for (const g of groups) for (const [id, tier] of g.prizes) all.set(id, tier);
  return (id: EntrantId) => all.get(id);
}

async function save(
  s: Services,
  name: string,
  bytes: Uint8Array,
  kind: 'xlsx' | 'pdf',
): Promise<ExportOutcome> {
  const r = await s.bridge['file:save']({ suggestedName: name, bytes, kind });
  if (!r.ok) return { ok: false, message: r.error.message };
  return r.value.path
    ? { ok: true, message: `Đã xuất: ${r.value.path}` }
    : { ok: false, message: 'Đã hủy.' };
}

export async function exportScoreboard(
  s: Services,
  bundle: ContestBundle,
  round: Round,
  groups: readonly ResultGroup[],
  completeness?: Completeness,
): Promise<ExportOutcome> {
  const claim = await claimFor(s, bundle, round, groups);
  if (!('head' in claim)) return claim;
  const judges = [...bundle.judges].sort((a, b) => a.order - b.order);
  const doc = buildScoreboardDoc({
    contest: bundle.contest,
    roundName: round.name,
    venue: round.venue,
    groups: groups.map((g) => ({ title: g.title, tally: g.tally })),
    judges,
    prizeOf: prizeLookup(groups),
    prizes: round.prizes,
    chainHead: claim.head,
    completeness,
  });
  const bytes = await s.bridge['export:scoreboardXlsx'](doc, claim);
  if (!bytes.ok) return refused(bytes.error);
  return save(
    s,
    `Bảng tổng hợp điểm - ${safeName(bundle.contest.name)} - ${safeName(round.name)}.xlsx`,
    bytes.value,
    'xlsx',
  );
}

export async function exportCertificates(
  s: Services,
  bundle: ContestBundle,
  round: Round,
  groups: readonly ResultGroup[],
  completeness?: Completeness,
): Promise<ExportOutcome> {
  const prizeOf = prizeLookup(groups);
  const ranked = groups.flatMap((g) => g.tally.results.map((r) => r.entrant));
  if (!ranked.some((e) => prizeOf(e.id)))
    return { ok: false, message: 'Chưa có đội thi / mô hình nào đạt giải để in giấy khen.' };
  const claim = await claimFor(s, bundle, round, groups);
  if (!('head' in claim)) return claim;
  const scopeOf = (id: EntrantId) => {
    const g = groups.find((x) => x.cluster && x.tally.results.some((r) => r.entrant.id === id));
    return g ? `${round.name.replace(/^Vòng/, 'vòng')} ${g.title}` : undefined;
  };
  const doc = buildCertificateDoc({
    contest: bundle.contest,
    entrants: ranked,
    prizeOf,
    scopeOf,
    date: isoDate(s.now()),
    chainHead: claim.head,
    completeness,
  });
  const bytes = await s.bridge['export:certificatesPdf'](doc, claim);
  if (!bytes.ok) return refused(bytes.error);
  return save(
    s,
    `Giấy khen - ${safeName(bundle.contest.name)} - ${safeName(round.name)}.pdf`,
    bytes.value,
    'pdf',
  );
}
