//! The engine: the one door through which every caller (the CLI, the language server, the
//! dependency audit, the ui tests) lints Rust files. It owns the order of the phases:
//!
//! 1. [`Engine::scan`]: the prefilter, on the file's text as read (a file without trigger words
//!    goes no further);
//! 2. [`Engine::check_file`]: per file, independent of every other file (run them in parallel);
//! 3. [`Engine::finish_package`]: per package, once all its files are checked: findings waiting
//!    for a constant defined in another file, for the callers of a function whose parameter they
//!    depend on (followed through callers that pass their own parameters), and for a package fact
//!    ([`crate::facts`]). The caller reads the package's files on the engine's request
//!    ([`PackageFiles`]), once and only for a package with a waiting finding; only the files that
//!    mention a wanted name are parsed;
//! 4. [`Engine::finish_run`]: across the run: verifier impls meet their install sites, in any
//!    member;
//! 5. [`Engine::finalize`]: per file, the policy (suppressions, test-code scope, levels).
//!
//! [`Engine::lint_alone`] runs them all on one file taken as a package of its own. Inputs and
//! outputs are plain data; the engine does no I/O.

mod called;
mod calls;
mod check;
mod constants;
mod exposed;
mod fields;
mod finalize;
mod gather;
#[cfg(test)]
mod manifest_tests;
mod package_facts;
mod parameters;
mod settle;

use std::collections::BTreeSet;

use crate::lint::{Check, Lint, Role};
use crate::manifest::{self, WorkspaceManifest};
use crate::policy::Policy;
use crate::prefilter::{Prefilter, Triggers};
use crate::rule::Rule;
use crate::rules::{RULES, range_runtime};
use crate::suppress;
use crate::verifier::{self, ExternalVerifier, JoinFile};

pub use crate::report::FileReport;
pub use constants::ConstDef;
pub use exposed::{Exposed, ExposedAt};

/// One file to lint.
pub struct SourceFile<'a> {
    /// The path shown to the user (relative to the workspace root where possible).
    pub path: &'a str,
    /// The file's text.
    pub text: &'a str,
    /// Whether the file belongs to a test or bench target (all of it is test code).
    pub is_test_target: bool,
    /// The policy of the file's package (thresholds the rules read).
    pub policy: &'a Policy,
}

/// The files of a package, read on the engine's request in the package phase.
pub trait PackageFiles {
    /// The package's Rust files. The engine asks at most once per package, and only when a
    /// finding waits for another file; it looks in them for the names it wants.
    fn read(&mut self) -> Vec<PackageFile>;
}

/// A file of the package, as read for the package phase.
#[derive(Clone, Debug)]
pub struct PackageFile {
    /// Its display path.
    pub path: String,
    /// Its text.
    pub text: String,
    /// Whether it belongs to a test or bench target.
    pub is_test_target: bool,
}

/// What a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// Rust source files.
    Source,
    /// Cargo manifests and lockfiles.
    Manifest,
    /// A file that cannot be read or parsed (reported by the engine and the binary).
    Unparsable,
    /// A suppression comment that is malformed or lifts nothing (reported by the engine).
    Suppression,
}

impl RuleKind {
    /// The kind of `rule` (a rule outside the registry is taken as a source rule).
    pub fn of(rule: &Rule) -> RuleKind {
        match RULES.iter().find(|l| l.rule == rule).map(|l| l.check) {
            Some(Check::Manifest(_) | Check::Lockfile(_)) => RuleKind::Manifest,
            Some(Check::Engine(Role::Unparsable)) => RuleKind::Unparsable,
            Some(Check::Engine(_)) => RuleKind::Suppression,
            _ => RuleKind::Source,
        }
    }
}

/// The rule engine, built once per run from the registry. It knows the rules only through their
/// [`Check`]: what each runs on, and the roles of the rules it reports itself.
pub struct Engine {
    lints: &'static [&'static Lint],
    rules: Vec<&'static Rule>,
    prefilter: Prefilter,
    /// `(rule, runtime rule)` for each setting rule: what a declared sink under the rule reports
    /// for a value decided at run time.
    runtime_rules: Vec<(&'static Rule, &'static Rule)>,
    unparsable: &'static Rule,
    invalid_suppression: &'static Rule,
    unused_suppression: &'static Rule,
    manifest_checks: Vec<manifest::ManifestCheckFn>,
    lockfile_checks: Vec<manifest::LockfileCheckFn>,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

impl Engine {
    /// The engine with every rule of the registry.
    pub fn new() -> Engine {
        Engine::with(RULES)
    }

    /// The engine with `lints`, which must include a rule for each engine [`Role`].
    fn with(lints: &'static [&'static Lint]) -> Engine {
        let role = |r: Role| role(lints, r);
        Engine {
            lints,
            rules: lints.iter().map(|l| l.rule).collect(),
            prefilter: Prefilter::new(lints.iter().map(|l| l.rule)),
            runtime_rules: lints
                .iter()
                .filter_map(|l| {
                    let runtime = l.check.runtime().or_else(|| range_runtime(l.rule))?;
                    Some((l.rule, runtime))
                })
                .collect(),
            unparsable: role(Role::Unparsable),
            invalid_suppression: role(Role::InvalidSuppression),
            unused_suppression: role(Role::UnusedSuppression),
            manifest_checks: lints
                .iter()
                .filter_map(|l| match l.check {
                    Check::Manifest(check) => Some(check),
                    _ => None,
                })
                .collect(),
            lockfile_checks: lints
                .iter()
                .filter_map(|l| match l.check {
                    Check::Lockfile(check) => Some(check),
                    _ => None,
                })
                .collect(),
        }
    }

    /// The rule a file that cannot be read or parsed is reported under (the caller reports
    /// files it cannot read under it too).
    pub fn unparsable_rule() -> &'static Rule {
        role(RULES, Role::Unparsable)
    }

    fn suppress_rules(&self) -> suppress::Rules<'_> {
        suppress::Rules {
            known: &self.rules,
            invalid: self.invalid_suppression,
        }
    }

    fn manifest_checks(&self) -> manifest::Checks<'_> {
        manifest::Checks {
            manifest: &self.manifest_checks,
            lockfile: &self.lockfile_checks,
            unparsable: self.unparsable,
            suppress: self.suppress_rules(),
        }
    }

    /// Phase 1: where the file has the trigger words of some rule, or of a sink the `policy`
    /// declares; `None` when it has none and cannot produce a finding.
    pub fn scan(&self, text: &str, policy: &Policy) -> Option<Triggers> {
        let rules = self.prefilter.scan(text);
        if policy.sinks.is_empty() {
            return rules;
        }
        Triggers::union(rules, policy.sinks.scan(text))
    }

    /// Phase 2: lints one file that passed [`Engine::scan`] with every rule, parsing only the
    /// items its trigger words need. Never fails: unparsable input becomes a TLS001 finding.
    pub fn check_file(&self, file: &SourceFile<'_>, triggers: &Triggers) -> FileReport {
        let checks = check::Checks {
            file: self.lints.iter().filter_map(|l| l.check.file_check()),
            runtime_rules: &self.runtime_rules,
            unparsable: self.unparsable,
            suppress: self.suppress_rules(),
        };
        check::check_file(file, triggers, checks)
    }

    /// Phase 3: settles the findings of one package's files that wait for a constant of another
    /// file (the first definition in path order wins), for a parameter's callers, or for a
    /// package fact (the first file in `reports` order that establishes it is the one labelled).
    /// `files` is asked only for what a waiting finding needs. Returns the settings the
    /// package exposes to its users through public functions ([`Exposed`]).
    pub fn finish_package(
        &self,
        reports: &mut [FileReport],
        files: &mut dyn PackageFiles,
    ) -> Vec<Exposed> {
        let mut read: Option<Vec<PackageFile>> = None;
        let names = constants::wanted(reports);
        let mut consts: Vec<ConstDef> = Vec::new();
        if !names.is_empty() {
            consts = mentioning(read.get_or_insert_with(|| files.read()), &names)
                .flat_map(|f| constants::collect(&f.path, &f.text))
                .filter(|c| names.contains(&c.name))
                .collect();
            consts.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
        }
        let (field_facts, calls) = gather::gather(reports, &mut read, files);
        let exposed = exposed::exposed(reports, &calls, &field_facts);
        settle::settle(reports, &consts, &calls, &field_facts);
        exposed
    }

    /// Phase 4: joins verifier facts across every file of the run, so a verifier defined in one
    /// workspace member and installed in another is seen. Deterministic: files are visited in
    /// display-path order (ties in the order given). `learned` are the verifier types of the
    /// workspace's dependencies that do not verify; an install of one is reported like an
    /// install of a workspace type.
    pub fn finish_run(&self, reports: &mut [&mut FileReport], learned: &[ExternalVerifier]) {
        reports.sort_by(|a, b| a.path.cmp(&b.path));
        let mut files: Vec<JoinFile<'_>> = reports
            .iter_mut()
            .map(|r| JoinFile {
                path: &r.path,
                facts: &r.verifier_facts,
                out: &mut r.diagnostics,
            })
            .collect();
        verifier::join_verifiers(&mut files, learned);
    }

    /// Phase 5: applies the policy to a file's findings: inline suppressions (except for
    /// `forbid` rules), unused-suppression findings, the test-code scope and the levels (dropping
    /// `allow`). Findings lifted by a suppression stay in the list with `suppressed` set (SARIF
    /// reports them). `text` is the file's text.
    pub fn finalize(&self, report: &mut FileReport, text: &str, policy: &Policy) {
        finalize::finalize(report, text, policy, self.unused_suppression);
    }

    /// Lints a `Cargo.toml` (the TLS features it declares, the TLS backends it leaves out).
    /// `workspace` is the workspace root manifest when `path` is a member (`None` for the root
    /// itself or a standalone package): it resolves `workspace = true` entries. The report is
    /// ready for [`Engine::finalize`].
    pub fn check_manifest(
        &self,
        path: &str,
        text: &str,
        workspace: Option<WorkspaceManifest<'_>>,
    ) -> FileReport {
        manifest::check_manifest(path, text, workspace, &self.manifest_checks())
    }

    /// Lints a `Cargo.lock` (vulnerable TLS dependency versions).
    /// `sources_mention_tls_insecure` answers whether the workspace's sources contain
    /// `tlsInsecure` (ASCII case-insensitive); it is called at most once, and only when a mongodb
    /// version with the inverted option is locked. The report is ready for [`Engine::finalize`].
    pub fn check_lockfile(
        &self,
        path: &str,
        text: &str,
        sources_mention_tls_insecure: &mut dyn FnMut() -> bool,
    ) -> FileReport {
        manifest::check_lockfile(
            path,
            text,
            sources_mention_tls_insecure,
            &self.manifest_checks(),
        )
    }

    /// Every phase on one file taken as a package (and a run) of its own: what the CLI reports
    /// for a crate of that one file.
    pub fn lint_alone(&self, file: &SourceFile<'_>) -> FileReport {
        let mut report = match self.scan(file.text, file.policy) {
            Some(triggers) => self.check_file(file, &triggers),
            None => FileReport {
                path: file.path.to_string(),
                ..FileReport::default()
            },
        };
        self.finish_package(std::slice::from_mut(&mut report), &mut OneFile(file));
        self.finish_run(&mut [&mut report], &[]);
        self.finalize(&mut report, file.text, file.policy);
        report
    }
}

/// The rule of `lints` that the engine reports in `role` (the registry has one for each role: a
/// unit test of the registry checks it).
fn role(lints: &[&'static Lint], role: Role) -> &'static Rule {
    lints
        .iter()
        .find(|l| matches!(l.check, Check::Engine(r) if r == role))
        .map(|l| l.rule)
        .unwrap_or_else(|| panic!("the registry has no rule for {role:?}"))
}

/// The files of `files` whose text contains one of `names`.
fn mentioning<'f>(
    files: &'f [PackageFile],
    names: &'f BTreeSet<String>,
) -> impl Iterator<Item = &'f PackageFile> {
    files.iter().filter(|f| {
        names
            .iter()
            .any(|n| memchr::memmem::find(f.text.as_bytes(), n.as_bytes()).is_some())
    })
}

/// A package of one file.
struct OneFile<'f, 'a>(&'f SourceFile<'a>);

impl PackageFiles for OneFile<'_, '_> {
    fn read(&mut self) -> Vec<PackageFile> {
        let file = self.0;
        vec![PackageFile {
            path: file.path.to_string(),
            text: file.text.to_string(),
            is_test_target: file.is_test_target,
        }]
    }
}
