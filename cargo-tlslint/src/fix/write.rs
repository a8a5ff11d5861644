//! Writing a fixed file, and refusing to when that would be unsafe: the file must be a regular
//! file (never a symbolic link, which is not followed), inside the linted tree once every
//! directory on its path is resolved, unchanged since it was linted (its text, as shown, equals
//! the text the findings were made on), still parse after the fix, and be unchanged again right
//! before it is replaced (content hash). The new text goes to a temporary file in the same
//! directory, which then replaces the file in one rename.

use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};
use tlslint_lints::{Edit, apply_edits};

use crate::plan::confine::Tree;

/// Why a file was not fixed.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

/// The current text of `path` after the safety checks, and the new text with `edits` applied.
/// `seen` is the text the findings were made on, as shown (private keys masked); `tree` holds
/// the directories whose files may be written (the workspace root, the linted packages).
pub fn prepare(
    tree: &Tree,
    path: &Path,
    seen: &str,
    edits: &[Edit],
) -> Result<(String, String), Refusal> {
    let meta =
        std::fs::symlink_metadata(path).map_err(|e| Refusal(format!("cannot read it: {e}")))?;
    if meta.file_type().is_symlink() {
        return Err(Refusal("it is a symbolic link".into()));
    }
    if !meta.is_file() {
        return Err(Refusal("it is not a regular file".into()));
    }
    let text = tree.read_to_string(path).map_err(|e| match e {
        crate::plan::confine::Refusal::Outside => Refusal("it lies outside the linted tree".into()),
        e => Refusal(format!("cannot read it: {e}")),
    })?;
    if shown(path, &text) != seen {
        return Err(Refusal("it changed since it was linted".into()));
    }
    let fixed =
        apply_edits(&text, edits).ok_or_else(|| Refusal("its fixes do not fit its text".into()))?;
    if parses(path, &text) && !parses(path, &fixed) {
        return Err(Refusal("the fixed text would not parse".into()));
    }
    Ok((text, fixed))
}

/// Replaces `path`, whose text was `original`, with `fixed`: refused when the file changed since
/// `original` was read.
pub fn replace(path: &Path, original: &str, fixed: &str) -> Result<(), Refusal> {
    let dir = path
        .parent()
        .ok_or_else(|| Refusal("it has no directory".into()))?;
    let permissions = std::fs::symlink_metadata(path)
        .map_err(|e| Refusal(format!("cannot read it: {e}")))?
        .permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".tlslint-fix")
        .tempfile_in(dir)
        .map_err(|e| Refusal(format!("cannot create a temporary file next to it: {e}")))?;
    temp.write_all(fixed.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Refusal(format!("cannot write the fixed text: {e}")))?;
    std::fs::set_permissions(temp.path(), permissions)
        .map_err(|e| Refusal(format!("cannot keep its permissions: {e}")))?;
    let now = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .and_then(|_| std::fs::read(path).ok());
    if now.map(|bytes| Sha256::digest(&bytes)) != Some(Sha256::digest(original.as_bytes())) {
        return Err(Refusal("it changed while it was being fixed".into()));
    }
    temp.persist(path)
        .map(drop)
        .map_err(|e| Refusal(format!("cannot replace it: {}", e.error)))
}

/// The text of `path` as outputs show it (private keys masked), which is what findings carry.
fn shown(path: &Path, text: &str) -> String {
    crate::store::shown_once(&path.to_string_lossy(), text.to_string())
        .as_str()
        .to_string()
}

/// Whether `text` parses as what `path` is: Rust source, or TOML for manifests and lockfiles.
fn parses(path: &Path, text: &str) -> bool {
    if path.extension().is_some_and(|e| e == "rs") {
        syn::parse_file(text).is_ok()
    } else {
        text.parse::<toml::Table>().is_ok()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn tree_with(file: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(file);
        std::fs::write(&path, text).expect("write");
        (dir, path)
    }

    const TEXT: &str = "fn f() { b.danger_accept_invalid_certs(true); }\n";

    fn flip() -> Vec<Edit> {
        vec![Edit::replace(39..43, "false")]
    }

    #[test]
    fn fixes_a_file_of_the_tree_in_place() {
        let (dir, path) = tree_with("lib.rs", TEXT);
        let tree = Tree::new([dir.path().to_path_buf()]);
        let (original, fixed) = prepare(&tree, &path, TEXT, &flip()).expect("prepared");
        replace(&path, &original, &fixed).expect("replaced");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "fn f() { b.danger_accept_invalid_certs(false); }\n"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn refuses_changed_outside_and_linked_files_and_broken_results() {
        let (dir, path) = tree_with("lib.rs", TEXT);
        let tree = Tree::new([dir.path().to_path_buf()]);
        let refused = |p: &Path, seen: &str, edits: &[Edit]| prepare(&tree, p, seen, edits).err();
        assert_eq!(
            refused(&path, "fn g() {}\n", &flip()),
            Some(Refusal("it changed since it was linted".into()))
        );
        assert_eq!(
            refused(&path, TEXT, &[Edit::replace(8..9, "{{")]),
            Some(Refusal("the fixed text would not parse".into()))
        );
        let (outside, other) = tree_with("other.rs", TEXT);
        assert_eq!(
            refused(&other, TEXT, &flip()),
            Some(Refusal("it lies outside the linted tree".into()))
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("link.rs");
            std::os::unix::fs::symlink(&other, &link).expect("symlink");
            assert_eq!(
                refused(&link, TEXT, &flip()),
                Some(Refusal("it is a symbolic link".into()))
            );
            let linked_dir = dir.path().join("linked");
            std::os::unix::fs::symlink(outside.path(), &linked_dir).expect("symlink");
            assert_eq!(
                refused(&linked_dir.join("other.rs"), TEXT, &flip()),
                Some(Refusal("it lies outside the linted tree".into()))
            );
        }
        assert_eq!(std::fs::read_to_string(&other).expect("read"), TEXT);
    }

    #[test]
    fn refuses_a_file_changed_between_reading_and_replacing() {
        let (_dir, path) = tree_with("lib.rs", TEXT);
        std::fs::write(&path, "fn changed() {}\n").expect("write");
        assert_eq!(
            replace(&path, TEXT, "fn fixed() {}\n"),
            Err(Refusal("it changed while it was being fixed".into()))
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "fn changed() {}\n"
        );
    }
}
