/** The top-level fields that differ, with their old values: an event's `previous_attributes`. */
export function changed<T extends object>(before: T, after: T): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key as string] = before[key];
  }
  return previous;
}
