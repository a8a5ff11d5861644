//! Which hosts the cleartext rules exempt: loopback (`localhost`, `*.localhost`, `127.0.0.0/8`,
//! `::1`), unix sockets, and the policy's `allowed-cleartext-hosts` (globs and CIDRs).

use std::net::IpAddr;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use ipnet::IpNet;
use url::{Host, Url};

use crate::policy::Policy;

/// Marks a part of a URL that is only known at run time (a `format!` argument): such a host is
/// never exempt.
pub const RUNTIME: &str = "tlslint-runtime-value";

/// The exemptions of one policy, compiled.
pub struct Exemptions {
    globs: GlobSet,
    nets: Vec<IpNet>,
}

impl Exemptions {
    /// Compiles the policy's `allowed-cleartext-hosts`; entries that are neither a CIDR nor a
    /// valid glob are ignored (the binary validates the policy).
    pub fn new(policy: &Policy) -> Exemptions {
        let mut globs = GlobSetBuilder::new();
        let mut nets = Vec::new();
        for entry in &policy.allowed_cleartext_hosts {
            let entry = entry.trim().trim_start_matches('[').trim_end_matches(']');
            if let Ok(net) = entry.parse::<IpNet>() {
                nets.push(net);
            } else if let Ok(ip) = entry.parse::<IpAddr>() {
                nets.push(IpNet::from(ip));
            } else if let Ok(glob) = GlobBuilder::new(&entry.to_ascii_lowercase())
                .literal_separator(false)
                .build()
            {
                globs.add(glob);
            }
        }
        Exemptions {
            globs: globs.build().unwrap_or_else(|_| GlobSet::empty()),
            nets,
        }
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
        host == "localhost" || host.ends_with(".localhost") || self.globs.is_match(&host)
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
        ip.is_loopback() || self.nets.iter().any(|n| n.contains(&ip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exemptions(allowed: &[&str]) -> Exemptions {
        let policy = Policy {
            allowed_cleartext_hosts: allowed.iter().map(|s| s.to_string()).collect(),
            ..Policy::default()
        };
        Exemptions::new(&policy)
    }

    #[test]
    fn loopback_and_unix_are_exempt() {
        let e = exemptions(&[]);
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
        let e = exemptions(&[
            "*.svc.cluster.local",
            "10.0.0.0/8",
            "fd00::/8",
            "db.internal",
        ]);
        assert!(e.host_is_exempt("api.default.svc.cluster.local"));
        assert!(e.host_is_exempt("10.1.2.3"));
        assert!(e.host_is_exempt("[fd00::1]"));
        assert!(e.host_is_exempt("DB.internal"));
        assert!(!e.host_is_exempt("11.1.2.3"));
        assert!(!e.host_is_exempt("svc.cluster.local.evil.com"));
    }
}
