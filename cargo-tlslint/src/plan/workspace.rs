//! Workspace mode: `cargo metadata --no-deps` (never resolving or building anything, run from a
//! directory outside the scanned tree so its `.cargo/config.toml` and `rust-toolchain.toml` are
//! not read), package selection (`-p`, `--workspace`, `--exclude`), target selection, and the
//! module tree of each target.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use cargo_metadata::{Metadata, Package};

use crate::cli::Args;
use crate::plan::CargoTarget;
use crate::plan::confine::Tree;
use crate::plan::{FileEntry, Plan, Unit, display_path};
use crate::plan::{cargo, modtree, targets};
use crate::policy::config::{self, ConfigError};

/// An error that ends the run with exit status 2.
#[derive(Debug)]
pub enum SetupError {
    /// A policy or manifest problem with a place to show.
    Config(ConfigError),
    /// Anything else (cargo metadata failed, no manifest found).
    Other(anyhow::Error),
}

impl From<anyhow::Error> for SetupError {
    fn from(e: anyhow::Error) -> SetupError {
        SetupError::Other(e)
    }
}

impl From<ConfigError> for SetupError {
    fn from(e: ConfigError) -> SetupError {
        SetupError::Config(e)
    }
}

/// Collects the selected packages of the workspace and their files.
pub fn plan(args: &Args) -> Result<Plan, SetupError> {
    let manifest = manifest_path(args)?;
    let metadata = cargo::metadata(&manifest)?;
    let root = metadata.workspace_root.clone().into_std_path_buf();
    let mut tree = Tree::around(manifest.parent().unwrap_or(&root));
    tree.add_root(&root);
    let pinned = match args.policy_file().map_err(|e| anyhow::anyhow!(e))? {
        Some(file) => Some(config::pinned_layer(&file, &tree, &root)?),
        None => None,
    };
    let ws_layers = match &pinned {
        Some(layer) => vec![layer.clone()],
        None => config::workspace_layers(&root, &tree)?,
    };
    let mut plan = Plan {
        root: root.clone(),
        dependencies: config::dependency_policy(&ws_layers),
        tree,
        sources: std::sync::Arc::new(crate::store::SourceStore::prefiltered()),
        ..Plan::default()
    };
    let mut seen = HashSet::new();
    let display = |p: &Path| display_path(&root, p);
    let packages = select_packages(args, &metadata)?;
    if let Some(missing) = args
        .targets
        .missing_name(packages.iter().flat_map(|p| p.targets.iter()))
    {
        return Err(anyhow::anyhow!(missing).into());
    }
    for package in packages {
        let manifest = package.manifest_path.clone().into_std_path_buf();
        let pkg_layer = match pinned {
            Some(_) => None,
            None => config::package_layer(&manifest, &plan.tree)?,
        };
        let dir = manifest.parent().unwrap_or(&root).to_path_buf();
        let member_layers = match pinned {
            Some(_) => ws_layers.clone(),
            None => config::member_layers(&ws_layers, &dir, Some(&root), &plan.tree)?,
        };
        let mut layers: Vec<&config::Layer> = member_layers.iter().collect();
        layers.extend(pkg_layer.as_ref());
        let (mut policy, excludes) =
            config::merge(&layers, args.include_tests()).map_err(|e| anyhow::anyhow!(e))?;
        config::apply_level_flags(
            &mut policy,
            &args.rule_levels().map_err(|e| anyhow::anyhow!(e))?,
        );
        let mut files = Vec::new();
        for target in package
            .targets
            .iter()
            .filter(|t| args.targets.selects(t, policy.include_tests))
        {
            let is_test_target = targets::Kind::of(target).is_test();
            let cargo_target = CargoTarget::new(package, target);
            let src = target.src_path.clone().into_std_path_buf();
            for (path, in_test) in modtree::walk(
                &src,
                &plan.tree,
                &plan.sources,
                &policy,
                &mut seen,
                &display,
                &mut plan.problems,
            ) {
                files.push(FileEntry {
                    display: display(&path),
                    path,
                    is_test_target: is_test_target || in_test,
                    target: Some(cargo_target.clone()),
                    ..FileEntry::default()
                });
            }
        }
        files.push(FileEntry {
            display: display(&manifest),
            path: manifest.clone(),
            target: CargoTarget::default_of(package),
            ..FileEntry::default()
        });
        plan.units.push(Unit {
            name: package.name.to_string(),
            dir,
            policy,
            excludes,
            files,
            tree: plan.tree.clone(),
        });
    }
    add_workspace_files(&mut plan);
    Ok(plan)
}

/// Adds the workspace-level files to the root package's unit, or to the first selected unit
/// (whose policy includes the workspace policy) when the root package is not selected or the
/// workspace is virtual: `Cargo.lock`, and a virtual root manifest (`[workspace.dependencies]`).
/// A root package that is not selected keeps its manifest unlinted.
fn add_workspace_files(plan: &mut Plan) {
    let root = plan.root.clone();
    let root_manifest = root.join("Cargo.toml");
    let root_is_package = plan
        .tree
        .read_to_string(&root_manifest)
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .is_some_and(|t| t.contains_key("package"));
    let index = plan.units.iter().position(|u| u.dir == root).unwrap_or(0);
    let Some(unit) = plan.units.get_mut(index) else {
        return;
    };
    let target = unit.files.iter().rev().find_map(|f| f.target.clone());
    let mut extra = vec![root.join("Cargo.lock")];
    if !root_is_package {
        extra.push(root_manifest);
    }
    for path in extra {
        if path.is_file() && !unit.files.iter().any(|f| f.path == path) {
            unit.files.push(FileEntry {
                display: display_path(&root, &path),
                path,
                target: target.clone(),
                ..FileEntry::default()
            });
        }
    }
}

/// `--manifest-path`, or the nearest `Cargo.toml` above the current directory.
fn manifest_path(args: &Args) -> anyhow::Result<PathBuf> {
    find_manifest(args.manifest.manifest_path.as_deref())
}

/// The manifest `given` (checked to exist), or the nearest `Cargo.toml` above the current
/// directory.
pub fn find_manifest(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(path) = given {
        let path = std::path::absolute(path)
            .with_context(|| format!("invalid manifest path `{}`", path.display()))?;
        if !path.is_file() {
            bail!("manifest path `{}` does not exist", path.display());
        }
        return Ok(path);
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    cwd.ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|m| m.is_file())
        .with_context(|| {
            format!(
                "could not find `Cargo.toml` in `{}` or any parent directory",
                cwd.display()
            )
        })
}

/// `-p` (by name, `name@version` or package id), `--workspace`, `--exclude`; by default the
/// workspace's default members.
fn select_packages<'m>(args: &Args, metadata: &'m Metadata) -> anyhow::Result<Vec<&'m Package>> {
    let ws = &args.workspace;
    let members: Vec<&Package> = metadata.workspace_packages();
    let matches = |p: &Package, spec: &str| {
        p.name.as_str() == spec || format!("{}@{}", p.name, p.version) == spec || p.id.repr == spec
    };
    for spec in &ws.package {
        if !members.iter().any(|p| matches(p, spec)) {
            bail!("package `{spec}` is not a member of the workspace");
        }
    }
    let selected = members
        .into_iter()
        .filter(|p| {
            if !ws.package.is_empty() {
                ws.package.iter().any(|s| matches(p, s))
            } else if ws.workspace || ws.all || !ws.exclude.is_empty() {
                true
            } else {
                metadata.workspace_default_members.contains(&p.id)
            }
        })
        .filter(|p| !ws.exclude.iter().any(|s| matches(p, s)))
        .collect();
    Ok(selected)
}
