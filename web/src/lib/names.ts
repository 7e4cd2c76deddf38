// Property names for lists of reservations (which carry only the property's id).
import type { SejourClient } from "@sejour/sdk";

export async function propertyNames(client: SejourClient, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(
    unique.map((id) => client.GET("/api/v1/properties/{id}", { params: { path: { id } } })),
  );
  return new Map(unique.map((id, i) => [id, found[i]?.data?.name ?? "—"]));
}

/** The first `max` items of a cursor-paged list (choices for a filter). */
export async function firstItems<T>(items: AsyncIterable<T>, max = 500): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) {
    found.push(item);
    if (found.length >= max) break;
  }
  return found;
}

/** True for a UUID as the API writes them (anything else in a filter is ignored, not sent). */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
