//! The policy a file is linted under, as plain data: the binary reads it from `Cargo.toml` or
//! `tlslint.toml`; this crate only applies it.

use std::collections::HashMap;
use std::net::IpAddr;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use ipnet::IpNet;

use crate::declared::DeclaredSinks;
use crate::rule::{Level, Rule};
use crate::verdict::ExternalVerifier;

/// A TLS protocol version, for the `min-tls-version` policy key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TlsVersion {
    /// TLS 1.2.
    Tls12,
    /// TLS 1.3.
    Tls13,
}

/// Where a rule's level was set, for the note that tells the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelSource {
    /// The level.
    pub level: Level,
    /// Where it was set, e.g. "`Cargo.toml` `[workspace.metadata.tlslint.lints]`".
    pub origin: String,
}

/// What the linter applies to a file.
#[derive(Clone, Debug)]
pub struct Policy {
    /// Levels set explicitly, by rule code.
    pub levels: HashMap<&'static str, LevelSource>,
    /// Report findings in test code.
    pub include_tests: bool,
    /// The lowest acceptable TLS version (TLS301).
    pub min_tls_version: TlsVersion,
    /// The lowest acceptable HSTS `max-age` (TLS602).
    pub hsts_min_max_age: u64,
    /// Hosts exempt from the cleartext rules, beyond loopback (globs and CIDRs), compiled.
    pub allowed_cleartext_hosts: AllowedHosts,
    /// Settings of the user's own code declared dangerous (`[[sink]]`), compiled.
    pub sinks: DeclaredSinks,
    /// Verifier types declared not to verify (`[[sink]]` entries under a verifier rule).
    pub verifiers: Vec<ExternalVerifier>,
    /// The most bytes of code (whitespace aside) parsed in one file: the items that may hold a
    /// finding (`max-parse-size`). More is TLS001; the prefilter still scans every file.
    pub max_parse_size: usize,
}

/// The default of [`Policy::max_parse_size`]: 8 MiB.
pub const DEFAULT_MAX_PARSE_SIZE: usize = 8 * 1024 * 1024;

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            levels: HashMap::new(),
            include_tests: false,
            min_tls_version: TlsVersion::Tls12,
            hsts_min_max_age: 31_536_000,
            allowed_cleartext_hosts: AllowedHosts::default(),
            sinks: DeclaredSinks::default(),
            verifiers: Vec::new(),
            max_parse_size: DEFAULT_MAX_PARSE_SIZE,
        }
    }
}

impl Policy {
    /// The explicit level of `rule`, if the policy sets one.
    pub fn explicit_level(&self, rule: &Rule) -> Option<&LevelSource> {
        self.levels.get(rule.code)
    }

    /// The level `rule` runs at.
    pub fn level(&self, rule: &Rule) -> Level {
        self.explicit_level(rule)
            .map_or(rule.default_level, |l| l.level)
    }
}

/// The policy's `allowed-cleartext-hosts`, compiled once: host globs (`*.svc.cluster.local`,
/// matched case-insensitively) and addresses or CIDRs (`10.0.0.0/8`, `[fd00::1]`).
#[derive(Clone, Debug, Default)]
pub struct AllowedHosts {
    entries: Vec<String>,
    globs: GlobSet,
    nets: Vec<IpNet>,
}

impl AllowedHosts {
    /// Compiles `entries`; the first entry that is neither an address, a CIDR nor a valid glob is
    /// the error, with its index and the reason.
    pub fn new(entries: Vec<String>) -> Result<AllowedHosts, (usize, String)> {
        let mut globs = GlobSetBuilder::new();
        let mut nets = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let entry = entry.trim().trim_start_matches('[').trim_end_matches(']');
            if let Ok(net) = entry.parse::<IpNet>() {
                nets.push(net);
            } else if let Ok(ip) = entry.parse::<IpAddr>() {
                nets.push(IpNet::from(ip));
            } else {
                let glob = GlobBuilder::new(&entry.to_ascii_lowercase())
                    .literal_separator(false)
                    .build()
                    .map_err(|e| (i, e.kind().to_string()))?;
                globs.add(glob);
            }
        }
        let globs = globs.build().map_err(|e| (0, e.to_string()))?;
        Ok(AllowedHosts {
            entries,
            globs,
            nets,
        })
    }

    /// The entries as written.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Whether a lowercase host name matches a glob.
    pub fn matches_name(&self, host: &str) -> bool {
        self.globs.is_match(host)
    }

    /// Whether an address is in one of the listed addresses or networks.
    pub fn contains_ip(&self, ip: IpAddr) -> bool {
        self.nets.iter().any(|n| n.contains(&ip))
    }
}
