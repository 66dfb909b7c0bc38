/**
 * Messages between the main side and the render worker: one request (which document, its data and
 * the fonts folder) and one reply (the file's bytes, or an expected failure), with the worker's
 * figures either way. Plain data, so it crosses the thread boundary by structured clone.
 * Not here: starting or stopping the worker (render-in-worker.ts) or drawing (the writers).
 */
import type {
  CertificateDoc,
  ListDoc,
  ScoreboardDoc,
  ScoreSheetDoc,
} from '../../../shared/documents/models';

/** Each kind of document and the data its writer takes. */
export interface RenderDocs {
  readonly scoreboardXlsx: ScoreboardDoc;
  readonly certificatesPdf: CertificateDoc;
  readonly scoreSheetsPdf: ScoreSheetDoc;
  readonly listXlsx: ListDoc;
}
export type RenderKind = keyof RenderDocs;

export interface RenderRequest<K extends RenderKind = RenderKind> {
  readonly kind: K;
  readonly doc: RenderDocs[K];
  readonly fontsDir: string;
}

export interface RenderStats {
  /** Highest V8 heap use seen in the worker while rendering, in MB. */
  readonly heapPeakMb: number;
  /** Time inside the worker, from the request arriving to the reply (not counting start-up). */
  readonly ms: number;
}

export type RenderReply =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly stats: RenderStats }
  /** `message` is set for expected failures (UserFacingError), empty for bugs (logged in the worker). */
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      readonly stats: RenderStats;
    };
