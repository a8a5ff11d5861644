//! The git side of `--diff <rev>` (lines added since a revision) and `--staged` (the index's
//! contents of the changed files). git runs with external diff drivers and textconv filters
//! off, so nothing configured in the scanned repository is executed through it.

use std::collections::HashMap;
use std::io::Write;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Added line ranges per path (relative to the directory git ran in).
pub type ChangedLines = HashMap<String, Vec<RangeInclusive<usize>>>;

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// Lines added or changed since `rev` in the working tree, by path relative to `dir`.
pub fn changed_lines(dir: &Path, rev: &str) -> Result<ChangedLines, String> {
    let out = git(
        dir,
        &[
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--relative",
            rev,
            "--",
        ],
    )?;
    Ok(parse_diff(&String::from_utf8_lossy(&out)))
}

/// Parses `git diff --unified=0` output into the added line ranges of each new-side path.
pub fn parse_diff(diff: &str) -> ChangedLines {
    let mut map = ChangedLines::new();
    let mut current: Option<String> = None;
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            current = path.strip_prefix("b/").map(str::to_string);
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            let Some(path) = &current else { continue };
            let Some(new) = hunk.split_whitespace().find_map(|w| w.strip_prefix('+')) else {
                continue;
            };
            let (start, count) = match new.split_once(',') {
                Some((s, c)) => (
                    s.parse::<usize>().unwrap_or(0),
                    c.parse::<usize>().unwrap_or(0),
                ),
                None => (new.parse::<usize>().unwrap_or(0), 1),
            };
            if count > 0 {
                map.entry(path.clone())
                    .or_default()
                    .push(start..=start + count - 1);
            }
        }
    }
    map
}

/// The top directory of the repository containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, String> {
    let out = git(dir, &["rev-parse", "--show-toplevel"])?;
    Ok(PathBuf::from(
        String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r']),
    ))
}

fn nul_separated(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}

/// Whether tlslint lints a file of this name: Rust sources, manifests and lockfiles.
fn is_linted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".rs") || name == "Cargo.toml" || name == "Cargo.lock"
}

/// Staged (added, copied, modified, renamed) `.rs` files, `Cargo.toml`s and `Cargo.lock`s,
/// relative to the repository top.
pub fn staged_files(top: &Path) -> Result<Vec<String>, String> {
    let out = git(
        top,
        &[
            "diff",
            "--cached",
            "--name-only",
            "--diff-filter=ACMR",
            "--no-ext-diff",
            "-z",
        ],
    )?;
    Ok(nul_separated(&out)
        .into_iter()
        .filter(|p| is_linted(p))
        .collect())
}

/// Writes the index's version of every `.rs` file, `Cargo.toml`, `Cargo.lock` and `tlslint.toml`
/// under `dest` (which mirrors the repository), so that the staged files are linted with the
/// staged policy and crate constants.
pub fn checkout_index(top: &Path, dest: &Path) -> Result<(), String> {
    let listed = nul_separated(&git(top, &["ls-files", "-z", "--cached"])?);
    let wanted: Vec<&String> = listed
        .iter()
        .filter(|p| is_linted(p) || p.rsplit('/').next() == Some("tlslint.toml"))
        .collect();
    let mut prefix = dest.to_string_lossy().into_owned();
    if !prefix.ends_with('/') {
        prefix.push('/');
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args([
            "checkout-index",
            "-q",
            "-f",
            "-z",
            "--stdin",
            &format!("--prefix={prefix}"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        for p in wanted {
            stdin
                .write_all(p.as_bytes())
                .and_then(|_| stdin.write_all(&[0]))
                .map_err(|e| format!("cannot talk to git: {e}"))?;
        }
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`git checkout-index` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_added_ranges() {
        let diff = "diff --git a/src/a.rs b/src/a.rs\n--- a/src/a.rs\n+++ b/src/a.rs\n@@ -3,0 +4,2 @@ fn f\n+x\n+y\n@@ -10 +12 @@\n-a\n+b\n@@ -20,3 +23,0 @@\n-c\ndiff --git a/old.rs b/old.rs\n--- a/old.rs\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
        let m = parse_diff(diff);
        assert_eq!(m.get("src/a.rs"), Some(&vec![4..=5, 12..=12]));
        assert_eq!(m.len(), 1);
    }
}
