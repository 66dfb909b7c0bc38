/** Refuses writes when the database belongs to a newer app version (see openDatabase). */
export class ReadOnlyDatabaseError extends Error {}

export function assertWritable(readOnlyReason: string | null): void {
  if (readOnlyReason) throw new ReadOnlyDatabaseError(readOnlyReason);
}
