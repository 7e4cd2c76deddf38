//! Public search and quote under load: 10,000 published properties and 1,000,000
//! occupations in a fresh database, the real router over HTTP on 127.0.0.1, a fixed number
//! of requests at a fixed concurrency. Prints p50/p99 latency and throughput.
//!
//! `cargo bench -p sejour --bench search` (reads `DATABASE_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`; `BENCH_PROPERTIES`, `BENCH_OCCUPATIONS`,
//! `BENCH_REQUESTS`, `BENCH_CONCURRENCY` override the sizes).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use sqlx::PgPool;
use tokio::sync::Semaphore;

mod support;
use support::{BoxError, Lcg, env_usize, main_on_scratch_database, percentile_ms, serve};

const CITIES: [(&str, &str, f64, f64); 20] = [
    ("Nice", "06000", 43.7034, 7.2663),
    ("Cannes", "06400", 43.5528, 7.0174),
    ("Antibes", "06600", 43.5808, 7.1251),
    ("Marseille", "13001", 43.2965, 5.3698),
    ("Arles", "13200", 43.6766, 4.6278),
    ("Gordes", "84220", 43.9116, 5.2001),
    ("Biarritz", "64200", 43.4832, -1.5586),
    ("Bordeaux", "33000", 44.8378, -0.5792),
    ("Arcachon", "33120", 44.6586, -1.1689),
    ("La Rochelle", "17000", 46.1603, -1.1511),
    ("Saint-Malo", "35400", 48.6493, -2.0257),
    ("Quiberon", "56170", 47.4839, -3.1198),
    ("Chamonix", "74400", 45.9237, 6.8694),
    ("Annecy", "74000", 45.8992, 6.1294),
    ("Megève", "74120", 45.8567, 6.6175),
    ("Lyon", "69001", 45.7640, 4.8357),
    ("Paris", "75004", 48.8566, 2.3522),
    ("Deauville", "14800", 49.3600, 0.0750),
    ("Ajaccio", "20000", 41.9192, 8.7386),
    ("Montpellier", "34000", 43.6108, 3.8767),
];

/// 10k properties, then `occupations` spread evenly: per property, stays of 2–7 nights
/// every 11 days from 2027-01-04 (about 40 % occupancy over three years), so they never
/// overlap and searched stays are often, not always, free.
async fn generate(pool: &PgPool, properties: usize, occupations: usize) -> Result<(), sqlx::Error> {
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
         SELECT gen_random_uuid(), 'bench-' || i, 'Bench property ' || i, \
                (ARRAY['villa','apartment','house','chalet','gite'])[1 + i % 5], 'published', \
                jsonb_build_object('line1', i || ' rue du Banc', 'postalCode', c.postal, 'city', c.city, 'country', 'FR'), \
                c.city, 'FR', c.lat + ((i % 97) - 48) * 0.002, c.lng + ((i % 89) - 44) * 0.002, \
                2 + i % 9, 1 + i % 5, 2 + i % 7, 1 + i % 3, '06088' || lpad((i % 1000000)::text, 6, '0') || 'AB', \
                'Description', 'Description', '16:00', '10:00', \
                CASE i % 4 WHEN 0 THEN ARRAY['wifi','pool'] WHEN 1 THEN ARRAY['wifi','parking'] \
                     WHEN 2 THEN ARRAY['wifi'] ELSE ARRAY['wifi','pool','parking','sea_view'] END, \
                jsonb_build_object( \
                  'currency', 'EUR', \
                  'baseNightly', jsonb_build_object('amount', 6000 + (i % 50) * 1000, 'currency', 'EUR'), \
                  'seasons', jsonb_build_array(jsonb_build_object('name', 'Été', \
                     'dates', jsonb_build_object('start', '2027-07-01', 'end', '2027-09-01'), \
                     'nightly', jsonb_build_object('amount', 12000 + (i % 50) * 1500, 'currency', 'EUR'), \
                     'minNights', 7)), \
                  'weeklyDiscountBp', 1000, 'monthlyDiscountBp', 2000, \
                  'cleaningFee', jsonb_build_object('amount', 6000, 'currency', 'EUR'), \
                  'extraGuestFeePerNight', jsonb_build_object('amount', 1500, 'currency', 'EUR'), \
                  'extraGuestThreshold', 4, \
                  'securityDeposit', jsonb_build_object('amount', 50000, 'currency', 'EUR'), \
                  'defaultMinNights', 2, 'cancellationPolicy', 'moderate'), \
                jsonb_build_object('regime', jsonb_build_object('kind', 'proportional', 'rateBp', 500, \
                  'capPerAdultNight', jsonb_build_object('amount', 460, 'currency', 'EUR')), \
                  'departmentalSurchargeBp', 1000, 'regionalSurchargeBp', 0), \
                6000 + (i % 50) * 1000, md5(random()::text), now(), now() \
           FROM generate_series(1, $5) AS i JOIN c ON c.n = 1 + i % 20",
    )
    .bind(&cities)
    .bind(&postals)
    .bind(&lats)
    .bind(&lngs)
    .bind(i64::try_from(properties).unwrap_or(10_000))
    .execute(pool)
    .await?;
    let per_property = occupations.div_ceil(properties.max(1));
    // Building the exclusion constraint's index once is much faster than row by row.
    sqlx::query("ALTER TABLE properties.occupations DROP CONSTRAINT occupations_never_overlap")
        .execute(pool)
        .await?;
    sqlx::query(
        "INSERT INTO properties.occupations (id, property_id, dates, kind, created_at) \
         SELECT gen_random_uuid(), p.id, \
                daterange(date '2027-01-04' + (k * 11 + p.n % 4)::int, \
                          date '2027-01-04' + (k * 11 + p.n % 4 + 2 + (p.n + k) % 6)::int, '[)'), \
                'reservation', now() \
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM properties.properties) p, \
                generate_series(0, $1::int - 1) AS k",
    )
    .bind(i32::try_from(per_property).unwrap_or(100))
    .execute(pool)
    .await?;
    sqlx::query(
        "ALTER TABLE properties.occupations ADD CONSTRAINT occupations_never_overlap \
         EXCLUDE USING gist (property_id WITH =, dates WITH &&)",
    )
    .execute(pool)
    .await?;
    // As autovacuum keeps a live table: statistics, and the visibility map that lets
    // index-only scans skip the heap.
    sqlx::query("VACUUM ANALYZE").execute(pool).await?;
    Ok(())
}

struct Figures {
    label: String,
    latencies: Vec<Duration>,
    elapsed: Duration,
    errors: usize,
}

impl Figures {
    fn line(&mut self) -> String {
        self.latencies.sort();
        let pct = |p: f64| percentile_ms(&self.latencies, p);
        format!(
            "{:<44} {:>6} req  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms  {:>6.0} req/s  errors {}\n",
            self.label,
            self.latencies.len(),
            pct(50.0),
            pct(99.0),
            pct(100.0),
            self.latencies.len() as f64 / self.elapsed.as_secs_f64(),
            self.errors
        )
    }
}

/// Fires `urls` with `concurrency` requests in flight.
async fn drive(
    label: &str,
    client: &reqwest::Client,
    urls: Vec<String>,
    concurrency: usize,
) -> Figures {
    let slots = Arc::new(Semaphore::new(concurrency));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(urls.len());
    for url in urls {
        let client = client.clone();
        let slots = slots.clone();
        tasks.push(tokio::spawn(async move {
            let _slot = slots.acquire_owned().await.ok();
            let t = Instant::now();
            // A 422 (dates taken, minimum stay...) is an answer; only 5xx and transport
            // failures are errors.
            let ok = match client.get(&url).send().await {
                Ok(r) => !r.status().is_server_error() && r.bytes().await.is_ok(),
                Err(_) => false,
            };
            (t.elapsed(), ok)
        }));
    }
    let mut figures = Figures {
        label: label.to_owned(),
        latencies: Vec::new(),
        elapsed: Duration::ZERO,
        errors: 0,
    };
    for task in tasks {
        if let Ok((latency, ok)) = task.await {
            figures.latencies.push(latency);
            if !ok {
                figures.errors += 1;
            }
        }
    }
    figures.elapsed = start.elapsed();
    figures
}

/// Makes the URL of one request of a scenario.
type UrlMaker<'a> = Box<dyn Fn(&mut Lcg) -> String + 'a>;

async fn run(db_url: &str) -> Result<String, BoxError> {
    let properties = env_usize("BENCH_PROPERTIES", 10_000);
    let occupations = env_usize("BENCH_OCCUPATIONS", 1_000_000);
    let requests = env_usize("BENCH_REQUESTS", 2_000);
    let concurrency = env_usize("BENCH_CONCURRENCY", 4);
    let (pool, base, data_dir) = serve(db_url).await?;
    let t = Instant::now();
    generate(&pool, properties, occupations).await?;
    let generated = t.elapsed();
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM properties.occupations")
        .fetch_one(&pool)
        .await?;
    let ids: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT id FROM properties.properties")
        .fetch_all(&pool)
        .await?;

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let mut rng = Lcg(42);
    // Weeks of 2027 starting on the 4th..52nd week; many overlap generated stays.
    let week = |rng: &mut Lcg| {
        let start = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap_or_default()
            + chrono::Duration::days(i64::try_from(rng.next(120)).unwrap_or(0));
        (
            start,
            start + chrono::Duration::days(2 + i64::try_from(rng.next(4)).unwrap_or(0)),
        )
    };
    let mut report = format!(
        "data: {} properties, {count} occupations, generated in {:.1}s; {requests} requests per scenario, concurrency {concurrency}\n",
        ids.len(),
        generated.as_secs_f64()
    );
    // Warm-up.
    let warm: Vec<String> = (0..100)
        .map(|_| format!("{base}/properties?city=Nice&checkIn=2027-03-01&checkOut=2027-03-05"))
        .collect();
    drive("warm-up", &client, warm, concurrency).await;

    let scenarios: Vec<(&str, UrlMaker<'_>)> = vec![
        (
            "search by city (20 per page)",
            Box::new(|rng: &mut Lcg| {
                let (ci, co) = week(rng);
                let city = CITIES[rng.next(CITIES.len())].0.replace(' ', "%20");
                format!("{base}/properties?city={city}&checkIn={ci}&checkOut={co}&guests=2")
            }),
        ),
        (
            "search near a point, 30 km, by distance",
            Box::new(|rng: &mut Lcg| {
                let (ci, co) = week(rng);
                let c = CITIES[rng.next(CITIES.len())];
                format!(
                    "{base}/properties?near={},{}&radius=30&sort=distance&checkIn={ci}&checkOut={co}",
                    c.2, c.3
                )
            }),
        ),
        (
            "search whole catalogue, by price, 4 guests",
            Box::new(|rng: &mut Lcg| {
                let (ci, co) = week(rng);
                format!(
                    "{base}/properties?checkIn={ci}&checkOut={co}&guests=4&sort=price&amenities=pool"
                )
            }),
        ),
        (
            "quote one property",
            Box::new(|rng: &mut Lcg| {
                let (ci, co) = week(rng);
                let id = ids[rng.next(ids.len())];
                format!("{base}/properties/{id}/quote?checkIn={ci}&checkOut={co}&adults=2")
            }),
        ),
    ];
    for (label, make) in scenarios {
        let urls: Vec<String> = (0..requests).map(|_| make(&mut rng)).collect();
        let mut figures = drive(label, &client, urls, concurrency).await;
        report.push_str(&figures.line());
    }
    pool.close().await;
    let _ = std::fs::remove_dir_all(&data_dir);
    Ok(report)
}

fn main() -> Result<(), BoxError> {
    main_on_scratch_database(|db_url| async move { run(&db_url).await })
}
