//! A unit's Rust files as the engine's package phase asks for them.

use std::path::Path;

use rayon::prelude::*;
use tlslint_lints::{PackageFile, PackageFiles};

use crate::plan::{Unit, display_path};
use crate::store::SourceStore;

/// A unit's Rust files for the engine's package phase: the texts the store holds, the others read
/// through the unit's tree, in parallel.
pub(super) struct UnitFiles<'u> {
    pub(super) unit: &'u Unit,
    pub(super) root: &'u Path,
    pub(super) store: &'u SourceStore,
}

impl PackageFiles for UnitFiles<'_> {
    fn read(&mut self) -> Vec<PackageFile> {
        let (unit, store) = (self.unit, self.store);
        candidate_files(unit, self.root)
            .par_iter()
            .filter(|c| c.path.extension().is_some_and(|x| x == "rs") || c.contents.is_some())
            .filter_map(|c| {
                let text = match (&c.contents, store.held(&c.display)) {
                    (Some(bytes), _) => std::str::from_utf8(bytes).ok()?.to_string(),
                    (None, Some(held)) => held.to_string(),
                    (None, None) => unit.tree.read_to_string(&c.path).ok()?,
                };
                Some(PackageFile {
                    path: c.display.clone(),
                    text,
                    is_test_target: c.is_test_target,
                })
            })
            .collect()
    }
}

/// A file a constant or a call may live in: its display path, its path, whether it is in a test
/// target, and its bytes when they are not read from the path (standard input).
struct Candidate {
    display: String,
    path: std::path::PathBuf,
    is_test_target: bool,
    contents: Option<std::sync::Arc<[u8]>>,
}

/// The files a constant or a call may live in: the unit's own files, and in paths mode every
/// `.rs` file under the package directory.
fn candidate_files(unit: &Unit, root: &Path) -> Vec<Candidate> {
    let mut files: Vec<Candidate> = unit
        .files
        .iter()
        .map(|f| Candidate {
            display: f.display.clone(),
            path: f.path.clone(),
            is_test_target: f.is_test_target,
            contents: f.contents.clone(),
        })
        .collect();
    if !unit.dir.as_os_str().is_empty() && unit.dir.join("Cargo.toml").is_file() {
        let src = unit.dir.join("src");
        for entry in ignore::WalkBuilder::new(&src)
            .follow_links(false)
            .build()
            .flatten()
        {
            let p = entry.path();
            if p.extension().is_some_and(|x| x == "rs") && !files.iter().any(|f| f.path == p) {
                files.push(Candidate {
                    display: display_path(root, p),
                    path: p.to_path_buf(),
                    is_test_target: false,
                    contents: None,
                });
            }
        }
    }
    files
}
