import type { ApiResult } from "./problem.ts";
import { unwrap } from "./problem.ts";

/** One page of a list: the API's `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * Every item of a cursor-paginated list, page after page, fetched lazily:
 * `for await (const r of paginate((cursor) => api.GET("/api/v1/reservations", { params: { query: { cursor } } })))`.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<ApiResult<Page<T>>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(fetchPage(cursor));
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
