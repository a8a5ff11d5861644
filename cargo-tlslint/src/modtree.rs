//! Following a target's module tree from its root file as rustc does: `mod x;` → `x.rs` or
//! `x/mod.rs` (relative to the right directory for mod-rs and non-mod-rs files), `#[path]`
//! (also under `cfg_attr`, every candidate), inline modules, and `include!` of literals. Every
//! `mod` is followed whatever its `cfg`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tlslint_lints::modules::{ModuleRef, module_refs};

use crate::plan::Problem;

/// The files of the module tree rooted at `root`, in discovery order, skipping files already in
/// `seen` (canonical paths). Missing module files become problems on the declaring file.
pub fn walk(root: &Path, seen: &mut HashSet<PathBuf>, display: &dyn Fn(&Path) -> String, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut queue = vec![(root.to_path_buf(), true)];
    while let Some((file, is_mod_rs)) = queue.pop() {
        let canonical = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if !seen.insert(canonical) {
            continue;
        }
        files.push(file.clone());
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let module_dir = if is_mod_rs { dir.clone() } else { dir.join(file.file_stem().unwrap_or_default()) };
        let mut children = Vec::new();
        for r in module_refs(&text) {
            match r {
                ModuleRef::Mod { name, inline_parents, paths, parent_paths, at } => {
                    let mut inline_dir = module_dir.clone();
                    for (parent, parent_path) in inline_parents.iter().zip(&parent_paths) {
                        inline_dir.push(parent_path.as_deref().unwrap_or(parent));
                    }
                    let candidates: Vec<(PathBuf, bool)> = if paths.is_empty() {
                        vec![(inline_dir.join(format!("{name}.rs")), false), (inline_dir.join(&name).join("mod.rs"), true)]
                    } else {
                        let base = if inline_parents.is_empty() { &dir } else { &inline_dir };
                        paths.iter().map(|p| (base.join(p), true)).collect()
                    };
                    let existing: Vec<&(PathBuf, bool)> = candidates.iter().filter(|(p, _)| p.is_file()).collect();
                    if existing.is_empty() {
                        let tried: Vec<String> = candidates.iter().map(|(p, _)| format!("`{}`", display(p))).collect();
                        problems.push(Problem {
                            display: display(&file),
                            path: Some(file.clone()),
                            range: Some(at),
                            verb: "cannot lint",
                            reason: format!("module `{name}` points at a missing file: {}", tried.join(" or ")),
                            label: "declared here",
                            io: false,
                        });
                    } else if paths.is_empty() {
                        children.push(existing[0].clone());
                    } else {
                        children.extend(existing.into_iter().cloned());
                    }
                }
                ModuleRef::Include { path, at } => {
                    let target = dir.join(&path);
                    if target.is_file() {
                        children.push((target, true));
                    } else {
                        problems.push(Problem {
                            display: display(&file),
                            path: Some(file.clone()),
                            range: Some(at),
                            verb: "cannot lint",
                            reason: format!("`include!` points at a missing file: `{}`", display(&target)),
                            label: "included here",
                            io: false,
                        });
                    }
                }
            }
        }
        queue.extend(children.into_iter().rev());
    }
    files
}
