//! The policy a file is linted under, as plain data: the binary reads it from `Cargo.toml` or
//! `tlslint.toml`; this crate only applies it.

use std::collections::HashMap;

use crate::rule::{Level, Rule};

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
    /// Hosts exempt from the cleartext rules, beyond loopback (globs and CIDRs).
    pub allowed_cleartext_hosts: Vec<String>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            levels: HashMap::new(),
            include_tests: false,
            min_tls_version: TlsVersion::Tls12,
            hsts_min_max_age: 31_536_000,
            allowed_cleartext_hosts: Vec::new(),
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
