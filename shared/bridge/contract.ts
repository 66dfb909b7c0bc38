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
import type { RawWorkbook } from '../import/types';
import { bundleSchema, type ContestBundle, type SnapshotInfo } from '../model/bundle';
import { scoreboardDocSchema, certificateDocSchema, scoreSheetDocSchema, listDocSchema, type ScoreboardDoc, type CertificateDoc, type ScoreSheetDoc, type ListDoc } from '../documents/models';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };
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
}

export interface JournalCheck {
  readonly ok: boolean;
  readonly events: number;
  /** 0-based line index of the first bad entry and why. */
  readonly firstBad: { readonly line: number; readonly reason: string } | null;
  readonly head: string;
}

const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= 200 * 1024 * 1024, 'Tệp lớn hơn 200 MB.');
const contestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã cuộc thi không hợp lệ.');
const fileName = z.string().min(1).max(200).refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), 'Tên tệp không hợp lệ.');

/** Channel → argument schema. Names follow `area:verbNoun`. */
export const channels = {
  'app:getInfo': z.tuple([]),
  'file:save': z.tuple([z.strictObject({ suggestedName: fileName, bytes, kind: z.enum(['xlsx', 'pdf', 'csv', 'json']) })]),
  'file:open': z.tuple([z.strictObject({ kinds: z.array(z.enum(['xlsx', 'csv', 'json'])).min(1) })]),
  'export:scoreboardXlsx': z.tuple([scoreboardDocSchema]),
  'export:certificatesPdf': z.tuple([certificateDocSchema]),
  'export:scoreSheetsPdf': z.tuple([scoreSheetDocSchema]),
  'export:listXlsx': z.tuple([listDocSchema]),
  'import:readSpreadsheet': z.tuple([z.strictObject({ name: fileName, bytes })]),
  'contest:saveSnapshot': z.tuple([contestId, bundleSchema]),
  'contest:listSnapshots': z.tuple([]),
  'contest:readSnapshot': z.tuple([contestId]),
  'journal:append': z.tuple([contestId, z.array(journalEventSchema).max(10_000)]),
  'journal:read': z.tuple([contestId]),
  'journal:verify': z.tuple([contestId]),
} as const;

export type Channel = keyof typeof channels;

/** What the renderer can call. Every method resolves to a Result; none throws for expected failures. */
export interface Bridge {
  'app:getInfo'(): Promise<Result<AppInfo>>;
  'file:save'(req: { suggestedName: string; bytes: Uint8Array; kind: 'xlsx' | 'pdf' | 'csv' | 'json' }): Promise<Result<SavedFile>>;
  'file:open'(req: { kinds: ('xlsx' | 'csv' | 'json')[] }): Promise<Result<OpenedFile | null>>;
  'export:scoreboardXlsx'(doc: ScoreboardDoc): Promise<Result<Uint8Array>>;
  'export:certificatesPdf'(doc: CertificateDoc): Promise<Result<Uint8Array>>;
  /** Printable score sheets (phiếu chấm điểm), blank or pre-filled, one per judge and cluster. */
  'export:scoreSheetsPdf'(doc: ScoreSheetDoc): Promise<Result<Uint8Array>>;
  /** Entrants, judges or criteria as .xlsx, with the importer's columns. */
  'export:listXlsx'(doc: ListDoc): Promise<Result<Uint8Array>>;
  /** Read an .xlsx or .csv safely (size, zip and memory limits) into raw cells. */
  'import:readSpreadsheet'(req: { name: string; bytes: Uint8Array }): Promise<Result<RawWorkbook>>;
  /** Mirror a contest's setup to disk (atomic write), so IndexedDB is never its only copy. */
  'contest:saveSnapshot'(contestId: string, bundle: ContestBundle): Promise<Result<{ savedAt: string }>>;
  'contest:listSnapshots'(): Promise<Result<SnapshotInfo[]>>;
  'contest:readSnapshot'(contestId: string): Promise<Result<ContestBundle>>;
  'journal:append'(contestId: string, events: JournalEvent[]): Promise<Result<AppendAck>>;
  'journal:read'(contestId: string): Promise<Result<JournalEvent[]>>;
  'journal:verify'(contestId: string): Promise<Result<JournalCheck>>;
}

export { BRIDGE_KEY } from './channels';
export const channelNames: readonly Channel[] = CHANNEL_NAMES;

// Compile-time proof that channels.ts lists exactly the channels that have schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
void _namesMatch;
