//! What will be linted: units (packages, the scope of the crate-level join and of a policy),
//! their files, and the problems found while collecting them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use tlslint_lints::Policy;

use crate::config::{DependencyPolicy, Excludes};

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
}

/// One file to lint.
#[derive(Clone, Debug)]
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
}

/// `path` relative to `root` with `/` separators, or as given when outside it.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}
