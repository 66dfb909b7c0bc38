/**
 * What a handler may use from its host. Electron main and the web-mode server each build one; the
 * handlers themselves never import electron, so web mode runs the very same code.
 */
export interface HandlerContext {
  readonly mode: 'electron' | 'web';
  readonly version: string;
  /** Folder for journals and other files the main side owns. */
  readonly dataDir: string;
  /** Folder holding resources/ (fonts, templates). */
  readonly resourcesDir: string;
  /** Ask the user where to save; null = cancelled. Absent in web mode (the browser downloads). */
  readonly chooseSavePath?: (suggestedName: string, kind: string) => Promise<string | null>;
  /** Ask the user for a file to open. Absent in web mode (the browser picks). */
  readonly chooseOpenFile?: (kinds: readonly string[]) => Promise<string | null>;
}

/** An expected failure with a Vietnamese message for the user. Anything else thrown is a bug. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
