//! Manifest files in the pipeline: which files get the manifest rules (`Cargo.toml`,
//! `Cargo.lock`), the workspace root manifest a member inherits `workspace = true` entries from,
//! and the cheap scan of the workspace's sources that the lockfile rule asks for.

use std::path::Path;

use tlslint_lints::{Engine, FileReport, Policy, WorkspaceManifest};

use crate::plan::FileEntry;
use crate::plan::confine::{Tree, open_walked, read_all};
use crate::render::FileFindings;
use crate::store::SourceStore;

/// The manifest file kinds the manifest rules read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A `Cargo.toml`.
    Manifest,
    /// A `Cargo.lock`.
    Lockfile,
}

impl Kind {
    /// The kind of `path`, by file name; `None` for anything else (Rust sources).
    pub fn of(path: &Path) -> Option<Kind> {
        match path.file_name()?.to_str()? {
            "Cargo.toml" => Some(Kind::Manifest),
            "Cargo.lock" => Some(Kind::Lockfile),
            _ => None,
        }
    }
}

/// Lints one manifest file whose text has been read; other files are read from `tree` only.
pub fn check(engine: &Engine, kind: Kind, file: &FileEntry, text: &str, tree: &Tree) -> FileReport {
    match kind {
        Kind::Manifest => {
            let root = workspace_root(&file.display, &file.path, text, tree);
            let workspace = root.as_ref().map(|(display, text)| WorkspaceManifest {
                path: display,
                text,
            });
            engine.check_manifest(&file.display, text, workspace)
        }
        Kind::Lockfile => {
            let dir = file.path.parent().unwrap_or(Path::new("."));
            engine.check_lockfile(&file.display, text, &mut || {
                sources_mention_tls_insecure(dir, tree)
            })
        }
    }
}

/// Lints an in-memory manifest as the CLI would, under `policy` (the ui tests use this).
/// `workspace` plays the workspace root manifest; `tls_insecure_in_sources` the source scan.
pub fn lint_text(
    store: &SourceStore,
    kind: Kind,
    display: &str,
    text: &str,
    workspace: Option<WorkspaceManifest<'_>>,
    tls_insecure_in_sources: bool,
    policy: &Policy,
) -> FileFindings {
    let engine = Engine::new();
    let mut report = match kind {
        Kind::Manifest => engine.check_manifest(display, text, workspace),
        Kind::Lockfile => engine.check_lockfile(display, text, &mut || tls_insecure_in_sources),
    };
    engine.finalize(&mut report, text, policy);
    store.add_text(display, text.to_string());
    FileFindings::new(
        display.to_string(),
        std::path::PathBuf::new(),
        store.shown(display),
        report.diagnostics,
    )
}

/// The workspace root manifest of a member manifest (its display path and text): the nearest
/// ancestor `Cargo.toml` with a `[workspace]` table. `None` when the manifest is the root itself.
fn workspace_root(
    display: &str,
    manifest: &Path,
    text: &str,
    tree: &Tree,
) -> Option<(String, String)> {
    // The root is read only for `workspace = true` entries: a manifest that does not spell the
    // word (plainly, or with an escape in a quoted key) has none.
    if !text.contains("workspace") && !text.contains('\\') {
        return None;
    }
    if has_workspace_table(text) {
        return None;
    }
    let dir = manifest.parent()?;
    let (root_dir, root_text) = dir
        .ancestors()
        .skip(1)
        .take_while(|d| tree.holds_lexically(d))
        .find_map(|d| {
            let text = tree.read_to_string(&d.join("Cargo.toml")).ok()?;
            has_workspace_table(&text).then_some((d, text))
        })?;
    Some((root_display(display, manifest, root_dir), root_text))
}

fn has_workspace_table(text: &str) -> bool {
    toml::de::DeTable::parse(text).is_ok_and(|t| t.get_ref().contains_key("workspace"))
}

/// The display path of `root_dir/Cargo.toml`, written relative to the same base as the member's
/// display path so labels that point into it find its text (`crates/a/Cargo.toml` → `Cargo.toml`).
fn root_display(member_display: &str, member: &Path, root_dir: &Path) -> String {
    let up = member
        .parent()
        .and_then(|d| d.strip_prefix(root_dir).ok())
        .map(|rel| rel.components().count());
    let parts: Vec<&str> = member_display.split('/').collect();
    match up {
        Some(up) if parts.len() > up => {
            let mut kept = parts[..parts.len() - 1 - up].to_vec();
            kept.push("Cargo.toml");
            kept.join("/")
        }
        _ => root_dir.join("Cargo.toml").display().to_string(),
    }
}

/// Whether a `.rs` file under `dir` (walked honouring `.gitignore`, symlinks not followed, build
/// output in `target/` skipped, only inside `tree`) contains `tlsInsecure`, ASCII
/// case-insensitively.
fn sources_mention_tls_insecure(dir: &Path, tree: &Tree) -> bool {
    if !std::fs::canonicalize(dir).is_ok_and(|d| tree.contains(&d)) {
        return false;
    }
    const NEEDLE: &[u8] = b"tlsinsecure";
    ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .filter_entry(|e| !(e.depth() == 1 && e.file_name() == "target"))
        .build()
        .flatten()
        .any(|entry| {
            entry.path().extension().is_some_and(|x| x == "rs")
                && open_walked(entry.path())
                    .and_then(read_all)
                    .is_ok_and(|bytes| {
                        bytes
                            .windows(NEEDLE.len())
                            .any(|w| w.eq_ignore_ascii_case(NEEDLE))
                    })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_display_follows_the_member_display() {
        let member = Path::new("/ws/crates/a/Cargo.toml");
        assert_eq!(
            root_display("crates/a/Cargo.toml", member, Path::new("/ws")),
            "Cargo.toml"
        );
        assert_eq!(
            root_display("ws/crates/a/Cargo.toml", member, Path::new("/ws")),
            "ws/Cargo.toml"
        );
        assert_eq!(
            root_display("a/Cargo.toml", member, Path::new("/ws/crates")),
            "Cargo.toml"
        );
        assert_eq!(
            root_display("Cargo.toml", member, Path::new("/ws")),
            "/ws/Cargo.toml"
        );
    }
}
