/**
 * An error the person can act on. `code` is an i18n key under "errors." so every context shows
 * it in the interface language; `detail` is for logs and tests.
 */
export class UpfrontError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'UpfrontError';
  }
}

/** The i18n code of any failure: an UpfrontError's own, else "internal". */
export const errorCode = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');
