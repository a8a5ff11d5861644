//! A rule's place in the registry: the [`Rule`] with how it is checked. Kept apart from `Rule`,
//! which findings point at, so that the plain data stays below the machinery the checks use.

use crate::cx::Cx;
use crate::manifest::{LockfileCheckFn, ManifestCheckFn};
use crate::rule::Rule;
use crate::sink::Sink;

/// A rule of the registry and how it is checked. Dereferences to its [`Rule`].
pub struct Lint {
    /// The rule.
    pub rule: &'static Rule,
    pub(crate) check: Check,
}

impl std::ops::Deref for Lint {
    type Target = Rule;

    fn deref(&self) -> &Rule {
        self.rule
    }
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.rule.fmt(f)
    }
}

/// The signature of a rule's per-file check.
pub(crate) type CheckFn = fn(&Cx<'_>, &mut Sink);

/// How a rule is checked: what it runs on, or who reports it.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// Runs on every Rust file that passes the prefilter.
    File(CheckFn),
    /// Runs on every Rust file that passes the prefilter, like `File`, for a rule that flags a
    /// setting by its value and reports a value decided at run time under `runtime` (a rule whose
    /// check is `ByAnotherRule`). Sinks declared in the policy under this rule share its runtime
    /// rule.
    Setting {
        /// The check.
        check: CheckFn,
        /// The rule of a value decided at run time.
        runtime: &'static Rule,
    },
    /// Runs on every `Cargo.toml`.
    Manifest(ManifestCheckFn),
    /// Runs on every `Cargo.lock`.
    Lockfile(LockfileCheckFn),
    /// Reported by the engine itself, in this role.
    Engine(Role),
    /// Reported by another rule's check, which hands this rule to the shared machinery it calls
    /// (the runtime variant of the toggle rules, the verifier rules); the rule's doc comment names
    /// that rule.
    ByAnotherRule,
}

impl Check {
    /// The per-file check, for a rule that has one.
    pub(crate) fn file_check(self) -> Option<CheckFn> {
        match self {
            Check::File(check) | Check::Setting { check, .. } => Some(check),
            _ => None,
        }
    }

    /// The rule a value decided at run time is reported under, for a setting rule.
    pub(crate) fn runtime(self) -> Option<&'static Rule> {
        match self {
            Check::Setting { runtime, .. } => Some(runtime),
            _ => None,
        }
    }
}

/// What the engine itself reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A file that cannot be read or parsed.
    Unparsable,
    /// A malformed suppression comment.
    InvalidSuppression,
    /// A suppression comment that lifts no finding.
    UnusedSuppression,
}
