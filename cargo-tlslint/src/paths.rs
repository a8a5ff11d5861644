//! Paths mode (what pre-commit passes): the named files, and directories walked for `.rs` files
//! honouring `.gitignore` (symlinks are not followed). Each file belongs to the package whose
//! manifest directory is its nearest ancestor, whose policy applies; files under `tests/` or
//! `benches/` of a package are test targets.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::cli::Args;
use crate::config;
use crate::plan::{FileEntry, Plan, Problem, Unit, display_path};
use crate::workspace::SetupError;

/// Collects the files named on the command line into units by package.
pub fn plan(args: &Args) -> Result<Plan, SetupError> {
    let cwd = std::env::current_dir().map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    plan_in(args, &cwd, &args.paths)
}

/// Collects `paths` (relative to `cwd`, which display paths are relative to) into units by
/// package. Named files other than `.rs` files (pre-commit also passes `Cargo.toml` and
/// `Cargo.lock`) are not Rust sources and are left out.
pub fn plan_in(args: &Args, cwd: &Path, paths: &[PathBuf]) -> Result<Plan, SetupError> {
    let cwd = cwd.to_path_buf();
    let mut plan = Plan { root: cwd.clone(), ..Plan::default() };
    let mut seen = HashSet::new();
    let mut by_package: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for arg in paths {
        let abs = cwd.join(arg);
        if !abs.is_dir() && abs.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let files = if abs.is_dir() { walk_dir(&abs, &cwd, &mut plan.problems) } else { vec![abs.clone()] };
        for file in files {
            if !file.exists() {
                plan.problems.push(Problem { display: display_path(&cwd, &file), path: None, range: None, reason: "no such file".into(), io: true });
                continue;
            }
            let canonical = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
            if !seen.insert(canonical) {
                continue;
            }
            let package = file.ancestors().skip(1).find(|d| is_package_dir(d)).map(Path::to_path_buf).unwrap_or_default();
            by_package.entry(package).or_default().push(file);
        }
    }
    for (dir, files) in by_package {
        let unit = unit_for(args, &cwd, &dir, files)?;
        plan.units.push(unit);
    }
    Ok(plan)
}

fn unit_for(args: &Args, cwd: &Path, dir: &Path, files: Vec<PathBuf>) -> Result<Unit, SetupError> {
    let mut layers = Vec::new();
    if !dir.as_os_str().is_empty() {
        if let Some(root) = dir.ancestors().find(|d| is_workspace_root(d)) {
            layers.extend(config::workspace_layers(root)?);
        }
        layers.extend(config::package_layer(&dir.join("Cargo.toml"))?);
    }
    let refs: Vec<&config::Layer> = layers.iter().collect();
    let (mut policy, excludes) = config::merge(&refs, args.include_tests).map_err(|e| anyhow::anyhow!(e))?;
    config::apply_deny_flags(&mut policy, &args.deny).map_err(|e| anyhow::anyhow!(e))?;
    let files = files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let is_test_target = !dir.as_os_str().is_empty()
                && rel.components().next().is_some_and(|c| c.as_os_str() == "tests" || c.as_os_str() == "benches");
            FileEntry { display: display_path(cwd, &path), path, is_test_target }
        })
        .collect();
    Ok(Unit {
        name: dir.file_name().map_or_else(|| ".".to_string(), |n| n.to_string_lossy().into_owned()),
        dir: dir.to_path_buf(),
        policy,
        excludes,
        files,
    })
}

fn walk_dir(dir: &Path, cwd: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir).follow_links(false).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && e.path().extension().is_some_and(|x| x == "rs") => {
                files.push(e.into_path());
            }
            Ok(_) => {}
            Err(err) => problems.push(Problem {
                display: display_path(cwd, dir),
                path: None,
                range: None,
                reason: format!("cannot walk the directory: {err}"),
                io: true,
            }),
        }
    }
    files.sort();
    files
}

/// Whether `dir/Cargo.toml` has the top-level table `table` (`package` or `workspace`).
fn manifest_has(dir: &Path, table: &str) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .ok()
        .and_then(|t| toml::from_str::<toml::Table>(&t).ok())
        .is_some_and(|t| t.contains_key(table))
}

fn is_package_dir(dir: &Path) -> bool {
    manifest_has(dir, "package")
}

fn is_workspace_root(dir: &Path) -> bool {
    manifest_has(dir, "workspace")
}
