//! The rule engine and rules of cargo-tlslint.
//!
//! Input is `(path, source text)`, output is data: this crate does no I/O and knows nothing of
//! cargo, config files, terminals or output formats. Per file, [`check_file`] parses with syn,
//! indexes the facts rules ask about ([`Cx`]) and runs every rule of [`RULES`]. Facts that cross
//! files (constants defined elsewhere in the crate) are settled by [`join`], and
//! [`finalize`] applies the policy: test-code scope, levels, inline suppressions. Manifests are
//! linted by [`check_manifest`] (`Cargo.toml`) and [`check_lockfile`] (`Cargo.lock`).

mod cipher;
mod cleartext;
mod conststr;
mod cx;
mod diagnostic;
mod engine;
mod fix;
pub mod guards;
mod lex;
mod literal_scan;
mod manifest;
pub mod modules;
mod nesting;
mod outline;
mod parse;
mod pem;
mod policy;
mod prefilter;
mod resolve;
mod rule;
pub mod rules;
mod sink;
pub mod source;
mod suppress;
mod tls_version;
mod toggle;
mod verifier;

pub use cx::{CallSite, Cx, chain_root, peel};
pub use diagnostic::{Diagnostic, Label, Suppression};
pub use engine::{
    ConstDef, FileReport, SourceFile, check_file, collect_consts, finalize, join,
    join_package_facts,
};
pub use fix::{Applicability, Edit, Fix, apply_edits};
pub use lex::Lexemes;
pub use manifest::{
    DependencyRequest, LockedPackage, ManifestRequests, WorkspaceManifest, check_lockfile,
    check_manifest, locked_packages, manifest_requests,
};
pub use pem::{TextKind, redact_private_keys};
pub use policy::{LevelSource, Policy, TlsVersion};
pub use prefilter::{Prefilter, Triggers};
pub use resolve::{Const, Resolved, Value};
pub use rule::{CheckFn, Level, Rule};
pub use rules::{RULES, find as find_rule};
pub use sink::{PendingConst, Sink};
pub use suppress::Directive;
pub use verifier::{
    HelperFact, InstallFact, InstallTarget, Side, Verdict, VerifierFact, VerifierFacts,
    join_verifiers,
};
