//! Following a target's module tree from its root file as rustc does: `mod x;` → `x.rs` or
//! `x/mod.rs` (relative to the right directory for mod-rs and non-mod-rs files), `#[path]`
//! (also under `cfg_attr`, every candidate), inline modules, and `include!` of literals. Every
//! `mod` is followed whatever its `cfg`, except that a module declared in test-only code
//! (`#[cfg(test)] mod tests;`, or inside a `#[cfg(test)]` module) is followed only when the
//! policy includes tests: published crates routinely leave their test files out, so a missing
//! one is no problem then. Every file is read through the unit's [`Tree`]: a module file that
//! leads outside it, or is not a regular file, is reported on the declaring file and never read.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tlslint_lints::{ModuleRef, module_refs};

use crate::plan::Problem;
use crate::plan::confine::{Refusal, Tree};
use crate::store::SourceStore;
use tlslint_lints::Policy;

/// The files of the module tree rooted at `root`, in discovery order, each with whether it is
/// test code (declared under `#[cfg(test)]`, or below such a module), skipping files already in
/// `seen` (canonical paths). Missing or refused module files become problems on the declaring
/// file; a refused root is a problem of its own. `policy` is the package's (the store keeps
/// the texts that pass the prefilter under it; test-only modules are followed only when it
/// includes tests).
pub fn walk(
    root: &Path,
    tree: &Tree,
    store: &SourceStore,
    policy: &Policy,
    seen: &mut HashSet<PathBuf>,
    display: &dyn Fn(&Path) -> String,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, bool)> {
    walk_with_cfgs(root, tree, store, policy, seen, display, problems)
        .into_iter()
        .map(|(path, in_test, _)| (path, in_test))
        .collect()
}

/// Like [`walk`], with each file's `#[cfg]` predicates too: those on the `mod` declarations (and
/// their inline parents) on the way from the root to the file, outermost first.
pub fn walk_with_cfgs(
    root: &Path,
    tree: &Tree,
    store: &SourceStore,
    policy: &Policy,
    seen: &mut HashSet<PathBuf>,
    display: &dyn Fn(&Path) -> String,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, bool, Vec<String>)> {
    let mut files = Vec::new();
    match tree.check(root) {
        Ok(_) => {}
        Err(refusal) => {
            problems.push(Problem {
                display: display(root),
                path: None,
                range: None,
                verb: "cannot read",
                reason: refusal.to_string(),
                label: "",
                io: refusal.is_io(),
            });
            return files;
        }
    }
    let mut queue = vec![(root.to_path_buf(), true, false, Vec::new())];
    while let Some((file, is_mod_rs, in_test, file_cfgs)) = queue.pop() {
        let Ok(canonical) = tree.check(&file) else {
            continue;
        };
        if !seen.insert(canonical) {
            continue;
        }
        files.push((file.clone(), in_test, file_cfgs.clone()));
        let Ok(text) = store.read_for_walk(&display(&file), &file, tree, policy) else {
            continue;
        };
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let module_dir = if is_mod_rs {
            dir.clone()
        } else {
            dir.join(file.file_stem().unwrap_or_default())
        };
        let mut children = Vec::new();
        for r in module_refs(&text) {
            match r {
                ModuleRef::Mod {
                    name,
                    inline_parents,
                    paths,
                    parent_paths,
                    at,
                    is_test,
                    cfgs,
                } => {
                    if (in_test || is_test) && !policy.include_tests {
                        continue;
                    }
                    let child_cfgs: Vec<String> = file_cfgs.iter().cloned().chain(cfgs).collect();
                    let candidates = mod_candidates(
                        &dir,
                        &module_dir,
                        &name,
                        &inline_parents,
                        &parent_paths,
                        &paths,
                    );
                    let mut existing: Vec<&(PathBuf, bool)> = Vec::new();
                    let mut refused = None;
                    for candidate in &candidates {
                        match tree.check(&candidate.0) {
                            Ok(_) => existing.push(candidate),
                            Err(Refusal::Missing) => {}
                            Err(refusal) => {
                                refused.get_or_insert((&candidate.0, refusal));
                            }
                        }
                    }
                    if existing.is_empty() {
                        let reason = match refused {
                            Some((path, refusal)) => {
                                format!("module `{name}` points at `{}`: {refusal}", display(path))
                            }
                            None => {
                                let tried: Vec<String> = candidates
                                    .iter()
                                    .map(|(p, _)| format!("`{}`", display(p)))
                                    .collect();
                                format!(
                                    "module `{name}` points at a missing file: {}",
                                    tried.join(" or ")
                                )
                            }
                        };
                        problems.push(unreadable_from(&file, at, reason, "declared here", display));
                    } else if paths.is_empty() {
                        let (path, mod_rs) = existing[0].clone();
                        children.push((path, mod_rs, in_test || is_test, child_cfgs));
                    } else {
                        children.extend(
                            existing.into_iter().map(|(p, m)| {
                                (p.clone(), *m, in_test || is_test, child_cfgs.clone())
                            }),
                        );
                    }
                }
                ModuleRef::Include { path, at } => {
                    let target = dir.join(&path);
                    let reason = match tree.check(&target) {
                        Ok(_) => {
                            children.push((target, true, in_test, file_cfgs.clone()));
                            continue;
                        }
                        Err(Refusal::Missing) => format!(
                            "`include!` points at a missing file: `{}`",
                            display(&target)
                        ),
                        Err(refusal) => {
                            format!("`include!` points at `{}`: {refusal}", display(&target))
                        }
                    };
                    problems.push(unreadable_from(&file, at, reason, "included here", display));
                }
            }
        }
        queue.extend(children.into_iter().rev());
    }
    files
}

/// The files a `mod name;` may live in, as rustc looks for them: `name.rs` or `name/mod.rs` in the
/// module's directory (below its inline parents, each by its own `#[path]` when it has one), or
/// each of its `#[path]`s, relative to the declaring file's directory (or to the inline parents'
/// directory). Each with whether it is a mod-rs file.
fn mod_candidates(
    dir: &Path,
    module_dir: &Path,
    name: &str,
    inline_parents: &[String],
    parent_paths: &[Option<String>],
    paths: &[String],
) -> Vec<(PathBuf, bool)> {
    let mut inline_dir = module_dir.to_path_buf();
    for (parent, parent_path) in inline_parents.iter().zip(parent_paths) {
        inline_dir.push(parent_path.as_deref().unwrap_or(parent));
    }
    if paths.is_empty() {
        return vec![
            (inline_dir.join(format!("{name}.rs")), false),
            (inline_dir.join(name).join("mod.rs"), true),
        ];
    }
    let base = if inline_parents.is_empty() {
        dir
    } else {
        &inline_dir
    };
    paths.iter().map(|p| (base.join(p), true)).collect()
}

/// The problem of a module or included file that `file` names at `at` and that cannot be read.
fn unreadable_from(
    file: &Path,
    at: std::ops::Range<usize>,
    reason: String,
    label: &'static str,
    display: &dyn Fn(&Path) -> String,
) -> Problem {
    Problem {
        display: display(file),
        path: Some(file.to_path_buf()),
        range: Some(at),
        verb: "cannot lint",
        reason,
        label,
        io: false,
    }
}

/// Whether the module file `file` is declared under `#[cfg(test)]` by its parent module (or an
/// ancestor module is), found by looking at the files that can declare it: `mod.rs`, `lib.rs` or
/// `main.rs` of a directory above it, or the `<dir>.rs` beside that directory, with the
/// directories in between as inline modules (`mod helpers { mod deep; }` declares
/// `helpers/deep.rs`). Used in paths mode, where no module tree is walked. `#[path]`
/// declarations are not searched for.
pub fn declared_as_test(file: &Path, cache: &DeclarationCache) -> bool {
    declared_as_test_depth(file, 0, cache)
}

/// The module declarations of the files read by [`declared_as_test`], shared by the worker
/// threads so that sibling files do not re-read and re-tokenize their parent module.
pub struct DeclarationCache {
    tree: Tree,
    refs: Mutex<HashMap<PathBuf, Arc<Vec<ModuleRef>>>>,
}

impl DeclarationCache {
    /// A cache that reads declaring files from `tree` only.
    pub fn new(tree: Tree) -> DeclarationCache {
        DeclarationCache {
            tree,
            refs: Mutex::default(),
        }
    }

    fn module_refs(&self, file: &Path) -> Option<Arc<Vec<ModuleRef>>> {
        if let Some(refs) = self
            .refs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(file)
        {
            return Some(refs.clone());
        }
        let text = self.tree.read_to_string(file).ok()?;
        let refs = Arc::new(module_refs(&text));
        self.refs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(file.to_path_buf(), refs.clone());
        Some(refs)
    }
}

fn declared_as_test_depth(file: &Path, depth: usize, cache: &DeclarationCache) -> bool {
    const MAX_DEPTH: usize = 8;
    const MAX_INLINE: usize = 3;
    let (Some(parent), Some(stem)) = (file.parent(), file.file_stem().and_then(|s| s.to_str()))
    else {
        return false;
    };
    let (name, module_dir) = if stem == "mod" {
        let Some(name) = parent.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        let Some(dir) = parent.parent() else {
            return false;
        };
        (name, dir)
    } else {
        (stem, parent)
    };
    if depth > MAX_DEPTH || matches!(name, "lib" | "main") {
        return false;
    }
    for (up, dir) in module_dir.ancestors().take(MAX_INLINE + 1).enumerate() {
        let inline: Vec<String> = module_dir
            .strip_prefix(dir)
            .map(|rel| {
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        if inline.len() != up {
            break;
        }
        let mut candidates: Vec<PathBuf> = ["mod.rs", "lib.rs", "main.rs"]
            .iter()
            .map(|f| dir.join(f))
            .collect();
        if let (Some(above), Some(dir_name)) = (dir.parent(), dir.file_name()) {
            candidates.push(above.join(format!("{}.rs", dir_name.to_string_lossy())));
        }
        for declaring in candidates.into_iter().filter(|c| c != file && c.is_file()) {
            let Some(refs) = cache.module_refs(&declaring) else {
                continue;
            };
            let declared = refs.iter().find_map(|r| match r {
                ModuleRef::Mod {
                    name: n,
                    inline_parents,
                    paths,
                    is_test,
                    ..
                } if n == name && *inline_parents == inline && paths.is_empty() => Some(*is_test),
                _ => None,
            });
            match declared {
                Some(true) => return true,
                Some(false) => return declared_as_test_depth(&declaring, depth + 1, cache),
                None => {}
            }
        }
    }
    false
}
