//! `sejour demo seed`: a newcomer's empty database becomes a working demo agency; a
//! database with data is refused.

use std::{collections::BTreeSet, time::Instant};

use sejour::demo::{self, DEMO_PASSWORD, GUEST_EMAIL, OWNER_EMAIL, SeedError};
use sejour_core::Role;
use sqlx::PgPool;

use crate::helpers::{TestApp, TestUser, json};

async fn sign_in(app: &TestApp, email: &str) -> TestUser {
    let tokens = json(app.login(email, DEMO_PASSWORD).await, 200).await;
    TestUser {
        id: uuid::Uuid::nil(),
        email: email.to_owned(),
        access_token: tokens["accessToken"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        refresh_token: tokens["refreshToken"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    }
}

#[sqlx::test(migrations = false)]
async fn an_empty_database_becomes_a_demo_agency_and_a_second_seed_is_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    // An administrator made by `SEJOUR_BOOTSTRAP_ADMIN_*` does not make the database "used".
    let _bootstrap = app.user(Role::Admin).await;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let started = Instant::now();
    let code = demo::run_seed(&app.platform, &mut out, &mut err)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("demo seed took {:?}", started.elapsed());
    let out = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(
        code,
        std::process::ExitCode::SUCCESS,
        "{}",
        String::from_utf8_lossy(&err)
    );
    for expected in [
        "admin@demo.sejour.localhost",
        "manager@demo.sejour.localhost",
        OWNER_EMAIL,
        GUEST_EMAIL,
        DEMO_PASSWORD,
        "12 properties (11 published, 1 draft)",
        "/api/v1/properties?city=Nice&checkIn=",
        "/docs",
    ] {
        assert!(out.contains(expected), "no {expected:?} in:\n{out}");
    }
    assert_eq!(app.count("SELECT count(*) FROM owners.owners").await, 4);
    assert_eq!(
        app.count("SELECT count(*) FROM properties.properties WHERE status = 'published'")
            .await,
        11
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM properties.properties p WHERE NOT EXISTS \
             (SELECT 1 FROM properties.photos f WHERE f.property_id = p.id)"
        )
        .await,
        0
    );

    // A free week in Nice: the villa, with the stay's price.
    let first_line = out
        .lines()
        .find(|l| l.contains("city=Nice"))
        .unwrap_or_default();
    let query = first_line
        .split_once("/api/v1/properties?")
        .map(|(_, q)| q.trim())
        .unwrap_or_default();
    let page = json(app.get(&format!("/api/v1/properties?{query}")).await, 200).await;
    let items = page["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["name"], "Villa Les Pins du Mont Boron", "{page}");
    // Seven nights at 380 € at least, less the 10 % weekly discount, plus fees and tax.
    assert!(
        items[0]["total"]["amount"]
            .as_i64()
            .is_some_and(|t| t > 7 * 38_000 * 9 / 10),
        "{page}"
    );

    // The guest signs in.
    let guest = sign_in(&app, GUEST_EMAIL).await;
    let me = json(app.get_as(&guest, "/api/v1/users/me").await, 200).await;
    assert_eq!(me["role"], "guest", "{me}");

    // A freshly registered guest books that week at the quoted price.
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .unwrap_or_default()
            .to_owned()
    };
    let newcomer = app.user(Role::Guest).await;
    let booking = serde_json::json!({
        "propertyId": items[0]["id"], "checkIn": param("checkIn"), "checkOut": param("checkOut"),
        "adults": 2,
        "guest": {
            "firstName": "Nina", "lastName": "Petit", "email": "nina@example.com", "phone": "+33698765432",
            "address": {"line1": "8 quai Saint-Antoine", "postalCode": "69002", "city": "Lyon", "country": "FR"}
        }
    });
    let booked = json(
        app.post_as(&newcomer, "/api/v1/reservations", booking)
            .await,
        201,
    )
    .await;
    assert_eq!(booked["status"], "pending", "{booked}");
    let mine = json(app.get_as(&newcomer, "/api/v1/me/reservations").await, 200).await;
    assert_eq!(mine["items"][0]["id"], booked["id"]);

    // The owner account sees exactly its owner's properties (one co-owned 60/40).
    let owner = sign_in(&app, OWNER_EMAIL).await;
    let managed = json(app.get_as(&owner, "/api/v1/properties/managed").await, 200).await;
    let seen: BTreeSet<String> = managed["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    let theirs: Vec<(uuid::Uuid,)> = sqlx::query_as(
        "SELECT o.property_id FROM properties.property_owners o \
           JOIN owners.owners w ON w.id = o.owner_id \
           JOIN users.users u ON u.id = w.user_id WHERE u.email = $1",
    )
    .bind(OWNER_EMAIL)
    .fetch_all(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let theirs: BTreeSet<String> = theirs.into_iter().map(|(id,)| id.to_string()).collect();
    assert_eq!(seen, theirs, "{managed}");
    assert!((2..12).contains(&seen.len()), "{managed}");
    assert_eq!(
        app.count(
            "SELECT count(*) FROM (SELECT property_id FROM properties.property_owners \
               GROUP BY property_id \
               HAVING array_agg(share_bp ORDER BY share_bp) = ARRAY[4000, 6000]) co_owned"
        )
        .await,
        1
    );

    // Demo data never mixes with real data: a second seed is refused, exit code 2.
    let refused = demo::seed(&app.platform).await;
    assert!(
        matches!(refused, Err(SeedError::NotEmpty(_))),
        "{refused:?}"
    );
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = demo::run_seed(&app.platform, &mut out, &mut err)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, std::process::ExitCode::from(2));
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains("not empty") && err.contains("properties: 12"),
        "{err}"
    );
    assert!(out.is_empty());
    assert_eq!(
        app.count("SELECT count(*) FROM properties.properties")
            .await,
        12
    );
}

#[sqlx::test(migrations = false)]
async fn a_database_with_a_user_besides_the_admin_is_refused_untouched(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let _guest = app.user(Role::Guest).await;
    let refused = demo::seed(&app.platform).await;
    assert!(
        matches!(&refused, Err(SeedError::NotEmpty(why)) if why.contains("users other than administrators: 1")),
        "{refused:?}"
    );
    assert_eq!(app.count("SELECT count(*) FROM users.users").await, 1);
    assert_eq!(app.count("SELECT count(*) FROM owners.owners").await, 0);
}

#[sqlx::test(migrations = false)]
async fn a_check_failing_before_the_first_write_leaves_the_database_empty(pool: PgPool) {
    // Photos above the upload limit are caught before anything is created: exit code 1.
    let app = TestApp::spawn_with(pool, |f| f.merge(("max_upload_bytes", 2048))).await;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = demo::run_seed(&app.platform, &mut out, &mut err)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, std::process::ExitCode::FAILURE);
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains("checking the photos") && err.contains("nothing was created"),
        "{err}"
    );
    assert!(out.is_empty());
    assert_eq!(app.count("SELECT count(*) FROM users.users").await, 0);
}
