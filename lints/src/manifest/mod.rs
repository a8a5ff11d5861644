//! The manifest rules: TLS801, TLS802 and TLS804 read a `Cargo.toml`, TLS803 reads a
//! `Cargo.lock`. Pure like the rest of this crate: text in, a [`FileReport`] out, with the
//! `# tlslint: allow(…)` suppressions of the TOML file, ready for `Engine::finalize`. A file
//! that is not valid TOML is a TLS001 finding at the error.

mod deps;
mod features;
mod layout;
mod lockfile;
mod requests;

pub use requests::{DependencyRequest, ManifestRequests, manifest_requests};

pub(crate) use features::{Backend, Signal, missing_backends, signals};
pub(crate) use lockfile::Locked;

use crate::diagnostic::Diagnostic;
use crate::report::FileReport;
use crate::rule::Rule;
use crate::source::LineIndex;
use crate::suppress::{self, CommentSyntax};
use deps::Declarations;
use features::Inherited;
use layout::Layout;
use toml::de::DeTable;

/// A `Cargo.toml` as the manifest rules' checks see it.
pub(crate) struct Manifest<'a> {
    /// Its dependency declarations and `[features]`.
    pub(crate) decl: &'a Declarations,
    /// The workspace it inherits `workspace = true` entries from.
    pub(crate) ws: &'a Inherited<'a>,
}

/// A rule's check of a `Cargo.toml`.
pub(crate) type ManifestCheckFn = fn(&Manifest<'_>, &mut Vec<Diagnostic>);

/// A rule's check of a `Cargo.lock`: its packages, and whether the workspace's sources mention
/// `tlsInsecure` (ask at most once, and only when the answer matters).
pub(crate) type LockfileCheckFn = fn(&[Locked<'_>], &mut dyn FnMut() -> bool, &mut Vec<Diagnostic>);

/// What the engine hands over for manifests: the rules' checks and the rules the engine itself
/// reports here.
pub(crate) struct Checks<'r> {
    /// The checks of `Cargo.toml` files.
    pub manifest: &'r [ManifestCheckFn],
    /// The checks of `Cargo.lock` files.
    pub lockfile: &'r [LockfileCheckFn],
    /// The rule a file that is not valid TOML is reported under.
    pub unparsable: &'static Rule,
    /// The rules suppression comments are read against.
    pub suppress: suppress::Rules<'r>,
}

/// The workspace root manifest a member manifest inherits `workspace = true` dependencies from.
#[derive(Clone, Copy, Debug)]
pub struct WorkspaceManifest<'a> {
    /// Its display path (for labels that point into it).
    pub path: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// Lints a `Cargo.toml`: the TLS features it declares (TLS801, TLS802) and the TLS backends it
/// leaves out (TLS804). `workspace` is the workspace root manifest when `path` is a member (pass
/// `None` for the root itself or a standalone package): it resolves `workspace = true` entries.
pub(crate) fn check_manifest(
    path: &str,
    text: &str,
    workspace: Option<WorkspaceManifest<'_>>,
    checks: &Checks<'_>,
) -> FileReport {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => return parse_error(path, text, &e, checks.unparsable),
    };
    let decl = Declarations::read(doc.get_ref());
    let ws_doc = workspace.and_then(|w| DeTable::parse(w.text).ok().map(|d| (w.path, d)));
    let ws_decl = ws_doc
        .as_ref()
        .map(|(p, d)| (*p, Declarations::read(d.get_ref())));
    let inherited = match &ws_decl {
        Some((p, d)) => Inherited {
            path: Some(p),
            entries: d.workspace_entries(),
        },
        None => Inherited {
            path: None,
            entries: decl.workspace_entries(),
        },
    };
    let manifest = Manifest {
        decl: &decl,
        ws: &inherited,
    };
    let mut diagnostics = Vec::new();
    for check in checks.manifest {
        check(&manifest, &mut diagnostics);
    }
    report(path, text, &doc, diagnostics, &checks.suppress)
}

/// Lints a `Cargo.lock` (TLS803). `sources_mention_tls_insecure` answers whether the workspace's
/// sources contain `tlsInsecure` (ASCII case-insensitive); it is called at most once, and only
/// when a mongodb version with the inverted option is locked.
pub(crate) fn check_lockfile(
    path: &str,
    text: &str,
    sources_mention_tls_insecure: &mut dyn FnMut() -> bool,
    checks: &Checks<'_>,
) -> FileReport {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => return parse_error(path, text, &e, checks.unparsable),
    };
    let packages = lockfile::packages(doc.get_ref());
    let mut asked: Option<bool> = None;
    let mut ask_once = || *asked.get_or_insert_with(&mut *sources_mention_tls_insecure);
    let mut diagnostics = Vec::new();
    for check in checks.lockfile {
        check(&packages, &mut ask_once, &mut diagnostics);
    }
    report(path, text, &doc, diagnostics, &checks.suppress)
}

/// One `[[package]]` of a `Cargo.lock`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedPackage {
    /// The package name.
    pub name: String,
    /// Its version.
    pub version: semver::Version,
    /// `source`: `registry+…`, `sparse+…`, `git+…`; `None` for workspace members and path
    /// dependencies.
    pub source: Option<String>,
    /// The names of the packages it depends on.
    pub dependencies: Vec<String>,
    /// `checksum`: the registry's SHA-256 of the package, when it comes from a registry.
    pub checksum: Option<String>,
}

/// The packages of a `Cargo.lock` (those with a name and a valid version), in file order; the
/// parse error's message when the file is not valid TOML.
pub fn locked_packages(text: &str) -> Result<Vec<LockedPackage>, String> {
    let doc = DeTable::parse(text).map_err(|e| e.message().trim().replace('\n', "; "))?;
    Ok(lockfile::packages(doc.get_ref())
        .into_iter()
        .map(|p| LockedPackage {
            name: p.name.to_string(),
            version: p.version,
            source: p.source.map(str::to_string),
            dependencies: p.dependencies.iter().map(|d| d.to_string()).collect(),
            checksum: p.checksum.map(str::to_string),
        })
        .collect())
}

/// The findings plus the file's suppression comments (and TLS002 for malformed ones).
fn report(
    path: &str,
    text: &str,
    doc: &toml::Spanned<DeTable<'_>>,
    mut diagnostics: Vec<Diagnostic>,
    rules: &suppress::Rules<'_>,
) -> FileReport {
    let layout = Layout::of(doc.get_ref(), text);
    let lines = LineIndex::new(text);
    let (mut directives, errors) = suppress::scan(
        text,
        &lines,
        &layout.strings,
        &layout.statements,
        CommentSyntax::Toml,
        rules,
    );
    for d in &mut directives {
        d.in_test_code = layout.in_test_section(d.range.start);
    }
    diagnostics.extend(errors.into_iter().map(|mut e| {
        e.in_test_code = layout.in_test_section(e.primary.range.start);
        e
    }));
    FileReport {
        path: path.to_string(),
        diagnostics,
        directives,
        ..FileReport::default()
    }
}

fn parse_error(path: &str, text: &str, e: &toml::de::Error, rule: &'static Rule) -> FileReport {
    let range = e
        .span()
        .map_or(0..0, |r| r.start.min(text.len())..r.end.min(text.len()));
    let reason = e.message().trim().replace('\n', "; ");
    let d = Diagnostic::new(rule, format!("cannot parse `{path}`: {reason}"), range)
        .label("the manifest is not linted")
        .note("the rest of the workspace is still linted");
    FileReport {
        path: path.to_string(),
        diagnostics: vec![d],
        ..FileReport::default()
    }
}
