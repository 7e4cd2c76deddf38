// Property names for lists of reservations (which carry only the property's id).
import type { SejourClient } from "@sejour/sdk";

export async function propertyNames(client: SejourClient, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(
    unique.map((id) => client.GET("/api/v1/properties/{id}", { params: { path: { id } } })),
  );
  return new Map(unique.map((id, i) => [id, found[i]?.data?.name ?? "—"]));
}
