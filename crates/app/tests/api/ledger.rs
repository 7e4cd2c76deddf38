//! The ledger over HTTP: payments and refunds posted once each, a stay's money shared
//! out after check-out between the commune, the agency and its co-owners — one under a
//! mandate, one paid directly (the service model) — every entry balanced, the guest's
//! account back to zero, and who may read what.

use std::collections::HashMap;

use sejour_core::Role;
use serde_json::{Value, json as j};
use sqlx::PgPool;

use crate::{
    helpers::{TestApp, TestUser, json},
    payments::{pay_next, pay_with, until_confirmed},
    properties::new_owner,
    reservations::{Agency, agency, cancel, id_of, stay},
};

pub fn minor(v: &Value) -> i64 {
    v["amount"].as_i64().unwrap_or_default()
}

/// The ledger's balances by account name, as `who` sees them.
async fn balances(app: &TestApp, who: &TestUser) -> HashMap<String, i64> {
    let all = json(app.get_as(who, "/api/v1/ledger").await, 200).await;
    all.as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            let name = b["account"]["name"].as_str().unwrap_or_default().to_owned();
            (name, minor(&b["balance"]))
        })
        .collect()
}

/// A second owner of the agency's villa, paid directly (the service model) at 15 %, with
/// 40 % of it; the first keeps 60 % under its mandate at 20 %.
async fn co_owner(app: &TestApp, manager: &TestUser, property: &str) -> (String, String) {
    let second = new_owner(app, manager, "direct@example.com", 1).await;
    json(
        app.patch_as(
            manager,
            &format!("/api/v1/owners/{second}"),
            j!({"mandate": {"commissionBasisPoints": 1500, "moneyModel": "service"}}),
        )
        .await,
        200,
    )
    .await;
    let current = json(
        app.get_as(manager, &format!("/api/v1/properties/{property}"))
            .await,
        200,
    )
    .await;
    let first = current["owners"][0]["ownerId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    json(
        app.patch_as(
            manager,
            &format!("/api/v1/properties/{property}"),
            j!({"owners": [{"ownerId": first, "shareBp": 6000}, {"ownerId": second, "shareBp": 4000}]}),
        )
        .await,
        200,
    )
    .await;
    (first, second)
}

/// The agency's villa shared by two co-owners ([`co_owner`]), and a guest's stay there
/// from 2027-05-03 to 05-08, booked (the worker and the scheduler started).
async fn co_owned_stay(app: &TestApp) -> (Agency, (String, String), TestUser, Value) {
    app.start_worker();
    tick(app).await;
    let agency = agency(app).await;
    let owners = co_owner(app, &agency.manager, &agency.property).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(
        app,
        &guest,
        &agency.property,
        "2027-05-03",
        "2027-05-08",
        201,
    )
    .await;
    (agency, owners, guest, booked)
}

/// `user` signed in anew (after the clock moved past their token's life).
pub async fn again(app: &TestApp, user: &TestUser) -> TestUser {
    app.signed_in(user.id, &user.email).await
}

/// Runs the scheduler's jobs due now (the first tick only starts the schedules).
pub async fn tick(app: &TestApp) {
    let scheduler = app.platform.scheduler().unwrap_or_else(|e| panic!("{e}"));
    scheduler.tick().await.unwrap_or_else(|e| panic!("{e}"));
}

/// Moves the clock to 07:00 on `day` and runs the scheduler's jobs due.
pub async fn run_jobs_on(app: &TestApp, day: &str) {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(7, 0, 0))
        .map(|t| t.and_utc())
        .unwrap_or_default();
    app.clock.set(at);
    tick(app).await;
}

async fn settlements(app: &TestApp, count: i64) {
    app.wait_for(
        "SELECT count(*) FROM payments.ledger_entries WHERE kind = 'settlement'",
        count,
    )
    .await;
}

/// Every entry of the stay balances.
async fn assert_entries_balance(app: &TestApp, manager: &TestUser, id: &str) -> Vec<Value> {
    let entries = json(
        app.get_as(manager, &format!("/api/v1/reservations/{id}/ledger"))
            .await,
        200,
    )
    .await;
    let entries = entries.as_array().cloned().unwrap_or_default();
    for entry in &entries {
        let lines = entry["lines"].as_array().cloned().unwrap_or_default();
        assert!(lines.len() >= 2, "{entry}");
        assert_eq!(
            lines.iter().map(|l| minor(&l["amount"])).sum::<i64>(),
            0,
            "{entry}"
        );
    }
    entries
}

/// The guest of `booked` pays its deposit, then its balance on its date (weeks later:
/// signed in anew, as returned).
async fn pay_in_full(app: &TestApp, guest: &TestUser, booked: &Value) -> TestUser {
    let id = id_of(booked);
    let deposit = pay_next(app, guest, &id, 201).await;
    pay_with(app, &deposit, "4242424242424242", 200).await;
    until_confirmed(app, &id).await;
    let due = booked["price"]["installments"][1]["dueOn"]
        .as_str()
        .unwrap_or_default();
    run_jobs_on(app, due).await;
    // The balance's checkout opened (its payment is stored before the gateway is asked).
    app.wait_for(
        "SELECT count(*) FROM payments.payments WHERE provider_ref IS NOT NULL",
        2,
    )
    .await;
    let guest = again(app, guest).await;
    let balance = pay_next(app, &guest, &id, 200).await;
    pay_with(app, &balance, "4242424242424242", 200).await;
    app.wait_for(
        "SELECT count(*) FROM payments.ledger_entries WHERE kind = 'payment'",
        2,
    )
    .await;
    guest
}

#[sqlx::test(migrations = false)]
async fn a_paid_stay_is_shared_out_after_check_out_and_every_entry_balances(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let (
        Agency {
            manager,
            owner_user,
            ..
        },
        (first, second),
        guest,
        booked,
    ) = co_owned_stay(&app).await;
    let id = id_of(&booked);
    let price = &booked["price"];
    let (rent, fees, tax, total) = (
        minor(&price["rent"]),
        minor(&price["fees"]),
        minor(&price["touristTax"]),
        minor(&price["total"]),
    );
    assert!(rent > 0 && fees > 0 && tax > 0, "{price}");
    let guest = pay_in_full(&app, &guest, &booked).await;

    // Before check-out the guest's money waits on their account.
    let manager = again(&app, &manager).await;
    let before = balances(&app, &manager).await;
    assert_eq!(
        before.get(&format!("guest:{id}")),
        Some(&-total),
        "{before:?}"
    );

    // The day after arrival nothing is shared; on the check-out day it is, once.
    run_jobs_on(&app, "2027-05-04").await;
    run_jobs_on(&app, "2027-05-08").await;
    settlements(&app, 1).await;
    run_jobs_on(&app, "2027-05-09").await;
    app.wait_for(
        "SELECT count(*) FROM queue.deliveries d JOIN queue.messages m ON m.id = d.message_id \
         WHERE m.type = 'payments.settle_stays' AND d.status = 'done'",
        3,
    )
    .await;
    settlements(&app, 1).await;

    let (manager, owner_user, guest) = (
        again(&app, &manager).await,
        again(&app, &owner_user).await,
        again(&app, &guest).await,
    );
    let after = balances(&app, &manager).await;
    assert_eq!(after.get(&format!("guest:{id}")), None, "{after:?}");
    assert_eq!(after.values().sum::<i64>(), 0, "{after:?}");
    let commune = after
        .keys()
        .find(|k| k.starts_with("tourist_tax:"))
        .cloned()
        .unwrap_or_default();
    assert!(commune.ends_with(" Nice"), "{commune}");
    assert_eq!(after.get(&commune), Some(&-tax));
    assert_eq!(after.get("fees"), Some(&-fees));
    // 60 % of the rent to the mandate owner at 20 %, 40 % to the other at 15 %.
    let (share_first, share_second) = (rent * 6 / 10, rent - rent * 6 / 10);
    let (cut_first, cut_second) = (
        (share_first * 2_000 + 5_000) / 10_000,
        (share_second * 1_500 + 5_000) / 10_000,
    );
    assert_eq!(after.get("commission"), Some(&-(cut_first + cut_second)));
    assert_eq!(
        after.get(&format!("owner:{first}")),
        Some(&-(share_first - cut_first))
    );
    // The second owner holds what the guest paid them, and is owed their share net of
    // commission: the rest is on the client account.
    let held_by_second = after
        .get(&format!("owner:{second}"))
        .copied()
        .unwrap_or_default();
    let client_funds = after.get("client_funds").copied().unwrap_or_default();
    assert_eq!(
        client_funds + held_by_second,
        total - (share_second - cut_second)
    );
    assert!(held_by_second > 0, "{after:?}");

    let entries = assert_entries_balance(&app, &manager, &id).await;
    let kinds: Vec<&str> = entries.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["payment", "payment", "settlement"]);

    // The demo agency is exempt from VAT: its commission invoices say why, as Factur-X too.
    let billed = json(
        app.get_as(&manager, "/api/v1/invoices?kind=commission")
            .await,
        200,
    )
    .await;
    let exempt = &billed["items"][0];
    assert_eq!(exempt["vatRateBp"], 0, "{billed}");
    assert_eq!(
        exempt["vatMention"],
        "TVA non applicable, art. 293 B du CGI"
    );
    assert_eq!(minor(&exempt["net"]), minor(&exempt["amount"]));
    let pdf = app
        .get_as(
            &manager,
            &format!(
                "/api/v1/invoices/{}/pdf",
                exempt["id"].as_str().unwrap_or_default()
            ),
        )
        .await;
    assert_factur_x(&pdf.bytes().await.unwrap_or_default());

    // The owner sees their own balance only; a guest sees no ledger.
    let own = balances(&app, &owner_user).await;
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(
        own.get(&format!("owner:{first}")),
        Some(&-(share_first - cut_first))
    );
    json(app.get_as(&guest, "/api/v1/ledger").await, 403).await;
    json(
        app.get_as(&guest, &format!("/api/v1/reservations/{id}/ledger"))
            .await,
        403,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn a_cancelled_stay_keeps_no_tax_and_shares_out_what_its_policy_kept(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    app.start_worker();
    tick(&app).await;
    let Agency {
        manager, property, ..
    } = agency(&app).await;
    let guest = app.user(Role::Guest).await;
    let booked = stay(&app, &guest, &property, "2027-05-03", "2027-05-08", 201).await;
    let id = id_of(&booked);
    let deposit = pay_next(&app, &guest, &id, 201).await;
    pay_with(&app, &deposit, "4242424242424242", 200).await;
    until_confirmed(&app, &id).await;
    // Ten days before arrival, the moderate policy keeps half the rent and fees: the
    // deposit.
    run_jobs_on(&app, "2027-04-23").await;
    let guest = again(&app, &guest).await;
    let cancelled = cancel(&app, &guest, &id, "change of plans", 200).await;
    let refunded = minor(&cancelled["cancellation"]["refundDue"]);
    let paid = minor(&deposit["amount"]);
    assert!(refunded < paid, "{cancelled}");
    app.wait_for(
        "SELECT count(*) FROM payments.ledger_entries WHERE kind = 'refund'",
        i64::from(refunded > 0),
    )
    .await;
    app.wait_for(
        "SELECT count(*) FROM payments.ledger_entries WHERE kind = 'payment'",
        1,
    )
    .await;

    run_jobs_on(&app, "2027-05-08").await;
    settlements(&app, 1).await;
    let manager = again(&app, &manager).await;
    let after = balances(&app, &manager).await;
    assert_eq!(after.get(&format!("guest:{id}")), None, "{after:?}");
    assert!(
        !after.keys().any(|k| k.starts_with("tourist_tax:")),
        "{after:?}"
    );
    assert_eq!(after.values().sum::<i64>(), 0);
    // What the policy kept stays on the client account, now owed to the owner and the
    // agency.
    let kept = paid - refunded;
    assert_eq!(after.get("client_funds"), Some(&kept));
    // Shared between the fees and the rent as the price was.
    let (fees, rent) = (
        minor(&booked["price"]["fees"]),
        minor(&booked["price"]["rent"]),
    );
    let fees_kept = (2 * kept * fees + fees + rent) / (2 * (fees + rent));
    assert_eq!(after.get("fees"), Some(&-fees_kept), "{after:?}");
    assert_entries_balance(&app, &manager, &id).await;
}

#[sqlx::test(migrations = false)]
async fn the_database_refuses_unbalanced_or_edited_entries(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let entry = |id: u128, source: &str, amounts: &[i64]| {
        let pool = app.pool.clone();
        let source = source.to_owned();
        let amounts = amounts.to_vec();
        async move {
            let id = uuid::Uuid::from_u128(id);
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO payments.ledger_entries \
                 (id, reservation_id, kind, source, occurred_at, settle_on, currency) \
                 VALUES ($1, $1, 'payment', $2, now(), current_date, 'EUR')",
            )
            .bind(id)
            .bind(source)
            .execute(&mut *tx)
            .await?;
            for (n, amount) in amounts.iter().enumerate() {
                let account = if n == 0 { "client_funds" } else { "fees" };
                sqlx::query(
                    "INSERT INTO payments.ledger_lines (entry_id, line, account, amount) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(i16::try_from(n).unwrap_or_default())
                .bind(account)
                .bind(amount)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await
        }
    };
    assert!(entry(1, "a", &[100]).await.is_err(), "one line");
    assert!(entry(2, "b", &[100, -99]).await.is_err(), "unbalanced");
    assert!(entry(3, "c", &[100, -100]).await.is_ok());
    assert!(
        entry(4, "c", &[5, -5]).await.is_err(),
        "one entry per source"
    );
    for edit in [
        "UPDATE payments.ledger_lines SET amount = 1",
        "DELETE FROM payments.ledger_lines",
        "DELETE FROM payments.ledger_entries",
    ] {
        assert!(
            sqlx::query(edit).execute(&app.pool).await.is_err(),
            "{edit}"
        );
    }
}

/// Runs `scripts/facturx_check.py` on `pdf` with the tests' Python (`TEST_PYTHON`, set by
/// the test command): the embedded XML against the Factur-X XSD and the EN 16931
/// Schematron, the XMP and the associated-file entries.
fn assert_factur_x(pdf: &[u8]) {
    let python = std::env::var("TEST_PYTHON").unwrap_or_else(|_| {
        panic!(
            "TEST_PYTHON is not set: run the tests with scripts/test.sh (it prepares the validator)"
        )
    });
    let file = std::env::temp_dir().join(format!("sejour-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&file, pdf).unwrap_or_else(|e| panic!("{e}"));
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scripts/facturx_check.py"
    );
    let out = std::process::Command::new(python)
        .arg(script)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("factur-x: ok"), "{said}");
}

#[sqlx::test(migrations = false)]
async fn each_owner_is_billed_the_commission_of_a_settled_stay_as_a_factur_x(pool: PgPool) {
    // A VAT-registered agency: its fees bear 20 % VAT.
    let app = TestApp::spawn_with(pool, |f| {
        f.merge(("agency_vat_rate_bp", 2000))
            .merge(("agency_siren", "732829320"))
            .merge(("agency_vat_number", "FR44732829320"))
    })
    .await;
    let (
        Agency {
            manager,
            owner_user,
            ..
        },
        (first, second),
        guest,
        booked,
    ) = co_owned_stay(&app).await;
    let id = id_of(&booked);
    let rent = minor(&booked["price"]["rent"]);
    let guest = pay_in_full(&app, &guest, &booked).await;
    run_jobs_on(&app, "2027-05-08").await;
    settlements(&app, 1).await;
    run_jobs_on(&app, "2027-05-09").await;
    settlements(&app, 1).await;

    // One commission invoice per owner, numbered in the H series, VAT included.
    let (manager, owner_user, guest) = (
        again(&app, &manager).await,
        again(&app, &owner_user).await,
        again(&app, &guest).await,
    );
    let register = json(
        app.get_as(&manager, "/api/v1/invoices?kind=commission")
            .await,
        200,
    )
    .await;
    let billed = register["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(billed.len(), 2, "{register}");
    let of = |owner: &str| {
        billed
            .iter()
            .find(|i| i["ownerId"] == owner)
            .cloned()
            .unwrap_or_default()
    };
    let (to_first, to_second) = (of(&first), of(&second));
    let mut references: Vec<&str> = billed
        .iter()
        .filter_map(|i| i["reference"].as_str())
        .collect();
    references.sort_unstable();
    assert_eq!(references, ["H2027-000001", "H2027-000002"]);
    let (share_first, share_second) = (rent * 6 / 10, rent - rent * 6 / 10);
    assert_eq!(
        minor(&to_first["amount"]),
        (share_first * 2_000 + 5_000) / 10_000
    );
    assert_eq!(
        minor(&to_second["amount"]),
        (share_second * 1_500 + 5_000) / 10_000
    );
    for invoice in [&to_first, &to_second] {
        let (net, vat, gross) = (
            minor(&invoice["net"]),
            minor(&invoice["vat"]),
            minor(&invoice["amount"]),
        );
        assert_eq!(net + vat, gross, "{invoice}");
        assert_eq!((2 * gross * 10_000 + 12_000) / 24_000, net, "{invoice}");
        assert_eq!(invoice["vatRateBp"], 2000);
        assert_eq!(invoice["reservationId"], id.as_str());
        assert_eq!(invoice["buyer"]["siren"].as_str().map(str::len), Some(9));
    }
    // Under the mandate the commission is taken from the owner's funds; the owner paid
    // directly has 30 days.
    assert_eq!(to_first["dueOn"], Value::Null);
    assert_eq!(to_second["dueOn"], "2027-06-07");

    // Settling again bills nothing more.
    app.wait_for(
        "SELECT count(*) FROM payments.invoices WHERE kind = 'commission'",
        2,
    )
    .await;

    // The owner sees their own, as PDF a Factur-X (EN 16931) with the mentions.
    let own = json(app.get_as(&owner_user, "/api/v1/invoices").await, 200).await;
    let own = own["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0]["id"], to_first["id"]);
    let path = |invoice: &Value| {
        format!(
            "/api/v1/invoices/{}",
            invoice["id"].as_str().unwrap_or_default()
        )
    };
    json(app.get_as(&owner_user, &path(&to_second)).await, 404).await;
    let pdf = app
        .get_as(&owner_user, &format!("{}/pdf", path(&to_first)))
        .await;
    let status = pdf.status();
    let pdf = pdf.bytes().await.unwrap_or_default();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&pdf));
    let text = crate::payments::pdf_text(&pdf);
    for expected in [
        "Facture H2027-000001",
        "Honoraires de gestion",
        "TVA 20",
        "SIREN",
        "acquittée",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    assert_factur_x(&pdf);
    let due = app
        .get_as(&manager, &format!("{}/pdf", path(&to_second)))
        .await;
    let due = due.bytes().await.unwrap_or_default();
    let text = crate::payments::pdf_text(&due);
    assert!(
        text.contains("7 juin 2027") && text.contains("L441-10"),
        "{text}"
    );
    assert_factur_x(&due);

    // A guest sees none of it.
    json(app.get_as(&guest, "/api/v1/invoices").await, 403).await;
    json(app.get_as(&guest, &path(&to_first)).await, 404).await;

    // A commercial gesture after the stay, by staff only, once per request: the guest gets
    // a credit note, and the settlement of the difference lowers each owner's commission
    // with a credit note correcting their commission invoice.
    let refunds = format!("/api/v1/reservations/{id}/refunds");
    let gesture = |amount: i64| {
        j!({"requestId": "0192f1b2-7c3e-7a00-8000-000000000001",
            "amount": {"amount": amount, "currency": "EUR"}, "reason": "Chauffage en panne"})
    };
    json(app.post_as(&guest, &refunds, gesture(10_000)).await, 403).await;
    let paid = minor(&booked["price"]["total"]);
    let too_much = json(
        app.post_as(&manager, &refunds, gesture(paid + 1)).await,
        422,
    )
    .await;
    assert_eq!(too_much["code"], "payment.refund_exceeds_paid");
    for _ in 0..2 {
        let given = json(app.post_as(&manager, &refunds, gesture(10_000)).await, 200).await;
        let given = given.as_array().cloned().unwrap_or_default();
        assert_eq!(given.len(), 1, "{given:?}");
        assert_eq!(given[0]["reason"], "goodwill");
        assert_eq!(given[0]["status"], "succeeded");
        assert_eq!(given[0]["note"], "Chauffage en panne");
        assert_eq!(minor(&given[0]["amount"]), 10_000);
    }
    run_jobs_on(&app, "2027-05-10").await;
    app.wait_for(
        "SELECT count(*) FROM payments.invoices WHERE kind = 'credit_note' AND owner_id IS NOT NULL",
        2,
    )
    .await;
    let manager = again(&app, &manager).await;
    let notes = json(
        app.get_as(&manager, "/api/v1/invoices?kind=credit_note")
            .await,
        200,
    )
    .await;
    let notes = notes["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(notes.len(), 3, "{notes:?}");
    let to_guest: Vec<&Value> = notes.iter().filter(|n| n["ownerId"].is_null()).collect();
    assert_eq!(to_guest.len(), 1);
    assert_eq!(minor(&to_guest[0]["amount"]), 10_000);
    assert!(
        to_guest[0]["description"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Geste commercial : Chauffage en panne"),
        "{}",
        to_guest[0]
    );
    // What each owner is billed, net, is the commission the ledger keeps.
    let mut billed_net = minor(&to_first["amount"]) + minor(&to_second["amount"]);
    for note in notes.iter().filter(|n| !n["ownerId"].is_null()) {
        let corrected = note["corrects"].as_str().unwrap_or_default();
        assert!(
            [&to_first["id"], &to_second["id"]].contains(&&Value::from(corrected)),
            "{note}"
        );
        billed_net -= minor(&note["amount"]);
        let pdf = app.get_as(&manager, &format!("{}/pdf", path(note))).await;
        assert_factur_x(&pdf.bytes().await.unwrap_or_default());
    }
    let after = balances(&app, &manager).await;
    assert_eq!(after.get("commission"), Some(&-billed_net), "{after:?}");
    assert_eq!(after.get(&format!("guest:{id}")), None, "{after:?}");
}
