//! Properties over HTTP: catalogue, publication rules, photos, calendar, iCal.

use sejour_core::Role;
use serde_json::{Value, json as j};
use sqlx::PgPool;

use crate::helpers::{TestApp, TestUser, json};

/// A draft villa in Nice, created by `manager`; returns its id.
pub async fn new_property(app: &TestApp, manager: &TestUser, name: &str, city: &str) -> String {
    let body = j!({
        "name": name,
        "kind": "villa",
        "address": {"line1": "12 chemin des Oliviers", "postalCode": "06000", "city": city, "country": "FR"},
        "coordinates": {"lat": 43.7034, "lng": 7.2663},
        "capacity": {"maxGuests": 6, "bedrooms": 3, "beds": 4, "bathrooms": 2},
        "descriptions": {"fr": "Une villa avec piscine.", "en": "A villa with a pool."},
        "amenities": ["wifi", "pool", "parking"]
    });
    let created = json(app.post_as(manager, "/api/v1/properties", body).await, 201).await;
    created["id"].as_str().unwrap_or_default().to_owned()
}

/// Rates and tourist tax that make a property publishable (with a photo and owners).
pub fn rates_body() -> Value {
    j!({
        "rates": {
            "currency": "EUR",
            "baseNightly": {"amount": 15000, "currency": "EUR"},
            "seasons": [{
                "name": "Été",
                "dates": {"start": "2027-07-01", "end": "2027-09-01"},
                "nightly": {"amount": 25000, "currency": "EUR"},
                "minNights": 7,
                "arrivalDays": ["Sat"]
            }],
            "weeklyDiscountBp": 1000,
            "monthlyDiscountBp": 2000,
            "cleaningFee": {"amount": 8000, "currency": "EUR"},
            "extraGuestFeePerNight": {"amount": 2000, "currency": "EUR"},
            "extraGuestThreshold": 4,
            "securityDeposit": {"amount": 100000, "currency": "EUR"},
            "defaultMinNights": 2,
            "cancellationPolicy": "moderate"
        },
        "touristTax": {
            "regime": {"kind": "proportional", "rateBp": 500, "capPerAdultNight": {"amount": 460, "currency": "EUR"}},
            "departmentalSurchargeBp": 1000,
            "regionalSurchargeBp": 0
        },
        "registrationNumber": "06088000123AB"
    })
}

/// A tiny valid PNG (2×2, RGB).
pub fn png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD,
        0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38,
        0x51, 0xA1, 0x01, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x29, 0xEE, 0x05, 0xA1, 0x8C, 0x09, 0xCE,
        0x88, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

pub async fn upload(
    app: &TestApp,
    user: &TestUser,
    property: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let path = format!("/api/v1/properties/{property}/photos");
    upload_to(app, user, &path, name, bytes).await
}

/// Posts a photo upload (`file` named `name`, caption "Terrasse") to `path` as `user`.
pub async fn upload_to(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str("image/jpeg")
        .unwrap_or_else(|e| panic!("{e}"));
    let form = reqwest::multipart::Form::new()
        .part("file", part)
        .text("caption", "Terrasse");
    app.client
        .post(app.url(path))
        .bearer_auth(&user.access_token)
        .multipart(form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[sqlx::test(migrations = false)]
async fn a_property_is_published_only_with_registration_photos_rates_and_owners(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Villa Les Oliviers", "Nice").await;
    let refused = json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/publish"),
            j!({}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(refused["code"], "property.not_ready_to_publish");
    let detail = refused["detail"].as_str().unwrap_or_default();
    for missing in ["registrationNumber", "photos", "rates"] {
        assert!(detail.contains(missing), "{detail}");
    }
    // A guest cannot see a draft.
    let guest = app.user(Role::Guest).await;
    json(
        app.get_as(&guest, &format!("/api/v1/properties/{id}"))
            .await,
        404,
    )
    .await;
    json(app.get(&format!("/api/v1/properties/{id}")).await, 404).await;
}

#[sqlx::test(migrations = false)]
async fn a_renamed_executable_is_refused_and_a_real_image_is_served_back(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Chalet", "Chamonix").await;
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
    exe.extend(std::iter::repeat_n(0u8, 512));
    let refused = json(upload(&app, &manager, &id, "photo.jpg", exe).await, 422).await;
    assert_eq!(refused["code"], "photo.unsupported_type");
    let added = json(
        upload(&app, &manager, &id, "terrasse.png", png()).await,
        201,
    )
    .await;
    assert_eq!(added["caption"], "Terrasse");
    let url = added["resizedUrl"].as_str().unwrap_or_default().to_owned();
    let served = app.get_as(&manager, &url).await;
    assert_eq!(served.status(), 200);
    assert!(
        served
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("image/")
    );
}

#[sqlx::test(migrations = false)]
async fn an_overlapping_block_is_a_conflict_and_an_adjacent_one_is_accepted(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Appartement", "Lyon").await;
    let path = format!("/api/v1/properties/{id}/blocks");
    let first = j!({"start": "2027-05-01", "end": "2027-05-08", "kind": "owner_stay"});
    json(app.post_as(&manager, &path, first).await, 201).await;
    let overlapping = j!({"start": "2027-05-07", "end": "2027-05-10", "kind": "maintenance"});
    assert_eq!(
        json(app.post_as(&manager, &path, overlapping).await, 409).await["code"],
        "calendar.period_unavailable"
    );
    let adjacent = j!({"start": "2027-05-08", "end": "2027-05-10", "kind": "maintenance"});
    json(app.post_as(&manager, &path, adjacent).await, 201).await;
    let calendar = json(
        app.get_as(
            &manager,
            &format!("/api/v1/properties/{id}/calendar?from=2027-05-01&to=2027-06-01"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(calendar.as_array().map(Vec::len), Some(2));
    assert_eq!(calendar[0]["kind"], "owner_stay");
    let backwards = j!({"start": "2027-05-10", "end": "2027-05-09", "kind": "maintenance"});
    json(app.post_as(&manager, &path, backwards).await, 422).await;
}

#[sqlx::test(migrations = false)]
async fn many_concurrent_overlapping_blocks_leave_exactly_one(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Gîte", "Annecy").await;
    let path = format!("/api/v1/properties/{id}/blocks");
    let mut tasks = Vec::new();
    for n in 0..20 {
        let client = app.client.clone();
        let url = app.url(&path);
        let token = manager.access_token.clone();
        let start = format!("2027-06-{:02}", 1 + n % 5);
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&j!({"start": start, "end": "2027-06-12", "kind": "maintenance"}))
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap_or(0));
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        19,
        "{statuses:?}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM properties.occupations")
            .await,
        1
    );
}

/// Valid SIRETs (Luhn), one per owner a test creates.
const SIRETS: [&str; 6] = [
    "73282932000009",
    "73282932000017",
    "73282932000025",
    "73282932000033",
    "73282932000041",
    "73282932000058",
];

/// An owner (company) created by staff; returns its id. `n` picks a distinct SIRET.
pub async fn new_owner(app: &TestApp, staff: &TestUser, email: &str, n: usize) -> String {
    let body = j!({
        "kind": "company",
        "legalName": format!("SCI Les Oliviers {n}"),
        "siret": SIRETS[n % SIRETS.len()],
        "email": email,
        "address": {"line1": "1 place Masséna", "postalCode": "06000", "city": "Nice", "country": "FR"},
        "iban": "FR1420041010050500013M02606",
        "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"}
    });
    let created = json(app.post_as(staff, "/api/v1/owners", body).await, 201).await;
    created["id"].as_str().unwrap_or_default().to_owned()
}

/// A published property: rates, tax, registration, a photo, one owner at 100 %.
pub async fn published_property(
    app: &TestApp,
    manager: &TestUser,
    name: &str,
    city: &str,
    owner: &str,
) -> String {
    let id = new_property(app, manager, name, city).await;
    let mut body = rates_body();
    body["owners"] = j!([{"ownerId": owner, "shareBp": 10000}]);
    json(
        app.patch_as(manager, &format!("/api/v1/properties/{id}"), body)
            .await,
        200,
    )
    .await;
    json(upload(app, manager, &id, "photo.png", png()).await, 201).await;
    let published = app
        .post_as(manager, &format!("/api/v1/properties/{id}/publish"), j!({}))
        .await;
    assert_eq!(published.status(), 204);
    id
}

#[sqlx::test(migrations = false)]
async fn an_owner_with_a_bad_iban_or_siret_is_refused_naming_the_field(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    for (field, value) in [
        ("iban", "FR1420041010050500013M02607"),
        ("siret", "73282932000075"),
    ] {
        let mut body = j!({
            "kind": "company", "legalName": "SCI Test", "siret": "73282932000074", "email": "sci@example.com",
            "address": {"line1": "1 rue A", "postalCode": "75001", "city": "Paris", "country": "FR"},
            "iban": "FR1420041010050500013M02606",
            "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "mandate"}
        });
        body[field] = j!(value);
        let refused = json(app.post_as(&manager, "/api/v1/owners", body).await, 422).await;
        assert!(
            refused["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|e| e["field"] == field),
            "{refused}"
        );
    }
}

#[sqlx::test(migrations = false)]
async fn quotes_match_hand_computed_examples(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let owner = new_owner(&app, &manager, "q@example.com", 0).await;
    let id = published_property(&app, &manager, "Villa Quote", "Nice", &owner).await;

    // Low season, 3 nights, 2 adults + 2 children (4 occupants, no extra-guest fee).
    // Rent 3 × 150.00 = 450.00; cleaning 80.00; subtotal 530.00. Tourist tax: 150.00 / 4
    // occupants × 5 % = 1.875 → 1.88 per adult-night (under the 4.60 cap) × 2 adults ×
    // 3 nights = 11.28; departmental 10 % = 1.128 → 1.13. Total 542.41. Deposit: 30 % of
    // the total capped at 25 % of the rent under a mandate = 112.50.
    let q = json(app.get(&format!("/api/v1/properties/{id}/quote?checkIn=2027-05-03&checkOut=2027-05-06&adults=2&children=5,10")).await, 200).await;
    assert_eq!(q["rent"]["amount"], 45000, "{q}");
    assert_eq!(q["subtotal"]["amount"], 53000);
    assert_eq!(q["touristTax"]["communal"]["amount"], 1128, "{q}");
    assert_eq!(q["touristTax"]["departmental"]["amount"], 113);
    assert_eq!(q["total"]["amount"], 54241);
    assert_eq!(q["securityDeposit"]["amount"], 100000);
    let installments = q["schedule"]["installments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        installments.first().map(|i| i["amount"]["amount"].clone()),
        Some(j!(11250)),
        "{q}"
    );
    let paid: i64 = installments
        .iter()
        .filter_map(|i| i["amount"]["amount"].as_i64())
        .sum();
    assert_eq!(paid, 54241);

    // Summer week from Saturday, 6 adults: 7 × 250.00 = 1750.00, weekly −10 % = 1575.00;
    // extra guests 2 × 20.00 × 7 = 280.00; fees 360.00; subtotal 1935.00. Tax: the night's
    // accommodation price is what the guests pay for it, 250.00 − 10 % + 2 × 20.00 = 265.00;
    // / 6 occupants × 5 % = 2.2083 → 2.21 × 6 adults × 7 nights = 92.82; departmental
    // 9.282 → 9.28. Total 1935.00 + 102.10 = 2037.10.
    let q = json(
        app.get(&format!(
            "/api/v1/properties/{id}/quote?checkIn=2027-07-03&checkOut=2027-07-10&adults=6"
        ))
        .await,
        200,
    )
    .await;
    assert_eq!(q["discount"]["amount"]["amount"], 17500, "{q}");
    assert_eq!(q["extraGuestFee"]["amount"]["amount"], 28000, "{q}");
    assert_eq!(q["touristTax"]["communal"]["amount"], 9282, "{q}");
    assert_eq!(q["touristTax"]["departmental"]["amount"], 928, "{q}");
    assert_eq!(q["total"]["amount"], 203710, "{q}");

    // Refusals with stable codes.
    for (query, code) in [
        (
            "checkIn=2027-07-03&checkOut=2027-07-06&adults=2",
            "quote.minimum_stay",
        ),
        (
            "checkIn=2027-07-05&checkOut=2027-07-12&adults=2",
            "quote.arrival_day",
        ),
        (
            "checkIn=2027-05-03&checkOut=2027-05-06&adults=7",
            "quote.capacity",
        ),
        (
            "checkIn=2020-05-03&checkOut=2020-05-06&adults=2",
            "quote.past_dates",
        ),
        (
            "checkIn=2027-01-03&checkOut=2027-04-06&adults=2",
            "quote.too_long",
        ),
    ] {
        let refused = json(
            app.get(&format!("/api/v1/properties/{id}/quote?{query}"))
                .await,
            422,
        )
        .await;
        assert_eq!(refused["code"], code, "{query}: {refused}");
    }
    let block = j!({"start": "2027-05-04", "end": "2027-05-05", "kind": "maintenance"});
    json(
        app.post_as(&manager, &format!("/api/v1/properties/{id}/blocks"), block)
            .await,
        201,
    )
    .await;
    let taken = json(
        app.get(&format!(
            "/api/v1/properties/{id}/quote?checkIn=2027-05-03&checkOut=2027-05-06&adults=2"
        ))
        .await,
        422,
    )
    .await;
    assert_eq!(taken["code"], "quote.unavailable");
}

#[sqlx::test(migrations = false)]
async fn search_returns_only_free_published_properties_with_their_price(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let owner = new_owner(&app, &manager, "s@example.com", 0).await;
    let free = published_property(&app, &manager, "Villa Libre", "Nice", &owner).await;
    let taken = published_property(&app, &manager, "Villa Prise", "Nice", &owner).await;
    let _draft = new_property(&app, &manager, "Villa Brouillon", "Nice").await;
    let elsewhere = published_property(&app, &manager, "Villa Ailleurs", "Cannes", &owner).await;
    let block = j!({"start": "2027-05-04", "end": "2027-05-05", "kind": "owner_stay"});
    json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{taken}/blocks"),
            block,
        )
        .await,
        201,
    )
    .await;

    let page = json(
        app.get("/api/v1/properties?city=nice&checkIn=2027-05-03&checkOut=2027-05-06&guests=2")
            .await,
        200,
    )
    .await;
    let ids: Vec<&str> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(ids, vec![free.as_str()], "{page}");
    assert!(
        page["items"][0]["total"]["amount"]
            .as_i64()
            .is_some_and(|t| t > 45000)
    );
    assert!(page["items"][0].get("owners").is_none());

    // Near Nice within 50 km finds Cannes too; a tight price cap finds nothing.
    let near = json(app.get("/api/v1/properties?near=43.70,7.27&radius=50&checkIn=2027-05-03&checkOut=2027-05-06&sort=distance").await, 200).await;
    assert_eq!(near["items"].as_array().map(Vec::len), Some(2), "{near}");
    let cheap = json(
        app.get("/api/v1/properties?city=Nice&checkIn=2027-05-03&checkOut=2027-05-06&priceMax=100")
            .await,
        200,
    )
    .await;
    assert_eq!(cheap["items"].as_array().map(Vec::len), Some(0));
    // The whole catalogue (no place: the taken set is read once), in each order: the
    // blocked villa is out; a stay ending on the block's first day, or starting on its
    // last, is not.
    for sort in ["price", "-price", "newest"] {
        let all = json(
            app.get(&format!(
                "/api/v1/properties?checkIn=2027-05-03&checkOut=2027-05-06&sort={sort}"
            ))
            .await,
            200,
        )
        .await;
        let mut found: Vec<&str> = all["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["id"].as_str())
            .collect();
        found.sort_unstable();
        let mut expected = vec![free.as_str(), elsewhere.as_str()];
        expected.sort_unstable();
        assert_eq!(found, expected, "{sort}: {all}");
    }
    for (check_in, check_out) in [("2027-05-02", "2027-05-04"), ("2027-05-05", "2027-05-07")] {
        let around = json(
            app.get(&format!(
                "/api/v1/properties?checkIn={check_in}&checkOut={check_out}&sort=price"
            ))
            .await,
            200,
        )
        .await;
        assert_eq!(
            around["items"].as_array().map(Vec::len),
            Some(3),
            "{around}"
        );
    }
    // Pagination.
    let first = json(
        app.get("/api/v1/properties?checkIn=2027-05-03&checkOut=2027-05-06&limit=1&sort=price")
            .await,
        200,
    )
    .await;
    let cursor = first["nextCursor"].as_str().unwrap_or_default().to_owned();
    assert!(!cursor.is_empty(), "{first}");
    let second = json(app.get(&format!("/api/v1/properties?checkIn=2027-05-03&checkOut=2027-05-06&limit=1&sort=price&cursor={cursor}")).await, 200).await;
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    json(
        app.get("/api/v1/properties?checkIn=2027-05-03&checkOut=2027-05-06&amenities=jacuzzi")
            .await,
        400,
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn browsing_without_dates_lists_published_properties_from_their_lowest_price(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let owner = new_owner(&app, &manager, "b@example.com", 0).await;
    let cheap = published_property(&app, &manager, "Studio", "Nice", &owner).await;
    let dear = published_property(&app, &manager, "Villa", "Nice", &owner).await;
    let _draft = new_property(&app, &manager, "Brouillon", "Nice").await;
    let mut rates = rates_body();
    rates["rates"]["baseNightly"]["amount"] = j!(40000);
    rates["rates"]["seasons"][0]["nightly"]["amount"] = j!(30000);
    json(
        app.patch_as(&manager, &format!("/api/v1/properties/{dear}"), rates)
            .await,
        200,
    )
    .await;
    // Taken dates do not hide a property when no stay is asked for.
    let block = j!({"start": "2027-05-04", "end": "2027-05-05", "kind": "owner_stay"});
    json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{dear}/blocks"),
            block,
        )
        .await,
        201,
    )
    .await;

    let page = json(app.get("/api/v1/properties?sort=price").await, 200).await;
    let ids: Vec<&str> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(ids, vec![cheap.as_str(), dear.as_str()], "{page}");
    // The lowest of the base and seasonal nightly prices; no stay, so no total.
    assert_eq!(
        page["items"][0]["nightlyFrom"],
        j!({"amount": 15000, "currency": "EUR"})
    );
    assert_eq!(page["items"][1]["nightlyFrom"]["amount"], 30000);
    assert!(page["items"][0].get("total").is_none(), "{page}");
    assert!(page["items"][0].get("nights").is_none(), "{page}");
    // With a stay, the total comes back beside the "from" price.
    let stay = json(
        app.get("/api/v1/properties?checkIn=2027-05-03&checkOut=2027-05-06")
            .await,
        200,
    )
    .await;
    assert_eq!(stay["items"].as_array().map(Vec::len), Some(1), "{stay}");
    assert_eq!(stay["items"][0]["nights"], 3);
    assert_eq!(stay["items"][0]["nightlyFrom"]["amount"], 15000);
    // Without a stay, priceMax caps the "from" price.
    let capped = json(app.get("/api/v1/properties?priceMax=20000").await, 200).await;
    assert_eq!(
        capped["items"].as_array().map(Vec::len),
        Some(1),
        "{capped}"
    );
    assert_eq!(capped["items"][0]["id"], cheap.as_str());
    let descending = json(app.get("/api/v1/properties?sort=-price&limit=1").await, 200).await;
    assert_eq!(descending["items"][0]["id"], dear.as_str());
    let cursor = descending["nextCursor"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let next = json(
        app.get(&format!(
            "/api/v1/properties?sort=-price&limit=1&cursor={cursor}"
        ))
        .await,
        200,
    )
    .await;
    assert_eq!(next["items"][0]["id"], cheap.as_str(), "{next}");
    // One date without the other is explained on the missing field.
    for (query, field) in [
        ("checkIn=2027-05-03", "checkOut"),
        ("checkOut=2027-05-06", "checkIn"),
    ] {
        let refused = json(app.get(&format!("/api/v1/properties?{query}")).await, 422).await;
        assert_eq!(refused["errors"][0]["field"], field, "{refused}");
        assert_eq!(
            refused["errors"][0]["code"], "search.incomplete_stay",
            "{refused}"
        );
    }
}

#[sqlx::test(migrations = false)]
async fn an_owner_user_sees_their_property_and_not_another_owners(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.user(Role::Admin).await;
    let manager = app.user(Role::Manager).await;
    let owner_user = app.user(Role::Owner).await;
    let mine = new_owner(&app, &manager, "mine@example.com", 1).await;
    let theirs = new_owner(&app, &manager, "theirs@example.com", 2).await;
    let link = app
        .patch_as(
            &admin,
            &format!("/api/v1/owners/{mine}"),
            j!({"userId": owner_user.id}),
        )
        .await;
    assert_eq!(
        link.status(),
        200,
        "{}",
        link.text().await.unwrap_or_default()
    );
    let my_property = new_property(&app, &manager, "Ma Maison", "Arles").await;
    let mut body = j!({});
    body["owners"] = j!([{"ownerId": mine, "shareBp": 6000}, {"ownerId": theirs, "shareBp": 4000}]);
    json(
        app.patch_as(&manager, &format!("/api/v1/properties/{my_property}"), body)
            .await,
        200,
    )
    .await;
    let other = new_property(&app, &manager, "Leur Maison", "Arles").await;
    let mut body = j!({});
    body["owners"] = j!([{"ownerId": theirs, "shareBp": 10000}]);
    json(
        app.patch_as(&manager, &format!("/api/v1/properties/{other}"), body)
            .await,
        200,
    )
    .await;
    let bad_shares = j!({"owners": [{"ownerId": theirs, "shareBp": 9000}]});
    json(
        app.patch_as(&manager, &format!("/api/v1/properties/{other}"), bad_shares)
            .await,
        422,
    )
    .await;

    let seen = json(
        app.get_as(&owner_user, &format!("/api/v1/properties/{my_property}"))
            .await,
        200,
    )
    .await;
    assert!(seen["owners"].is_array());
    json(
        app.get_as(&owner_user, &format!("/api/v1/properties/{other}"))
            .await,
        404,
    )
    .await;
    let list = json(
        app.get_as(&owner_user, "/api/v1/properties/managed").await,
        200,
    )
    .await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    json(
        app.get_as(&owner_user, &format!("/api/v1/owners/{theirs}"))
            .await,
        404,
    )
    .await;
    json(
        app.get_as(&owner_user, &format!("/api/v1/owners/{mine}"))
            .await,
        200,
    )
    .await;
}

/// Serves `body` as a calendar on 127.0.0.1; returns the URL.
async fn serve_calendar(body: &'static str) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let app = axum::Router::new().route(
        "/calendar.ics",
        axum::routing::get(move || async move {
            ([("content-type", "text/calendar; charset=utf-8")], body)
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/calendar.ics")
}

const AIRBNB_FEED: &str = "BEGIN:VCALENDAR\r\nPRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\nCALSCALE:GREGORIAN\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nDTEND;VALUE=DATE:20270615\r\nDTSTART;VALUE=DATE:20270610\r\nUID:1418fb94e984-a1b2c3@airbnb.com\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTEND;VALUE=DATE:20270704\r\nDTSTART;VALUE=DATE:20270701\r\nUID:1418fb94e984-d4e5f6@airbnb.com\r\nSUMMARY:Airbnb (Not available)\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[sqlx::test(migrations = false)]
async fn an_imported_feed_blocks_dates_and_the_export_is_rfc_5545(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Mas Provençal", "Gordes").await;
    // An owner stay that the second Airbnb event overlaps: a conflict, not written.
    let stay = j!({"start": "2027-07-02", "end": "2027-07-05", "kind": "owner_stay"});
    json(
        app.post_as(&manager, &format!("/api/v1/properties/{id}/blocks"), stay)
            .await,
        201,
    )
    .await;

    let url = serve_calendar(AIRBNB_FEED).await;
    let feed = json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/ical/feeds"),
            j!({"name": "Airbnb", "url": url}),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(feed["health"], "never_synced");
    let feed_id = feed["id"].as_str().unwrap_or_default().to_owned();
    let report = json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/ical/feeds/{feed_id}/sync"),
            j!({}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(
        (report["inserted"].as_i64(), report["conflicts"].as_i64()),
        (Some(1), Some(1)),
        "{report}"
    );
    let calendar = json(
        app.get_as(
            &manager,
            &format!("/api/v1/properties/{id}/calendar?from=2027-06-01&to=2027-08-01"),
        )
        .await,
        200,
    )
    .await;
    let imported: Vec<_> = calendar
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| o["kind"] == "imported")
        .collect();
    assert_eq!(imported.len(), 1, "{calendar}");
    assert_eq!(
        (imported[0]["start"].as_str(), imported[0]["end"].as_str()),
        (Some("2027-06-10"), Some("2027-06-15"))
    );
    let feeds = json(
        app.get_as(&manager, &format!("/api/v1/properties/{id}/ical/feeds"))
            .await,
        200,
    )
    .await;
    assert_eq!(feeds["feeds"][0]["health"], "ok");
    assert_eq!(feeds["feeds"][0]["lastConflicts"], 1);

    // A feed that fails keeps its last state and says so.
    json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/ical/feeds"),
            j!({"name": "Down", "url": "http://127.0.0.1:9/nothing.ics"}),
        )
        .await,
        201,
    )
    .await;
    let feeds = json(
        app.get_as(&manager, &format!("/api/v1/properties/{id}/ical/feeds"))
            .await,
        200,
    )
    .await;
    let down_id = feeds["feeds"][1]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let failed = json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/ical/feeds/{down_id}/sync"),
            j!({}),
        )
        .await,
        200,
    )
    .await;
    assert!(failed["error"].is_string(), "{failed}");
    let feeds = json(
        app.get_as(&manager, &format!("/api/v1/properties/{id}/ical/feeds"))
            .await,
        200,
    )
    .await;
    assert_eq!(feeds["feeds"][1]["health"], "failing");

    // The export: a token, then a valid calendar with both occupations and no guest data.
    let link = json(
        app.post_as(
            &manager,
            &format!("/api/v1/properties/{id}/ical/token"),
            j!({}),
        )
        .await,
        200,
    )
    .await;
    let path = link["path"].as_str().unwrap_or_default().to_owned();
    let ics = app.get(&path).await;
    assert_eq!(ics.status(), 200);
    assert!(
        ics.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/calendar")
    );
    let text = ics.text().await.unwrap_or_default();
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.len() <= 75), "lines are folded");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2, "{text}");
    assert!(
        text.contains("DTSTART;VALUE=DATE:20270610") && text.contains("DTEND;VALUE=DATE:20270615"),
        "{text}"
    );
    assert!(
        !text.contains("Airbnb") && !text.contains("Reserved"),
        "no upstream or guest data: {text}"
    );
    let wrong = app
        .get(&format!("/api/v1/properties/{id}/calendar.ics?token=guess"))
        .await;
    assert_eq!(wrong.status(), 404);
}

#[sqlx::test(migrations = false)]
async fn photos_land_in_s3_compatible_storage_when_configured(pool: PgPool) {
    let endpoint = std::env::var("TEST_S3_ENDPOINT").unwrap_or_else(|_| {
        panic!("TEST_S3_* are not set: run the tests with scripts/test.sh, which starts s3s-fs")
    });
    let bucket = std::env::var("TEST_S3_BUCKET").unwrap_or_default();
    let key_id = std::env::var("TEST_S3_ACCESS_KEY_ID").unwrap_or_default();
    let secret = std::env::var("TEST_S3_SECRET_ACCESS_KEY").unwrap_or_default();
    let app = TestApp::spawn_with(pool, |f| {
        f.merge(("s3_endpoint", endpoint.clone()))
            .merge(("s3_bucket", bucket.clone()))
            .merge(("s3_access_key_id", key_id.clone()))
            .merge(("s3_secret_access_key", secret.clone()))
    })
    .await;
    assert_eq!(app.platform.storage.backend_name(), "s3");
    let manager = app.user(Role::Manager).await;
    let id = new_property(&app, &manager, "Loft", "Paris").await;
    let added = json(upload(&app, &manager, &id, "loft.png", png()).await, 201).await;
    let photo_id = added["id"].as_str().unwrap_or_default().to_owned();
    let key = format!("properties/{id}/photos/{photo_id}/original.png");
    let stored = app
        .platform
        .storage
        .get(&key)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        stored.is_some_and(|(bytes, _)| bytes.starts_with(b"\x89PNG")),
        "the object is in the bucket"
    );
    let served = app
        .get_as(&manager, added["url"].as_str().unwrap_or_default())
        .await;
    assert_eq!(served.status(), 200);
}

#[sqlx::test(migrations = false)]
async fn an_owner_blocks_and_frees_their_own_stays_only(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let admin = app.user(Role::Admin).await;
    let manager = app.user(Role::Manager).await;
    let owner_user = app.user(Role::Owner).await;
    let guest = app.user(Role::Guest).await;
    let mine = new_owner(&app, &manager, "mine@example.com", 1).await;
    let theirs = new_owner(&app, &manager, "theirs@example.com", 2).await;
    json(
        app.patch_as(
            &admin,
            &format!("/api/v1/owners/{mine}"),
            j!({"userId": owner_user.id}),
        )
        .await,
        200,
    )
    .await;
    let my_property = published_property(&app, &manager, "Ma Maison", "Arles", &mine).await;
    let other = published_property(&app, &manager, "Leur Maison", "Arles", &theirs).await;
    let stay = j!({"start": "2027-05-01", "end": "2027-05-08", "kind": "owner_stay", "note": "En famille"});

    let path = format!("/api/v1/properties/{my_property}/blocks");
    let block = json(app.post_as(&owner_user, &path, stay.clone()).await, 201).await;
    let works = j!({"start": "2027-06-01", "end": "2027-06-03", "kind": "maintenance"});
    assert_eq!(
        json(app.post_as(&owner_user, &path, works).await, 403).await["code"],
        "auth.forbidden"
    );
    // Another owner's property is not theirs to see in full; a guest is not an owner.
    let elsewhere = format!("/api/v1/properties/{other}/blocks");
    json(
        app.post_as(&owner_user, &elsewhere, stay.clone()).await,
        404,
    )
    .await;
    json(app.post_as(&guest, &path, stay).await, 404).await;

    let block_path = format!("{path}/{}", block["id"].as_str().unwrap_or_default());
    assert_eq!(app.delete_as(&guest, &block_path).await.status(), 404);
    assert_eq!(app.delete_as(&owner_user, &block_path).await.status(), 204);
    let calendar = json(
        app.get_as(
            &owner_user,
            &format!("/api/v1/properties/{my_property}/calendar?from=2027-05-01&to=2027-06-01"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(calendar.as_array().map(Vec::len), Some(0));
}
