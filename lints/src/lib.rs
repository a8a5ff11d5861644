//! The rule engine and rules of cargo-tlslint.
//!
//! Input is `(path, source text)`, output is data: this crate does no I/O and knows nothing of
//! cargo, config files, terminals or output formats. Rust files go through one door, the
//! [`Engine`], which owns the order of the phases (prefilter, per-file check, per-package and
//! per-run joins, policy), for Rust files and for manifests (`Cargo.toml`, `Cargo.lock`) alike.

mod cipher;
mod cleartext;
mod crate_calls;
mod cx;
mod declared;
mod declared_fields;
mod destructure;
mod diagnostic;
mod engine;
mod facts;
mod fix;
mod guards;
mod lex;
mod lint;
mod literal_scan;
mod manifest;
mod modules;
mod nesting;
mod outline;
mod parse;
mod pem;
mod policy;
mod prefilter;
mod public_fn;
mod report;
mod rule;
mod rules;
mod sink;
mod source;
mod suppress;
mod tls_version;
mod toggle;
mod value;
mod verdict;
mod verifier;

pub use crate_calls::calls_into;
pub use declared::{DeclaredSink, DeclaredSinks, DeclaredValue, SinkSource};
pub use diagnostic::{Diagnostic, Label, Suppression};
pub use engine::{
    ConstDef, Engine, Exposed, ExposedAt, FileReport, PackageFile, PackageFiles, RuleKind,
    SourceFile,
};
pub use facts::{
    ArgValue, CallFact, Callee, Condition, Deferred, Fact, FactSite, FieldOf, Parameter,
};
pub use fix::{Applicability, Edit, Fix, apply_edits};
pub use guards::{Guards, guards};
pub use lint::Lint;
pub use manifest::{
    DependencyRequest, LockedPackage, ManifestRequests, WorkspaceManifest, locked_packages,
    manifest_requests,
};
pub use modules::{ModuleRef, module_refs};
pub use pem::{TextKind, redact_private_keys};
pub use policy::{AllowedHosts, DEFAULT_MAX_PARSE_SIZE, LevelSource, Policy, TlsVersion};
pub use prefilter::Triggers;
pub use public_fn::{PublicFunction, public_function_at};
pub use rule::{Level, Rule};
pub use rules::{RULES, declared_ranges, declared_verifier, find as find_rule};
pub use source::{LineCol, LineIndex};
pub use suppress::Directive;
pub use value::{Const, Dangerous};
pub use verifier::{ExternalVerifier, Side, Verdict, VerifierFact, VerifierFacts};
