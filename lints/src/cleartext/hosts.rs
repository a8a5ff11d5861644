//! Which hosts the cleartext rules exempt: loopback (`localhost`, `*.localhost`, `127.0.0.0/8`,
//! `::1`), unix sockets, and the policy's `allowed-cleartext-hosts` (globs and CIDRs).

use std::net::IpAddr;

use url::{Host, Url};

use crate::policy::{AllowedHosts, Policy};

/// Marks a part of a URL that is only known at run time (a `format!` argument): such a host is
/// never exempt.
pub const RUNTIME: &str = "tlslint-runtime-value";

/// The exemptions of one policy: loopback, unix sockets and its `allowed-cleartext-hosts`.
pub struct Exemptions<'p> {
    allowed: &'p AllowedHosts,
}

impl<'p> Exemptions<'p> {
    /// The exemptions under `policy` (its host list is compiled already).
    pub fn new(policy: &'p Policy) -> Exemptions<'p> {
        Exemptions {
            allowed: &policy.allowed_cleartext_hosts,
        }
    }

    /// The exemptions of a policy's host list, apart from the policy.
    pub fn of(allowed: &'p AllowedHosts) -> Exemptions<'p> {
        Exemptions { allowed }
    }

    /// Whether the URL's destination is exempt (loopback, unix socket, or allowed by policy).
    pub fn url_is_exempt(&self, url: &Url) -> bool {
        if url.scheme().contains("unix") {
            return true;
        }
        match url.host() {
            Some(Host::Domain(d)) => self.host_is_exempt(d),
            Some(Host::Ipv4(ip)) => self.ip_is_exempt(IpAddr::V4(ip)),
            Some(Host::Ipv6(ip)) => self.ip_is_exempt(IpAddr::V6(ip)),
            None => false,
        }
    }

    /// Whether a host name or address written as text is exempt. A host that contains a value
    /// only known at run time is not.
    pub fn host_is_exempt(&self, host: &str) -> bool {
        let host = host
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        if host.is_empty() || host.contains(RUNTIME) {
            return false;
        }
        if host.starts_with('/') || host.starts_with("unix:") {
            return true;
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            return self.ip_is_exempt(ip);
        }
        host == "localhost" || host.ends_with(".localhost") || self.allowed.matches_name(&host)
    }

    /// How to name a URL's host in a message: the host, or "a host built at run time".
    pub fn describe(url: &Url) -> String {
        match url.host_str() {
            Some(h) if h.contains(RUNTIME) => "a host built at run time".to_string(),
            Some(h) => format!("`{h}`"),
            None => "an unknown host".to_string(),
        }
    }

    fn ip_is_exempt(&self, ip: IpAddr) -> bool {
        ip.is_loopback() || self.allowed.contains_ip(ip)
    }
}

/// `host:port` → `host` (IPv6 literals in brackets keep their colons).
pub fn strip_port(h: &str) -> &str {
    let h = h.trim();
    if h.starts_with('[') {
        return h.split(']').next().map_or(h, |x| x.trim_start_matches('['));
    }
    match h.split_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(allowed: &[&str]) -> Policy {
        Policy {
            allowed_cleartext_hosts: AllowedHosts::new(
                allowed.iter().map(|s| s.to_string()).collect(),
            )
            .expect("valid entries"),
            ..Policy::default()
        }
    }

    #[test]
    fn an_invalid_glob_is_an_error_with_its_index() {
        let err = AllowedHosts::new(vec!["db.internal".into(), "api[.example.com".into()]);
        assert_eq!(err.map(|_| ()).map_err(|(i, _)| i), Err(1));
    }

    #[test]
    fn loopback_and_unix_are_exempt() {
        let p = policy(&[]);
        let e = Exemptions::new(&p);
        for host in [
            "localhost",
            "api.localhost",
            "127.0.0.1",
            "127.8.9.10",
            "::1",
            "[::1]",
            "/var/run/postgresql",
        ] {
            assert!(e.host_is_exempt(host), "{host}");
        }
        for host in [
            "10.0.0.1",
            "api.example.com",
            "localhost.evil.com",
            "0.0.0.0",
            "",
            "tlslint-runtime-value",
        ] {
            assert!(!e.host_is_exempt(host), "{host}");
        }
        let unix = Url::parse("redis+unix:///tmp/redis.sock").map(|u| e.url_is_exempt(&u));
        assert_eq!(unix, Ok(true));
    }

    #[test]
    fn policy_globs_and_cidrs() {
        let p = policy(&[
            "*.svc.cluster.local",
            "10.0.0.0/8",
            "fd00::/8",
            "db.internal",
        ]);
        let e = Exemptions::new(&p);
        assert!(e.host_is_exempt("api.default.svc.cluster.local"));
        assert!(e.host_is_exempt("10.1.2.3"));
        assert!(e.host_is_exempt("[fd00::1]"));
        assert!(e.host_is_exempt("DB.internal"));
        assert!(!e.host_is_exempt("11.1.2.3"));
        assert!(!e.host_is_exempt("svc.cluster.local.evil.com"));
    }
}
