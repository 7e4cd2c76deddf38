//! Payments over HTTP with the built-in gateway: the deposit paid on its checkout
//! confirms the booking (through `payments.PaymentSucceeded` and the reservations
//! context), a declined card confirms nothing, webhooks are verified and take effect
//! once, one payment per installment whatever the concurrency.

use sejour_core::{Clock, Role};
use sejour_payments::infrastructure::webhook_signature;
use serde_json::{Value, json as j};
use sqlx::PgPool;
use uuid::Uuid;

use crate::{
    helpers::{TestApp, json},
    reservations::{Agency, agency, id_of, stay},
};

/// Asks to pay the next installment of `reservation` as `user`, expecting `status`.
pub async fn pay_next(
    app: &TestApp,
    user: &crate::helpers::TestUser,
    reservation: &str,
    status: u16,
) -> Value {
    let path = format!("/api/v1/reservations/{reservation}/payments");
    json(
        app.post_as(
            user,
            &path,
            j!({"returnUrl": format!("/fr/account/reservations/{reservation}")}),
        )
        .await,
        status,
    )
    .await
}

/// The checkout reference in a payment's `checkoutUrl`.
pub fn reference(payment: &Value) -> String {
    payment["checkoutUrl"]
        .as_str()
        .and_then(|u| u.strip_prefix("/checkout/"))
        .unwrap_or_default()
        .to_owned()
}

/// Pays `payment`'s built-in checkout with `card`, expecting `status`; the answer.
pub async fn pay_with(app: &TestApp, payment: &Value, card: &str, status: u16) -> Value {
    let path = format!("/api/v1/checkout/{}/pay", reference(payment));
    json(app.post(&path, j!({ "cardNumber": card })).await, status).await
}

/// Waits until reservation `id` is confirmed (the reservations context heard of the money).
pub async fn until_confirmed(app: &TestApp, id: &str) {
    let sql = format!(
        "SELECT count(*) FROM reservations.reservations WHERE id = '{id}' AND status = 'confirmed'"
    );
    app.wait_for(&sql, 1).await;
}

/// The booking's documents as `user` sees them, once `count` are issued.
async fn invoices_once_issued(
    app: &TestApp,
    user: &crate::helpers::TestUser,
    id: &str,
    count: i64,
) -> Value {
    app.wait_for("SELECT count(*) FROM payments.invoices", count)
        .await;
    json(
        app.get_as(user, &format!("/api/v1/reservations/{id}/invoices"))
            .await,
        200,
    )
    .await
}

async fn reservation(app: &TestApp, user: &crate::helpers::TestUser, id: &str) -> Value {
    json(
        app.get_as(user, &format!("/api/v1/reservations/{id}"))
            .await,
        200,
    )
    .await
}

#[sqlx::test(migrations = false)]
async fn the_deposit_paid_on_the_builtin_checkout_confirms_the_booking(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency { manager, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let stranger = app.user(Role::Guest).await;
    let property = agency_property(&app).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let deposit = booked["price"]["installments"][0].clone();

    let payment = pay_next(&app, &guest, &id, 201).await;
    assert_eq!(payment["kind"], deposit["kind"], "{payment}");
    assert_eq!(payment["amount"], deposit["amount"]);
    assert_eq!(payment["status"], "pending");
    assert_eq!(payment["provider"], "builtin");
    // Asking again (a retry, another tab) gives the same payment.
    let again = pay_next(&app, &guest, &id, 200).await;
    assert_eq!(again["id"], payment["id"]);
    // Nobody else sees the booking's payments.
    pay_next(&app, &stranger, &id, 404).await;
    json(
        app.get_as(&stranger, &format!("/api/v1/reservations/{id}/payments"))
            .await,
        404,
    )
    .await;

    let checkout_path = format!("/api/v1/checkout/{}", reference(&payment));
    let checkout = json(app.get(&checkout_path).await, 200).await;
    assert_eq!(checkout["status"], "open");
    assert_eq!(checkout["amount"], deposit["amount"]);
    let mistyped = pay_with(&app, &payment, "4242 4242 4242 4241", 422).await;
    assert_eq!(mistyped["errors"][0]["code"], "checkout.invalid_card");
    let paid = pay_with(&app, &payment, "4242 4242 4242 4242", 200).await;
    assert_eq!(paid["status"], "succeeded");
    let twice = pay_with(&app, &payment, "4242 4242 4242 4242", 409).await;
    assert_eq!(twice["code"], "checkout.closed");

    // The reservations context hears of it and confirms.
    until_confirmed(&app, &id).await;
    let confirmed = reservation(&app, &guest, &id).await;
    assert_eq!(confirmed["amountPaid"], deposit["amount"], "{confirmed}");
    let payments = json(
        app.get_as(&manager, &format!("/api/v1/reservations/{id}/payments"))
            .await,
        200,
    )
    .await;
    assert_eq!(payments[0]["status"], "succeeded");
    assert!(payments[0]["checkoutUrl"].is_null());
    // The balance waits for its date (a month before arrival).
    let early = pay_next(&app, &guest, &id, 422).await;
    assert_eq!(early["code"], "payment.too_early");
}

/// The agency's published villa (the one [`agency`] made).
async fn agency_property(app: &TestApp) -> String {
    sqlx::query_scalar::<_, uuid::Uuid>(
        "SELECT id FROM properties.properties WHERE status = 'published' ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .map(|id| id.to_string())
    .unwrap_or_default()
}

#[sqlx::test(migrations = false)]
async fn a_declined_card_fails_the_payment_and_confirms_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let payment = pay_next(&app, &guest, &id, 201).await;
    let declined = pay_with(&app, &payment, "4000000000000002", 200).await;
    assert_eq!(declined["status"], "failed");
    app.wait_for(
        "SELECT count(*) FROM queue.messages WHERE type = 'payments.PaymentFailed'",
        1,
    )
    .await;
    let payments = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{id}/payments"))
            .await,
        200,
    )
    .await;
    assert_eq!(payments[0]["status"], "failed");
    assert_eq!(payments[0]["failure"], "card_declined");
    assert_eq!(reservation(&app, &guest, &id).await["status"], "pending");
    // The deposit may be tried again, with a card that asks for the bank's approval.
    let retry = pay_next(&app, &guest, &id, 201).await;
    assert_ne!(retry["id"], payment["id"]);
    let retry_path = format!("/api/v1/checkout/{}", reference(&retry));
    let step = pay_with(&app, &retry, "4000 0025 0000 3155", 200).await;
    assert_eq!(step["status"], "requires_action");
    let approved = json(
        app.post(&format!("{retry_path}/authenticate"), j!({"approve": true}))
            .await,
        200,
    )
    .await;
    assert_eq!(approved["status"], "succeeded");
    until_confirmed(&app, &id).await;
}

#[sqlx::test(migrations = false)]
async fn webhooks_are_verified_and_take_effect_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let payment = pay_next(&app, &guest, &id, 201).await;
    let secret: String = sqlx::query_scalar("SELECT secret FROM payments.builtin_secret")
        .fetch_one(&app.pool)
        .await
        .unwrap_or_default();
    let body = j!({"id": "evt_once", "type": "checkout.succeeded", "created": 0,
        "data": {"reference": reference(&payment)}})
    .to_string();
    let now = app.clock.now().timestamp();
    let send = |signature: String, body: String| {
        let request = app
            .client
            .post(app.url("/api/v1/webhooks/builtin"))
            .header("content-type", "application/json")
            .header("sejour-signature", signature)
            .body(body);
        async move {
            request
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }
    };
    let succeeded = "SELECT count(*) FROM payments.payments WHERE status = 'succeeded'";

    // Wrong secret, changed body, too old, none: 400 and nothing changes.
    for (case, signature) in [
        (
            webhook_signature::sign("whsec_wrong", now, body.as_bytes()),
            body.clone(),
        ),
        (
            webhook_signature::sign(&secret, now, body.as_bytes()),
            body.replace("evt_once", "evt_other"),
        ),
        (
            webhook_signature::sign(&secret, now - 301, body.as_bytes()),
            body.clone(),
        ),
        (String::new(), body.clone()),
    ]
    .into_iter()
    .enumerate()
    {
        let (signature, sent) = signature;
        assert_eq!(send(signature, sent).await, 400, "case {case}");
    }
    assert_eq!(app.count(succeeded).await, 0);
    // Stripe is not configured here: its endpoint does not exist.
    let stripe = app
        .client
        .post(app.url("/api/v1/webhooks/stripe"))
        .header(
            "stripe-signature",
            webhook_signature::sign(&secret, now, body.as_bytes()),
        )
        .body(body.clone())
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    assert_eq!(stripe, 404);

    // Signed right, delivered twice: one effect.
    let signature = webhook_signature::sign(&secret, now, body.as_bytes());
    assert_eq!(send(signature.clone(), body.clone()).await, 204);
    assert_eq!(send(signature, body.clone()).await, 204);
    assert_eq!(app.count(succeeded).await, 1);
    assert_eq!(
        app.count("SELECT count(*) FROM queue.messages WHERE type = 'payments.PaymentSucceeded'")
            .await,
        1
    );
    // A failure arriving after the success (out of order) changes nothing.
    let late = j!({"id": "evt_late", "type": "checkout.failed", "created": 0,
        "data": {"reference": reference(&payment), "reason": "card_declined"}})
    .to_string();
    let signature = webhook_signature::sign(&secret, now, late.as_bytes());
    assert_eq!(send(signature, late).await, 204);
    assert_eq!(app.count(succeeded).await, 1);
}

#[sqlx::test(migrations = false)]
async fn twenty_concurrent_requests_make_one_payment(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let request = app
            .client
            .post(app.url(&format!("/api/v1/reservations/{id}/payments")))
            .bearer_auth(&guest.access_token)
            .json(&j!({}));
        tasks.push(tokio::spawn(async move {
            request
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap_or(0));
    }
    assert!(
        statuses.iter().all(|s| [200, 201, 409].contains(s)),
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(app.count("SELECT count(*) FROM payments.payments").await, 1);
    assert_eq!(
        app.count("SELECT count(*) FROM payments.builtin_checkouts")
            .await,
        1
    );
}

#[sqlx::test(migrations = false)]
async fn a_cancellation_refunds_what_its_policy_says_once(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency {
        property, manager, ..
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let payment = pay_next(&app, &guest, &id, 201).await;
    pay_with(&app, &payment, "4242424242424242", 200).await;
    until_confirmed(&app, &id).await;
    let paid = reservation(&app, &guest, &id).await["amountPaid"]["amount"]
        .as_i64()
        .unwrap_or_default();
    let preview = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{id}/cancellation"))
            .await,
        200,
    )
    .await;
    let due = preview["refundDue"]["amount"].as_i64().unwrap_or_default();
    assert!(due > 0 && due <= paid, "{preview}");

    let cancelled = json(
        app.post_as(
            &guest,
            &format!("/api/v1/reservations/{id}/cancel"),
            j!({"reason": "Plans changed"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(cancelled["cancellation"]["refundDue"]["amount"], due);
    // The refund goes through the gateway, and the reservation records it.
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.money_movements WHERE reservation_id = '{id}' AND direction = 'refunded'"
        ),
        1,
    )
    .await;
    let after = reservation(&app, &guest, &id).await;
    assert_eq!(after["amountPaid"]["amount"], paid - due, "{after}");
    let payments = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{id}/payments"))
            .await,
        200,
    )
    .await;
    assert_eq!(payments[0]["refunded"]["amount"], due, "{payments}");
    assert_eq!(
        app.count("SELECT count(*) FROM queue.messages WHERE type = 'payments.PaymentRefunded'")
            .await,
        1
    );
    // The cancellation delivered again to the refunds consumer refunds nothing more.
    sqlx::query(
        "UPDATE queue.deliveries d SET status = 'pending', attempts = 0, run_at = d.created_at, done_at = NULL \
         FROM queue.messages m WHERE m.id = d.message_id AND m.type = 'reservations.ReservationCancelled' \
         AND d.consumer = 'payments.refunds'",
    )
    .execute(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
         WHERE m.type = 'reservations.ReservationCancelled' AND d.consumer = 'payments.refunds' AND d.status = 'done'",
        1,
    )
    .await;
    assert_eq!(app.count("SELECT count(*) FROM payments.refunds").await, 1);
    assert_eq!(
        reservation(&app, &guest, &id).await["amountPaid"]["amount"],
        paid - due
    );

    // An invoice for the payment, a credit note for the refund that corrects it.
    let invoices = invoices_once_issued(&app, &guest, &id, 2).await;
    let year = chrono::Datelike::year(&app.clock.now());
    assert_eq!(
        invoices[0]["reference"],
        format!("F{year}-000001"),
        "{invoices}"
    );
    assert_eq!(invoices[0]["kind"], "invoice");
    assert_eq!(invoices[0]["amount"]["amount"], paid);
    assert_eq!(invoices[0]["buyer"]["name"], "Zoé Martin");
    assert!(
        invoices[0]["vatMention"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    assert_eq!(invoices[1]["reference"], format!("A{year}-000001"));
    assert_eq!(invoices[1]["kind"], "credit_note");
    assert_eq!(invoices[1]["amount"]["amount"], due);
    assert_eq!(invoices[1]["corrects"], invoices[0]["id"]);
    let invoice_id = invoices[0]["id"].as_str().unwrap_or_default();
    let stranger = app.user(Role::Guest).await;
    json(
        app.get_as(&stranger, &format!("/api/v1/invoices/{invoice_id}"))
            .await,
        404,
    )
    .await;
    json(
        app.get_as(&guest, &format!("/api/v1/invoices/{invoice_id}"))
            .await,
        200,
    )
    .await;
    // The register, for staff only: newest first, by kind and issue date.
    let register = json(app.get_as(&manager, "/api/v1/invoices").await, 200).await;
    assert_eq!(
        register["items"].as_array().map(Vec::len),
        Some(2),
        "{register}"
    );
    assert_eq!(register["items"][0]["kind"], "credit_note");
    let notes = json(
        app.get_as(&manager, "/api/v1/invoices?kind=credit_note")
            .await,
        200,
    )
    .await;
    assert_eq!(notes["items"].as_array().map(Vec::len), Some(1));
    let tomorrow = app.clock.now().date_naive() + chrono::Duration::days(1);
    let later = json(
        app.get_as(&manager, &format!("/api/v1/invoices?from={tomorrow}"))
            .await,
        200,
    )
    .await;
    assert_eq!(later["items"].as_array().map(Vec::len), Some(0));
    let first = json(app.get_as(&manager, "/api/v1/invoices?limit=1").await, 200).await;
    let cursor = first["nextCursor"].as_str().unwrap_or_default().to_owned();
    let second = json(
        app.get_as(
            &manager,
            &format!("/api/v1/invoices?limit=1&cursor={cursor}"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(second["items"][0]["kind"], "invoice", "{second}");
    json(app.get_as(&guest, "/api/v1/invoices").await, 403).await;
    json(
        app.get_as(&manager, "/api/v1/invoices?kind=receipt").await,
        400,
    )
    .await;
    // Issued documents are final.
    let changed = sqlx::query("UPDATE payments.invoices SET amount = 1")
        .execute(&app.pool)
        .await;
    assert!(changed.is_err());
    assert!(
        sqlx::query("DELETE FROM payments.invoices")
            .execute(&app.pool)
            .await
            .is_err()
    );
}

/// A draft invoice of `payment` (any booking).
fn draft_of(
    ids: &dyn sejour_core::IdGenerator,
    payment: Uuid,
) -> sejour_payments::domain::InvoiceDraft {
    use sejour_core::value_objects::{Currency, Money};
    use sejour_payments::domain::{InvoiceDraft, InvoiceKind, Party};
    let party = Party {
        name: "Agence".into(),
        legal_id: None,
        siren: None,
        vat_number: None,
        address: "Nice".into(),
        country: None,
        email: None,
    };
    InvoiceDraft {
        id: ids.new_id(),
        kind: InvoiceKind::Invoice,
        reservation_id: ids.new_id(),
        customer_id: None,
        owner_id: None,
        payment_id: Some(payment),
        refund_id: None,
        ledger_entry_id: None,
        corrects: None,
        seller: party.clone(),
        buyer: party,
        description: "Acompte".into(),
        service_from: chrono::NaiveDate::from_ymd_opt(2027, 7, 1).unwrap_or_default(),
        service_to: chrono::NaiveDate::from_ymd_opt(2027, 7, 8).unwrap_or_default(),
        amount: Money::new(1000, Currency::EUR),
        vat_rate_bp: 0,
        vat_mention: "TVA non applicable".into(),
        due_on: None,
    }
}

#[sqlx::test(migrations = false)]
async fn twenty_invoices_issued_concurrently_are_numbered_one_to_twenty(pool: PgPool) {
    use sejour_core::{IdGenerator, UnitOfWork, UuidV7Generator};
    use sejour_infrastructure::store::Store;
    use sejour_payments::{domain::InvoiceRepository, infrastructure::PgInvoiceRepository};
    use std::sync::Arc;

    let app = TestApp::spawn(pool).await;
    let ids: Arc<dyn IdGenerator> = Arc::new(UuidV7Generator);
    let clock: Arc<dyn Clock> = app.clock.clone();
    let store = Store::new(app.pool.clone(), clock.clone(), ids.clone());
    let repo = Arc::new(PgInvoiceRepository::new(store.clone()));
    let uow = Arc::new(store.unit_of_work());
    let mut payments = Vec::new();
    let mut tasks = Vec::new();
    for n in 0..21 {
        let payment = ids.new_id();
        sqlx::query(
            "INSERT INTO payments.payments (id, reservation_id, kind, amount, currency, status, provider, \
             created_at, updated_at) VALUES ($1, $2, 'deposit', 1000, 'EUR', 'succeeded', 'builtin', now(), now())",
        )
        .bind(payment)
        .bind(ids.new_id())
        .execute(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        payments.push(payment);
        let draft = draft_of(ids.as_ref(), payment);
        let (repo, uow, clock) = (repo.clone(), uow.clone(), clock.clone());
        tasks.push(tokio::spawn(async move {
            let mut tx = uow.begin().await.unwrap_or_else(|e| panic!("{e}"));
            let issued = repo
                .issue(&mut tx, &draft, clock.now())
                .await
                .unwrap_or_else(|e| panic!("{e}: {:?}", e.internal));
            // One issuer of the 21 fails after taking its number: the number goes back.
            if n == 7 {
                drop(tx);
            } else {
                uow.commit(tx).await.unwrap_or_else(|e| panic!("{e}"));
            }
            issued.map(|i| i.number)
        }));
    }
    for task in tasks {
        assert!(task.await.unwrap_or_default().is_some());
    }
    let numbers: Vec<i64> =
        sqlx::query_scalar("SELECT number FROM payments.invoices ORDER BY number")
            .fetch_all(&app.pool)
            .await
            .unwrap_or_default();
    assert_eq!(numbers, (1..=20).collect::<Vec<i64>>());
    // Issue times follow the numbers.
    let ordered: Option<bool> = sqlx::query_scalar(
        "SELECT bool_and(ok) FROM (SELECT issued_at >= lag(issued_at, 1, '-infinity') OVER (ORDER BY number) AS ok \
         FROM payments.invoices) AS t",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_default();
    assert_eq!(ordered, Some(true));
    // A payment's invoice issued again takes no number.
    let mut tx = uow.begin().await.unwrap_or_else(|e| panic!("{e}"));
    let again = repo
        .issue(&mut tx, &draft_of(ids.as_ref(), payments[0]), clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.is_none());
    drop(tx);
    assert_eq!(
        app.count("SELECT last_number FROM payments.invoice_series")
            .await,
        20
    );
}

#[sqlx::test(migrations = false)]
async fn the_balance_is_asked_for_by_email_on_its_date_and_paid(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let balance = booked["price"]["installments"][1].clone();
    assert_eq!(balance["kind"], "balance", "{booked}");
    let deposit = pay_next(&app, &guest, &id, 201).await;
    pay_with(&app, &deposit, "4242424242424242", 200).await;
    until_confirmed(&app, &id).await;
    let scheduler = app.platform.scheduler().unwrap_or_else(|e| panic!("{e}"));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    let asked = "SELECT count(*) FROM queue.messages WHERE type = 'mail.send' \
                 AND payload->>'subject' LIKE 'Solde%'";

    // The day before the balance's date, nothing is asked.
    let due = chrono::NaiveDate::parse_from_str(
        balance["dueOn"].as_str().unwrap_or_default(),
        "%Y-%m-%d",
    )
    .unwrap_or_default();
    let at = |day: chrono::NaiveDate| {
        day.and_hms_opt(7, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or_default()
    };
    app.clock.set(at(due - chrono::Duration::days(1)));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
         WHERE m.type = 'payments.request_balances' AND d.status = 'done'",
        1,
    )
    .await;
    assert_eq!(app.count(asked).await, 0);

    // On its date, the guest gets a letter with the checkout's link.
    app.clock.set(at(due));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(asked, 1).await;
    let text: String = sqlx::query_scalar(
        "SELECT payload->>'text' FROM queue.messages WHERE type = 'mail.send' AND payload->>'subject' LIKE 'Solde%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_default();
    let link = text
        .split_whitespace()
        .find(|w| w.contains("/fr/checkout/"))
        .unwrap_or_default()
        .to_owned();
    let reference = link.rsplit('/').next().unwrap_or_default().to_owned();
    assert!(reference.starts_with("bi_"), "{text}");
    let checkout = json(app.get(&format!("/api/v1/checkout/{reference}")).await, 200).await;
    assert_eq!(checkout["amount"], balance["amount"]);
    json(
        app.post(
            &format!("/api/v1/checkout/{reference}/pay"),
            j!({"cardNumber": "4242 4242 4242 4242"}),
        )
        .await,
        200,
    )
    .await;
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.reservations WHERE id = '{id}' AND amount_paid = total"
        ),
        1,
    )
    .await;
    // Paid: the next day asks nothing more.
    app.clock.set(at(due + chrono::Duration::days(1)));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
    app.wait_for(
        "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
         WHERE m.type = 'payments.request_balances' AND d.status = 'done'",
        3,
    )
    .await;
    assert_eq!(app.count(asked).await, 1);
    assert_eq!(
        app.count("SELECT count(*) FROM payments.payments WHERE status = 'succeeded'")
            .await,
        2
    );
}

#[sqlx::test(migrations = false)]
async fn a_cancellation_closes_open_checkouts_and_money_landing_after_it_goes_back(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let cancel = |id: String| {
        let request = app
            .client
            .post(app.url(&format!("/api/v1/reservations/{id}/cancel")))
            .bearer_auth(&guest.access_token)
            .json(&j!({"reason": "Plans changed"}));
        async move {
            request
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }
    };

    // Paid at its checkout after the booking was cancelled, before the cancellation was
    // handled (no worker yet): the money goes back in full.
    let late = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let late_id = id_of(&late);
    let payment = pay_next(&app, &guest, &late_id, 201).await;
    assert_eq!(cancel(late_id.clone()).await, 200);
    let paid = pay_with(&app, &payment, "4242424242424242", 200).await;
    assert_eq!(paid["status"], "succeeded");

    // An open checkout of a booking cancelled later is closed: it can no longer be paid.
    let open = stay(&app, &guest, &property, "2027-05-10", "2027-05-15", 201).await;
    let open_id = id_of(&open);
    let waiting = pay_next(&app, &guest, &open_id, 201).await;
    assert_eq!(cancel(open_id.clone()).await, 200);

    app.start_worker();
    app.wait_for(
        "SELECT count(*) FROM payments.refunds WHERE reason = 'late_payment' AND status = 'succeeded'",
        1,
    )
    .await;
    app.wait_for(
        &format!(
            "SELECT count(*) FROM reservations.reservations WHERE id = '{late_id}' AND amount_paid = 0"
        ),
        1,
    )
    .await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM reservations.money_movements WHERE reservation_id = '{late_id}'"
        ))
        .await,
        2
    );
    app.wait_for(
        &format!(
            "SELECT count(*) FROM payments.payments WHERE id = '{}' AND status = 'failed'",
            waiting["id"].as_str().unwrap_or_default()
        ),
        1,
    )
    .await;
    let closed = pay_with(&app, &waiting, "4242424242424242", 409).await;
    assert_eq!(closed["code"], "checkout.closed");
    let payments = json(
        app.get_as(&guest, &format!("/api/v1/reservations/{open_id}/payments"))
            .await,
        200,
    )
    .await;
    assert_eq!(payments[0]["failure"], "cancelled");
}

/// The text of a PDF, by `pdftotext` (poppler-utils, installed by the test command).
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils): {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(pdf)
            .unwrap_or_else(|e| panic!("pdftotext: {e}"));
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("pdftotext: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[sqlx::test(migrations = false)]
async fn an_invoice_is_a_pdf_with_its_mentions_the_same_bytes_each_time(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let stranger = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let payment = pay_next(&app, &guest, &id, 201).await;
    pay_with(&app, &payment, "4242424242424242", 200).await;
    let invoices = invoices_once_issued(&app, &guest, &id, 1).await;
    let invoice = &invoices[0];
    let path = format!("/api/v1/invoices/{}/pdf", id_of(invoice));

    let response = app.get_as(&guest, &path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    let pdf = response.bytes().await.unwrap_or_default();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let text = pdf_text(&pdf);
    let reference = invoice["reference"].as_str().unwrap_or_default();
    for expected in [
        &format!("Facture {reference}"),
        "Zoé Martin",
        "TVA non applicable, art. 293 B du CGI",
        "3 mai 2027",
        "8 mai 2027",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Kept: the same bytes again; nobody else's.
    let again = app
        .get_as(&guest, &path)
        .await
        .bytes()
        .await
        .unwrap_or_default();
    assert_eq!(again, pdf);
    json(app.get_as(&stranger, &path).await, 404).await;
}
