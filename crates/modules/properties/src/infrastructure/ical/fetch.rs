//! Downloading a channel's calendar feed, within bounds — and never from inside our own
//! network: feed URLs are typed by users, so unless `allow_private_hosts` (development,
//! tests) every address a feed's host resolves to, or a redirect names, must be a public
//! one (no loopback, private, link-local — cloud metadata —, carrier-grade NAT, unique
//! local, multicast or unspecified address). The check is made on the addresses actually
//! connected to (a resolver that filters), so DNS rebinding gains nothing.

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::redirect::Policy;
use reqwest::{Client, Url};

use super::parse::starts_as_calendar;

/// The `User-Agent` of every feed request.
pub const USER_AGENT: &str = "Sejour-Calendar-Sync/1.0";

/// The bounds of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetcherConfig {
    /// Whole request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Largest body accepted, in bytes; a larger feed is refused, not truncated.
    pub max_body_bytes: usize,
    /// Redirects followed at most (to `http`/`https` URLs only).
    pub max_redirects: usize,
    /// Whether feeds may live on loopback or private addresses (development, tests).
    pub allow_private_hosts: bool,
}

impl Default for FetcherConfig {
    /// 10 s, 5 MiB, 5 redirects, public addresses only.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_body_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            allow_private_hosts: false,
        }
    }
}

/// Whether `ip` is an address of the public Internet (see the [module](self)).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public(IpAddr::V4(v4)),
            None => {
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    || v6.is_unique_local()
                    || v6.is_unicast_link_local())
            }
        },
    }
}

/// The message of a refused address (no URL in it, see [`FeedError`]).
const PRIVATE_ADDRESS: &str = "the feed's host is not on the public Internet";

/// Resolves hosts with the system resolver, keeping public addresses only.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = found.filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(PRIVATE_ADDRESS.into());
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

/// Whether `url` names its host by a literal address that is not public.
fn names_private_address(url: &Url) -> bool {
    url.host_str()
        .map(|host| host.trim_start_matches('[').trim_end_matches(']'))
        .and_then(|host| host.parse::<IpAddr>().ok())
        .is_some_and(|ip| !is_public(ip))
}

/// Why a feed could not be downloaded. The messages never contain the feed's URL (which
/// usually carries the channel's secret token), so they can be shown as its health.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The URL cannot be parsed, or is not `http`/`https`.
    #[error("invalid feed URL: {0}")]
    InvalidUrl(String),
    /// No complete answer within the timeout.
    #[error("the feed did not answer within {} ms", .0.as_millis())]
    Timeout(Duration),
    /// The server answered with a status other than 2xx.
    #[error("the feed answered HTTP {0}")]
    Status(u16),
    /// The body is larger than the limit.
    #[error("the feed is larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body is not an iCalendar document (a login page, an error page in HTML...).
    #[error("the feed is not an iCalendar document (content type: {})", .content_type.as_deref().unwrap_or("none"))]
    NotCalendar {
        /// The `Content-Type` the server sent, if any.
        content_type: Option<String>,
    },
    /// Too many redirects, or a redirect to a URL that is not `http`/`https`.
    #[error("redirect refused: {0}")]
    Redirect(String),
    /// The host is (or resolves to) a loopback, private or link-local address.
    #[error("{PRIVATE_ADDRESS}")]
    PrivateAddress,
    /// Connection, DNS, TLS or protocol failure.
    #[error("could not download the feed: {0}")]
    Network(String),
    /// The HTTP client could not be built.
    #[error("HTTP client setup failed: {0}")]
    Client(String),
}

impl FeedError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidUrl(_) => "ical_feed.invalid_url",
            Self::Timeout(_) => "ical_feed.timeout",
            Self::Status(_) => "ical_feed.http_status",
            Self::TooLarge { .. } => "ical_feed.too_large",
            Self::NotCalendar { .. } => "ical_feed.not_calendar",
            Self::Redirect(_) => "ical_feed.redirect",
            Self::PrivateAddress => "ical_feed.private_address",
            Self::Network(_) => "ical_feed.network",
            Self::Client(_) => "ical_feed.client",
        }
    }
}

/// Downloads calendar feeds: `GET` with a timeout, a body size limit, few redirects,
/// `http`/`https` only, `User-Agent: Sejour-Calendar-Sync/1.0`. Cheap to clone (one
/// connection pool shared).
#[derive(Debug, Clone)]
pub struct FeedFetcher {
    client: Client,
    config: FetcherConfig,
}

impl FeedFetcher {
    /// A fetcher with the default bounds (10 s, 5 MiB, 5 redirects).
    pub fn new() -> Result<Self, FeedError> {
        Self::with_config(FetcherConfig::default())
    }

    /// A fetcher with the given bounds.
    pub fn with_config(config: FetcherConfig) -> Result<Self, FeedError> {
        let max_redirects = config.max_redirects;
        let public_only = !config.allow_private_hosts;
        let redirects = Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                attempt.error(format!("more than {max_redirects} redirects"))
            } else if !is_http(attempt.url()) {
                attempt.error("redirect to a URL that is not http or https")
            } else if public_only && names_private_address(attempt.url()) {
                attempt.error(PRIVATE_ADDRESS)
            } else {
                attempt.follow()
            }
        });
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            HeaderValue::from_static("text/calendar, text/plain;q=0.9, */*;q=0.5"),
        );
        let mut builder = Client::builder()
            .user_agent(USER_AGENT)
            .default_headers(headers)
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .redirect(redirects);
        if public_only {
            builder = builder.dns_resolver(Arc::new(PublicOnly));
        }
        let client = builder
            .build()
            .map_err(|error| FeedError::Client(error_chain(&error.without_url())))?;
        Ok(Self { client, config })
    }

    /// The bounds in force.
    pub fn config(&self) -> FetcherConfig {
        self.config
    }

    /// Downloads the feed at `url` and returns its text (decoded as UTF-8, invalid bytes
    /// replaced), once checked to be an iCalendar document.
    pub async fn fetch(&self, url: &str) -> Result<String, FeedError> {
        let url =
            Url::parse(url.trim()).map_err(|error| FeedError::InvalidUrl(error.to_string()))?;
        if !is_http(&url) {
            return Err(FeedError::InvalidUrl(format!(
                "scheme `{}` is not http or https",
                url.scheme()
            )));
        }
        if !self.config.allow_private_hosts && names_private_address(&url) {
            return Err(FeedError::PrivateAddress);
        }
        let mut response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|error| self.classify(error))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FeedError::Status(status.as_u16()));
        }
        let limit = self.config.max_body_bytes;
        let too_large = FeedError::TooLarge { limit };
        let announced = response.content_length().unwrap_or(0);
        if usize::try_from(announced).map_or(true, |announced| announced > limit) {
            return Err(too_large);
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let mut body = Vec::with_capacity(usize::try_from(announced).unwrap_or(0));
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| self.classify(error))?
        {
            if body.len().saturating_add(chunk.len()) > limit {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        let text = String::from_utf8_lossy(&body).into_owned();
        if !starts_as_calendar(&text) {
            return Err(FeedError::NotCalendar { content_type });
        }
        Ok(text)
    }

    fn classify(&self, error: reqwest::Error) -> FeedError {
        if error_chain(&error).contains(PRIVATE_ADDRESS) {
            FeedError::PrivateAddress
        } else if error.is_timeout() {
            FeedError::Timeout(self.config.timeout)
        } else if error.is_redirect() {
            FeedError::Redirect(error_chain(&error.without_url()))
        } else {
            FeedError::Network(error_chain(&error.without_url()))
        }
    }
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host_str().is_some()
}

/// The error and its sources, `: `-separated.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

#[async_trait::async_trait]
impl crate::domain::gateways::FeedSource for FeedFetcher {
    async fn events(&self, url: &str) -> Result<Vec<crate::domain::calendar::FeedEvent>, String> {
        match self.fetch(url).await {
            Ok(text) => super::parse::parse_feed(&text).map_err(|e| format!("{}: {e}", e.code())),
            Err(e) => Err(format!("{}: {e}", e.code())),
        }
    }
}
