/**
 * The runner refuses to go on. The message names the migration and says what a
 * person has to do; `main.ts` prints it and exits 1.
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    readonly migrationName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
