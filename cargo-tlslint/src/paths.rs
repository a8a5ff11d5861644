//! Paths mode (what pre-commit passes): the named files, and directories walked for `.rs` files,
//! `Cargo.toml` and `Cargo.lock` honouring `.gitignore` (symlinks are not followed). Each file
//! belongs to the package whose manifest directory is its nearest ancestor (for a manifest or
//! lockfile, a virtual workspace root counts too), whose policy applies; files under `tests/` or
//! `benches/` of a package are test targets.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use ignore::WalkState;
use serde::Deserialize;

use crate::cli::Args;
use crate::plan::{FileEntry, Plan, Problem, Unit, display_path};
use crate::workspace::SetupError;
use crate::{config, manifest};

/// Collects the files named on the command line into units by package.
pub fn plan(args: &Args) -> Result<Plan, SetupError> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    plan_in(args, &cwd, &args.paths)
}

/// Collects `paths` (relative to `cwd`, which display paths are relative to) into units by
/// package (`--staged` passes the index's copy of the repository as `cwd`).
pub fn plan_in(args: &Args, cwd: &Path, paths: &[PathBuf]) -> Result<Plan, SetupError> {
    let cwd = cwd.to_path_buf();
    let mut plan = Plan {
        root: cwd.clone(),
        ..Plan::default()
    };
    let mut seen = HashSet::new();
    let mut by_package: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let mut tables = ManifestTables::default();
    for arg in paths {
        let abs = cwd.join(arg);
        let files: Vec<(PathBuf, PathBuf)> = if abs.is_dir() {
            // Walks do not follow links, so a walked file's canonical path is the canonical
            // root joined with its path below the root: one `canonicalize` per walk.
            let root = std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone());
            walk_dir(&abs, &cwd, &mut plan.problems)
                .into_iter()
                .map(|f| (root.join(f.strip_prefix(&abs).unwrap_or(&f)), f))
                .collect()
        } else if abs.exists() {
            vec![(
                std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone()),
                abs,
            )]
        } else {
            plan.problems.push(Problem {
                display: display_path(&cwd, &abs),
                path: None,
                range: None,
                verb: "cannot read",
                reason: "no such file".into(),
                label: "",
                io: true,
            });
            continue;
        };
        for (canonical, file) in files {
            if !seen.insert(canonical) {
                continue;
            }
            let package = tables.package_of(&file, manifest::Kind::of(&file).is_some());
            by_package.entry(package).or_default().push(file);
        }
    }
    for (dir, files) in by_package {
        let root = if dir.as_os_str().is_empty() {
            None
        } else {
            dir.ancestors().find(|d| tables.of(d).workspace)
        };
        let unit = unit_for(args, &cwd, &dir, root, files, &mut plan.problems)?;
        plan.units.push(unit);
    }
    Ok(plan)
}

/// The unit of one package directory. A package manifest that does not parse is reported as a
/// problem (exit status 2) and its files are linted under the workspace policy.
fn unit_for(
    args: &Args,
    cwd: &Path,
    dir: &Path,
    workspace_root: Option<&Path>,
    files: Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) -> Result<Unit, SetupError> {
    let mut layers = Vec::new();
    if !dir.as_os_str().is_empty() {
        let mut report =
            |result: Result<Vec<config::Layer>, config::ConfigError>| -> Result<(), SetupError> {
                match result {
                    Ok(found) => layers.extend(found),
                    Err(e) if e.is_syntax => {
                        let named = files.contains(&e.path);
                        if !named
                            && !problems
                                .iter()
                                .any(|p| p.path.as_deref() == Some(e.path.as_path()))
                        {
                            let reason = e
                                .message
                                .rsplit_once("`: ")
                                .map_or(e.message.as_str(), |(_, r)| r)
                                .to_string();
                            problems.push(Problem {
                                display: display_path(cwd, &e.path),
                                path: Some(e.path.clone()),
                                range: Some(e.range.clone()),
                                verb: "cannot parse",
                                reason,
                                label: "here",
                                io: true,
                            });
                        }
                    }
                    Err(e) => return Err(e.into()),
                }
                Ok(())
            };
        if let Some(root) = workspace_root {
            report(config::workspace_layers(root))?;
        }
        report(config::package_layer(&dir.join("Cargo.toml")).map(|l| l.into_iter().collect()))?;
    }
    let refs: Vec<&config::Layer> = layers.iter().collect();
    let (mut policy, excludes) =
        config::merge(&refs, args.include_tests).map_err(|e| anyhow::anyhow!(e))?;
    config::apply_deny_flags(&mut policy, &args.deny).map_err(|e| anyhow::anyhow!(e))?;
    let files = files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let is_test_target = !dir.as_os_str().is_empty()
                && rel
                    .components()
                    .next()
                    .is_some_and(|c| c.as_os_str() == "tests" || c.as_os_str() == "benches");
            FileEntry {
                display: display_path(cwd, &path),
                path,
                is_test_target,
                module_unknown: !is_test_target,
            }
        })
        .collect();
    Ok(Unit {
        name: dir
            .file_name()
            .map_or_else(|| ".".to_string(), |n| n.to_string_lossy().into_owned()),
        dir: dir.to_path_buf(),
        policy,
        excludes,
        files,
    })
}

/// The `.rs` files, `Cargo.toml`s and `Cargo.lock`s under `dir`, walked in parallel, sorted.
fn walk_dir(dir: &Path, cwd: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let files = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e)
                        if e.file_type().is_some_and(|t| t.is_file())
                            && (e.path().extension().is_some_and(|x| x == "rs")
                                || manifest::Kind::of(e.path()).is_some()) =>
                    {
                        files
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => errors
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(err.to_string()),
                }
                WalkState::Continue
            })
        });
    let mut errors = errors.into_inner().unwrap_or_else(PoisonError::into_inner);
    errors.sort();
    problems.extend(errors.into_iter().map(|err| Problem {
        display: display_path(cwd, dir),
        path: None,
        range: None,
        verb: "cannot read",
        reason: format!("cannot walk the directory: {err}"),
        label: "",
        io: true,
    }));
    let mut files = files.into_inner().unwrap_or_else(PoisonError::into_inner);
    files.sort();
    files
}

/// The top-level tables of each directory's `Cargo.toml` that decide packages and workspaces,
/// read once per directory.
#[derive(Default)]
struct ManifestTables {
    by_dir: HashMap<PathBuf, Tables>,
    /// The package directory of the sources in each directory (most files share theirs).
    package_of_sources_in: HashMap<PathBuf, PathBuf>,
}

/// Whether a `Cargo.toml` has a `package` and a `workspace` table. A manifest that does not parse
/// counts as having both, so that reading its policy reports the error at its line instead of
/// silently linting under no policy; a directory without one has neither.
#[derive(Clone, Copy, Default, serde::Deserialize)]
struct Tables {
    #[serde(default, deserialize_with = "present")]
    package: bool,
    #[serde(default, deserialize_with = "present")]
    workspace: bool,
}

/// A table that is there, whatever it holds (not built, only skipped over).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

impl ManifestTables {
    fn of(&mut self, dir: &Path) -> Tables {
        if let Some(tables) = self.by_dir.get(dir) {
            return *tables;
        }
        let tables = std::fs::read_to_string(dir.join("Cargo.toml"))
            .ok()
            .map_or_else(Tables::default, |text| {
                toml::from_str(&text).unwrap_or(Tables {
                    package: true,
                    workspace: true,
                })
            });
        self.by_dir.insert(dir.to_path_buf(), tables);
        tables
    }

    /// The package a file belongs to: the nearest ancestor directory with a package manifest
    /// (for a manifest or lockfile, a workspace root too); empty when there is none.
    fn package_of(&mut self, file: &Path, is_manifest: bool) -> PathBuf {
        let parent = file.parent().unwrap_or(Path::new(""));
        if !is_manifest && let Some(package) = self.package_of_sources_in.get(parent) {
            return package.clone();
        }
        let package = parent
            .ancestors()
            .find(|d| {
                let t = self.of(d);
                t.package || (is_manifest && t.workspace)
            })
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if !is_manifest {
            self.package_of_sources_in
                .insert(parent.to_path_buf(), package.clone());
        }
        package
    }
}
