import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSejourClient, ProblemError, paginate, unwrap } from "../src/index.ts";

/** A fetch that records requests and answers from a script. */
function fakeFetch(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers ?? {}) },
  });

const problem = {
  type: "urn:sejour:problem:validation.failed",
  code: "validation.failed",
  status: 422,
  title: "Unprocessable Content",
  detail: "The request is invalid.",
  errors: [
    { field: "guest.email", code: "email.invalid_format", message: "Not an email address." },
    { field: "guest.email", code: "email.too_long", message: "Too long." },
    { field: "adults", code: "adults.min", message: "At least one adult." },
  ],
};

const ID = "0190a8f0-0000-7000-8000-000000000001";

describe("createSejourClient", () => {
  it("sends the token from the provider on every request", async () => {
    const { fetch, requests } = fakeFetch(() => json({ items: [], nextCursor: null }));
    let token = "first";
    const api = createSejourClient({ baseUrl: "http://api.test/", fetch, token: () => token });
    await api.GET("/api/v1/reservations");
    token = "second";
    await api.GET("/api/v1/reservations");
    assert.equal(requests[0]?.url, "http://api.test/api/v1/reservations");
    assert.deepEqual(
      requests.map((r) => r.headers.get("Authorization")),
      ["Bearer first", "Bearer second"],
    );
  });

  it("adds a fresh Idempotency-Key to each booking, and keeps the caller's", async () => {
    const { fetch, requests } = fakeFetch(() => json({}, { status: 201 }));
    let n = 0;
    const api = createSejourClient({ baseUrl: "http://api.test", fetch, newIdempotencyKey: () => `key-${++n}` });
    const body = {
      propertyId: ID,
      checkIn: "2027-07-10",
      checkOut: "2027-07-17",
      adults: 2,
      guest: {
        firstName: "Ana",
        lastName: "Lima",
        email: "ana@example.com",
        phone: "+33612345678",
        address: { line1: "1 rue de la Paix", postalCode: "75002", city: "Paris", country: "FR" },
      },
    };
    await api.POST("/api/v1/reservations", { body });
    await api.POST("/api/v1/reservations", { body });
    await api.POST("/api/v1/reservations", { body, params: { header: { "Idempotency-Key": "retry-1" } } });
    await api.POST("/api/v1/auth/logout", { body: { refreshToken: "x" } });
    assert.deepEqual(
      requests.map((r) => r.headers.get("Idempotency-Key")),
      ["key-1", "key-2", "retry-1", null],
    );
  });

  it("remembers ETags and sends If-Match on changes and actions", async () => {
    let version = 3;
    const { fetch, requests } = fakeFetch((request) => {
      if (request.method === "GET") return json({ id: ID }, { headers: { ETag: `"${version}"` } });
      if (request.method === "PATCH") return json({ id: ID }, { headers: { ETag: `"${++version}"` } });
      return json({ id: ID });
    });
    const api = createSejourClient({ baseUrl: "http://api.test", fetch, etags: true });
    const path = { id: ID };
    await api.GET("/api/v1/reservations/{id}", { params: { path } });
    await api.PATCH("/api/v1/reservations/{id}", { params: { path }, body: { notes: "late arrival" } });
    await api.POST("/api/v1/reservations/{id}/confirm", { params: { path } });
    // Confirming answered no ETag: the version is unknown until read again.
    await api.POST("/api/v1/reservations/{id}/cancel", { params: { path }, body: { reason: "guest asked" } });
    assert.deepEqual(
      requests.map((r) => r.headers.get("If-Match")),
      [null, '"3"', '"4"', null],
    );
  });
});

describe("ProblemError", () => {
  it("carries the problem's code and per-field messages", async () => {
    const { fetch } = fakeFetch(() =>
      json(problem, { status: 422, headers: { "Content-Type": "application/problem+json" } }),
    );
    const api = createSejourClient({ baseUrl: "http://api.test", fetch });
    const error = await unwrap(api.GET("/api/v1/reservations")).catch((e: unknown) => e);
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 422);
    assert.equal(error.code, "validation.failed");
    assert.equal(error.message, "The request is invalid.");
    assert.deepEqual(error.fieldErrors(), {
      "guest.email": "Not an email address.",
      adults: "At least one adult.",
    });
  });

  it("describes a failure that is not problem+json", async () => {
    const { fetch } = fakeFetch(() => new Response("upstream down", { status: 502, statusText: "Bad Gateway" }));
    const api = createSejourClient({ baseUrl: "http://api.test", fetch });
    const error = await unwrap(api.GET("/api/v1/reservations")).catch((e: unknown) => e);
    assert.ok(error instanceof ProblemError);
    assert.equal(error.code, "http.502");
    assert.equal(error.status, 502);
    assert.deepEqual(error.fieldErrors(), {});
  });
});

describe("paginate", () => {
  it("walks every page by cursor and stops at the last", async () => {
    const pages: Record<string, { items: { id: string }[]; nextCursor: string | null }> = {
      "": { items: [{ id: "a" }, { id: "b" }], nextCursor: "c1" },
      c1: { items: [{ id: "c" }], nextCursor: "c2" },
      c2: { items: [], nextCursor: null },
    };
    const { fetch, requests } = fakeFetch((r) => json(pages[new URL(r.url).searchParams.get("cursor") ?? ""]));
    const api = createSejourClient({ baseUrl: "http://api.test", fetch });
    const ids: string[] = [];
    for await (const owner of paginate((cursor) =>
      api.GET("/api/v1/owners", { params: { query: { cursor, limit: 2 } } }),
    )) {
      ids.push(owner.id);
    }
    assert.deepEqual(ids, ["a", "b", "c"]);
    assert.equal(requests.length, 3);
    assert.equal(new URL(requests[1]?.url ?? "").searchParams.get("limit"), "2");
  });

  it("throws the page's problem", async () => {
    const { fetch } = fakeFetch(() => json({ ...problem, status: 400, code: "query.invalid" }, { status: 400 }));
    const api = createSejourClient({ baseUrl: "http://api.test", fetch });
    const walk = async () => {
      for await (const _ of paginate((cursor) => api.GET("/api/v1/owners", { params: { query: { cursor } } }))) {
      }
    };
    await assert.rejects(walk, (e: unknown) => e instanceof ProblemError && e.code === "query.invalid");
  });
});
