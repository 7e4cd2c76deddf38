//! Outgoing email: the file and SMTP adapters (against a tiny SMTP server run by the
//! test), and the `mail.send` job end to end against a real PostgreSQL.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::Duration,
};

use base64::Engine;
use sejour_core::{Ctx, SystemClock, UuidV7Generator};
use sejour_infrastructure::{
    config::Settings,
    db,
    mail::{
        FileMailer, MailError, Mailer, OutgoingEmail, SEND_EMAIL_JOB, SendEmail, SmtpMailer,
        enqueue_email, mailer_from_settings,
    },
    queue::{Consumer, Worker, WorkerOptions, worker::register_subscriptions},
};
use sqlx::PgPool;
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};
use tokio_util::sync::CancellationToken;

const FROM: &str = "Séjour <no-reply@sejour.localhost>";
const SUBJECT: &str = "Réinitialisez votre mot de passe";

/// A directory of its own under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        Self(std::env::temp_dir().join(format!("sejour-mail-test-{}", uuid::Uuid::now_v7())))
    }

    /// The `.eml` files, sorted by name.
    fn emails(&self, sub: &str) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.0.join(sub)) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn email(to: &str, subject: &str) -> OutgoingEmail {
    OutgoingEmail::new(
        to,
        subject,
        "Bonjour Zoé,\r\nCliquez sur ce lien pour choisir un nouveau mot de passe : \
         https://sejour.localhost/reset?token=abc",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

// ----- A minimal RFC 5322 / MIME reader, enough to check what was written. -----

/// A parsed message or MIME part: unfolded headers (encoded words decoded) and the body
/// decoded from its transfer encoding.
struct Part {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    parts: Vec<Part>,
}

impl Part {
    fn parse(raw: &[u8]) -> Part {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text
            .split_once("\r\n\r\n")
            .unwrap_or_else(|| panic!("no header/body separator in {text}"));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push_str(line);
                }
            } else if let Some((name, value)) = line.split_once(':') {
                headers.push((name.to_owned(), value.trim_start().to_owned()));
            } else {
                panic!("bad header line {line:?}");
            }
        }
        for header in &mut headers {
            header.1 = decode_header(&header.1);
        }
        let mut part = Part {
            headers,
            body: Vec::new(),
            parts: Vec::new(),
        };
        let content_type = part.header("Content-Type").unwrap_or_default();
        if let Some(boundary) = content_type
            .split(';')
            .find_map(|p| p.trim().strip_prefix("boundary="))
        {
            let delimiter = format!("--{}", boundary.trim_matches('"'));
            part.parts = body
                .split(&delimiter)
                .skip(1)
                .take_while(|chunk| !chunk.starts_with("--"))
                .map(|chunk| Part::parse(chunk.trim_start_matches("\r\n").as_bytes()))
                .collect();
        } else {
            part.body = match part.header("Content-Transfer-Encoding").as_deref() {
                Some("base64") => base64::engine::general_purpose::STANDARD
                    .decode(body.replace("\r\n", ""))
                    .unwrap_or_else(|e| panic!("{e}")),
                Some("quoted-printable") => quoted_printable(body),
                _ => body.as_bytes().to_vec(),
            };
        }
        part
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap_or_else(|e| panic!("{e}"))
    }
}

fn quoted_printable(s: &str) -> Vec<u8> {
    let bytes = s.replace("=\r\n", "").into_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or_else(|e| panic!("{e}"));
            out.push(u8::from_str_radix(hex, 16).unwrap_or_else(|e| panic!("{hex}: {e}")));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Decodes RFC 2047 encoded words; the space between two of them is not part of the text.
fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = false;
    for (i, token) in value
        .split([' ', '\t'])
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        let decoded = decode_word(token);
        if i > 0 && !(previous_encoded && decoded.is_some()) {
            out.push(' ');
        }
        previous_encoded = decoded.is_some();
        out.push_str(&decoded.unwrap_or_else(|| token.to_owned()));
    }
    out
}

fn decode_word(token: &str) -> Option<String> {
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut pieces = inner.splitn(3, '?');
    let (charset, encoding, text) = (pieces.next()?, pieces.next()?, pieces.next()?);
    assert!(charset.eq_ignore_ascii_case("utf-8"), "charset {charset}");
    let bytes = if encoding.eq_ignore_ascii_case("b") {
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap_or_else(|e| panic!("{e}"))
    } else {
        quoted_printable(&text.replace('_', " "))
    };
    Some(String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}")))
}

fn read_email(path: &Path) -> (String, Part) {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(raw.is_ascii(), "a message on the wire is 7-bit");
    (
        String::from_utf8_lossy(&raw).into_owned(),
        Part::parse(&raw),
    )
}

// ----- A tiny SMTP server. -----

/// How the fake server answers `RCPT TO`.
#[derive(Clone, Copy)]
enum Rcpt {
    Accept,
    Reply(&'static str),
}

/// What the fake server received, one entry per accepted message.
#[derive(Debug, Clone, Default)]
struct Received {
    recipients: Vec<String>,
    data: String,
}

type Inbox = Arc<Mutex<Vec<Received>>>;

/// Runs an SMTP server on 127.0.0.1:0 that answers `rcpt` to `RCPT TO`.
async fn smtp_server(rcpt: Rcpt) -> (SocketAddr, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let inbox = Inbox::default();
    let shared = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(smtp_session(socket, rcpt, shared.clone()));
        }
    });
    (addr, inbox)
}

async fn smtp_session(socket: tokio::net::TcpStream, rcpt: Rcpt, inbox: Inbox) {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    let mut current = Received::default();
    if write
        .write_all(b"220 fake.localhost ESMTP\r\n")
        .await
        .is_err()
    {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let reply: String = match verb.as_str() {
            "EHLO" | "HELO" => "250 fake.localhost\r\n".into(),
            "MAIL" => {
                current = Received::default();
                "250 2.1.0 OK\r\n".into()
            }
            "RCPT" => match rcpt {
                Rcpt::Accept => {
                    current.recipients.push(line.trim_end().to_owned());
                    "250 2.1.5 OK\r\n".into()
                }
                Rcpt::Reply(reply) => format!("{reply}\r\n"),
            },
            "DATA" => {
                if write.write_all(b"354 go ahead\r\n").await.is_err() {
                    return;
                }
                let mut data = String::new();
                loop {
                    let mut data_line = String::new();
                    match lines.read_line(&mut data_line).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    if data_line == ".\r\n" {
                        break;
                    }
                    let unstuffed = data_line.strip_prefix('.').unwrap_or(&data_line);
                    data.push_str(unstuffed);
                }
                current.data = data;
                inbox
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(std::mem::take(&mut current));
                "250 2.0.0 queued\r\n".into()
            }
            "RSET" | "NOOP" => "250 2.0.0 OK\r\n".into(),
            "QUIT" => {
                let _ = write.write_all(b"221 2.0.0 bye\r\n").await;
                return;
            }
            _ => "502 5.5.2 not implemented\r\n".into(),
        };
        if write.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn smtp_mailer(addr: SocketAddr) -> SmtpMailer {
    SmtpMailer::from_url(&format!("smtp://{addr}"), FROM, Duration::from_secs(5))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn settings(data_dir: &Path, smtp_url: Option<String>) -> Settings {
    let mut figment = Settings::figment(None)
        .merge(("dev_mode", true))
        .merge(("data_dir", data_dir.display().to_string()))
        .merge(("mail_from", FROM));
    if let Some(url) = smtp_url {
        figment = figment.merge(("smtp_url", url));
    }
    Settings::from_figment(figment).unwrap_or_else(|e| panic!("{e}"))
}

// ----- Adapters. -----

#[tokio::test]
async fn the_file_mailer_writes_a_message_that_parses_back() {
    let tmp = TempDir::new();
    let mailer = FileMailer::new(tmp.0.join("mail"), FROM).unwrap_or_else(|e| panic!("{e}"));
    mailer
        .send(&email("zoe@example.com", SUBJECT))
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    let files = tmp.emails("mail");
    assert_eq!(files.len(), 1, "{files:?}");
    let (raw, message) = read_email(&files[0]);
    assert_eq!(message.header("Subject").as_deref(), Some(SUBJECT), "{raw}");
    assert!(
        !raw.contains("Réinitialisez"),
        "the subject is encoded: {raw}"
    );
    assert_eq!(
        message.header("From").as_deref(),
        Some("Séjour <no-reply@sejour.localhost>"),
        "{raw}"
    );
    assert_eq!(message.header("To").as_deref(), Some("zoe@example.com"));
    assert!(message.header("Date").is_some(), "{raw}");
    let id = message.header("Message-ID").unwrap_or_default();
    assert!(
        id.starts_with('<') && id.ends_with("@sejour.localhost>"),
        "{id}"
    );
    assert_eq!(
        message.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert!(
        message
            .header("Content-Type")
            .is_some_and(|t| t.starts_with("text/plain") && t.contains("utf-8")),
        "{raw}"
    );
    let body = message.text();
    assert!(body.contains("Bonjour Zoé,"), "{body}");
    assert!(
        body.contains("https://sejour.localhost/reset?token=abc"),
        "{body}"
    );
}

#[tokio::test]
async fn with_html_the_message_is_multipart_alternative() {
    let tmp = TempDir::new();
    let mailer = FileMailer::new(tmp.0.join("mail"), FROM).unwrap_or_else(|e| panic!("{e}"));
    let html = "<p>Bonjour Zoé, <a href=\"https://sejour.localhost/reset\">réinitialisez</a></p>";
    mailer
        .send(&email("zoe@example.com", SUBJECT).with_html(html))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let files = tmp.emails("mail");
    let (raw, message) = read_email(&files[0]);
    assert!(
        message
            .header("Content-Type")
            .is_some_and(|t| t.starts_with("multipart/alternative")),
        "{raw}"
    );
    assert_eq!(message.parts.len(), 2, "{raw}");
    let kinds: Vec<String> = message
        .parts
        .iter()
        .map(|p| p.header("Content-Type").unwrap_or_default())
        .collect();
    assert!(kinds[0].starts_with("text/plain"), "{kinds:?}");
    assert!(kinds[1].starts_with("text/html"), "{kinds:?}");
    assert!(message.parts[0].text().contains("Bonjour Zoé,"));
    assert_eq!(message.parts[1].text().trim_end(), html);
}

#[tokio::test]
async fn file_names_sort_by_time_and_a_deleted_directory_is_recreated() {
    let tmp = TempDir::new();
    let mailer = FileMailer::new(tmp.0.join("mail"), FROM).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(tmp.0.join("mail")).unwrap_or_else(|e| panic!("{e}"));
    for subject in ["first", "second", "third"] {
        mailer
            .send(&email("zoe@example.com", subject))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let subjects: Vec<String> = tmp
        .emails("mail")
        .iter()
        .map(|p| read_email(p).1.header("Subject").unwrap_or_default())
        .collect();
    assert_eq!(subjects, ["first", "second", "third"]);
}

#[tokio::test]
async fn the_smtp_mailer_delivers_to_the_server() {
    let (addr, inbox) = smtp_server(Rcpt::Accept).await;
    smtp_mailer(addr)
        .send(&email("zoe@example.com", SUBJECT))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let received = inbox.lock().unwrap_or_else(|p| p.into_inner()).clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].recipients, ["RCPT TO:<zoe@example.com>"]);
    let message = Part::parse(received[0].data.as_bytes());
    assert_eq!(message.header("Subject").as_deref(), Some(SUBJECT));
    assert_eq!(message.header("To").as_deref(), Some("zoe@example.com"));
    assert!(message.text().contains("Bonjour Zoé,"));
}

#[tokio::test]
async fn a_recipient_refused_with_550_is_a_permanent_error() {
    let (addr, inbox) = smtp_server(Rcpt::Reply("550 5.1.1 no such user")).await;
    let err = smtp_mailer(addr)
        .send(&email("nobody@example.com", SUBJECT))
        .await
        .err();
    assert!(matches!(err, Some(MailError::Refused(_))), "{err:?}");
    assert!(err.as_ref().is_some_and(MailError::is_permanent));
    assert!(inbox.lock().unwrap_or_else(|p| p.into_inner()).is_empty());
}

#[tokio::test]
async fn a_451_reply_is_a_transient_error() {
    let (addr, _) = smtp_server(Rcpt::Reply("451 4.3.0 try again later")).await;
    let err = smtp_mailer(addr)
        .send(&email("zoe@example.com", SUBJECT))
        .await
        .err();
    assert!(matches!(err, Some(MailError::Transient(_))), "{err:?}");
}

#[tokio::test]
async fn a_server_refusing_connections_is_a_transient_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        listener
            .local_addr()
            .unwrap_or_else(|e| panic!("{e}"))
            .port()
    };
    let err = smtp_mailer(SocketAddr::from(([127, 0, 0, 1], port)))
        .send(&email("zoe@example.com", SUBJECT))
        .await
        .err();
    assert!(matches!(err, Some(MailError::Transient(_))), "{err:?}");
    assert!(err.is_some_and(|e| !e.is_permanent()));
}

#[tokio::test]
async fn settings_choose_smtp_when_a_url_is_set_and_files_otherwise() {
    let tmp = TempDir::new();
    let files = mailer_from_settings(&settings(&tmp.0, None)).unwrap_or_else(|e| panic!("{e}"));
    files
        .send(&email("zoe@example.com", "by file"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tmp.emails("mail").len(), 1);

    let (addr, inbox) = smtp_server(Rcpt::Accept).await;
    let smtp = mailer_from_settings(&settings(&tmp.0, Some(format!("smtp://{addr}"))))
        .unwrap_or_else(|e| panic!("{e}"));
    smtp.send(&email("zoe@example.com", "by smtp"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(inbox.lock().unwrap_or_else(|p| p.into_inner()).len(), 1);
    assert_eq!(tmp.emails("mail").len(), 1);

    let bad = mailer_from_settings(&settings(&tmp.0, Some("gopher://nowhere".into()))).err();
    assert!(
        matches!(bad, Some(MailError::Config(_))),
        "{:?}",
        bad.map(|e| e.to_string())
    );
}

// ----- The job. -----

async fn setup(pool: &PgPool, mailer: Arc<dyn Mailer>) -> Vec<Arc<dyn Consumer>> {
    db::MIGRATOR
        .run(pool)
        .await
        .unwrap_or_else(|e| panic!("migrate: {e}"));
    let consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(SendEmail::new(mailer))];
    register_subscriptions(pool, &consumers)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    consumers
}

fn start_worker(
    pool: &PgPool,
    consumers: Vec<Arc<dyn Consumer>>,
) -> (CancellationToken, tokio::task::JoinHandle<()>) {
    let options = WorkerOptions {
        poll_interval: Duration::from_millis(50),
        backoff_base: Duration::from_millis(10),
        backoff_max: Duration::from_millis(50),
        max_attempts: 3,
        ..WorkerOptions::default()
    };
    let worker = Arc::new(Worker::new(
        pool.clone(),
        Arc::new(SystemClock),
        consumers,
        options,
    ));
    let stop = CancellationToken::new();
    let handle = tokio::spawn(worker.run(stop.clone()));
    (stop, handle)
}

async fn enqueue(pool: &PgPool, email: &OutgoingEmail, commit: bool) -> uuid::Uuid {
    let ctx = Ctx::system("test", "req-mail".into());
    let mut tx = pool.begin().await.unwrap_or_else(|e| panic!("{e}"));
    let id = enqueue_email(&mut tx, email, &ctx, &SystemClock, &UuidV7Generator)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    if commit {
        tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
    } else {
        tx.rollback().await.unwrap_or_else(|e| panic!("{e}"));
    }
    id
}

async fn wait_until<F: Fn() -> bool>(what: &str, done: F) {
    for _ in 0..400 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn status_of(pool: &PgPool, message: uuid::Uuid) -> (String, i32) {
    sqlx::query_as("SELECT status, attempts FROM queue.deliveries WHERE message_id = $1")
        .bind(message)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[sqlx::test(migrations = false)]
async fn an_enqueued_email_is_sent_by_the_worker_after_commit(pool: PgPool) {
    let tmp = TempDir::new();
    let mailer =
        Arc::new(FileMailer::new(tmp.0.join("mail"), FROM).unwrap_or_else(|e| panic!("{e}")));
    let consumers = setup(&pool, mailer).await;
    let id = enqueue(&pool, &email("zoe@example.com", SUBJECT), true).await;
    let job_type: String = sqlx::query_scalar("SELECT type FROM queue.messages WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(job_type, SEND_EMAIL_JOB);

    let (stop, handle) = start_worker(&pool, consumers);
    wait_until("the .eml file", || tmp.emails("mail").len() == 1).await;
    for _ in 0..200 {
        if status_of(&pool, id).await.0 == "done" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.cancel();
    let _ = handle.await;
    assert_eq!(status_of(&pool, id).await, ("done".to_owned(), 1));
    let (_, message) = read_email(&tmp.emails("mail")[0]);
    assert_eq!(message.header("Subject").as_deref(), Some(SUBJECT));
    assert_eq!(message.header("To").as_deref(), Some("zoe@example.com"));
}

#[sqlx::test(migrations = false)]
async fn an_email_of_a_rolled_back_transaction_is_never_sent(pool: PgPool) {
    let tmp = TempDir::new();
    let mailer =
        Arc::new(FileMailer::new(tmp.0.join("mail"), FROM).unwrap_or_else(|e| panic!("{e}")));
    let consumers = setup(&pool, mailer).await;
    enqueue(&pool, &email("ghost@example.com", "rolled back"), false).await;
    // A committed one afterwards proves that the worker ran.
    enqueue(&pool, &email("zoe@example.com", "committed"), true).await;
    let (stop, handle) = start_worker(&pool, consumers);
    wait_until("the .eml file", || !tmp.emails("mail").is_empty()).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.cancel();
    let _ = handle.await;
    let files = tmp.emails("mail");
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(
        read_email(&files[0]).1.header("Subject").as_deref(),
        Some("committed")
    );
    let messages: i64 = sqlx::query_scalar("SELECT count(*) FROM queue.messages")
        .fetch_one(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(messages, 1);
}

#[sqlx::test(migrations = false)]
async fn a_refused_email_is_dead_lettered_at_once_and_a_transient_failure_retried(pool: PgPool) {
    let (refusing, _) = smtp_server(Rcpt::Reply("550 5.1.1 no such user")).await;
    let consumers = setup(&pool, Arc::new(smtp_mailer(refusing))).await;
    let refused = enqueue(&pool, &email("nobody@example.com", SUBJECT), true).await;
    let (stop, handle) = start_worker(&pool, consumers);
    for _ in 0..400 {
        if status_of(&pool, refused).await.0 == "dead" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.cancel();
    let _ = handle.await;
    assert_eq!(status_of(&pool, refused).await, ("dead".to_owned(), 1));

    let (busy, _) = smtp_server(Rcpt::Reply("451 4.3.0 try again later")).await;
    let consumers = setup(&pool, Arc::new(smtp_mailer(busy))).await;
    let deferred = enqueue(&pool, &email("zoe@example.com", SUBJECT), true).await;
    let (stop, handle) = start_worker(&pool, consumers);
    for _ in 0..400 {
        if status_of(&pool, deferred).await.1 >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.cancel();
    let _ = handle.await;
    let (_, attempts) = status_of(&pool, deferred).await;
    assert!(
        attempts >= 2,
        "a transient failure is retried ({attempts} attempts)"
    );
}
