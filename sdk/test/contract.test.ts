// The SDK against the real `sejour` binary with demo data (`scripts/test-web.sh` starts it and
// sets SEJOUR_API_URL). Books a stay as the demo guest, through the typed client only.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createSejourClient, ProblemError, paginate, type SejourClient, unwrap } from "../src/index.ts";

const baseUrl = process.env.SEJOUR_API_URL;
const password = "demo-password-2026";

/** A date `days` from today, as the API's `YYYY-MM-DD`. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the SDK against the real API", { skip: baseUrl ? false : "SEJOUR_API_URL is not set" }, () => {
  let guest: SejourClient;
  let admin: SejourClient;

  before(async () => {
    const anonymous = createSejourClient({ baseUrl: baseUrl ?? "" });
    const signIn = async (who: string) => {
      const tokens = await unwrap(
        anonymous.POST("/api/v1/auth/login", { body: { email: `${who}@demo.sejour.localhost`, password } }),
      );
      return createSejourClient({ baseUrl: baseUrl ?? "", token: () => tokens.accessToken, etags: true });
    };
    guest = await signIn("guest");
    admin = await signIn("admin");
  });

  it("searches, quotes and books once per idempotency key", async () => {
    // Far enough ahead that no other test's booking overlaps.
    const checkIn = day(300 + Math.floor(Math.random() * 60));
    const checkOut = day(300 + 62);
    const search = await unwrap(
      guest.GET("/api/v1/properties", { params: { query: { city: "Nice", guests: 2, checkIn, checkOut } } }),
    );
    const property = search.items[0];
    assert.ok(property, "a demo property in Nice is free");
    const quote = await unwrap(
      guest.GET("/api/v1/properties/{id}/quote", {
        params: { path: { id: property.id }, query: { checkIn, checkOut, adults: 2 } },
      }),
    );
    assert.equal(quote.total.currency, "EUR");
    assert.ok(quote.total.amount > 0);

    const me = await unwrap(guest.GET("/api/v1/users/me"));
    const body = {
      propertyId: property.id,
      checkIn,
      checkOut,
      adults: 2,
      guest: {
        firstName: me.firstName,
        lastName: me.lastName,
        email: me.email,
        phone: "+33612345678",
        address: { line1: "1 rue de la Paix", postalCode: "75002", city: "Paris", country: "FR" },
      },
    };
    const key = { "Idempotency-Key": crypto.randomUUID() };
    const first = await guest.POST("/api/v1/reservations", { body, params: { header: key } });
    const replay = await guest.POST("/api/v1/reservations", { body, params: { header: key } });
    assert.equal(first.response.status, 201);
    assert.equal(replay.data?.id, first.data?.id, "the retry returns the first booking");
    assert.equal(first.data?.price.total.amount, quote.total.amount, "the booking is charged the quote");

    // The same dates again, with a new key: taken.
    const taken = await unwrap(guest.POST("/api/v1/reservations", { body })).catch((e: unknown) => e);
    assert.ok(taken instanceof ProblemError);
    assert.equal(taken.status, 409);

    const mine: string[] = [];
    for await (const r of paginate((cursor) =>
      guest.GET("/api/v1/me/reservations", { params: { query: { cursor, limit: 1 } } }),
    )) {
      mine.push(r.id);
    }
    assert.ok(mine.includes(first.data?.id ?? ""), "my reservations list the booking");

    // Staff confirm it with the version the client remembered from its last read.
    const id = first.data?.id ?? "";
    await unwrap(admin.GET("/api/v1/reservations/{id}", { params: { path: { id } } }));
    const confirmed = await unwrap(admin.POST("/api/v1/reservations/{id}/confirm", { params: { path: { id } } }));
    assert.equal(confirmed.status, "confirmed");
  });

  it("turns a refused booking into per-field errors", async () => {
    const error = await unwrap(
      guest.POST("/api/v1/reservations", {
        body: {
          propertyId: "0190a8f0-0000-7000-8000-000000000001",
          checkIn: day(30),
          checkOut: day(33),
          adults: 0,
          guest: {
            firstName: "Ana",
            lastName: "Lima",
            email: "not-an-email",
            phone: "+33612345678",
            address: { line1: "1 rue de la Paix", postalCode: "75002", city: "Paris", country: "FR" },
          },
        },
      }),
    ).catch((e: unknown) => e);
    assert.ok(error instanceof ProblemError, String(error));
    assert.ok([400, 422].includes(error.status), `status ${error.status}`);
    assert.ok(error.code.length > 0);
  });

  it("answers a malformed id with a problem", async () => {
    const error = await unwrap(
      admin.GET("/api/v1/reservations/{id}", { params: { path: { id: "not-a-uuid" } } }),
    ).catch((e: unknown) => e);
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 400);
  });
});
