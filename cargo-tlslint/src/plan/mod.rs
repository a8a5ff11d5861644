//! What will be linted: units (packages, the scope of the crate-level join and of a policy),
//! their files, and the problems found while collecting them.

pub mod cargo;
pub mod cargo_target;
pub mod confine;
pub mod modtree;
pub mod paths;
pub mod setup_error;
pub mod source_read;
pub mod targets;
pub mod workspace;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cargo_metadata::Target;
use tlslint_lints::{ExternalVerifier, Policy};

use crate::plan::confine::Tree;
use crate::policy::config::{DependencyPolicy, Excludes};
use crate::store::SourceStore;

/// The files of one package and the policy they are linted under.
#[derive(Debug)]
pub struct Unit {
    /// The package name (or the directory name in paths mode).
    pub name: String,
    /// The package's manifest directory.
    pub dir: PathBuf,
    /// The policy.
    pub policy: Policy,
    /// Files not to lint.
    pub excludes: Excludes,
    /// The files.
    pub files: Vec<FileEntry>,
    /// Where its files may be read from.
    pub tree: Tree,
}

/// A cargo target and its package, as cargo's `compiler-message` names them.
#[derive(Debug)]
pub struct CargoTarget {
    /// cargo's package id (`path+file:///…/app#0.1.0`), `Package::id.repr`.
    pub package_id: String,
    /// The package's manifest (absolute).
    pub manifest_path: PathBuf,
    /// The target as `cargo metadata` describes it (its `src_path` absolute).
    pub target: Target,
}

/// One file to lint.
#[derive(Clone, Debug, Default)]
pub struct FileEntry {
    /// The path to read.
    pub path: PathBuf,
    /// The path shown to the user.
    pub display: String,
    /// Whether all of the file is test code: it belongs to a test or bench target, or its module
    /// is declared under `#[cfg(test)]`.
    pub is_test_target: bool,
    /// Whether the file's module declaration has not been seen (paths mode): it is looked up
    /// when the file passes the prefilter, to learn whether it is a `#[cfg(test)]` module.
    pub module_unknown: bool,
    /// Whether a directory walk that follows no links found it inside the unit's tree, so that it
    /// is opened without resolving its path first (see [`crate::plan::confine::open_walked`]).
    pub walked: bool,
    /// Whether the file was named on the command line (or staged) without `--force-exclude`:
    /// it is linted whole, test code included, whatever the policy's `exclude` says.
    pub force_included: bool,
    /// The file's bytes when they were not read from `path` (standard input, `-`): `path` then
    /// only names the file (for its package, policy and test classification) and is never read.
    pub contents: Option<Arc<[u8]>>,
    /// The cargo target (and package) the file belongs to, for cargo's JSON messages; `None`
    /// when no package is known.
    pub target: Option<Arc<CargoTarget>>,
}

/// A source that could not be collected or read: reported as TLS001.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The file the problem is shown in (the declaring file for a missing `mod` file).
    pub display: String,
    /// The path of that file, to show a snippet.
    pub path: Option<PathBuf>,
    /// Where in that file.
    pub range: Option<Range<usize>>,
    /// What could not be done ("cannot read", "cannot parse", "cannot lint").
    pub verb: &'static str,
    /// What went wrong.
    pub reason: String,
    /// The label under `range`.
    pub label: &'static str,
    /// Whether it is an I/O failure (exit status 2) rather than bad content.
    pub io: bool,
}

/// Everything to lint.
#[derive(Debug, Default)]
pub struct Plan {
    /// Paths are shown relative to this directory.
    pub root: PathBuf,
    /// The units.
    pub units: Vec<Unit>,
    /// Problems met while collecting files.
    pub problems: Vec<Problem>,
    /// The workspace's dependency policy (workspace mode only).
    pub dependencies: DependencyPolicy,
    /// Where the workspace's files may be read from.
    pub tree: Tree,
    /// The run's file texts (shared with the dependency audit's plan).
    pub sources: Arc<SourceStore>,
    /// The verifier types of the workspace's dependencies that do not verify (learned sinks).
    pub learned_verifiers: Vec<ExternalVerifier>,
}

impl Plan {
    /// The verifier types defined outside the linted files that are known not to verify: those
    /// the units' policies declare, then those learned from the dependencies.
    pub fn external_verifiers(&self) -> Vec<ExternalVerifier> {
        let mut out: Vec<ExternalVerifier> = Vec::new();
        let declared = self.units.iter().flat_map(|u| &u.policy.verifiers);
        for v in declared.chain(&self.learned_verifiers) {
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        out
    }
}

/// `path` relative to `root` with `/` separators, or as given when outside it. A name that is
/// not UTF-8 shows its other bytes as `\xNN`, and control characters (a newline, an escape, a
/// bidi override) as `\u{..}`, so that no file name can start a line of its own in a log or
/// colour a terminal, and two names never show alike.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let shown = shown_os_str(rel.as_os_str());
    if std::path::MAIN_SEPARATOR == '/' {
        shown
    } else {
        shown.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// A path or name from elsewhere (git's index, a message) as [`display_path`] shows names.
pub fn shown(s: &str) -> String {
    shown_os_str(std::ffi::OsStr::new(s))
}

/// `s` with bytes that are not UTF-8 written `\xNN`, control or bidi characters written
/// `\u{..}`, and (where it is not the separator) a backslash written `\\`, so that the shown
/// form tells every name apart.
fn shown_os_str(s: &std::ffi::OsStr) -> String {
    let bytes = s.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' && std::path::MAIN_SEPARATOR == '/' {
                out.push_str("\\\\");
            } else {
                push_shown_char(&mut out, c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Pushes `c`, escaped as `\u{..}` when it is a control character or a bidi control.
pub fn push_shown_char(out: &mut String, c: char) {
    if is_unsafe_char(c) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// Control characters (C0, DEL, C1) and the Unicode bidi controls that reorder how a line
/// reads (CVE-2021-42574).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
