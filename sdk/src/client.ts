import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./schema.ts";

/** The typed client: `api.GET("/api/v1/properties/{id}", { params: { path: { id } } })`. */
export type SejourClient = Client<paths, `${string}/${string}`>;

export interface SejourClientOptions {
  /** Where the API is, e.g. `http://127.0.0.1:8080` (no `/api/v1`: paths carry it). */
  baseUrl: string;
  /** The access token to send as `Authorization: Bearer …`, read before every request. */
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Headers on every request (a server-side caller adds `X-Forwarded-For` here). */
  headers?: Record<string, string>;
  /** Remember each resource's last `ETag` and send it as `If-Match` when a change omits it. */
  etags?: boolean;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Makes `Idempotency-Key` values; `crypto.randomUUID` by default. */
  newIdempotencyKey?: () => string;
}

/** Operations that take an `Idempotency-Key`: a retry returns the first answer. */
const IDEMPOTENT_CREATES = new Set(["POST /api/v1/reservations"]);

/** A client of the Séjour API with authentication, idempotency and (optionally) ETag handling. */
export function createSejourClient(options: SejourClientOptions): SejourClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: options.headers,
    fetch: options.fetch,
  });
  if (options.token) client.use(bearer(options.token));
  client.use(idempotencyKeys(options.newIdempotencyKey ?? (() => crypto.randomUUID())));
  if (options.etags) client.use(etagMemory());
  return client;
}

function bearer(token: NonNullable<SejourClientOptions["token"]>): Middleware {
  return {
    async onRequest({ request }) {
      const value = await token();
      if (value && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${value}`);
      }
      return request;
    },
  };
}

/** A fresh key per call on booking, unless the caller brought one (to retry with it). */
function idempotencyKeys(newKey: () => string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (IDEMPOTENT_CREATES.has(`${request.method} ${schemaPath}`)) {
        if (!request.headers.has("Idempotency-Key")) request.headers.set("Idempotency-Key", newKey());
      }
      return request;
    },
  };
}

/**
 * Keeps the last `ETag` seen per resource URL; a PATCH of the resource, or a POST to one of
 * its actions (`…/confirm`), without `If-Match` gets the remembered one. A change answered
 * without an `ETag` forgets it (the version moved on).
 */
function etagMemory(): Middleware {
  const etags = new Map<string, string>();
  const resourceOf = (url: string) => new URL(url).pathname.replace(/\/+$/, "");
  const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/"));
  return {
    onRequest({ request }) {
      if (request.method === "GET" || request.headers.has("If-Match")) return request;
      const path = resourceOf(request.url);
      const etag = etags.get(path) ?? (request.method === "POST" ? etags.get(parentOf(path)) : undefined);
      if (etag) request.headers.set("If-Match", etag);
      return request;
    },
    onResponse({ request, response }) {
      const path = resourceOf(request.url);
      const etag = response.headers.get("ETag");
      const location = response.headers.get("Location");
      if (etag && response.status === 201 && location) {
        etags.set(resourceOf(new URL(location, request.url).href), etag);
      } else if (etag && response.ok) {
        etags.set(path, etag);
      } else if (request.method !== "GET") {
        etags.delete(path);
        etags.delete(parentOf(path));
      }
      return response;
    },
  };
}

/** The `ETag` of a response, to send back as `If-Match`. */
export function etagOf(response: Response): string | undefined {
  return response.headers.get("ETag") ?? undefined;
}
