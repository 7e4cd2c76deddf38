//! Payments with Stripe configured, against a local server speaking Stripe's wire format
//! (form-encoded requests, the secret key, the pinned `Stripe-Version`, an
//! `Idempotency-Key` on every POST, its error objects) and its webhooks signed with the
//! real algorithm: the guest pays on a Checkout Session and refunds go back through it;
//! with their consent the card is kept, the balance charged off-session on its date, the
//! security deposit held (manual capture) before arrival, renewed, released after
//! departure or partly captured for damage; a card refusing off-session is reported.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard},
};

use axum::{
    Json, Router,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode, Uri},
};
use sejour_core::{Clock, Role, ports::ManualClock};
use sejour_payments::infrastructure::webhook_signature;
use serde_json::{Value, json as j};
use sqlx::PgPool;
use uuid::Uuid;

use crate::{
    deposits::{deposit, jobs_done, mails, run_the_holds_out, statuses},
    helpers::{TestApp, TestUser, json},
    ledger::{again, minor, run_jobs_on, tick},
    payments::{pay_next, until_confirmed},
    reservations::{Agency, agency, cancel, id_of, stay},
};

const SECRET_KEY: &str = "sk_test_sejour";
const WEBHOOK_SECRET: &str = "whsec_test_sejour";

/// A POST the fake Stripe answered: its path, `Idempotency-Key` and form fields.
#[derive(Debug, Clone)]
struct Call {
    path: String,
    key: String,
    form: HashMap<String, String>,
}

/// The fake's memory: what was asked, and Stripe's objects.
#[derive(Default)]
struct Books {
    calls: Vec<Call>,
    /// `Idempotency-Key` → the request it was first used with and the answer.
    replies: HashMap<String, (String, HashMap<String, String>, StatusCode, Value)>,
    sessions: HashMap<String, (HashMap<String, String>, Value)>,
    intents: HashMap<String, Value>,
    /// `pm_…` → the payment method, and the refusal its card gives off-session.
    methods: HashMap<String, (Value, Option<&'static str>)>,
    clock: Option<Arc<ManualClock>>,
    ids: usize,
}

impl Books {
    fn id(&mut self, prefix: &str) -> String {
        self.ids += 1;
        format!("{prefix}_test_{}", self.ids)
    }

    fn now(&self) -> i64 {
        self.clock
            .as_ref()
            .map_or_else(chrono::Utc::now, |c| c.now())
            .timestamp()
    }
}

type Answer = (StatusCode, Value);

fn error(status: StatusCode, body: Value) -> Answer {
    (status, j!({ "error": body }))
}

fn invalid(message: &str) -> Answer {
    error(
        StatusCode::BAD_REQUEST,
        j!({"type": "invalid_request_error", "message": message}),
    )
}

/// A local Stripe: Checkout Sessions (create, retrieve with `expand[]`, expire), refunds,
/// and payment intents (off-session, confirmed, manual capture; capture, cancel).
#[derive(Clone)]
struct FakeStripe {
    url: String,
    books: Arc<Mutex<Books>>,
}

impl FakeStripe {
    async fn start() -> Self {
        let books = Arc::new(Mutex::new(Books::default()));
        let router = Router::new()
            .fallback(
                |State(books): State<Arc<Mutex<Books>>>,
                 method: Method,
                 uri: Uri,
                 headers: HeaderMap,
                 body: Bytes| async move {
                    // The form: the query of a GET, the body of a POST (maybe empty).
                    let raw = if method == Method::GET {
                        uri.query().unwrap_or_default()
                    } else {
                        std::str::from_utf8(&body).unwrap_or_default()
                    };
                    let form = reqwest::Url::parse(&format!("http://stripe.test/?{raw}"))
                        .map(|u| u.query_pairs().into_owned().collect())
                        .unwrap_or_default();
                    let (status, body) = serve(&books, &method, uri.path(), &headers, form);
                    (status, Json(body))
                },
            )
            .with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let url = format!(
            "http://{}",
            listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
        );
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, books }
    }

    fn books(&self) -> MutexGuard<'_, Books> {
        self.books.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The platform with Stripe configured against this server, on the fake's clock.
    async fn app(&self, pool: PgPool) -> TestApp {
        let url = self.url.clone();
        let app = TestApp::spawn_with(pool, |f| {
            f.merge(("stripe_secret_key", SECRET_KEY))
                .merge(("stripe_webhook_secret", WEBHOOK_SECRET))
                .merge(("stripe_api_base", url))
                .merge(("public_url", "http://web.test"))
        })
        .await;
        self.books().clock = Some(app.clock.clone());
        app
    }

    /// The POSTs to paths starting with `prefix`, oldest first.
    fn calls(&self, prefix: &str) -> Vec<Call> {
        self.books()
            .calls
            .iter()
            .filter(|c| c.path.starts_with(prefix))
            .cloned()
            .collect()
    }

    fn intent(&self, id: &str) -> Value {
        self.books().intents.get(id).cloned().unwrap_or_default()
    }

    /// The guest pays session `id` on Stripe's page with `card`: the session completed,
    /// as its `checkout.session.completed` carries it. A session set up for off-session
    /// use saves the card to the customer it created.
    fn pay(&self, id: &str, card: &str) -> Value {
        let mut books = self.books();
        let Some((form, _)) = books.sessions.get(id).cloned() else {
            panic!("no session {id}");
        };
        let digits: String = card.chars().filter(char::is_ascii_digit).collect();
        let refusal = (digits == "4000002760003184").then_some("authentication_required");
        let field = |name: &str| form.get(name).cloned();
        let customer =
            (field("customer_creation").as_deref() == Some("always")).then(|| books.id("cus"));
        let future = field("payment_intent_data[setup_future_usage]");
        let method_id = books.id("pm");
        let method = j!({"id": method_id, "object": "payment_method", "type": "card",
            "customer": future.as_ref().and(customer.clone()),
            "card": {"brand": "visa", "last4": &digits[digits.len().saturating_sub(4)..]}});
        books.methods.insert(method_id.clone(), (method, refusal));
        let intent_id = books.id("pi");
        let amount: i64 = field("line_items[0][price_data][unit_amount]")
            .and_then(|a| a.parse().ok())
            .unwrap_or_default();
        let intent = j!({"id": intent_id, "object": "payment_intent", "status": "succeeded",
            "amount": amount, "amount_received": amount, "created": books.now(),
            "currency": field("line_items[0][price_data][currency]"), "customer": customer,
            "payment_method": method_id, "setup_future_usage": future,
            "metadata": {"payment_id": field("payment_intent_data[metadata][payment_id]")}});
        books.intents.insert(intent_id.clone(), intent);
        let Some((_, session)) = books.sessions.get_mut(id) else {
            panic!("no session {id}");
        };
        session["status"] = j!("complete");
        session["payment_status"] = j!("paid");
        session["payment_intent"] = j!(intent_id);
        session["customer"] = j!(customer);
        session.clone()
    }
}

/// Answers one request as Stripe would.
fn serve(
    books: &Mutex<Books>,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    form: HashMap<String, String>,
) -> Answer {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    if header("authorization") != format!("Bearer {SECRET_KEY}")
        || header("stripe-version") != "2024-06-20"
    {
        return error(
            StatusCode::UNAUTHORIZED,
            j!({"type": "invalid_request_error", "message": "Invalid API Key"}),
        );
    }
    let mut books = books.lock().unwrap_or_else(|e| e.into_inner());
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    if *method == Method::GET {
        return read(&books, &segments, &form);
    }
    let key = header("idempotency-key");
    if key.is_empty() {
        return invalid("POSTs need an Idempotency-Key here");
    }
    if let Some((first_path, first_form, status, body)) = books.replies.get(&key) {
        return if first_path == path && *first_form == form {
            (*status, body.clone())
        } else {
            error(
                StatusCode::BAD_REQUEST,
                j!({"type": "idempotency_error",
                    "message": "Keys for idempotent requests can only be used with the same parameters they were first used with."}),
            )
        };
    }
    books.calls.push(Call {
        path: path.to_owned(),
        key: key.clone(),
        form: form.clone(),
    });
    let (status, body) = write(&mut books, &segments, &form);
    books
        .replies
        .insert(key, (path.to_owned(), form, status, body.clone()));
    (status, body)
}

fn not_found(what: &str) -> Answer {
    error(
        StatusCode::NOT_FOUND,
        j!({"type": "invalid_request_error", "code": "resource_missing",
            "message": format!("No such {what}")}),
    )
}

/// The fee of the fake's balance transactions: 1.5 % (half up) + 25 cents of what was
/// received, none for nothing received.
pub fn stripe_fee(received: i64) -> i64 {
    if received == 0 {
        0
    } else {
        (received * 15 + 500) / 1000 + 25
    }
}

/// GETs, with `expand[]`.
fn read(books: &Books, segments: &[&str], query: &HashMap<String, String>) -> Answer {
    match segments {
        ["v1", "checkout", "sessions", id] => {
            let Some((_, session)) = books.sessions.get(*id) else {
                return not_found("checkout.session");
            };
            let mut session = session.clone();
            if query.get("expand[]").map(String::as_str) == Some("payment_intent.payment_method") {
                let intent = session["payment_intent"]
                    .as_str()
                    .and_then(|pi| books.intents.get(pi))
                    .cloned();
                if let Some(mut intent) = intent {
                    let method = intent["payment_method"]
                        .as_str()
                        .and_then(|pm| books.methods.get(pm))
                        .map(|(m, _)| m.clone());
                    intent["payment_method"] = j!(method);
                    session["payment_intent"] = intent;
                }
            }
            (StatusCode::OK, session)
        }
        ["v1", "payment_intents", id] => match books.intents.get(*id) {
            Some(intent)
                if query.get("expand[]").map(String::as_str)
                    == Some("latest_charge.balance_transaction") =>
            {
                // Stripe's European card price: 1.5 % + €0.25, taken from the balance.
                let received = intent["amount_received"].as_i64().unwrap_or_default();
                let mut intent = intent.clone();
                intent["latest_charge"] = j!({"id": format!("ch_{id}"), "object": "charge",
                    "balance_transaction": {"object": "balance_transaction",
                        "fee": stripe_fee(received), "currency": intent["currency"]}});
                (StatusCode::OK, intent)
            }
            Some(intent) => (StatusCode::OK, intent.clone()),
            None => not_found("payment_intent"),
        },
        _ => not_found("route"),
    }
}

/// POSTs (recorded, and answered once per `Idempotency-Key`).
fn write(books: &mut Books, segments: &[&str], form: &HashMap<String, String>) -> Answer {
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    match segments {
        ["v1", "checkout", "sessions"] => {
            let id = books.id("cs");
            let session = j!({"id": id, "object": "checkout.session", "status": "open",
                "payment_status": "unpaid", "customer": null, "payment_intent": null,
                "url": format!("https://checkout.stripe.test/c/pay/{id}")});
            books.sessions.insert(id, (form.clone(), session.clone()));
            (StatusCode::OK, session)
        }
        ["v1", "checkout", "sessions", id, "expire"] => match books.sessions.get_mut(*id) {
            Some((_, session)) if session["status"] == "open" => {
                session["status"] = j!("expired");
                (StatusCode::OK, session.clone())
            }
            Some(_) => {
                invalid("Only Checkout Sessions with a status in [\"open\"] can be expired.")
            }
            None => not_found("checkout.session"),
        },
        ["v1", "refunds"] => {
            let id = books.id("re");
            (
                StatusCode::OK,
                j!({"id": id, "object": "refund", "status": "succeeded",
                    "payment_intent": field("payment_intent"), "amount": field("amount")}),
            )
        }
        ["v1", "payment_intents"] => confirm_off_session(books, form),
        ["v1", "payment_intents", id, action @ ("capture" | "cancel")] => {
            let Some(intent) = books.intents.get_mut(*id) else {
                return not_found("payment_intent");
            };
            let capturable = intent["amount_capturable"].as_i64().unwrap_or_default();
            let waiting = ["requires_capture", "requires_payment_method"];
            let to_capture = form
                .get("amount_to_capture")
                .and_then(|a| a.parse::<i64>().ok())
                .unwrap_or(capturable);
            match *action {
                "capture" if intent["status"] == "requires_capture" && to_capture <= capturable => {
                    intent["status"] = j!("succeeded");
                    intent["amount_received"] = j!(to_capture);
                    intent["amount_capturable"] = j!(0);
                }
                "cancel" if waiting.iter().any(|s| intent["status"] == *s) => {
                    intent["status"] = j!("canceled");
                    intent["amount_capturable"] = j!(0);
                }
                _ => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        j!({"type": "invalid_request_error", "code": "payment_intent_unexpected_state",
                            "message": format!("This PaymentIntent could not be {action}ed: it is {}.", intent["status"]),
                            "payment_intent": intent.clone()}),
                    );
                }
            }
            (StatusCode::OK, intent.clone())
        }
        _ => not_found("route"),
    }
}

/// `POST /v1/payment_intents` with `off_session=true&confirm=true`, as Séjour sends it: on
/// a payment method saved to that customer; a refusing card answers 402 with the intent.
fn confirm_off_session(books: &mut Books, form: &HashMap<String, String>) -> Answer {
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    if field("off_session") != "true" || field("confirm") != "true" {
        return invalid("this fake only confirms off-session");
    }
    let Ok(amount) = field("amount").parse::<i64>() else {
        return invalid("Missing required param: amount.");
    };
    let Some((method, refusal)) = books.methods.get(&field("payment_method")).cloned() else {
        return not_found("payment_method");
    };
    if method["customer"].as_str() != Some(field("customer").as_str()) {
        return invalid("The provided PaymentMethod is not attached to this Customer.");
    }
    let manual = field("capture_method") == "manual";
    let id = books.id("pi");
    let created = books.now();
    let charge = books.id("ch");
    let status = match (refusal, manual) {
        (Some(_), _) => "requires_payment_method",
        (None, true) => "requires_capture",
        (None, false) => "succeeded",
    };
    let mut intent = j!({"id": id, "object": "payment_intent", "status": status,
        "amount": amount, "currency": field("currency"), "created": created,
        "capture_method": if manual { "manual" } else { "automatic" },
        "amount_capturable": if status == "requires_capture" { amount } else { 0 },
        "amount_received": if status == "succeeded" { amount } else { 0 },
        "customer": field("customer"), "payment_method": field("payment_method"),
        "description": field("description"), "latest_charge": charge,
        "metadata": form.iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("metadata[")?.strip_suffix(']')?, v)))
            .collect::<HashMap<_, _>>()});
    books.intents.insert(id, intent.clone());
    if let Some(code) = refusal {
        return error(
            StatusCode::PAYMENT_REQUIRED,
            j!({"type": "card_error", "code": code, "decline_code": code,
                "message": "Your card was declined. This transaction requires authentication.",
                "payment_intent": intent}),
        );
    }
    if field("expand[0]") == "latest_charge" {
        intent["latest_charge"] = j!({"id": charge, "object": "charge",
            "payment_method_details": {"type": "card",
                "card": {"last4": "4242", "capture_before": created + 7 * 86_400}}});
    }
    (StatusCode::OK, intent)
}

/// Sends Stripe's event of `kind` on `object`, signed with `secret` now; the status.
async fn webhook(app: &TestApp, secret: &str, id: &str, kind: &str, object: &Value) -> u16 {
    let event = j!({"id": id, "object": "event", "type": kind, "api_version": "2024-06-20",
        "data": {"object": object}})
    .to_string();
    let signature = webhook_signature::sign(secret, app.clock.now().timestamp(), event.as_bytes());
    app.client
        .post(app.url("/api/v1/webhooks/stripe"))
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(event)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// Asks to pay the next installment as `user`, agreeing that the card be kept.
async fn pay_next_keeping_the_card(app: &TestApp, user: &TestUser, id: &str) -> Value {
    json(
        app.post_as(
            user,
            &format!("/api/v1/reservations/{id}/payments"),
            j!({"returnUrl": format!("/fr/account/reservations/{id}"), "saveCard": true}),
        )
        .await,
        201,
    )
    .await
}

/// The session id in a payment's Stripe `checkoutUrl`.
fn session_of(payment: &Value) -> String {
    payment["checkoutUrl"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .unwrap_or_default()
        .to_owned()
}

/// The deposit paid on Stripe with `card` (kept with the guest's consent), confirmed by
/// its webhook.
async fn book_keeping_the_card(
    app: &TestApp,
    stripe: &FakeStripe,
    guest: &TestUser,
    property: &str,
    (from, to): (&str, &str),
    card: &str,
) -> Value {
    let booked = stay(app, guest, property, from, to, 201).await;
    let id = id_of(&booked);
    let payment = pay_next_keeping_the_card(app, guest, &id).await;
    let session = stripe.pay(&session_of(&payment), card);
    let event = format!("evt_{}", Uuid::now_v7().simple());
    assert_eq!(
        webhook(
            app,
            WEBHOOK_SECRET,
            &event,
            "checkout.session.completed",
            &session
        )
        .await,
        204
    );
    until_confirmed(app, &id).await;
    booked
}

/// The hold references (`pi_…`) of a booking's deposit, oldest first.
async fn hold_refs(app: &TestApp, id: &str) -> Vec<String> {
    sqlx::query_scalar(&format!(
        "SELECT provider_ref FROM payments.deposit_holds \
         WHERE reservation_id = '{id}' AND provider_ref IS NOT NULL ORDER BY created_at"
    ))
    .fetch_all(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"))
}

#[sqlx::test(migrations = false)]
async fn with_stripe_the_guest_pays_on_stripe_and_refunds_go_back_through_it(pool: PgPool) {
    let stripe = FakeStripe::start().await;
    let app = stripe.app(pool).await;
    app.start_worker();
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let deposit_due = booked["price"]["installments"][0].clone();

    let payment = pay_next(&app, &guest, &id, 201).await;
    assert_eq!(payment["provider"], "stripe");
    assert_eq!(
        payment["checkoutUrl"],
        "https://checkout.stripe.test/c/pay/cs_test_1"
    );
    {
        let Call { key, form, .. } = &stripe.calls("/v1/checkout/sessions")[0];
        assert_eq!(key, payment["id"].as_str().unwrap_or_default());
        assert_eq!(form["mode"], "payment");
        assert_eq!(form["line_items[0][price_data][currency]"], "eur");
        assert_eq!(
            form["line_items[0][price_data][unit_amount]"],
            deposit_due["amount"]["amount"].to_string()
        );
        assert_eq!(
            form["success_url"],
            format!("http://web.test/fr/account/reservations/{id}")
        );
        assert_eq!(form["metadata[payment_id]"], *key);
        // No consent, no card kept: no customer, nothing set up for later.
        assert!(!form.contains_key("customer_creation"), "{form:?}");
        assert!(
            !form.contains_key("payment_intent_data[setup_future_usage]"),
            "{form:?}"
        );
    }

    // Stripe's webhook: a bad signature changes nothing; the right one confirms, once.
    let session = stripe.pay("cs_test_1", "4242 4242 4242 4242");
    let completed = "checkout.session.completed";
    let sent = |secret: &'static str| webhook(&app, secret, "evt_stripe_1", completed, &session);
    assert_eq!(sent("whsec_wrong").await, 400);
    assert_eq!(
        app.count("SELECT count(*) FROM payments.payments WHERE status = 'succeeded'")
            .await,
        0
    );
    assert_eq!(sent(WEBHOOK_SECRET).await, 204);
    assert_eq!(sent(WEBHOOK_SECRET).await, 204);
    until_confirmed(&app, &id).await;
    assert_eq!(
        app.count("SELECT count(*) FROM reservations.money_movements")
            .await,
        1
    );
    assert_eq!(deposit(&app, &guest, &id).await["card"], Value::Null);

    // Cancelled: the refund goes back through Stripe, on the session's payment intent.
    cancel(&app, &guest, &id, "Plans changed", 200).await;
    app.wait_for(
        "SELECT count(*) FROM payments.refunds WHERE status = 'succeeded' AND provider_ref LIKE 're_test_%'",
        1,
    )
    .await;
    let refunds = stripe.calls("/v1/refunds");
    let Call { key, form, .. } = &refunds[0];
    assert_eq!(form["payment_intent"], session["payment_intent"]);
    let refund_id: Uuid = sqlx::query_scalar("SELECT id FROM payments.refunds")
        .fetch_one(&app.pool)
        .await
        .unwrap_or_default();
    assert_eq!(key, &refund_id.to_string());
}

#[sqlx::test(migrations = false)]
async fn with_stripe_a_kept_card_pays_the_balance_off_session_and_holds_the_deposit_until_a_week_after_departure(
    pool: PgPool,
) {
    let stripe = FakeStripe::start().await;
    let app = stripe.app(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let dates = ("2027-05-03", "2027-05-08");
    let booked =
        book_keeping_the_card(&app, &stripe, &guest, &property, dates, "4242424242424242").await;
    let id = id_of(&booked);
    let held = minor(&booked["price"]["securityDeposit"]);
    assert!(held > 0, "{booked}");

    // The consent reached Stripe: a customer, the payment set up for off-session use.
    let Call { form, .. } = &stripe.calls("/v1/checkout/sessions")[0];
    assert_eq!(form["customer_creation"], "always");
    assert_eq!(
        form["payment_intent_data[setup_future_usage]"],
        "off_session"
    );
    let kept = deposit(&app, &guest, &id).await;
    assert_eq!(kept["card"]["provider"], "stripe", "{kept}");
    assert_eq!(kept["card"]["last4"], "4242", "{kept}");
    let card: String = sqlx::query_scalar("SELECT reference FROM payments.saved_cards")
        .fetch_one(&app.pool)
        .await
        .unwrap_or_default();
    let (customer, method) = card.split_once('/').unwrap_or_default();
    assert!(
        customer.starts_with("cus_") && method.starts_with("pm_"),
        "{card}"
    );

    // The balance is charged off-session on its date, without a letter to the guest.
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
    let charges = stripe.calls("/v1/payment_intents");
    assert_eq!(charges.len(), 1);
    let Call { key, form, .. } = &charges[0];
    let balance: (Uuid, String) = sqlx::query_as(
        "SELECT id, provider_ref FROM payments.payments WHERE kind = 'balance' AND status = 'succeeded'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(key, &balance.0.to_string());
    assert_eq!(form["customer"], customer);
    assert_eq!(form["payment_method"], method);
    assert_eq!(form["off_session"], "true");
    assert_eq!(form["confirm"], "true");
    assert_eq!(
        form["amount"],
        booked["price"]["installments"][1]["amount"]["amount"].to_string()
    );
    assert!(!form.contains_key("capture_method"), "{form:?}");
    assert_eq!(stripe.intent(&balance.1)["status"], "succeeded");

    // Stripe's fee on each payment is the agency's expense, out of the client account.
    app.wait_for(
        "SELECT count(*) FROM payments.ledger_entries WHERE kind = 'payment'",
        2,
    )
    .await;
    let staff = app.user(Role::Manager).await;
    let entries = json(
        app.get_as(&staff, &format!("/api/v1/reservations/{id}/ledger"))
            .await,
        200,
    )
    .await;
    for entry in entries.as_array().into_iter().flatten() {
        let lines = entry["lines"].as_array().cloned().unwrap_or_default();
        let on = |name: &str| {
            lines
                .iter()
                .filter(|l| l["account"]["name"] == name)
                .map(|l| minor(&l["amount"]))
                .sum::<i64>()
        };
        let paid = -on(&format!("guest:{id}"));
        assert_eq!(on("card_fees"), stripe_fee(paid), "{entry}");
        assert_eq!(on("client_funds"), paid - stripe_fee(paid), "{entry}");
        assert_eq!(lines.iter().map(|l| minor(&l["amount"])).sum::<i64>(), 0);
    }

    // Held (manual capture) two days before arrival, not three.
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
    // It lapses when Stripe says, seven days after Stripe placed it.
    assert_eq!(now_held["holds"][0]["expiresAt"], "2027-05-08T07:00:00Z");
    let holds = stripe.calls("/v1/payment_intents");
    let Call { key, form, .. } = &holds[1];
    let hold_id: Uuid = sqlx::query_scalar("SELECT id FROM payments.deposit_holds")
        .fetch_one(&app.pool)
        .await
        .unwrap_or_default();
    assert_eq!(key, &hold_id.to_string());
    assert_eq!(form["capture_method"], "manual");
    assert_eq!(form["off_session"], "true");
    assert_eq!(form["amount"], held.to_string());

    // Renewed the day before it lapses while still needed (the old one cancelled), twice,
    // and given back a week after departure.
    run_the_holds_out(&app, &guest, &id).await;
    let refs = hold_refs(&app, &id).await;
    assert_eq!(refs.len(), 3);
    let cancels = stripe.calls("/v1/payment_intents/");
    assert_eq!(
        cancels
            .iter()
            .map(|c| (c.path.clone(), c.key.clone()))
            .collect::<Vec<_>>(),
        refs.iter()
            .map(|r| (
                format!("/v1/payment_intents/{r}/cancel"),
                format!("cancel-{r}")
            ))
            .collect::<Vec<_>>()
    );
    for r in &refs {
        assert_eq!(stripe.intent(r)["status"], "canceled", "{r}");
    }
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
async fn with_stripe_a_manager_captures_part_of_the_hold_and_a_card_refusing_off_session_is_reported(
    pool: PgPool,
) {
    let stripe = FakeStripe::start().await;
    let app = stripe.app(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency {
        property, manager, ..
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let good = ("2027-05-03", "2027-05-08");
    let good = id_of(
        &book_keeping_the_card(&app, &stripe, &guest, &property, good, "4242424242424242").await,
    );
    // This card needs its holder for every payment: refused off-session.
    let picky = ("2027-05-10", "2027-05-12");
    let picky = id_of(
        &book_keeping_the_card(
            &app,
            &stripe,
            &guest,
            &property,
            picky,
            "4000 0027 6000 3184",
        )
        .await,
    );

    // Its balance: refused (402), the payment failed with Stripe's reason on its payment
    // intent, the agency told, the guest sent a new Stripe checkout.
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
    let (failure, reference): (String, String) = sqlx::query_as(
        "SELECT failure, provider_ref FROM payments.payments WHERE status = 'failed'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(failure, "authentication_required");
    assert_eq!(
        stripe.intent(&reference)["status"],
        "requires_payment_method"
    );
    let letter: String = sqlx::query_scalar(
        "SELECT payload->>'text' FROM queue.messages WHERE type = 'mail.send' AND payload->>'subject' LIKE 'Solde%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_default();
    assert!(
        letter.contains("https://checkout.stripe.test/c/pay/cs_test_"),
        "{letter}"
    );

    // Held on the good card two days before its arrival (and renewed a week later);
    // refused on the other, and the agency told.
    run_jobs_on(&app, "2027-05-01").await;
    jobs_done(&app, "payments.hold_deposits").await;
    run_jobs_on(&app, "2027-05-08").await;
    jobs_done(&app, "payments.hold_deposits").await;
    let manager = again(&app, &manager).await;
    let good_hold = deposit(&app, &manager, &good).await;
    assert_eq!(statuses(&good_hold), ["renewed", "held"], "{good_hold}");
    let picky_hold = deposit(&app, &manager, &picky).await;
    assert_eq!(statuses(&picky_hold), ["failed"], "{picky_hold}");
    assert_eq!(picky_hold["holds"][0]["reason"], "authentication_required");
    assert_eq!(mails(&app, "Carte refusée — le dépôt").await, 1);

    // The claim captures part of the live hold at Stripe, which gives the rest back.
    let live = hold_refs(&app, &good).await.pop().unwrap_or_default();
    let claims = format!("/api/v1/reservations/{good}/deposit/claims");
    let claim = |amount: i64, reason: &str| j!({"amount": {"amount": amount, "currency": "EUR"}, "reason": reason});
    let captured = json(
        app.post_as(&manager, &claims, claim(25_000, "Vitre cassée"))
            .await,
        200,
    )
    .await;
    assert_eq!(captured["status"], "captured");
    assert_eq!(minor(&captured["captured"]), 25_000);
    let capture = stripe.calls(&format!("/v1/payment_intents/{live}/capture"));
    assert_eq!(capture.len(), 1);
    assert_eq!(capture[0].key, format!("capture-{live}-25000"));
    assert_eq!(capture[0].form["amount_to_capture"], "25000");
    let intent = stripe.intent(&live);
    assert_eq!(intent["status"], "succeeded");
    assert_eq!(intent["amount_received"], 25_000);
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

    // After departure nothing is left to give back on the captured hold.
    run_jobs_on(&app, "2027-05-15").await;
    jobs_done(&app, "payments.hold_deposits").await;
    assert!(
        stripe
            .calls(&format!("/v1/payment_intents/{live}/cancel"))
            .is_empty()
    );
}

#[sqlx::test(migrations = false)]
async fn with_stripe_a_balance_charged_off_session_is_refunded_on_its_payment_intent(pool: PgPool) {
    let stripe = FakeStripe::start().await;
    let app = stripe.app(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency { property, .. } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let dates = ("2027-05-03", "2027-05-08");
    let booked =
        book_keeping_the_card(&app, &stripe, &guest, &property, dates, "4242424242424242").await;
    let id = id_of(&booked);
    let due = booked["price"]["installments"][1]["dueOn"]
        .as_str()
        .unwrap_or_default();
    run_jobs_on(&app, due).await;
    jobs_done(&app, "payments.request_balances").await;
    let balance: String = sqlx::query_scalar(
        "SELECT provider_ref FROM payments.payments WHERE kind = 'balance' AND status = 'succeeded'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));

    // Cancelled a month before arrival: the latest payment, the balance, goes back first
    // (in full here), on its own payment intent.
    let guest = again(&app, &guest).await;
    cancel(&app, &guest, &id, "Plans changed", 200).await;
    app.wait_for(
        "SELECT count(*) FROM payments.refunds WHERE status = 'succeeded'",
        2,
    )
    .await;
    let refunds = stripe.calls("/v1/refunds");
    assert_eq!(refunds[0].form["payment_intent"], balance, "{refunds:?}");
    assert_eq!(
        refunds[0].form["amount"],
        booked["price"]["installments"][1]["amount"]["amount"].to_string()
    );
    // Then part of the deposit, on its session's payment intent.
    let deposit_intent = stripe.books().sessions["cs_test_1"].1["payment_intent"].clone();
    assert_eq!(refunds[1].form["payment_intent"], deposit_intent);
}
