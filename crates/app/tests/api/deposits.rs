//! The guest's saved card over HTTP, with the built-in gateway: the balance charged
//! off-session on its date, the security deposit held two days before arrival, renewed
//! before it lapses, released a week after departure, or partly taken by a manager's
//! damage claim with photos of the damage; a card refusing either is reported to the
//! agency.

use sejour_core::Role;
use serde_json::{Value, json as j};
use sqlx::PgPool;

use crate::{
    helpers::{TestApp, TestUser, json},
    ledger::{again, minor, run_jobs_on, tick},
    payments::{pay_next, pay_with, reference, until_confirmed},
    properties::{png, upload_to},
    reservations::{Agency, agency, id_of, stay},
};

/// Pays `payment`'s checkout with `card`, saving it for the booking.
async fn pay_saving(app: &TestApp, payment: &Value, card: &str) -> Value {
    let path = format!("/api/v1/checkout/{}/pay", reference(payment));
    json(
        app.post(&path, j!({ "cardNumber": card, "saveCard": true }))
            .await,
        200,
    )
    .await
}

pub async fn deposit(app: &TestApp, who: &TestUser, id: &str) -> Value {
    json(
        app.get_as(who, &format!("/api/v1/reservations/{id}/deposit"))
            .await,
        200,
    )
    .await
}

pub fn statuses(deposit: &Value) -> Vec<String> {
    deposit["holds"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["status"].as_str().map(str::to_owned))
        .collect()
}

pub async fn mails(app: &TestApp, subject: &str) -> i64 {
    app.count(&format!(
        "SELECT count(*) FROM queue.messages WHERE type = 'mail.send' AND payload->>'subject' LIKE '{subject}%'"
    ))
    .await
}

/// Waits until every `job` enqueued so far has run (older runs may have been purged).
pub async fn jobs_done(app: &TestApp, job: &str) {
    app.wait_for(
        &format!(
            "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
             WHERE m.type = '{job}' AND d.status <> 'done'"
        ),
        0,
    )
    .await;
}

/// A hold placed on 2027-05-01 for a stay of 2027-05-03 to 05-08, run out: it lapses after
/// seven days, so it is renewed the day before while still needed (05-07, then 05-13), and
/// given back a week after departure (05-15). The guest signed in anew, and the deposit.
pub async fn run_the_holds_out(app: &TestApp, guest: &TestUser, id: &str) -> (TestUser, Value) {
    run_jobs_on(app, "2027-05-07").await;
    jobs_done(app, "payments.hold_deposits").await;
    let guest = again(app, guest).await;
    assert_eq!(
        statuses(&deposit(app, &guest, id).await),
        ["renewed", "held"]
    );
    for day in ["2027-05-13", "2027-05-15"] {
        run_jobs_on(app, day).await;
        jobs_done(app, "payments.hold_deposits").await;
    }
    let guest = again(app, &guest).await;
    let last = deposit(app, &guest, id).await;
    assert_eq!(
        statuses(&last),
        ["renewed", "renewed", "released"],
        "{last}"
    );
    (guest, last)
}

#[sqlx::test(migrations = false)]
async fn a_saved_card_pays_the_balance_and_holds_the_deposit_until_a_week_after_departure(
    pool: PgPool,
) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let stranger = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let held = minor(&booked["price"]["securityDeposit"]);
    assert!(held > 0, "{booked}");
    let payment = pay_next(&app, &guest, &id, 201).await;
    pay_saving(&app, &payment, "4242 4242 4242 4242").await;
    until_confirmed(&app, &id).await;
    let kept = deposit(&app, &guest, &id).await;
    assert_eq!(kept["card"]["last4"], "4242", "{kept}");
    assert_eq!(kept["holds"], j!([]));
    json(
        app.get_as(&stranger, &format!("/api/v1/reservations/{id}/deposit"))
            .await,
        404,
    )
    .await;

    // The balance is charged on its date, without a letter to the guest.
    let due = booked["price"]["installments"][1]["dueOn"]
        .as_str()
        .unwrap_or_default();
    run_jobs_on(&app, due).await;
    jobs_done(&app, "payments.request_balances").await;
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.reservations WHERE id = '{id}' AND amount_paid = total"
        ),
        1,
    )
    .await;
    assert_eq!(mails(&app, "Solde").await, 0);

    // Not yet three days before arrival; held two days before.
    run_jobs_on(&app, "2027-04-30").await;
    jobs_done(&app, "payments.hold_deposits").await;
    let guest = again(&app, &guest).await;
    assert!(statuses(&deposit(&app, &guest, &id).await).is_empty());
    run_jobs_on(&app, "2027-05-01").await;
    jobs_done(&app, "payments.hold_deposits").await;
    let guest = again(&app, &guest).await;
    let now_held = deposit(&app, &guest, &id).await;
    assert_eq!(statuses(&now_held), ["held"], "{now_held}");
    assert_eq!(minor(&now_held["holds"][0]["amount"]), held);

    run_the_holds_out(&app, &guest, &id).await;
    assert_eq!(
        app.count(
            "SELECT count(*) FROM queue.messages WHERE type IN \
             ('payments.PaymentAuthorized', 'payments.DepositReleased')"
        )
        .await,
        6
    );
}

#[sqlx::test(migrations = false)]
async fn a_manager_claims_damage_on_the_hold_and_refused_cards_are_reported(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency {
        property, manager, ..
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let good = id_of(&stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await);
    let payment = pay_next(&app, &guest, &good, 201).await;
    pay_saving(&app, &payment, "4242424242424242").await;
    // This card asks for the bank's approval at checkout and is refused off-session.
    let picky = id_of(&stay(&app, &guest, &property, "2027-05-10", "2027-05-12", 201).await);
    let payment = pay_next(&app, &guest, &picky, 201).await;
    let pending = pay_saving(&app, &payment, "4000 0027 6000 3184").await;
    assert_eq!(pending["status"], "requires_action");
    json(
        app.post(
            &format!("/api/v1/checkout/{}/authenticate", reference(&payment)),
            j!({"approve": true}),
        )
        .await,
        200,
    )
    .await;
    until_confirmed(&app, &good).await;
    until_confirmed(&app, &picky).await;

    // Its balance: refused off-session, the agency told, the guest sent a link.
    run_jobs_on(&app, "2027-04-10").await;
    app.wait_for(
        "SELECT count(*) FROM queue.messages WHERE type = 'mail.send' AND payload->>'subject' LIKE 'Solde%'",
        1,
    )
    .await;
    assert_eq!(mails(&app, "Carte refusée — le solde").await, 1);
    assert_eq!(
        app.count("SELECT count(*) FROM queue.messages WHERE type = 'payments.PaymentFailed'")
            .await,
        1
    );

    // Held on the good card two days before its arrival (and renewed a week later); refused
    // on the other, and the agency told.
    run_jobs_on(&app, "2027-05-01").await;
    jobs_done(&app, "payments.hold_deposits").await;
    run_jobs_on(&app, "2027-05-08").await;
    jobs_done(&app, "payments.hold_deposits").await;
    let manager = again(&app, &manager).await;
    let guest = again(&app, &guest).await;
    let good_hold = deposit(&app, &manager, &good).await;
    assert_eq!(statuses(&good_hold), ["renewed", "held"], "{good_hold}");
    let picky_hold = deposit(&app, &manager, &picky).await;
    assert_eq!(statuses(&picky_hold), ["failed"], "{picky_hold}");
    assert_eq!(picky_hold["holds"][0]["reason"], "authentication_required");
    assert_eq!(mails(&app, "Carte refusée — le dépôt").await, 1);

    // The claim: within the hold, once, by staff only.
    let held = minor(&good_hold["holds"][1]["amount"]);
    let claims = format!("/api/v1/reservations/{good}/deposit/claims");
    let claim = |amount: i64, reason: &str| j!({"amount": {"amount": amount, "currency": "EUR"}, "reason": reason});
    let too_much = json(
        app.post_as(&manager, &claims, claim(held + 1, "Vitre"))
            .await,
        422,
    )
    .await;
    assert_eq!(too_much["code"], "deposit.claim_exceeds_hold");
    let blank = json(app.post_as(&manager, &claims, claim(100, "  ")).await, 422).await;
    assert_eq!(blank["errors"][0]["code"], "deposit.reason_required");
    json(app.post_as(&guest, &claims, claim(100, "Vitre")).await, 403).await;
    let captured = json(
        app.post_as(&manager, &claims, claim(25_000, "Vitre cassée"))
            .await,
        200,
    )
    .await;
    assert_eq!(captured["status"], "captured");
    assert_eq!(minor(&captured["captured"]), 25_000);
    let again_claimed = json(
        app.post_as(&manager, &claims, claim(100, "Encore")).await,
        409,
    )
    .await;
    assert_eq!(again_claimed["code"], "deposit.not_held");
    assert_eq!(
        app.count("SELECT count(*) FROM queue.messages WHERE type = 'payments.DepositCaptured'")
            .await,
        1
    );

    // The damage, photographed: kept as evidence, shown to the guest, audited.
    let photos = format!("/api/v1/reservations/{good}/deposit/photos");
    let kept = json(
        upload_to(&app, &manager, &photos, "vitre.jpg", png()).await,
        201,
    )
    .await;
    assert_eq!(kept["contentType"], "image/png");
    assert_eq!(kept["caption"], "Terrasse");
    let not_an_image = json(
        upload_to(
            &app,
            &manager,
            &photos,
            "vitre.jpg",
            b"MZ\x90\x00 not a photo".to_vec(),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(not_an_image["code"], "photo.unsupported_type");
    json(
        upload_to(&app, &guest, &photos, "vitre.jpg", png()).await,
        403,
    )
    .await;
    let seen = deposit(&app, &guest, &good).await;
    assert_eq!(seen["photos"].as_array().map(Vec::len), Some(1), "{seen}");
    let url = seen["photos"][0]["url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let image = app.get_as(&guest, &url).await;
    assert_eq!(image.status(), 200);
    assert_eq!(
        image
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("image/png")
    );
    let bytes = image.bytes().await.unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    let stranger = app.user(Role::Guest).await;
    json(app.get_as(&stranger, &url).await, 404).await;
    assert_eq!(
        app.count("SELECT count(*) FROM queue.messages WHERE type = 'payments.DamagePhotoAdded'")
            .await,
        1
    );
    let deleted = sqlx::query("DELETE FROM payments.damage_photos")
        .execute(&app.pool)
        .await;
    assert!(deleted.is_err(), "evidence is never deleted");
}

#[sqlx::test(migrations = false)]
async fn consent_given_before_the_checkout_keeps_the_card_and_none_keeps_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    // Agreed on the booking page (`saveCard`), not again on the checkout page.
    let agreed = id_of(&stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await);
    let payment = json(
        app.post_as(
            &guest,
            &format!("/api/v1/reservations/{agreed}/payments"),
            j!({"saveCard": true}),
        )
        .await,
        201,
    )
    .await;
    pay_with(&app, &payment, "4242 4242 4242 4242", 200).await;
    // Agreed nowhere.
    let not = id_of(&stay(&app, &guest, &property, "2027-05-10", "2027-05-12", 201).await);
    let payment = pay_next(&app, &guest, &not, 201).await;
    pay_with(&app, &payment, "4242 4242 4242 4242", 200).await;
    until_confirmed(&app, &agreed).await;
    until_confirmed(&app, &not).await;
    assert_eq!(
        deposit(&app, &guest, &agreed).await["card"]["last4"],
        "4242"
    );
    assert_eq!(deposit(&app, &guest, &not).await["card"], Value::Null);
}
