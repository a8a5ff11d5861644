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

use crate::diagnostic::Diagnostic;
use crate::report::FileReport;
use crate::rules::PARSE_ERROR;
use crate::source::LineIndex;
use crate::suppress::{self, CommentSyntax};
use deps::Declarations;
use features::Inherited;
use layout::Layout;
use toml::de::DeTable;

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
) -> FileReport {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => return parse_error(path, text, &e),
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
    let mut diagnostics = Vec::new();
    features::check(&decl, &inherited, &mut diagnostics);
    report(path, text, &doc, diagnostics)
}

/// Lints a `Cargo.lock` (TLS803). `sources_mention_tls_insecure` answers whether the workspace's
/// sources contain `tlsInsecure` (ASCII case-insensitive); it is called at most once, and only
/// when a mongodb version with the inverted option is locked.
pub(crate) fn check_lockfile(
    path: &str,
    text: &str,
    sources_mention_tls_insecure: &mut dyn FnMut() -> bool,
) -> FileReport {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => return parse_error(path, text, &e),
    };
    let mut diagnostics = Vec::new();
    lockfile::check(
        doc.get_ref(),
        sources_mention_tls_insecure,
        &mut diagnostics,
    );
    report(path, text, &doc, diagnostics)
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
        })
        .collect())
}

/// The findings plus the file's suppression comments (and TLS002 for malformed ones).
fn report(
    path: &str,
    text: &str,
    doc: &toml::Spanned<DeTable<'_>>,
    mut diagnostics: Vec<Diagnostic>,
) -> FileReport {
    let layout = Layout::of(doc.get_ref(), text);
    let lines = LineIndex::new(text);
    let (mut directives, errors) = suppress::scan(
        text,
        &lines,
        &layout.strings,
        &layout.statements,
        CommentSyntax::Toml,
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

fn parse_error(path: &str, text: &str, e: &toml::de::Error) -> FileReport {
    let range = e
        .span()
        .map_or(0..0, |r| r.start.min(text.len())..r.end.min(text.len()));
    let reason = e.message().trim().replace('\n', "; ");
    let d = Diagnostic::new(
        &PARSE_ERROR,
        format!("cannot parse `{path}`: {reason}"),
        range,
    )
    .label("the manifest is not linted")
    .note("the rest of the workspace is still linted");
    FileReport {
        path: path.to_string(),
        diagnostics: vec![d],
        ..FileReport::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    /// Each manifest rule's documented example fires, and its "Use instead" is silent.
    #[test]
    fn docs_examples_fire_and_fixes_are_silent() {
        for rule in RULES.iter().filter(|r| r.code.starts_with("TLS8")) {
            let blocks: Vec<&str> = rule
                .docs
                .split("```toml\n")
                .skip(1)
                .filter_map(|b| b.split("```").next())
                .collect();
            assert_eq!(
                blocks.len(),
                2,
                "{} docs need two ```toml blocks",
                rule.name
            );
            let run = |text: &str| {
                let report = if text.contains("[[package]]") {
                    check_lockfile("Cargo.lock", text, &mut || true)
                } else {
                    check_manifest("Cargo.toml", text, None)
                };
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule.code == rule.code)
                    .count()
            };
            assert_eq!(
                run(blocks[0]),
                1,
                "{}: the example must fire once",
                rule.name
            );
            assert_eq!(run(blocks[1]), 0, "{}: the fix must be silent", rule.name);
        }
    }

    #[test]
    fn broken_toml_is_tls001_at_the_error() {
        let text = "[dependencies]\nrustls = { version = \"0.21\"\n";
        let report = check_manifest("Cargo.toml", text, None);
        assert_eq!(report.diagnostics.len(), 1);
        let d = &report.diagnostics[0];
        assert_eq!(d.rule.code, "TLS001");
        assert!(
            d.message.starts_with("cannot parse `Cargo.toml`: "),
            "{}",
            d.message
        );
        assert_eq!(LineIndex::new(text).line_of(d.primary.range.start), 1);
    }

    #[test]
    fn lockfile_asks_about_sources_only_for_old_mongodb() {
        let mut asked = 0;
        let lock = "[[package]]\nname = \"mongodb\"\nversion = \"3.2.5\"\n";
        let report = check_lockfile("Cargo.lock", lock, &mut || {
            asked += 1;
            true
        });
        assert!(report.diagnostics.is_empty());
        assert_eq!(asked, 0);
        let lock = "[[package]]\nname = \"mongodb\"\nversion = \"3.2.4\"\n";
        assert!(
            check_lockfile("Cargo.lock", lock, &mut || false)
                .diagnostics
                .is_empty()
        );
        assert_eq!(
            check_lockfile("Cargo.lock", lock, &mut || true)
                .diagnostics
                .len(),
            1
        );
    }

    #[test]
    fn crlf_and_bom_keep_positions() {
        let text = "\u{feff}[dependencies]\r\nrustls = { version = \"0.21\", features = [\"dangerous_configuration\"] }\r\n";
        let report = check_manifest("Cargo.toml", text, None);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.code).collect();
        assert_eq!(codes, vec!["TLS801"]);
        let range = report.diagnostics[0].primary.range.clone();
        assert_eq!(&text[range], "\"dangerous_configuration\"");
    }

    #[test]
    fn a_marker_inside_a_string_is_not_a_directive() {
        let text = "[package]\ndescription = \"use # tlslint: allow(bogus) in comments\"\n";
        let report = check_manifest("Cargo.toml", text, None);
        assert!(
            report.diagnostics.is_empty() && report.directives.is_empty(),
            "{:?}",
            report.diagnostics
        );
    }
}
