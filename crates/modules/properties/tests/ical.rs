//! iCal export and import: RFC 5545 structure, parsing of real-format channel exports
//! (Airbnb, Booking.com), the bounded fetch against a local HTTP server, sync planning.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use sejour_core::value_objects::DateRange;
use sejour_properties::infrastructure::ical::{
    ExportedRange, FeedError, FeedEvent, FeedFetcher, FetcherConfig, IcalError, PRODID,
    SUMMARY_NOT_AVAILABLE, SUMMARY_RESERVED, SkipReason, SyncPlan, USER_AGENT, export_calendar,
    is_public, parse_feed, parse_feed_report, plan_sync,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

const AIRBNB: &str = include_str!("fixtures/airbnb.ics");
const BOOKING: &str = include_str!("fixtures/booking.ics");
const EDGE_CASES: &str = include_str!("fixtures/edge_cases.ics");

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// `[from, to)` in 2026 (a `to` month below `from`'s means 2027).
fn range(from: (u32, u32), to: (u32, u32)) -> DateRange {
    let end_year = if to.0 < from.0 { 2027 } else { 2026 };
    DateRange::new(day(2026, from.0, from.1), day(end_year, to.0, to.1)).unwrap()
}

fn event(uid: &str, dates: DateRange) -> FeedEvent {
    FeedEvent {
        uid: uid.to_owned(),
        dates,
        summary: Some("Reserved".to_owned()),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 10, 15, 0).unwrap()
}

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

fn sample_export() -> (Uuid, Vec<ExportedRange>, String) {
    let property_id = Uuid::now_v7();
    let ranges = vec![
        ExportedRange {
            uid_seed: Uuid::now_v7(),
            dates: range((8, 1), (8, 8)),
            summary: SUMMARY_NOT_AVAILABLE,
        },
        ExportedRange {
            uid_seed: Uuid::now_v7(),
            dates: range((7, 10), (7, 15)),
            summary: SUMMARY_RESERVED,
        },
        ExportedRange {
            uid_seed: Uuid::now_v7(),
            dates: range((12, 24), (1, 2)),
            summary: SUMMARY_RESERVED,
        },
    ];
    // Long, non-ASCII and with characters TEXT must escape: forces folding and escaping.
    let name = "Villa « Les Pins », vue mer; 4 chambres — Cap-Ferret, Lège-Cap-Ferret (Gironde)";
    let text = export_calendar(name, property_id, &ranges, now());
    (property_id, ranges, text)
}

/// Unfolds RFC 5545 content lines (CRLF followed by a space or tab).
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        if let Some(rest) = physical.strip_prefix([' ', '\t']) {
            lines.last_mut().unwrap().push_str(rest);
        } else {
            lines.push(physical.to_owned());
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[test]
fn export_uses_crlf_and_folds_lines_at_75_octets() {
    let (_, _, text) = sample_export();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let without_crlf = text.replace("\r\n", "");
    assert!(!without_crlf.contains('\n'), "bare LF in {text:?}");
    assert!(!without_crlf.contains('\r'), "bare CR in {text:?}");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(
        text.split("\r\n").any(|line| line.starts_with(' ')),
        "the long calendar name should have been folded"
    );
}

#[test]
fn a_long_name_leaving_75_octets_to_fold_stays_within_75() {
    // "X-WR-CALNAME:" + 137 octets = 150: 75 on the first line, 75 left for the next.
    let text = export_calendar(&"a".repeat(137), Uuid::nil(), &[], now());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(unfold(&text).contains(&format!("X-WR-CALNAME:{}", "a".repeat(137))));
}

#[test]
fn export_has_balanced_components_and_required_properties() {
    let (property_id, ranges, text) = sample_export();
    let lines = unfold(&text);

    let mut stack: Vec<&str> = Vec::new();
    let mut events: Vec<Vec<&str>> = Vec::new();
    for line in &lines {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            stack.push(name);
            if name == "VEVENT" {
                events.push(Vec::new());
            }
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(stack.pop(), Some(name), "unbalanced END:{name}");
        } else if stack.last() == Some(&"VEVENT") {
            events.last_mut().unwrap().push(line);
        } else {
            assert_eq!(
                stack,
                ["VCALENDAR"],
                "property outside the calendar: {line}"
            );
        }
    }
    assert!(stack.is_empty());

    let calendar_props: Vec<&String> = lines
        .iter()
        .take_while(|line| *line != "BEGIN:VEVENT")
        .collect();
    for expected in [
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        // TEXT escaping: `,` and `;` are backslashed.
        "X-WR-CALNAME:Villa « Les Pins »\\, vue mer\\; 4 chambres — Cap-Ferret\\, Lège-Cap-Ferret (Gironde)".to_owned(),
        format!("X-WR-RELCALID:{property_id}@sejour"),
    ] {
        assert!(
            calendar_props.iter().any(|line| **line == expected),
            "missing {expected} in {calendar_props:?}"
        );
    }
    assert_eq!(PRODID, "-//Séjour//Calendar//FR");

    assert_eq!(events.len(), ranges.len());
    for props in &events {
        for key in [
            "UID:",
            "DTSTAMP:",
            "DTSTART;VALUE=DATE:",
            "DTEND;VALUE=DATE:",
            "SUMMARY:",
        ] {
            assert_eq!(
                props.iter().filter(|line| line.starts_with(key)).count(),
                1,
                "{key} in {props:?}"
            );
        }
        assert!(props.contains(&"DTSTAMP:20261124T101500Z"));
        for personal in [
            "DESCRIPTION",
            "ATTENDEE",
            "ORGANIZER",
            "CONTACT",
            "LOCATION",
        ] {
            assert!(!props.iter().any(|line| line.starts_with(personal)));
        }
    }
    // Ordered by start date; DTEND is the exclusive check-out day; UIDs are stable.
    let reserved = ranges[1];
    assert!(events[0].contains(&"DTSTART;VALUE=DATE:20260710"));
    assert!(events[0].contains(&"DTEND;VALUE=DATE:20260715"));
    assert!(events[0].contains(&"SUMMARY:Réservé"));
    let uid = format!("UID:{}@sejour", reserved.uid_seed);
    assert!(events[0].contains(&uid.as_str()));
    assert!(events[1].contains(&"SUMMARY:Not available"));
    assert!(events[2].contains(&"DTEND;VALUE=DATE:20270102"));
}

#[test]
fn export_is_deterministic_whatever_the_input_order() {
    let property_id = Uuid::now_v7();
    let (_, mut ranges, _) = sample_export();
    let first = export_calendar("Gîte", property_id, &ranges, now());
    ranges.reverse();
    let second = export_calendar("Gîte", property_id, &ranges, now());
    assert_eq!(first, second);
}

#[test]
fn export_parses_back_to_the_same_ranges() {
    let (_, ranges, text) = sample_export();
    let parsed = parse_feed_report(&text).unwrap();
    assert!(parsed.skipped.is_empty());
    let mut expected: Vec<FeedEvent> = ranges
        .iter()
        .map(|range| FeedEvent {
            uid: format!("{}@sejour", range.uid_seed),
            dates: range.dates,
            summary: Some(range.summary.to_owned()),
        })
        .collect();
    expected.sort_by_key(|event| event.dates);
    assert_eq!(parsed.events, expected);
}

#[test]
fn an_empty_calendar_is_valid_and_parses_to_no_event() {
    let text = export_calendar("Studio", Uuid::now_v7(), &[], now());
    assert!(!text.contains("BEGIN:VEVENT"));
    assert_eq!(parse_feed(&text).unwrap(), Vec::new());
}

proptest! {
    /// Whatever the property's name (any Unicode, control characters, separators), the
    /// export stays well-formed and reads back.
    #[test]
    fn any_name_exports_well_formed(name in "\\PC{0,120}|[\\x00-\\x7f]{0,120}") {
        let ranges = [ExportedRange {
            uid_seed: Uuid::nil(),
            dates: range((7, 10), (7, 15)),
            summary: SUMMARY_RESERVED,
        }];
        let text = export_calendar(&name, Uuid::nil(), &ranges, now());
        prop_assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains(['\r', '\n']));
        }
        let events = parse_feed(&text).unwrap();
        prop_assert_eq!(events.len(), 1);
        prop_assert_eq!(events[0].dates, ranges[0].dates);
        let calendar: icalendar::Calendar = text.parse().unwrap();
        let expected: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        prop_assert_eq!(calendar.get_name(), Some(expected.as_str()));
    }
}

// ---------------------------------------------------------------------------------------
// Import parsing
// ---------------------------------------------------------------------------------------

#[test]
fn airbnb_export_is_read() {
    assert!(
        AIRBNB.contains("\r\n"),
        "the Airbnb fixture keeps its CRLF line endings"
    );
    let events = parse_feed(AIRBNB).unwrap();
    let got: Vec<(&str, DateRange, Option<&str>)> = events
        .iter()
        .map(|e| (e.uid.as_str(), e.dates, e.summary.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "1418fb94e984-5d3c1ab8f0e27c94b6a1d5e3f2c08b71@airbnb.com",
                range((7, 10), (7, 15)),
                Some("Reserved")
            ),
            (
                "1418fb94e984-9a7e2f61c3d84b05e8f1a2b6c7d90e34@airbnb.com",
                range((8, 1), (8, 8)),
                Some("Reserved")
            ),
            (
                "7f662ec65913-2e4d6f8a0b1c3e5d7f9a1b3c5d7e9f01@airbnb.com",
                range((9, 15), (10, 1)),
                Some("Airbnb (Not available)")
            ),
            (
                "7f662ec65913-b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8@airbnb.com",
                range((12, 24), (1, 2)),
                Some("Airbnb (Not available)")
            ),
        ]
    );
}

#[test]
fn booking_export_with_lf_line_endings_is_read() {
    assert!(
        !BOOKING.contains('\r'),
        "the Booking.com fixture uses bare LF"
    );
    let events = parse_feed(BOOKING).unwrap();
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e.uid.ends_with("@booking.com")));
    assert!(
        events
            .iter()
            .all(|e| e.summary.as_deref() == Some("CLOSED - Not available"))
    );
    let dates: Vec<DateRange> = events.iter().map(|e| e.dates).collect();
    assert_eq!(
        dates,
        vec![
            range((7, 18), (7, 22)),
            range((8, 22), (8, 29)),
            range((11, 2), (11, 3))
        ]
    );
}

#[test]
fn date_times_missing_ends_folding_escapes_and_skips_are_handled() {
    let parsed = parse_feed_report(EDGE_CASES).unwrap();
    let got: Vec<(&str, DateRange)> = parsed
        .events
        .iter()
        .map(|e| (e.uid.as_str(), e.dates))
        .collect();
    assert_eq!(
        got,
        vec![
            // 15:00Z → 11:00Z: the end has a time, so its day counts as a night.
            ("utc-times@example.com", range((7, 10), (7, 16))),
            // Midnight to midnight: exactly the dates.
            ("tzid-midnights@example.com", range((8, 1), (8, 5))),
            // No DTEND, no DURATION: one night; the later event with this UID is dropped.
            ("no-end@example.com", range((9, 1), (9, 2))),
            ("duration@example.com", range((9, 10), (9, 13))),
            ("folded-and-escaped@example.com", range((10, 1), (10, 4))),
        ]
    );
    let folded = parsed
        .events
        .iter()
        .find(|e| e.uid == "folded-and-escaped@example.com")
        .unwrap();
    assert_eq!(
        folded.summary.as_deref(),
        Some("Owner stay, family; back on the 4th — keys with the neighbour, Madame Roux")
    );

    let skipped: Vec<(Option<&str>, SkipReason)> = parsed
        .skipped
        .iter()
        .map(|s| (s.uid.as_deref(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (Some("cancelled@example.com"), SkipReason::Cancelled),
            (Some("same-day@example.com"), SkipReason::EmptyOrInverted),
            (Some("inverted@example.com"), SkipReason::EmptyOrInverted),
            (None, SkipReason::MissingUid),
            (Some("no-end@example.com"), SkipReason::DuplicateUid),
            (Some("bad-date@example.com"), SkipReason::InvalidDates),
        ]
    );
    // The plain entry point returns the same events and drops the skipped ones.
    assert_eq!(parse_feed(EDGE_CASES).unwrap(), parsed.events);
}

#[test]
fn byte_order_mark_blank_lines_and_trailing_space_are_tolerated() {
    let text = format!("\u{feff}\r\n{}\r\n\r\n", BOOKING.replace('\n', "\r\n\r\n"));
    assert_eq!(parse_feed(&text).unwrap(), parse_feed(BOOKING).unwrap());
}

#[test]
fn documents_that_are_not_calendars_are_errors() {
    for text in [
        "",
        "   ",
        "<!DOCTYPE html><html><body>Please log in</body></html>",
        "{\"error\":\"unauthorized\"}",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Someone\r\nEND:VCARD\r\n",
    ] {
        assert_eq!(parse_feed(text), Err(IcalError::NotACalendar), "{text:?}");
    }
    assert_eq!(IcalError::NotACalendar.code(), "ical.not_a_calendar");
}

#[test]
fn truncated_calendar_is_malformed() {
    let truncated = &AIRBNB[..AIRBNB.len() / 2];
    let error = parse_feed(truncated).unwrap_err();
    assert!(matches!(error, IcalError::Malformed(_)), "{error:?}");
    assert_eq!(error.code(), "ical.malformed");
    // Where, not what: the feed's content (guest details in Airbnb's DESCRIPTION) is not
    // echoed into the health report.
    assert!(error.to_string().contains("at line"), "{error}");
    assert!(!error.to_string().contains("airbnb"), "{error}");
}

// ---------------------------------------------------------------------------------------
// Fetch, against a local HTTP/1.1 server written by hand
// ---------------------------------------------------------------------------------------

struct TestServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
}

impl TestServer {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = requests.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, recorded.clone()));
            }
        });
        Self { addr, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn request_heads(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn redirect(location: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .into_bytes()
}

/// A calendar of `size` bytes (one long X- property pads it).
fn big_calendar(size: usize) -> String {
    let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-PAD:";
    let tail = "\r\nEND:VCALENDAR\r\n";
    format!("{head}{}{tail}", "x".repeat(size - head.len() - tail.len()))
}

async fn serve(mut stream: TcpStream, requests: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut buffer = [0_u8; 1024];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => head.extend_from_slice(&buffer[..read]),
        }
        if head.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    requests.lock().unwrap().push(head);

    let calendar = "text/calendar; charset=utf-8";
    let bytes = match path.as_str() {
        "/airbnb.ics" => response("200 OK", calendar, AIRBNB),
        "/booking.ics" => response("200 OK", calendar, BOOKING),
        // Some channels serve their feed as text/plain or octet-stream: the body decides.
        "/plain.ics" => response("200 OK", "application/octet-stream", BOOKING),
        "/error.ics" => response("500 Internal Server Error", "text/plain", "Internal error"),
        "/gone.ics" => response("404 Not Found", "text/plain", "Not found"),
        "/login.ics" => response(
            "200 OK",
            "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html><head><title>Log in</title></head><body>Log in</body></html>",
        ),
        "/slow.ics" => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            response("200 OK", calendar, AIRBNB)
        }
        "/slow-body.ics" => {
            let full = response("200 OK", calendar, AIRBNB);
            let half = full.len() / 2;
            let _ = stream.write_all(&full[..half]).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
            full[half..].to_vec()
        }
        "/big.ics" => response("200 OK", calendar, &big_calendar(8 * 1024)),
        "/big-chunked.ics" => {
            let body = big_calendar(8 * 1024);
            let mut bytes = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {calendar}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            )
            .into_bytes();
            for chunk in body.as_bytes().chunks(1000) {
                bytes.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                bytes.extend_from_slice(chunk);
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(b"0\r\n\r\n");
            bytes
        }
        "/fits.ics" => response("200 OK", calendar, &big_calendar(4 * 1024)),
        "/moved" => redirect("/airbnb.ics"),
        "/loop" => redirect("/loop"),
        "/to-ftp" => redirect("ftp://127.0.0.1/feed.ics"),
        _ => response("404 Not Found", "text/plain", "Not found"),
    };
    let _ = stream.write_all(&bytes).await;
    let _ = stream.shutdown().await;
}

fn test_fetcher() -> FeedFetcher {
    FeedFetcher::with_config(FetcherConfig {
        timeout: Duration::from_millis(500),
        max_body_bytes: 4 * 1024,
        max_redirects: 3,
        allow_private_hosts: true,
    })
    .unwrap()
}

/// The default bounds, allowed to reach the local test server.
fn local_fetcher() -> FeedFetcher {
    FeedFetcher::with_config(FetcherConfig {
        allow_private_hosts: true,
        ..FetcherConfig::default()
    })
    .unwrap()
}

#[test]
fn default_bounds_are_ten_seconds_five_mib_five_redirects() {
    let config = FetcherConfig::default();
    assert_eq!(config.timeout, Duration::from_secs(10));
    assert_eq!(config.max_body_bytes, 5 * 1024 * 1024);
    assert_eq!(config.max_redirects, 5);
    assert!(!config.allow_private_hosts);
    assert_eq!(FeedFetcher::new().unwrap().config(), config);
}

#[tokio::test]
async fn by_default_feeds_on_our_own_network_are_refused() {
    let server = TestServer::start().await;
    let fetcher = FeedFetcher::new().unwrap();
    let literal = fetcher.fetch(&server.url("/airbnb.ics")).await.unwrap_err();
    assert_eq!(literal, FeedError::PrivateAddress);
    assert_eq!(literal.code(), "ical_feed.private_address");
    // A name that resolves to loopback is refused at resolution, whatever the port.
    let named = fetcher
        .fetch(&format!(
            "http://localhost:{}/airbnb.ics",
            server.addr.port()
        ))
        .await
        .unwrap_err();
    assert_eq!(named, FeedError::PrivateAddress);
    // The cloud metadata address and private networks too.
    for url in [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/feed.ics",
        "http://[::1]/feed.ics",
        "http://[::ffff:127.0.0.1]/feed.ics",
    ] {
        assert_eq!(
            fetcher.fetch(url).await,
            Err(FeedError::PrivateAddress),
            "{url}"
        );
    }
    assert!(server.request_heads().is_empty());
}

#[test]
fn public_addresses_are_told_from_internal_ones() {
    for public in ["8.8.8.8", "2a00:1450:4007:80f::200e", "100.128.0.1"] {
        assert!(is_public(public.parse().unwrap()), "{public}");
    }
    for internal in [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "255.255.255.255",
        "224.0.0.1",
        "::1",
        "::",
        "fd00::1",
        "fe80::1",
        "::ffff:10.0.0.1",
    ] {
        assert!(!is_public(internal.parse().unwrap()), "{internal}");
    }
}

#[tokio::test]
async fn fetches_channel_exports_with_our_user_agent() {
    let server = TestServer::start().await;
    let fetcher = local_fetcher();

    let airbnb = fetcher.fetch(&server.url("/airbnb.ics")).await.unwrap();
    assert_eq!(airbnb, AIRBNB);
    assert_eq!(parse_feed(&airbnb).unwrap().len(), 4);

    let booking = fetcher.fetch(&server.url("/booking.ics")).await.unwrap();
    assert_eq!(parse_feed(&booking).unwrap().len(), 3);

    let plain = fetcher.fetch(&server.url("/plain.ics")).await.unwrap();
    assert_eq!(plain, BOOKING);

    let heads = server.request_heads();
    assert_eq!(heads.len(), 3);
    for head in heads {
        assert!(head.starts_with("GET /"), "{head}");
        let user_agent = head
            .lines()
            .find_map(|line| line.strip_prefix("user-agent: "))
            .or_else(|| {
                head.lines()
                    .find_map(|line| line.strip_prefix("User-Agent: "))
            });
        assert_eq!(user_agent, Some(USER_AGENT));
        assert_eq!(USER_AGENT, "Sejour-Calendar-Sync/1.0");
    }
}

#[tokio::test]
async fn http_errors_are_reported_with_their_status() {
    let server = TestServer::start().await;
    let fetcher = test_fetcher();
    let error = fetcher.fetch(&server.url("/error.ics")).await.unwrap_err();
    assert_eq!(error, FeedError::Status(500));
    assert_eq!(error.code(), "ical_feed.http_status");
    assert_eq!(error.to_string(), "the feed answered HTTP 500");
    assert_eq!(
        fetcher.fetch(&server.url("/gone.ics")).await,
        Err(FeedError::Status(404))
    );
}

#[tokio::test]
async fn slow_feeds_time_out() {
    let server = TestServer::start().await;
    let fetcher = test_fetcher();
    for path in ["/slow.ics", "/slow-body.ics"] {
        let error = fetcher.fetch(&server.url(path)).await.unwrap_err();
        assert_eq!(
            error,
            FeedError::Timeout(Duration::from_millis(500)),
            "{path}"
        );
        assert_eq!(error.code(), "ical_feed.timeout");
    }
}

#[tokio::test]
async fn oversized_feeds_are_refused_with_or_without_a_length() {
    let server = TestServer::start().await;
    let fetcher = test_fetcher();
    for path in ["/big.ics", "/big-chunked.ics"] {
        let error = fetcher.fetch(&server.url(path)).await.unwrap_err();
        assert_eq!(error, FeedError::TooLarge { limit: 4 * 1024 }, "{path}");
        assert_eq!(error.code(), "ical_feed.too_large");
    }
    // Exactly at the limit is fine.
    let fits = fetcher.fetch(&server.url("/fits.ics")).await.unwrap();
    assert_eq!(fits.len(), 4 * 1024);
}

#[tokio::test]
async fn html_instead_of_a_calendar_is_refused() {
    let server = TestServer::start().await;
    let error = test_fetcher()
        .fetch(&server.url("/login.ics"))
        .await
        .unwrap_err();
    assert_eq!(
        error,
        FeedError::NotCalendar {
            content_type: Some("text/html; charset=utf-8".to_owned())
        }
    );
    assert_eq!(error.code(), "ical_feed.not_calendar");
}

#[tokio::test]
async fn redirects_are_followed_within_bounds_and_to_http_only() {
    let server = TestServer::start().await;
    let fetcher = test_fetcher();
    assert_eq!(fetcher.fetch(&server.url("/moved")).await.unwrap(), AIRBNB);

    let error = fetcher.fetch(&server.url("/loop")).await.unwrap_err();
    assert!(matches!(error, FeedError::Redirect(_)), "{error:?}");
    assert!(!error.to_string().contains("127.0.0.1"), "{error}");

    let error = fetcher.fetch(&server.url("/to-ftp")).await.unwrap_err();
    assert!(matches!(error, FeedError::Redirect(_)), "{error:?}");
}

#[tokio::test]
async fn only_http_urls_are_fetched() {
    let fetcher = test_fetcher();
    for url in [
        "file:///etc/passwd",
        "ftp://127.0.0.1/feed.ics",
        "webcal://www.airbnb.com/calendar/ical/1.ics",
        "not a url",
        "",
    ] {
        let error = fetcher.fetch(url).await.unwrap_err();
        assert!(
            matches!(error, FeedError::InvalidUrl(_)),
            "{url}: {error:?}"
        );
        assert_eq!(error.code(), "ical_feed.invalid_url");
    }
}

#[tokio::test]
async fn unreachable_feeds_are_network_errors_without_the_url() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let url = format!("http://{addr}/calendar.ics?t=secret-token");
    let error = test_fetcher().fetch(&url).await.unwrap_err();
    assert!(matches!(error, FeedError::Network(_)), "{error:?}");
    assert!(!error.to_string().contains("secret-token"), "{error}");
}

// ---------------------------------------------------------------------------------------
// Sync planning
// ---------------------------------------------------------------------------------------

fn block(uid: &str, dates: DateRange) -> (String, DateRange) {
    (uid.to_owned(), dates)
}

#[test]
fn new_events_are_inserted() {
    let feed = [event("a@airbnb.com", range((7, 10), (7, 15)))];
    let plan = plan_sync(&[], &feed, &[]);
    assert_eq!(
        plan,
        SyncPlan {
            to_insert: feed.to_vec(),
            ..SyncPlan::default()
        }
    );
}

#[test]
fn unchanged_events_are_left_alone() {
    let dates = range((7, 10), (7, 15));
    let plan = plan_sync(
        &[block("a@airbnb.com", dates)],
        &[event("a@airbnb.com", dates)],
        &[range((7, 15), (7, 20))],
    );
    assert_eq!(plan, SyncPlan::default());
    assert!(plan.writes_nothing());
}

#[test]
fn moved_events_are_updated() {
    let plan = plan_sync(
        &[block("a@airbnb.com", range((7, 10), (7, 15)))],
        &[event("a@airbnb.com", range((7, 11), (7, 16)))],
        &[],
    );
    assert_eq!(
        plan,
        SyncPlan {
            to_update: vec![("a@airbnb.com".to_owned(), range((7, 11), (7, 16)))],
            ..SyncPlan::default()
        }
    );
}

#[test]
fn events_gone_from_the_feed_are_deleted() {
    let plan = plan_sync(
        &[
            block("b@airbnb.com", range((8, 1), (8, 8))),
            block("a@airbnb.com", range((7, 10), (7, 15))),
        ],
        &[],
        &[],
    );
    assert_eq!(
        plan,
        SyncPlan {
            to_delete: vec!["a@airbnb.com".to_owned(), "b@airbnb.com".to_owned()],
            ..SyncPlan::default()
        }
    );
}

#[test]
fn events_overlapping_a_reservation_are_conflicts_never_written() {
    let reservation = range((7, 12), (7, 19));
    let feed = [
        event("overlaps@airbnb.com", range((7, 10), (7, 15))),
        // Check-out day = check-in day: no overlap.
        event("adjacent@airbnb.com", range((7, 19), (7, 22))),
    ];
    let plan = plan_sync(&[], &feed, &[reservation]);
    assert_eq!(plan.conflicts, vec![feed[0].clone()]);
    assert_eq!(plan.to_insert, vec![feed[1].clone()]);
    assert!(plan.to_update.is_empty() && plan.to_delete.is_empty());
}

#[test]
fn an_event_moved_onto_a_reservation_is_a_conflict_and_its_old_block_goes() {
    let plan = plan_sync(
        &[block("a@airbnb.com", range((7, 1), (7, 5)))],
        &[event("a@airbnb.com", range((7, 10), (7, 15)))],
        &[range((7, 12), (7, 19))],
    );
    assert_eq!(plan.to_delete, vec!["a@airbnb.com".to_owned()]);
    assert_eq!(
        plan.conflicts,
        vec![event("a@airbnb.com", range((7, 10), (7, 15)))]
    );
    assert!(plan.to_insert.is_empty() && plan.to_update.is_empty());
}

#[test]
fn overlapping_events_within_one_feed_keep_the_first_and_report_the_other() {
    let feed = [
        event("late@booking.com", range((7, 12), (7, 20))),
        event("early@booking.com", range((7, 10), (7, 14))),
        event("kept@booking.com", range((7, 1), (7, 4))),
        event("over-kept@booking.com", range((7, 3), (7, 6))),
    ];
    let plan = plan_sync(
        &[block("kept@booking.com", range((7, 1), (7, 4)))],
        &feed,
        &[],
    );
    assert_eq!(plan.to_insert, vec![feed[1].clone()]);
    assert_eq!(plan.conflicts, vec![feed[3].clone(), feed[0].clone()]);
}

#[test]
fn a_repeated_uid_counts_once() {
    let feed = [
        event("a@airbnb.com", range((7, 10), (7, 15))),
        event("a@airbnb.com", range((8, 10), (8, 15))),
    ];
    let plan = plan_sync(&[], &feed, &[]);
    assert_eq!(plan.to_insert, vec![feed[0].clone()]);
    assert!(plan.conflicts.is_empty());
}

#[test]
fn fetched_airbnb_feed_plans_against_stored_blocks_and_reservations() {
    let events = parse_feed(AIRBNB).unwrap();
    let existing = [
        // Unchanged.
        block(
            "1418fb94e984-5d3c1ab8f0e27c94b6a1d5e3f2c08b71@airbnb.com",
            range((7, 10), (7, 15)),
        ),
        // Dates changed on Airbnb.
        block(
            "7f662ec65913-2e4d6f8a0b1c3e5d7f9a1b3c5d7e9f01@airbnb.com",
            range((9, 15), (9, 30)),
        ),
        // Cancelled on Airbnb: gone from the feed.
        block(
            "0c2d9e8f7a6b-1234567890abcdef1234567890abcdef@airbnb.com",
            range((6, 1), (6, 3)),
        ),
    ];
    // A confirmed Séjour reservation over the Christmas block.
    let reservations = [range((12, 20), (12, 27))];
    let plan = plan_sync(&existing, &events, &reservations);
    assert_eq!(plan.to_insert, vec![events[1].clone()]);
    assert_eq!(
        plan.to_update,
        vec![(events[2].uid.clone(), range((9, 15), (10, 1)))]
    );
    assert_eq!(
        plan.to_delete,
        vec!["0c2d9e8f7a6b-1234567890abcdef1234567890abcdef@airbnb.com".to_owned()]
    );
    assert_eq!(plan.conflicts, vec![events[3].clone()]);
}

fn arb_range() -> impl Strategy<Value = DateRange> {
    (0_u64..60, 1_u64..10).prop_map(|(offset, nights)| {
        let start = day(2026, 7, 1)
            .checked_add_days(chrono::Days::new(offset))
            .unwrap();
        DateRange::new(
            start,
            start.checked_add_days(chrono::Days::new(nights)).unwrap(),
        )
        .unwrap()
    })
}

/// Ranges that do not overlap each other (as the database keeps them).
fn disjoint(ranges: Vec<DateRange>) -> Vec<DateRange> {
    let mut kept: Vec<DateRange> = Vec::new();
    for range in ranges {
        if !kept.iter().any(|other| other.overlaps(&range)) {
            kept.push(range);
        }
    }
    kept
}

proptest! {
    /// Applying a plan leaves no overlap, writes no conflict, and accounts for every event.
    #[test]
    fn applying_a_plan_never_double_books(
        stored in proptest::collection::vec((0_u8..8, arb_range()), 0..6),
        feed in proptest::collection::vec((0_u8..8, arb_range()), 0..8),
        others in proptest::collection::vec(arb_range(), 0..4),
    ) {
        // A consistent starting state: disjoint occupations, disjoint stored blocks.
        let others = disjoint(others);
        let mut existing: Vec<(String, DateRange)> = Vec::new();
        for (uid, dates) in stored {
            let uid = format!("{uid}@feed");
            let taken = others.iter().chain(existing.iter().map(|(_, d)| d));
            if !existing.iter().any(|(u, _)| *u == uid) && !taken.clone().any(|d| d.overlaps(&dates)) {
                existing.push((uid, dates));
            }
        }
        let feed: Vec<FeedEvent> = feed
            .into_iter()
            .map(|(uid, dates)| event(&format!("{uid}@feed"), dates))
            .collect();

        let plan = plan_sync(&existing, &feed, &others);

        let mut state: Vec<(String, DateRange)> = existing
            .iter()
            .filter(|(uid, _)| !plan.to_delete.contains(uid))
            .cloned()
            .collect();
        for (uid, dates) in &plan.to_update {
            let row = state.iter_mut().find(|(u, _)| u == uid).unwrap();
            row.1 = *dates;
        }
        state.extend(plan.to_insert.iter().map(|e| (e.uid.clone(), e.dates)));

        for (i, (_, a)) in state.iter().enumerate() {
            prop_assert!(!others.iter().any(|o| o.overlaps(a)));
            for (_, b) in &state[i + 1..] {
                prop_assert!(!a.overlaps(b));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for event in feed.iter().filter(|e| seen.insert(e.uid.clone())) {
            let written = state.contains(&(event.uid.clone(), event.dates));
            let conflict = plan.conflicts.iter().any(|c| c.uid == event.uid);
            prop_assert!(written != conflict, "{} written {written} conflict {conflict}", event.uid);
        }
        for (uid, _) in &state {
            prop_assert!(feed.iter().any(|e| &e.uid == uid));
        }
    }
}
