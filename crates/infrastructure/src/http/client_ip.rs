//! The client's address. Behind a reverse proxy the TCP peer is the proxy: when the peer
//! is one of the configured trusted proxies (`SEJOUR_TRUSTED_PROXIES`), the client is the
//! right-most address of `X-Forwarded-For` that is not itself a trusted proxy. Entries a
//! client wrote further left are never believed; without trusted proxies the header is
//! ignored. Audit rows and the per-IP sign-in limit use this address.

use std::{net::IpAddr, net::SocketAddr, str::FromStr, sync::Arc};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::HeaderMap,
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

/// The client's address, as resolved by [`resolve_client_ip`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The reverse proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    /// Parses addresses (`10.0.0.5`) and networks (`10.0.0.0/8`, `fd00::/8`); the first
    /// entry that is neither is returned as the error.
    pub fn parse(entries: &[String]) -> Result<Self, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim();
                IpNet::from_str(entry)
                    .or_else(|_| IpAddr::from_str(entry).map(IpNet::from))
                    .map_err(|_| entry.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|nets| Self(Arc::new(nets)))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client behind `peer`, given the request's `headers`.
    pub fn client_ip(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let mut client = peer;
        let hops = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','));
        for hop in hops.rev() {
            match IpAddr::from_str(hop.trim()) {
                Ok(ip) => {
                    client = ip;
                    if !self.trusts(ip) {
                        break;
                    }
                }
                // Garbage in the chain: stop at the last address we could trust.
                Err(_) => break,
            }
        }
        client
    }
}

/// Middleware: records the request's [`ClientIp`] for [`super::RequestCtx`].
pub async fn resolve_client_ip(
    State(trusted): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let client = trusted.client_ip(peer.ip(), request.headers());
        request.extensions_mut().insert(ClientIp(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        IpAddr::from_str(s).unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert("x-forwarded-for", v);
        }
        headers
    }

    fn proxies(list: &[&str]) -> TrustedProxies {
        let entries: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        TrustedProxies::parse(&entries).unwrap_or_default()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let headers = forwarded("203.0.113.7");
        assert_eq!(
            TrustedProxies::default().client_ip(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.10"]);
        // The client forged the left-most entry; the proxies appended the rest.
        let headers = forwarded("1.2.3.4, 203.0.113.7, 10.1.2.3");
        assert_eq!(
            trusted.client_ip(ip("192.0.2.10"), &headers),
            ip("203.0.113.7")
        );
        // An untrusted peer's header is not believed.
        assert_eq!(
            trusted.client_ip(ip("198.51.100.1"), &headers),
            ip("198.51.100.1")
        );
        // No header: the proxy itself.
        assert_eq!(
            trusted.client_ip(ip("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
        // Garbage stops the walk at the last trusted hop.
        let junk = forwarded("203.0.113.7, not-an-ip, 10.1.2.3");
        assert_eq!(trusted.client_ip(ip("10.0.0.1"), &junk), ip("10.1.2.3"));
    }

    #[test]
    fn entries_are_addresses_or_networks() {
        assert!(TrustedProxies::parse(&["10.0.0.0/8".into(), " ::1 ".into()]).is_ok());
        assert_eq!(
            TrustedProxies::parse(&["10.0.0.0/33".into()]).err(),
            Some("10.0.0.0/33".to_owned())
        );
    }
}
