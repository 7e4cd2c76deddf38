//! Booking under load, and the database's ceiling for the same work. In a fresh database:
//! 2,000 published properties bookable for 1–14 nights, one guest account; the real router
//! over HTTP on 127.0.0.1 takes `POST /api/v1/reservations` for random stays in 2027 at a
//! fixed concurrency (some are refused with 409 when the dates are already taken). Then, on
//! the same database, `pgbench` runs the statements one create executes (see
//! `reservations.pgbench.sql`) at the same concurrency, on stays that never conflict.
//! Prints both and their ratio.
//!
//! `cargo bench -p sejour --bench reservations` (reads `DATABASE_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; `BENCH_PROPERTIES`, `BENCH_REQUESTS`,
//! `BENCH_CONCURRENCY`, `BENCH_SECONDS` (pgbench duration) override the sizes; `PGBENCH`
//! the pgbench binary).

use std::{
    process::Command,
    sync::Arc,
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use serde_json::json;
use sqlx::{PgPool, Row};
use tokio::sync::Semaphore;

mod support;
use support::{BoxError, Lcg, env_usize, main_on_scratch_database, percentile_ms, serve};

/// The pgbench script: the statements of one create.
const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/benches/reservations.pgbench.sql"
);

/// Property `i` (from 1) has id `00000000-0000-7000-8000-` followed by `100000000000 + i`,
/// so that the pgbench script can name it from an integer.
const ID_PREFIX: &str = "00000000-0000-7000-8000-";
const ID_BASE: i64 = 100_000_000_000;

const CITIES: [(&str, &str, f64, f64); 8] = [
    ("Nice", "06000", 43.7034, 7.2663),
    ("Marseille", "13001", 43.2965, 5.3698),
    ("Biarritz", "64200", 43.4832, -1.5586),
    ("Bordeaux", "33000", 44.8378, -0.5792),
    ("Saint-Malo", "35400", 48.6493, -2.0257),
    ("Annecy", "74000", 45.8992, 6.1294),
    ("Lyon", "69001", 45.7640, 4.8357),
    ("Paris", "75004", 48.8566, 2.3522),
];

/// `properties` published properties for 4 to 10 guests, 1 night minimum all year, no
/// arrival-day rule (a summer season changes only the price).
async fn generate(pool: &PgPool, properties: usize) -> Result<(), sqlx::Error> {
    let cities: Vec<String> = CITIES.iter().map(|c| c.0.to_owned()).collect();
    let postals: Vec<String> = CITIES.iter().map(|c| c.1.to_owned()).collect();
    let lats: Vec<f64> = CITIES.iter().map(|c| c.2).collect();
    let lngs: Vec<f64> = CITIES.iter().map(|c| c.3).collect();
    sqlx::query(
        "WITH c AS (SELECT * FROM UNNEST($1::text[], $2::text[], $3::float8[], $4::float8[]) \
                      WITH ORDINALITY AS c(city, postal, lat, lng, n)) \
         INSERT INTO properties.properties (id, slug, name, kind, status, address, city, country, latitude, \
             longitude, max_guests, bedrooms, beds, bathrooms, registration_number, description_fr, description_en, \
             check_in_time, check_out_time, amenities, rates, tourist_tax, nightly_from, ical_token, created_at, updated_at) \
         SELECT ($6 || ($7::bigint + i))::uuid, 'bench-' || i, 'Bench property ' || i, \
                (ARRAY['villa','apartment','house','chalet','gite'])[1 + i % 5], 'published', \
                jsonb_build_object('line1', i || ' rue du Banc', 'postalCode', c.postal, 'city', c.city, 'country', 'FR'), \
                c.city, 'FR', c.lat + ((i % 97) - 48) * 0.002, c.lng + ((i % 89) - 44) * 0.002, \
                4 + i % 7, 2 + i % 4, 4 + i % 5, 1 + i % 3, '06088' || lpad((i % 1000000)::text, 6, '0') || 'AB', \
                'Description', 'Description', '16:00', '10:00', ARRAY['wifi','parking'], \
                jsonb_build_object( \
                  'currency', 'EUR', \
                  'baseNightly', jsonb_build_object('amount', 6000 + (i % 50) * 1000, 'currency', 'EUR'), \
                  'seasons', jsonb_build_array(jsonb_build_object('name', 'Été', \
                     'dates', jsonb_build_object('start', '2027-07-01', 'end', '2027-09-01'), \
                     'nightly', jsonb_build_object('amount', 12000 + (i % 50) * 1500, 'currency', 'EUR'))), \
                  'weeklyDiscountBp', 1000, 'monthlyDiscountBp', 2000, \
                  'cleaningFee', jsonb_build_object('amount', 6000, 'currency', 'EUR'), \
                  'extraGuestFeePerNight', jsonb_build_object('amount', 1500, 'currency', 'EUR'), \
                  'extraGuestThreshold', 4, \
                  'securityDeposit', jsonb_build_object('amount', 50000, 'currency', 'EUR'), \
                  'defaultMinNights', 1, 'cancellationPolicy', 'moderate'), \
                jsonb_build_object('regime', jsonb_build_object('kind', 'proportional', 'rateBp', 500, \
                  'capPerAdultNight', jsonb_build_object('amount', 460, 'currency', 'EUR')), \
                  'departmentalSurchargeBp', 1000, 'regionalSurchargeBp', 0), \
                6000 + (i % 50) * 1000, md5(random()::text), now(), now() \
           FROM generate_series(1, $5) AS i JOIN c ON c.n = 1 + i % 8",
    )
    .bind(&cities)
    .bind(&postals)
    .bind(&lats)
    .bind(&lngs)
    .bind(i64::try_from(properties).unwrap_or(2_000))
    .bind(ID_PREFIX)
    .bind(ID_BASE)
    .execute(pool)
    .await?;
    sqlx::query("ANALYZE").execute(pool).await?;
    Ok(())
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Created,
    Conflict,
    OtherClientError,
    Error,
}

struct Figures {
    latencies: Vec<Duration>,
    elapsed: Duration,
    created: usize,
    conflicts: usize,
    other_4xx: usize,
    errors: usize,
    /// The first unexpected answer, to tell what went wrong.
    sample: Option<String>,
}

impl Figures {
    /// Answered requests (201, 409, other 4xx) per second: 5xx and transport errors excluded.
    fn answered_per_second(&self) -> f64 {
        (self.created + self.conflicts + self.other_4xx) as f64 / self.elapsed.as_secs_f64()
    }

    fn created_per_second(&self) -> f64 {
        self.created as f64 / self.elapsed.as_secs_f64()
    }

    fn line(&mut self) -> String {
        self.latencies.sort();
        format!(
            "{:<32} {:>6} req  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms  {:>6.0} req/s, {:>6.0} created/s  \
             (created {}, conflicts {}, other 4xx {}, errors {})\n",
            "POST /api/v1/reservations",
            self.latencies.len(),
            percentile_ms(&self.latencies, 50.0),
            percentile_ms(&self.latencies, 99.0),
            percentile_ms(&self.latencies, 100.0),
            self.answered_per_second(),
            self.created_per_second(),
            self.created,
            self.conflicts,
            self.other_4xx,
            self.errors,
        )
    }
}

/// Booking bodies: a random property, arrival between 2027-01-10 and 2027-12-06, 1 to 14
/// nights, two adults.
fn bodies(rng: &mut Lcg, properties: usize, count: usize) -> Vec<serde_json::Value> {
    let first = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap_or_default();
    (0..count)
        .map(|_| {
            let property = format!(
                "{ID_PREFIX}{}",
                ID_BASE + 1 + i64::try_from(rng.next(properties)).unwrap_or(0)
            );
            let check_in =
                first + chrono::Duration::days(i64::try_from(rng.next(331)).unwrap_or(0));
            let check_out =
                check_in + chrono::Duration::days(1 + i64::try_from(rng.next(14)).unwrap_or(0));
            json!({
                "propertyId": property,
                "checkIn": check_in,
                "checkOut": check_out,
                "adults": 2,
                "children": [],
                "guest": {
                    "firstName": "Zoé",
                    "lastName": "Martin",
                    "email": "zoe@example.com",
                    "phone": "+33612345678",
                    "address": {
                        "line1": "3 rue des Lilas",
                        "postalCode": "69003",
                        "city": "Lyon",
                        "country": "FR"
                    }
                }
            })
        })
        .collect()
}

/// Posts `bodies` with `concurrency` requests in flight.
async fn drive(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    bodies: Vec<serde_json::Value>,
    concurrency: usize,
) -> Figures {
    let slots = Arc::new(Semaphore::new(concurrency));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(bodies.len());
    for body in bodies {
        let request = client.post(url).bearer_auth(token).json(&body);
        let slots = slots.clone();
        tasks.push(tokio::spawn(async move {
            let _slot = slots.acquire_owned().await.ok();
            let t = Instant::now();
            let (outcome, sample) = match request.send().await {
                Ok(r) => {
                    let status = r.status();
                    let text = r.text().await;
                    match (status.as_u16(), text) {
                        (_, Err(e)) => (Outcome::Error, Some(e.to_string())),
                        (201, Ok(_)) => (Outcome::Created, None),
                        (409, Ok(_)) => (Outcome::Conflict, None),
                        (400..=499, Ok(b)) => {
                            (Outcome::OtherClientError, Some(format!("{status} {b}")))
                        }
                        (_, Ok(b)) => (Outcome::Error, Some(format!("{status} {b}"))),
                    }
                }
                Err(e) => (Outcome::Error, Some(e.to_string())),
            };
            (t.elapsed(), outcome, sample)
        }));
    }
    let mut figures = Figures {
        latencies: Vec::with_capacity(tasks.len()),
        elapsed: Duration::ZERO,
        created: 0,
        conflicts: 0,
        other_4xx: 0,
        errors: 0,
        sample: None,
    };
    for task in tasks {
        let Ok((latency, outcome, sample)) = task.await else {
            figures.errors += 1;
            continue;
        };
        figures.latencies.push(latency);
        match outcome {
            Outcome::Created => figures.created += 1,
            Outcome::Conflict => figures.conflicts += 1,
            Outcome::OtherClientError => figures.other_4xx += 1,
            Outcome::Error => figures.errors += 1,
        }
        if figures.sample.is_none() {
            figures.sample = sample;
        }
    }
    figures.elapsed = start.elapsed();
    figures
}

/// Registers and signs in one guest; their access token.
async fn sign_in(client: &reqwest::Client, base: &str) -> Result<String, BoxError> {
    let email = "bench.guest@example.com";
    let password = "correct horse battery staple";
    let registered = client
        .post(format!("{base}/auth/register"))
        .json(&json!({"email": email, "password": password, "firstName": "Zoé", "lastName": "Martin"}))
        .send()
        .await?;
    if !registered.status().is_success() {
        return Err(format!(
            "register: {} {}",
            registered.status(),
            registered.text().await?
        )
        .into());
    }
    let login = client
        .post(format!("{base}/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await?;
    if !login.status().is_success() {
        return Err(format!("login: {} {}", login.status(), login.text().await?).into());
    }
    let tokens: serde_json::Value = login.json().await?;
    Ok(tokens["accessToken"]
        .as_str()
        .ok_or("login answered no accessToken")?
        .to_owned())
}

/// The values, as text, of `columns` of the first row of `from` (`-D prefix_column=value`
/// arguments for pgbench); every one must be non-NULL.
async fn capture(
    pool: &PgPool,
    prefix: &str,
    columns: &[&str],
    from: &str,
) -> Result<Vec<String>, BoxError> {
    let select: Vec<String> = columns.iter().map(|c| format!("{c}::text")).collect();
    let row = sqlx::query(&format!("SELECT {} {from} LIMIT 1", select.join(", ")))
        .fetch_one(pool)
        .await?;
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let value: Option<String> = row.try_get(i)?;
            let value = value.ok_or_else(|| format!("{prefix}{c} is NULL"))?;
            Ok(format!("{prefix}{c}={value}"))
        })
        .collect()
}

/// pgbench's variables: the bench guest's session and account, and the constant values of
/// a booking as the HTTP run stored them (one of about a week, for representative sizes).
async fn pgbench_variables(pool: &PgPool, properties: usize) -> Result<Vec<String>, BoxError> {
    let (session, user): (uuid::Uuid, uuid::Uuid) =
        sqlx::query_as("SELECT id, user_id FROM auth.sessions WHERE revoked_at IS NULL LIMIT 1")
            .fetch_one(pool)
            .await?;
    let mut vars = vec![
        "n=0".to_owned(),
        format!("properties={properties}"),
        format!("session_id={session}"),
        format!("user_id={user}"),
        "o_kind=reservation".to_owned(),
    ];
    let reservation = [
        "status",
        "adults",
        "children_ages",
        "guest_first_name",
        "guest_last_name",
        "guest_email",
        "guest_phone",
        "guest_address_line1",
        "guest_address_postal_code",
        "guest_address_city",
        "guest_address_country",
        "currency",
        "rent",
        "fees",
        "tourist_tax",
        "total",
        "quoted_total",
        "price_set_by_hand",
        "security_deposit",
        "installments",
        "cancellation_policy",
        "quote",
        "amount_paid",
        "hold_expires_at",
        "version",
    ];
    vars.extend(
        capture(
            pool,
            "r_",
            &reservation,
            "FROM reservations.reservations ORDER BY abs(nights - 7), id",
        )
        .await?,
    );
    let message = [
        "kind",
        "type",
        "aggregate_type",
        "version",
        "payload",
        "correlation_id",
        "causation_id",
        "actor",
        "ip",
    ];
    vars.extend(
        capture(
            pool,
            "m_",
            &message,
            "FROM queue.messages WHERE type = 'reservations.ReservationCreated' ORDER BY id",
        )
        .await?,
    );
    Ok(vars)
}

/// What pgbench reported.
struct Pgbench {
    tps: f64,
    latency_ms: Option<f64>,
    transactions: Option<String>,
}

/// Runs the script against `db_url`; its `tps = ... (without initial connection time)`.
fn pgbench(
    db_url: &str,
    vars: &[String],
    clients: usize,
    seconds: usize,
) -> Result<Pgbench, BoxError> {
    let binary = std::env::var("PGBENCH").unwrap_or_else(|_| "pgbench".into());
    let mut command = Command::new(binary);
    command.args([
        "-n",
        "-M",
        "prepared",
        "-c",
        &clients.to_string(),
        "-j",
        &clients.min(2).to_string(),
        "-T",
        &seconds.to_string(),
        "-f",
        SCRIPT,
    ]);
    for var in vars {
        command.arg("-D").arg(var);
    }
    let output = command.arg(db_url).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let field = |prefix: &str| {
        stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix(prefix).map(str::to_owned))
    };
    let tps = field("tps = ")
        .filter(|l| l.contains("without initial connection time"))
        .and_then(|l| l.split_whitespace().next().and_then(|t| t.parse().ok()));
    match tps {
        Some(tps) if output.status.success() => Ok(Pgbench {
            tps,
            latency_ms: field("latency average = ")
                .and_then(|l| l.split_whitespace().next().and_then(|t| t.parse().ok())),
            transactions: field("number of transactions actually processed: "),
        }),
        _ => Err(format!(
            "pgbench failed ({}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into()),
    }
}

async fn run(db_url: &str) -> Result<String, BoxError> {
    let properties = env_usize("BENCH_PROPERTIES", 2_000).max(1);
    let requests = env_usize("BENCH_REQUESTS", 5_000);
    let concurrency = env_usize("BENCH_CONCURRENCY", 8).max(1);
    let seconds = env_usize("BENCH_SECONDS", 15).max(1);
    let (pool, base, data_dir) = serve(db_url).await?;
    generate(&pool, properties).await?;
    let url = format!("{base}/reservations");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let token = sign_in(&client, &base).await?;
    let mut rng = Lcg(42);

    let warm = bodies(&mut rng, properties, 200);
    drive(&client, &url, &token, warm, concurrency).await;
    let load = bodies(&mut rng, properties, requests);
    let mut api = drive(&client, &url, &token, load, concurrency).await;

    let mut report =
        format!("data: {properties} properties; {requests} requests, concurrency {concurrency}\n");
    report.push_str(&api.line());
    if let Some(sample) = &api.sample {
        report.push_str(&format!("  first unexpected answer: {sample}\n"));
    }
    let deliveries: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM queue.subscriptions \
          WHERE message_type IN ('reservations.ReservationCreated', '*')",
    )
    .fetch_one(&pool)
    .await?;

    let vars = pgbench_variables(&pool, properties).await?;
    let db = pgbench(db_url, &vars, concurrency, seconds)?;
    report.push_str(&format!(
        "pgbench (same statements, {concurrency} clients, {seconds} s, non-conflicting stays)  {:>6.0} tps  \
         latency avg {} ms, {} transactions, {deliveries} deliveries per message\n",
        db.tps,
        db.latency_ms.map_or_else(|| "?".to_owned(), |l| format!("{l:.2}")),
        db.transactions.as_deref().unwrap_or("?"),
    ));
    report.push_str(&format!(
        "API / database ceiling: {:.0} % (answered), {:.0} % (created)\n",
        100.0 * api.answered_per_second() / db.tps,
        100.0 * api.created_per_second() / db.tps,
    ));
    pool.close().await;
    let _ = std::fs::remove_dir_all(&data_dir);
    Ok(report)
}

fn main() -> Result<(), BoxError> {
    main_on_scratch_database(|db_url| async move { run(&db_url).await })
}
