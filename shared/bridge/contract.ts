/**
 * The one contract between the renderer and the main side. The Electron preload exposes it as
 * `window.giamkhao`; web mode implements it over HTTP (POST /api/<channel>). Both call the same
 * handler modules in electron/main/handlers. Arguments are validated on the main side with these
 * schemas; every answer is `{ ok: true, value } | { ok: false, error }`.
 *
 * Bytes travel as Uint8Array over IPC and as base64 strings over HTTP (see codec.ts).
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from './channels';
import { journalEventSchema, type JournalEvent } from '../journal/event';
import type { PrintCheck } from '../journal/printout';
import type { RawWorkbook } from '../import/types';
import type { ContestBundle, SnapshotInfo } from '../model/bundle';
import {
  scoreboardDocSchema,
  certificateDocSchema,
  scoreSheetDocSchema,
  listDocSchema,
} from '../documents/models';

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };
export interface BridgeError {
  readonly code: string;
  /** Vietnamese, for the user. */
  readonly message: string;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly mode: 'electron' | 'web';
  readonly dataDir: string;
}

export interface SavedFile {
  /** Where it went, or null when the user cancelled. In web mode: the downloaded file's name. */
  readonly path: string | null;
}

export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface AppendAck {
  /** Events now on disk (new ones and ones already there). */
  readonly stored: number;
  /** Of those, how many were new. */
  readonly added: number;
  readonly head: string;
  /**
   * Set when the batch changed the setup (or an earlier setup copy is still unwritten): whether the
   * convenience copy `contests/<id>.json`, rebuilt from the journal, was written.
   */
  readonly setupCopy?: { readonly ok: boolean; readonly message?: string };
}

/** A file in the data folder that could not be used, named for the home screen. */
export interface DiskProblem {
  readonly file: string;
  readonly contestId: string | null;
  /** Vietnamese: what is wrong and what can be recovered. */
  readonly message: string;
  /** The contest's journal holds its setup: "Khôi phục từ sổ điểm" can rebuild it. */
  readonly recoverable: boolean;
  readonly name: string | null;
}

export interface DiskContests {
  readonly contests: readonly SnapshotInfo[];
  readonly problems: readonly DiskProblem[];
}

export interface JournalCheck {
  readonly ok: boolean;
  readonly events: number;
  /** 0-based line index of the first bad entry and why. */
  readonly firstBad: { readonly line: number; readonly reason: string } | null;
  readonly head: string;
}

// z.custom rather than z.instanceof: the type is any Uint8Array, as the renderer's buffers are.
const bytes = z
  .custom<Uint8Array>((x) => x instanceof Uint8Array, 'Cần dữ liệu nhị phân.')
  .refine((b) => b.byteLength <= 200 * 1024 * 1024, 'Tệp lớn hơn 200 MB.');
const contestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã cuộc thi không hợp lệ.');
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), 'Tên tệp không hợp lệ.');

const exactCp = z.strictObject({ n: z.number().int(), d: z.number().int().min(1) });
/**
 * What a scoreboard or certificate export claims about its round: each entrant's exact result and
 * the journal head it was built from. The main side recounts the round from the journal file alone
 * and refuses the export when either differs (electron/main/handlers/export-check.ts).
 */
export const resultClaimSchema = z.strictObject({
  contestId,
  roundId: z.string().min(1).max(100),
  head: z.string().max(64),
  entrants: z
    .array(
      z.strictObject({
        entrantId: z.string().min(1).max(100),
        name: z.string().max(1000),
        totalCp: exactCp.nullable(),
      }),
    )
    .max(100_000),
});
export type ResultClaim = z.infer<typeof resultClaimSchema>;

/** Channel → argument schema. Names follow `area:verbNoun`. */
export const channels = {
  'app:getInfo': z.tuple([]),
  'file:save': z.tuple([
    z.strictObject({
      suggestedName: fileName,
      bytes,
      kind: z.enum(['xlsx', 'pdf', 'csv', 'json']),
    }),
  ]),
  'file:open': z.tuple([
    z.strictObject({ kinds: z.array(z.enum(['xlsx', 'csv', 'json'])).min(1) }),
  ]),
  'export:scoreboardXlsx': z.tuple([scoreboardDocSchema, resultClaimSchema]),
  'export:certificatesPdf': z.tuple([certificateDocSchema, resultClaimSchema]),
  'export:scoreSheetsPdf': z.tuple([scoreSheetDocSchema]),
  'export:listXlsx': z.tuple([listDocSchema]),
  'import:readSpreadsheet': z.tuple([z.strictObject({ name: fileName, bytes })]),
  'contest:listSnapshots': z.tuple([]),
  'contest:readSnapshot': z.tuple([contestId]),
  'journal:append': z.tuple([contestId, z.array(journalEventSchema).max(10_000)]),
  'journal:read': z.tuple([contestId]),
  'journal:verify': z.tuple([contestId]),
  'journal:head': z.tuple([contestId]),
  'journal:checkPrint': z.tuple([
    contestId,
    z.strictObject({ code: z.string().max(300), roundId: z.string().min(1).max(100).nullable() }),
  ]),
} as const;

export type Channel = keyof typeof channels;

/** What each channel answers with (its value when ok). Arguments come from the schemas above. */
export interface ChannelValues {
  'app:getInfo': AppInfo;
  'file:save': SavedFile;
  'file:open': OpenedFile | null;
  /** Refused unless the independent recount of the journal file gives exactly the claimed results. */
  'export:scoreboardXlsx': Uint8Array;
  'export:certificatesPdf': Uint8Array;
  /** Printable score sheets (phiếu chấm điểm), blank or pre-filled, one per judge and cluster. */
  'export:scoreSheetsPdf': Uint8Array;
  /** Entrants, judges or criteria as .xlsx, with the importer's columns. */
  'export:listXlsx': Uint8Array;
  /** Read an .xlsx or .csv safely (size, zip and memory limits) into raw cells. */
  'import:readSpreadsheet': RawWorkbook;
  /** Contests on disk (setup copies and journals), and every file there that could not be used. */
  'contest:listSnapshots': DiskContests;
  'contest:readSnapshot': ContestBundle;
  'journal:append': AppendAck;
  'journal:read': JournalEvent[];
  'journal:verify': JournalCheck;
  /** The journal file's chain head now (what documents print), without reading the file again. */
  'journal:head': string;
  /** “Kiểm tra bản in”: the state a printed chain head was made from, and what came after it (shared/journal/printout.ts). */
  'journal:checkPrint': PrintCheck;
}

/** A channel's arguments, as its schema accepts them: one definition for the type and the check. */
export type ChannelArgs<C extends Channel> = z.input<(typeof channels)[C]>;

/** What the renderer can call. Every method resolves to a Result; none throws for expected failures. */
export type Bridge = {
  readonly [C in Channel]: (...args: ChannelArgs<C>) => Promise<Result<ChannelValues[C]>>;
};

export { BRIDGE_KEY } from './channels';
export const channelNames: readonly Channel[] = CHANNEL_NAMES;

// Compile-time proof that channels.ts lists exactly the channels that have schemas, and every one has a value type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const _valuesMatch: Same<keyof ChannelValues, Channel> = true;
void _namesMatch;
void _valuesMatch;
