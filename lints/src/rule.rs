//! The `Rule` type: everything about a rule in one value, so that `--list`, `--explain`, config
//! validation, the README table and SARIF metadata all derive from the same place.

/// A Cargo-style lint level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Off: the finding is not reported.
    Allow,
    /// Printed as `warning[…]`; fails the run only under `--deny warnings`.
    Warn,
    /// Printed as `error[…]`; fails the run.
    Deny,
    /// Like `deny`, and no inline suppression can lift it.
    Forbid,
}

impl Level {
    /// Parses Cargo's spelling of a level (`allow`, `warn`, `deny`, `forbid`).
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            "forbid" => Some(Level::Forbid),
            _ => None,
        }
    }

    /// Cargo's spelling of the level.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
            Level::Forbid => "forbid",
        }
    }

    /// Whether a finding at this level is printed as an error.
    pub fn is_error(self) -> bool {
        matches!(self, Level::Deny | Level::Forbid)
    }
}

/// One rule of the catalog (`RULES.md`) with its docs: plain data, the same for every kind of
/// check (how a rule is checked is its [`crate::Lint`]).
pub struct Rule {
    /// Stable code, e.g. `TLS101`.
    pub code: &'static str,
    /// Stable snake_case name, e.g. `cert_verification_disabled`.
    pub name: &'static str,
    /// The level used when no policy sets one.
    pub default_level: Level,
    /// One line, lowercase, no trailing period: `--list`, README table, SARIF `shortDescription`.
    pub summary: &'static str,
    /// CWE numbers for SARIF tags.
    pub cwe: &'static [u16],
    /// Literal prefilter: a file is parsed only if it contains one of these. Matched exactly,
    /// except a needle starting with `(?i)`, matched ASCII case-insensitively.
    pub needles: &'static [&'static str],
    /// Markdown with the headings `### What it does`, `### Why is this bad?`, `### Example` and
    /// `Use instead:`.
    pub docs: &'static str,
}

impl Rule {
    /// Whether `key` names this rule: its code, its snake_case name or the kebab-case spelling.
    pub fn is_named(&self, key: &str) -> bool {
        key.eq_ignore_ascii_case(self.code)
            || key == self.name
            || (key.len() == self.name.len()
                && key
                    .bytes()
                    .zip(self.name.bytes())
                    .all(|(a, b)| a == b || (a == b'-' && b == b'_')))
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}
