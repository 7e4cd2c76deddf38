//! Reservations over HTTP: booking, visibility, lifecycle, no double booking under
//! concurrency, idempotency, optimistic concurrency, scheduled expiry and completion,
//! the events timeline.

use sejour_core::Role;
use sejour_reservations::application::commands::confirm_reservation::{
    ConfirmReservationCommand, confirm_reservation,
};
use serde_json::{Value, json as j};
use sqlx::PgPool;

use crate::{
    helpers::{TestApp, TestUser, json},
    properties::{new_owner, new_property, published_property},
};

/// A booking of `property` from `check_in` to `check_out` for 2 adults and a child.
pub fn booking(property: &str, check_in: &str, check_out: &str) -> Value {
    j!({
        "propertyId": property,
        "checkIn": check_in,
        "checkOut": check_out,
        "adults": 2,
        "children": [7],
        "guest": {
            "firstName": "Zoé", "lastName": "Martin", "email": "zoe.martin@example.com",
            "phone": "+33612345678",
            "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}
        },
        "notes": "Arriving late"
    })
}

/// A manager, an owner (with a linked `owner` account) and their published villa.
pub struct Agency {
    pub manager: TestUser,
    pub owner_user: TestUser,
    pub property: String,
}

pub async fn agency(app: &TestApp) -> Agency {
    let manager = app.user(Role::Manager).await;
    let owner_user = app.user(Role::Owner).await;
    let owner = new_owner(app, &manager, "owner@example.com", 0).await;
    json(
        app.patch_as(
            &manager,
            &format!("/api/v1/owners/{owner}"),
            j!({"userId": owner_user.id}),
        )
        .await,
        200,
    )
    .await;
    let property = published_property(app, &manager, "Villa Booking", "Nice", &owner).await;
    Agency {
        manager,
        owner_user,
        property,
    }
}

async fn book(app: &TestApp, user: &TestUser, body: Value) -> reqwest::Response {
    app.post_as(user, "/api/v1/reservations", body).await
}

/// Books `property` from `check_in` to `check_out` (see [`booking`]) as `user`, expecting
/// `status`; the answer.
pub async fn stay(
    app: &TestApp,
    user: &TestUser,
    property: &str,
    check_in: &str,
    check_out: &str,
    status: u16,
) -> Value {
    json(
        book(app, user, booking(property, check_in, check_out)).await,
        status,
    )
    .await
}

/// Cancels reservation `id` as `user` for `reason`, expecting `status`; the answer.
pub async fn cancel(app: &TestApp, user: &TestUser, id: &str, reason: &str, status: u16) -> Value {
    let path = format!("/api/v1/reservations/{id}/cancel");
    json(
        app.post_as(user, &path, j!({ "reason": reason })).await,
        status,
    )
    .await
}

/// Confirms reservation `id` as `user`, expecting `status`; the answer.
async fn confirm(app: &TestApp, user: &TestUser, id: &str, status: u16) -> Value {
    let path = format!("/api/v1/reservations/{id}/confirm");
    json(app.post_as(user, &path, j!({})).await, status).await
}

pub fn id_of(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

async fn status_of(app: &TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT status FROM reservations.reservations WHERE id = $1::uuid")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn timeline(app: &TestApp, user: &TestUser, id: &str) -> Vec<String> {
    let events = json(
        app.get_as(user, &format!("/api/v1/reservations/{id}/events"))
            .await,
        200,
    )
    .await;
    events["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["type"].as_str().map(str::to_owned))
        .collect()
}

#[sqlx::test(migrations = false)]
async fn a_new_guest_books_sees_it_and_others_get_404_then_a_manager_confirms(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;

    // Low season, 3 nights, 2 adults + 1 child: the quote's total is what is booked.
    let quote = json(
        app.get(&format!(
            "/api/v1/properties/{}/quote?checkIn=2027-05-03&checkOut=2027-05-06&adults=2&children=7",
            a.property
        ))
        .await,
        200,
    )
    .await;
    let response = book(
        &app,
        &guest,
        booking(&a.property, "2027-05-03", "2027-05-06"),
    )
    .await;
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let etag = response.headers().get("etag").cloned();
    let created = json(response, 201).await;
    let id = id_of(&created);
    assert_eq!(location, format!("/api/v1/reservations/{id}"));
    assert_eq!(etag.as_ref().and_then(|v| v.to_str().ok()), Some("\"1\""));
    assert_eq!(created["status"], "pending");
    assert_eq!(created["customerId"], j!(guest.id));
    assert_eq!(created["price"]["total"], quote["total"], "{created}");
    assert_eq!(created["price"]["nights"], 3);
    assert_eq!(created["price"]["quote"]["rent"], quote["rent"]);
    assert_eq!(created["price"]["cancellationPolicy"], "moderate");
    let installments: i64 = created["price"]["installments"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["amount"]["amount"].as_i64())
        .sum();
    assert_eq!(j!(installments), quote["total"]["amount"]);
    assert!(created["holdExpiresAt"].is_string());
    // The dates are held on the shared calendar.
    assert_eq!(
        app.count("SELECT count(*) FROM properties.occupations WHERE kind = 'reservation'")
            .await,
        1
    );

    // The guest sees it under /me/reservations; another guest neither there nor by id.
    let mine = json(app.get_as(&guest, "/api/v1/me/reservations").await, 200).await;
    assert_eq!(mine["items"][0]["id"], j!(id));
    let other = app.user(Role::Guest).await;
    let hidden = json(
        app.get_as(&other, &format!("/api/v1/reservations/{id}"))
            .await,
        404,
    )
    .await;
    assert_eq!(hidden["code"], "reservation.not_found");
    let theirs = json(app.get_as(&other, "/api/v1/me/reservations").await, 200).await;
    assert_eq!(theirs["items"], j!([]));
    cancel(&app, &other, &id, "x", 404).await;
    json(app.get_as(&guest, "/api/v1/reservations").await, 403).await;

    // The guest cannot confirm; a manager does.
    confirm(&app, &guest, &id, 403).await;
    let confirmed = confirm(&app, &a.manager, &id, 200).await;
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(confirmed["version"], 2);
    let again = confirm(&app, &a.manager, &id, 409).await;
    assert_eq!(again["code"], "reservation.invalid_transition");

    // The owner of the property sees it, reduced: first name, number of guests, dates.
    let seen = json(
        app.get_as(&a.owner_user, &format!("/api/v1/reservations/{id}"))
            .await,
        200,
    )
    .await;
    assert_eq!(seen["guestFirstName"], "Zoé");
    assert_eq!(seen["guests"], 3);
    assert!(
        seen.get("guest").is_none() && seen.get("price").is_none(),
        "{seen}"
    );
    let listed = json(app.get_as(&a.owner_user, "/api/v1/reservations").await, 200).await;
    assert_eq!(listed["items"][0]["id"], j!(id));
    assert!(listed["items"][0].get("guest").is_none());
    cancel(&app, &a.owner_user, &id, "mine", 403).await;

    // The guest cancels: the dates are free, the refund (nothing paid) is recorded.
    let cancelled = cancel(&app, &guest, &id, "Our plans changed", 200).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancellation"]["reason"], "Our plans changed");
    assert_eq!(
        cancelled["cancellation"]["by"],
        format!("user:{}", guest.id)
    );
    assert_eq!(cancelled["cancellation"]["refundDue"]["amount"], 0);
    assert_eq!(
        app.count("SELECT count(*) FROM properties.occupations")
            .await,
        0
    );
    cancel(&app, &guest, &id, "again", 409).await;

    // The timeline lists created → confirmed → cancelled; the audit log has them too.
    app.wait_for(
        &format!("SELECT count(*) FROM reservations.timeline WHERE reservation_id = '{id}'"),
        3,
    )
    .await;
    assert_eq!(
        timeline(&app, &guest, &id).await,
        [
            "reservations.ReservationCreated",
            "reservations.ReservationConfirmed",
            "reservations.ReservationCancelled"
        ]
    );
    json(
        app.get_as(&other, &format!("/api/v1/reservations/{id}/events"))
            .await,
        404,
    )
    .await;
    app.wait_for(
        "SELECT count(*) FROM administration.audit_log WHERE action LIKE 'reservations.%'",
        3,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn fifty_concurrent_overlapping_bookings_make_exactly_one_reservation(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    // Fifty stays that all share the night of 2027-05-10 → 11 (various arrivals/lengths).
    let mut requests = tokio::task::JoinSet::new();
    for i in 0..50 {
        let check_in = format!("2027-05-{:02}", 8 + i % 3);
        let check_out = format!("2027-05-{:02}", 12 + i % 4);
        let request = app
            .client
            .post(app.url("/api/v1/reservations"))
            .bearer_auth(&guest.access_token)
            .json(&booking(&a.property, &check_in, &check_out));
        requests.spawn(async move { request.send().await });
    }
    let mut created = 0;
    let mut conflicts = 0;
    for response in requests.join_all().await {
        let response = response.unwrap_or_else(|e| panic!("{e}"));
        match response.status().as_u16() {
            201 => created += 1,
            _ => {
                let body = json(response, 409).await;
                assert_eq!(body["code"], "reservation.period_unavailable");
                conflicts += 1;
            }
        }
    }
    assert_eq!((created, conflicts), (1, 49));
    assert_eq!(
        app.count("SELECT count(*) FROM reservations.reservations")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM properties.occupations")
            .await,
        1
    );
    // No orphan outbox message from the losers either.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM queue.messages WHERE type = 'reservations.ReservationCreated'"
        )
        .await,
        1
    );
}

#[sqlx::test(migrations = false)]
async fn adjacent_stays_both_succeed_and_cancelled_dates_can_be_booked_again(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let first = stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await;
    // Check-out day = next check-in: both stand.
    stay(&app, &guest, &a.property, "2027-05-06", "2027-05-09", 201).await;
    stay(&app, &guest, &a.property, "2027-05-01", "2027-05-03", 201).await;
    let taken = stay(&app, &guest, &a.property, "2027-05-05", "2027-05-07", 409).await;
    assert_eq!(taken["code"], "reservation.period_unavailable");
    // Cancelled, the first stay's dates are bookable again.
    json(
        app.post_as(
            &a.manager,
            &format!("/api/v1/reservations/{}/cancel", id_of(&first)),
            j!({"reason": "Guest called"}),
        )
        .await,
        200,
    )
    .await;
    stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await;
    assert_eq!(
        app.count("SELECT count(*) FROM properties.occupations")
            .await,
        3
    );
}

#[sqlx::test(migrations = false)]
async fn an_update_into_taken_dates_fails_and_leaves_the_reservation_as_it_was(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let mine = stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await;
    stay(&app, &guest, &a.property, "2027-05-10", "2027-05-13", 201).await;
    let id = id_of(&mine);
    let path = format!("/api/v1/reservations/{id}");

    let refused = json(
        app.patch_as(
            &guest,
            &path,
            j!({"checkIn": "2027-05-08", "checkOut": "2027-05-11"}),
        )
        .await,
        409,
    )
    .await;
    assert_eq!(refused["code"], "reservation.period_unavailable");
    let unchanged = json(app.get_as(&guest, &path).await, 200).await;
    assert_eq!(unchanged["checkIn"], "2027-05-03");
    assert_eq!(unchanged["version"], 1);
    assert_eq!(unchanged["price"], mine["price"]);
    let held: Vec<String> = sqlx::query_scalar(
        "SELECT lower(dates)::text FROM properties.occupations ORDER BY lower(dates)",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap_or_default();
    assert_eq!(held, ["2027-05-03", "2027-05-10"]);

    // A free move re-prices (4 nights instead of 3) and frees the old dates.
    let moved = json(
        app.patch_as(
            &guest,
            &path,
            j!({"checkIn": "2027-05-04", "checkOut": "2027-05-08", "notes": null}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(moved["price"]["nights"], 4);
    assert_ne!(moved["price"]["total"], mine["price"]["total"]);
    assert_eq!(moved["notes"], Value::Null);
    assert_eq!(moved["version"], 2);
    stay(&app, &guest, &a.property, "2027-05-01", "2027-05-04", 201).await;

    // A stale If-Match is refused, a current one accepted.
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&guest.access_token)
        .header("If-Match", "\"1\"")
        .json(&j!({"adults": 3}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json(stale, 412).await["code"],
        "reservation.version_mismatch"
    );
    let current = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&guest.access_token)
        .header("If-Match", "\"2\"")
        .json(&j!({"adults": 3, "guest": {"phone": "0612345678"}}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let updated = json(current, 200).await;
    assert_eq!(updated["adults"], 3);
    assert_eq!(updated["guest"]["phone"], "+33612345678");
    assert_eq!(updated["guest"]["firstName"], "Zoé");

    // Bad input names the field; a guest may not set the price.
    let bad = json(
        app.patch_as(
            &guest,
            &path,
            j!({"children": [18], "guest": {"email": "nope"}}),
        )
        .await,
        422,
    )
    .await;
    let fields: Vec<&str> = bad["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["children", "guest.email"], "{bad}");
    json(
        app.patch_as(&guest, &path, j!({"manualTotal": 100})).await,
        403,
    )
    .await;

    // Cancelled, it can no longer change.
    json(
        app.post_as(
            &guest,
            &format!("{path}/cancel"),
            j!({"reason": "No longer"}),
        )
        .await,
        200,
    )
    .await;
    let closed = json(app.patch_as(&guest, &path, j!({"adults": 2})).await, 409).await;
    assert_eq!(closed["code"], "reservation.invalid_transition");
}

#[sqlx::test(migrations = false)]
async fn a_replayed_idempotency_key_creates_nothing_new(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let send = |key: &'static str, body: Value| {
        app.client
            .post(app.url("/api/v1/reservations"))
            .bearer_auth(&guest.access_token)
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
    };
    let body = booking(&a.property, "2027-05-03", "2027-05-06");
    let first = send("booking-1", body.clone())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first = json(first, 201).await;
    let replay = send("booking-1", body.clone())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        replay
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    assert_eq!(json(replay, 201).await, first);
    let other = json(
        send(
            "booking-1",
            booking(&a.property, "2027-06-03", "2027-06-06"),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}")),
        422,
    )
    .await;
    assert_eq!(other["code"], "idempotency.key_reused");
    let blank = json(
        send(" ", body.clone())
            .await
            .unwrap_or_else(|e| panic!("{e}")),
        400,
    )
    .await;
    assert_eq!(blank["code"], "idempotency.invalid_key");

    // Ten concurrent retries of one new key make one reservation, all with its id.
    let body = booking(&a.property, "2027-06-03", "2027-06-06");
    let mut retries = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let request = app
            .client
            .post(app.url("/api/v1/reservations"))
            .bearer_auth(&guest.access_token)
            .header("Idempotency-Key", "booking-2")
            .json(&body);
        retries.spawn(async move { request.send().await });
    }
    let mut ids = std::collections::BTreeSet::new();
    for response in retries.join_all().await {
        let created = json(response.unwrap_or_else(|e| panic!("{e}")), 201).await;
        ids.insert(id_of(&created));
    }
    assert_eq!(ids.len(), 1);
    assert_eq!(
        app.count("SELECT count(*) FROM reservations.reservations")
            .await,
        2
    );
    // Keys are per caller: another guest's same key is a new booking attempt.
    let other_guest = app.user(Role::Guest).await;
    let theirs = app
        .client
        .post(app.url("/api/v1/reservations"))
        .bearer_auth(&other_guest.access_token)
        .header("Idempotency-Key", "booking-1")
        .json(&booking(&a.property, "2027-05-03", "2027-05-06"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json(theirs, 409).await["code"],
        "reservation.period_unavailable"
    );
}

#[sqlx::test(migrations = false)]
async fn the_scheduler_expires_unconfirmed_holds_and_completes_past_stays(pool: PgPool) {
    let app = TestApp::spawn_with(pool, |f| f.merge(("reservation_hold_minutes", 60))).await;
    app.start_worker();
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let lapsing = id_of(&stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await);
    let staying = id_of(&stay(&app, &guest, &a.property, "2027-05-10", "2027-05-13", 201).await);
    confirm(&app, &a.manager, &staying, 200).await;
    let scheduler = app.platform.scheduler().unwrap_or_else(|e| panic!("{e}"));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));

    // 59 minutes on, the hold stands; 61 minutes on, the scheduler expires it.
    app.clock.advance(chrono::Duration::minutes(59));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
         WHERE m.type = 'reservations.expire_holds' AND d.status = 'done'",
        1,
    )
    .await;
    assert_eq!(status_of(&app, &lapsing).await, "pending");
    app.clock.advance(chrono::Duration::minutes(2));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.reservations WHERE id = '{lapsing}' AND status = 'cancelled'"
        ),
        1,
    )
    .await;
    // Access tokens last 15 minutes: sign in again at the new time.
    let guest = app.signed_in(guest.id, &guest.email).await;
    let expired = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{lapsing}"))
            .await,
        200,
    )
    .await;
    assert_eq!(expired["cancellation"]["reason"], "expired");
    assert_eq!(
        expired["cancellation"]["by"],
        "system:reservations.expire_holds"
    );
    // Its dates are bookable again; the confirmed stay is untouched.
    stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await;
    assert_eq!(status_of(&app, &staying).await, "confirmed");

    // After its check-out day, the confirmed stay is completed.
    let departure = chrono::NaiveDate::from_ymd_opt(2027, 5, 13)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .map(|t| t.and_utc())
        .unwrap_or_default();
    app.clock.set(departure);
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.reservations WHERE id = '{staying}' AND status = 'completed'"
        ),
        1,
    )
    .await;
    app.wait_for(
        &format!("SELECT count(*) FROM reservations.timeline WHERE reservation_id = '{staying}'"),
        3,
    )
    .await;
    let guest = app.signed_in(guest.id, &guest.email).await;
    assert_eq!(
        timeline(&app, &guest, &staying).await,
        [
            "reservations.ReservationCreated",
            "reservations.ReservationConfirmed",
            "reservations.ReservationCompleted"
        ]
    );
    // A completed stay can be neither cancelled nor changed.
    cancel(&app, &guest, &staying, "late", 409).await;
}

#[sqlx::test(migrations = false)]
async fn a_manager_books_for_a_guest_at_a_price_set_by_hand_and_it_is_audited(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let mut body = booking(&a.property, "2027-05-03", "2027-05-06");
    body["customerId"] = j!(guest.id);
    body["manualTotal"] = j!(40000);
    let created = json(book(&app, &a.manager, body.clone()).await, 201).await;
    assert_eq!(created["price"]["setByHand"], true);
    assert_eq!(created["price"]["total"]["amount"], 40000);
    assert_ne!(created["price"]["quotedTotal"]["amount"], 40000);
    let sum: i64 = created["price"]["installments"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["amount"]["amount"].as_i64())
        .sum();
    assert_eq!(sum, 40000);
    // It is the guest's: listed under their /me/reservations.
    let mine = json(app.get_as(&guest, "/api/v1/me/reservations").await, 200).await;
    assert_eq!(mine["items"][0]["id"], created["id"]);
    // Another context acting as the system (payments, on a paid deposit) may confirm it.
    let command = ConfirmReservationCommand {
        reservation_id: id_of(&created).parse().unwrap_or_default(),
        expected_version: Some(1),
    };
    let system = sejour_core::Ctx::system("payments.deposit_paid", "test".into());
    confirm_reservation(&app.platform.reservations, &system, command)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let confirmed = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{}", id_of(&created)))
            .await,
        200,
    )
    .await;
    assert_eq!(confirmed["status"], "confirmed");
    // The audit log records who set the price.
    app.wait_for(
        &format!(
            "SELECT count(*) FROM administration.audit_log WHERE action = 'reservations.ReservationCreated' \
             AND actor = 'user:{}' AND after->>'priceSetByHand' = 'true'",
            a.manager.id
        ),
        1,
    )
    .await;

    // Too low a price, a guest setting one, an unknown account: refused.
    body["checkIn"] = j!("2027-06-03");
    body["checkOut"] = j!("2027-06-06");
    body["manualTotal"] = j!(100);
    let low = json(book(&app, &a.manager, body.clone()).await, 422).await;
    assert_eq!(low["code"], "reservation.manual_price_too_low");
    body["customerId"] = j!(uuid::Uuid::now_v7());
    body["manualTotal"] = j!(40000);
    let unknown = json(book(&app, &a.manager, body.clone()).await, 422).await;
    assert_eq!(unknown["code"], "reservation.unknown_customer");
    let mut guest_body = booking(&a.property, "2027-06-03", "2027-06-06");
    guest_body["manualTotal"] = j!(40000);
    json(book(&app, &guest, guest_body).await, 403).await;
    stay(
        &app,
        &a.owner_user,
        &a.property,
        "2027-06-03",
        "2027-06-06",
        403,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn bad_bookings_get_problem_documents_with_stable_codes(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    // Signed out.
    json(
        app.post(
            "/api/v1/reservations",
            booking(&a.property, "2027-05-03", "2027-05-06"),
        )
        .await,
        401,
    )
    .await;
    // Every invalid field at once.
    let mut body = booking(&a.property, "2027-05-06", "2027-05-03");
    body["adults"] = j!(0);
    body["guest"]["email"] = j!("not-an-email");
    body["guest"]["address"]["postalCode"] = j!("123");
    let invalid = json(book(&app, &guest, body).await, 422).await;
    assert_eq!(invalid["code"], "validation.failed");
    let fields: Vec<&str> = invalid["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "checkOut",
            "guest.email",
            "guest.address.postalCode",
            "adults"
        ],
        "{invalid}"
    );
    // Wrong shape, unknown field, unknown property, past dates, too many guests.
    let mut shape = booking(&a.property, "2027-05-03", "2027-05-06");
    shape["adults"] = j!("two");
    json(book(&app, &guest, shape).await, 422).await;
    let mut extra = booking(&a.property, "2027-05-03", "2027-05-06");
    extra["discount"] = j!(50);
    json(book(&app, &guest, extra).await, 422).await;
    let missing = json(
        book(
            &app,
            &guest,
            booking(
                &uuid::Uuid::now_v7().to_string(),
                "2027-05-03",
                "2027-05-06",
            ),
        )
        .await,
        404,
    )
    .await;
    assert_eq!(missing["code"], "property.not_found");
    let past = stay(&app, &guest, &a.property, "2020-05-03", "2020-05-06", 422).await;
    assert_eq!(past["code"], "quote.past_dates");
    let mut crowd = booking(&a.property, "2027-05-03", "2027-05-06");
    crowd["adults"] = j!(12);
    assert_eq!(
        json(book(&app, &guest, crowd).await, 422).await["code"],
        "quote.capacity"
    );
    // Nothing was booked by any of them.
    assert_eq!(
        app.count("SELECT count(*) FROM reservations.reservations")
            .await,
        0
    );
    // Unknown and malformed ids.
    json(
        app.get_as(
            &guest,
            &format!("/api/v1/reservations/{}", uuid::Uuid::now_v7()),
        )
        .await,
        404,
    )
    .await;
    json(app.get_as(&guest, "/api/v1/reservations/nope").await, 400).await;
    let created = stay(&app, &guest, &a.property, "2027-05-03", "2027-05-06", 201).await;
    let no_reason = json(
        app.post_as(
            &guest,
            &format!("/api/v1/reservations/{}/cancel", id_of(&created)),
            j!({"reason": "  "}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(no_reason["code"], "reservation.reason_required");
}

#[sqlx::test(migrations = false)]
async fn managers_search_reservations_and_owners_see_only_theirs_reduced(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let a = agency(&app).await;
    let other_owner = new_owner(&app, &a.manager, "other@example.com", 1).await;
    let elsewhere =
        published_property(&app, &a.manager, "Villa Elsewhere", "Nice", &other_owner).await;
    let guest = app.user(Role::Guest).await;
    let mut ids = Vec::new();
    for (property, check_in, check_out, last_name) in [
        (&a.property, "2027-05-03", "2027-05-06", "Martin"),
        (&a.property, "2027-06-03", "2027-06-06", "Durand"),
        (&elsewhere, "2027-05-03", "2027-05-06", "Martin"),
    ] {
        let mut body = booking(property, check_in, check_out);
        body["guest"]["lastName"] = j!(last_name);
        ids.push(id_of(&json(book(&app, &guest, body).await, 201).await));
    }
    json(
        app.post_as(
            &a.manager,
            &format!("/api/v1/reservations/{}/confirm", ids[1]),
            j!({}),
        )
        .await,
        200,
    )
    .await;
    let search = |query: &str| {
        let path = format!("/api/v1/reservations?{query}");
        let manager = a.manager.clone();
        let app = &app;
        async move {
            let page = json(app.get_as(&manager, &path).await, 200).await;
            page["items"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r["id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        }
    };
    // Newest first.
    assert_eq!(
        search("").await,
        [ids[2].clone(), ids[1].clone(), ids[0].clone()]
    );
    assert_eq!(
        search(&format!("propertyId={}", a.property)).await,
        [ids[1].clone(), ids[0].clone()]
    );
    assert_eq!(search("status=confirmed").await, [ids[1].clone()]);
    assert_eq!(
        search("from=2027-06-01&to=2027-07-01").await,
        [ids[1].clone()]
    );
    assert_eq!(search("q=durand").await, [ids[1].clone()]);
    assert_eq!(
        search(&format!("ownerId={other_owner}")).await,
        [ids[2].clone()]
    );
    // Paging: one at a time, the cursor leads on.
    let first = json(
        app.get_as(&a.manager, "/api/v1/reservations?limit=1").await,
        200,
    )
    .await;
    let cursor = first["nextCursor"].as_str().unwrap_or_default().to_owned();
    let second = json(
        app.get_as(
            &a.manager,
            &format!("/api/v1/reservations?limit=1&cursor={cursor}"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(second["items"][0]["id"], j!(ids[1]));
    // Bad parameters.
    let bad = json(
        app.get_as(&a.manager, "/api/v1/reservations?status=lost")
            .await,
        422,
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "status");

    // The owner sees their property's two, reduced, and nothing of the other property.
    let owned = json(app.get_as(&a.owner_user, "/api/v1/reservations").await, 200).await;
    let items = owned["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 2);
    assert!(
        items
            .iter()
            .all(|r| r.get("guest").is_none() && r["guestFirstName"] == "Zoé")
    );
    let none = json(
        app.get_as(
            &a.owner_user,
            &format!("/api/v1/reservations?propertyId={elsewhere}"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(none["items"], j!([]));
    json(
        app.get_as(&a.owner_user, &format!("/api/v1/reservations/{}", ids[2]))
            .await,
        404,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn the_refund_of_a_cancellation_is_shown_before_it_is_made(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let Agency {
        manager,
        owner_user,
        property,
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let other = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-10", 201).await;
    let id = id_of(&booked);
    let path = format!("/api/v1/reservations/{id}/cancellation");

    let preview = json(app.get_as(&guest, &path).await, 200).await;
    assert_eq!(preview["policy"], "moderate");
    // Nothing is paid yet: nothing to refund, in the booking's currency.
    assert_eq!(preview["refundDue"], j!({"amount": 0, "currency": "EUR"}));
    assert!(preview["asOf"].as_str().is_some_and(|d| d.len() == 10));
    json(app.get_as(&manager, &path).await, 200).await;
    json(app.get_as(&owner_user, &path).await, 403).await;
    json(app.get_as(&other, &path).await, 404).await;
    // Previewing changes nothing; once cancelled, there is nothing left to preview.
    assert_eq!(status_of(&app, &id).await, "pending");
    let cancelled = cancel(&app, &guest, &id, "Change of plans", 200).await;
    assert_eq!(cancelled["cancellation"]["refundDue"], preview["refundDue"]);
    assert_eq!(
        json(app.get_as(&guest, &path).await, 409).await["code"],
        "reservation.invalid_transition"
    );
}

#[sqlx::test(migrations = false)]
async fn the_calendar_board_reads_every_property_with_its_bookings_and_blocks(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let Agency {
        manager,
        owner_user,
        property,
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let other = new_property(&app, &manager, "Gîte Voisin", "Nice").await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-06", 201).await;
    let block =
        j!({"start": "2027-05-10", "end": "2027-05-12", "kind": "maintenance", "note": "Peinture"});
    json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{other}/blocks"),
            block,
        )
        .await,
        201,
    )
    .await;
    let window = "from=2027-05-01&to=2027-06-01";

    let board = json(
        app.get_as(&manager, &format!("/api/v1/calendar?{window}"))
            .await,
        200,
    )
    .await;
    let row = |id: &str| {
        board["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["property"]["id"] == id)
            .cloned()
            .unwrap_or_default()
    };
    let villa = row(&property);
    assert_eq!(villa["property"]["name"], "Villa Booking", "{board}");
    assert_eq!(villa["occupations"][0]["kind"], "reservation");
    assert_eq!(villa["occupations"][0]["reservationId"], booked["id"]);
    assert_eq!(villa["occupations"][0]["start"], "2027-05-03");
    let neighbour = row(&other);
    assert_eq!(
        neighbour["occupations"][0]["kind"], "maintenance",
        "{board}"
    );
    assert_eq!(neighbour["occupations"][0]["note"], "Peinture");
    assert!(neighbour["occupations"][0].get("reservationId").is_none());
    // Outside the window, nothing; pages of properties follow the cursor.
    let later = json(
        app.get_as(&manager, "/api/v1/calendar?from=2027-08-01&to=2027-09-01")
            .await,
        200,
    )
    .await;
    assert!(
        later["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|r| r["occupations"] == j!([]))
    );
    let first = json(
        app.get_as(&manager, &format!("/api/v1/calendar?{window}&limit=1"))
            .await,
        200,
    )
    .await;
    let cursor = first["nextCursor"].as_str().unwrap_or_default().to_owned();
    let second = json(
        app.get_as(
            &manager,
            &format!("/api/v1/calendar?{window}&limit=1&cursor={cursor}"),
        )
        .await,
        200,
    )
    .await;
    assert_ne!(
        first["items"][0]["property"]["id"],
        second["items"][0]["property"]["id"]
    );
    assert_eq!(second["nextCursor"], Value::Null, "{second}");

    // An owner's board holds only their properties; a guest has none.
    let theirs = json(
        app.get_as(&owner_user, &format!("/api/v1/calendar?{window}"))
            .await,
        200,
    )
    .await;
    assert_eq!(
        theirs["items"].as_array().map(Vec::len),
        Some(1),
        "{theirs}"
    );
    assert_eq!(
        theirs["items"][0]["occupations"][0]["reservationId"],
        booked["id"]
    );
    json(
        app.get_as(&guest, &format!("/api/v1/calendar?{window}"))
            .await,
        403,
    )
    .await;
    let too_long = json(
        app.get_as(&manager, "/api/v1/calendar?from=2027-01-01&to=2030-01-01")
            .await,
        422,
    )
    .await;
    assert_eq!(too_long["errors"][0]["code"], "calendar.invalid_window");
}
