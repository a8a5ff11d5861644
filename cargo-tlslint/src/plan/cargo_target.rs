//! Which cargo target, of which package, a file belongs to, for cargo's JSON messages
//! (`package_id`, `manifest_path`, `target`). In workspace mode each file gets the target whose
//! module tree reached it first; a file outside every module tree (the package's `Cargo.toml`,
//! `Cargo.lock`) gets the package's library target, else its first target. Paths mode walks no
//! module tree: for JSON output each package's targets are read with the same `cargo metadata
//! --no-deps` call as workspace mode, and a file gets the target whose root it is, else the
//! target whose root's directory is the nearest one holding it (`src/bin/x/`, `tests/`, `src/`;
//! on a tie the library), else the library.

use std::path::Path;
use std::sync::Arc;

use cargo_metadata::{Metadata, Package, Target, TargetKind};

use crate::plan::{CargoTarget, Plan, cargo};

impl CargoTarget {
    /// `target` of `package`.
    pub fn new(package: &Package, target: &Target) -> Arc<CargoTarget> {
        Arc::new(CargoTarget {
            package_id: package.id.repr.clone(),
            manifest_path: package.manifest_path.clone().into_std_path_buf(),
            target: target.clone(),
        })
    }

    /// The target a file of `package` outside every module tree is reported under: the library
    /// (or proc-macro) target, else the first target.
    pub fn default_of(package: &Package) -> Option<Arc<CargoTarget>> {
        package
            .targets
            .iter()
            .find(|t| is_library(t))
            .or_else(|| package.targets.first())
            .map(|t| CargoTarget::new(package, t))
    }

    /// The target of `file` in `package` without its module tree: the target whose root is
    /// `file`, else the one whose root's directory is the nearest ancestor of `file` (the build
    /// script's directory, the package's, does not count; on a tie the library wins), else
    /// [`CargoTarget::default_of`]. Of equally near targets the first is taken.
    pub fn nearest(package: &Package, file: &Path) -> Option<Arc<CargoTarget>> {
        if let Some(t) = package.targets.iter().find(|t| t.src_path == file) {
            return Some(CargoTarget::new(package, t));
        }
        let holding = |t: &&Target| {
            !t.is_custom_build()
                && t.src_path
                    .parent()
                    .is_some_and(|dir| file.starts_with(dir.as_std_path()))
        };
        let depth = |t: &Target| t.src_path.parent().map_or(0, |d| d.components().count());
        package
            .targets
            .iter()
            .rev()
            .filter(holding)
            .max_by_key(|t| (depth(t), is_library(t)))
            .map(|t| CargoTarget::new(package, t))
            .or_else(|| CargoTarget::default_of(package))
    }
}

/// Whether `target` is the package's library (any crate type, proc-macro included).
fn is_library(target: &Target) -> bool {
    target.kind.iter().any(|k| {
        matches!(
            k,
            TargetKind::Lib
                | TargetKind::RLib
                | TargetKind::DyLib
                | TargetKind::CDyLib
                | TargetKind::StaticLib
                | TargetKind::ProcMacro
        )
    })
}

/// Gives every file of a paths-mode plan its package's nearest target, reading each workspace's
/// packages with `cargo metadata --no-deps` once. A package that cargo cannot describe (a broken
/// manifest, no package manifest at all) leaves its files without a target: their messages have
/// an empty `package_id`, as before.
pub fn attach(plan: &mut Plan) {
    let mut workspaces: Vec<Metadata> = Vec::new();
    for unit in &mut plan.units {
        let manifest = unit.dir.join("Cargo.toml");
        if unit.dir.as_os_str().is_empty() || !unit.tree.admits(&manifest) {
            continue;
        }
        let known = workspaces
            .iter()
            .any(|m| package_of(m, &manifest).is_some());
        if !known {
            match cargo::metadata(&manifest) {
                Ok(metadata) => workspaces.push(metadata),
                Err(_) => continue,
            }
        }
        let Some(package) = workspaces.iter().find_map(|m| package_of(m, &manifest)) else {
            continue;
        };
        for file in &mut unit.files {
            file.target = CargoTarget::nearest(package, &file.path);
        }
    }
}

/// The package of `metadata` whose manifest is `manifest`.
fn package_of<'m>(metadata: &'m Metadata, manifest: &Path) -> Option<&'m Package> {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let manifest = canonical(manifest);
    metadata
        .packages
        .iter()
        .find(|p| canonical(p.manifest_path.as_std_path()) == manifest)
}
