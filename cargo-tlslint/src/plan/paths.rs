//! Paths mode (what pre-commit passes): the named files, and directories walked for `.rs` files,
//! `Cargo.toml` and `Cargo.lock` honouring `.gitignore` (symlinks are not followed). Each file
//! belongs to the package whose manifest directory is its nearest ancestor (for a manifest or
//! lockfile, a virtual workspace root counts too), whose policy applies; files under `tests/` or
//! `benches/` of a package are test targets. A file named on the command line is linted whole
//! (test code included) even when the policy excludes it, unless `--force-exclude` is given.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use ignore::WalkState;
use rayon::prelude::*;
use serde::Deserialize;

use crate::cli::Args;
use crate::plan::confine::{Tree, normalize};
use crate::plan::workspace::SetupError;
use crate::plan::{FileEntry, Plan, Problem, Unit, display_path};
use crate::{pipeline::manifest, policy::config};

/// Collects the files named on the command line into units by package.
pub fn plan(args: &Args) -> Result<Plan, SetupError> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    plan_in(args, &cwd, &args.paths, Tree::around(&cwd))
}

/// Collects `paths` (relative to `cwd`, which display paths are relative to) into units by
/// package (`--staged` passes the index's copy of the repository as `cwd`). Files are read from
/// `tree` only; a path named outside it (`../other`, `/abs`) adds its own directory to the tree,
/// since the user chose it, but a path named inside it that leads out through a symlink is
/// refused.
pub fn plan_in(args: &Args, cwd: &Path, paths: &[PathBuf], tree: Tree) -> Result<Plan, SetupError> {
    plan_with(args, cwd, paths, tree, None)
}

/// The plan of standard input's `bytes` linted as the file `name` (relative to the current
/// directory; `<stdin>` there when no name is given): the file gets the package, policy and test
/// classification a file at that path would have, and is linted whole as a named file is. Its
/// path is never read.
pub fn stdin_plan(args: &Args, name: Option<&Path>, bytes: Arc<[u8]>) -> Result<Plan, SetupError> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    let path = normalize(&cwd.join(name.unwrap_or(Path::new(STDIN_NAME))));
    let mut plan = plan_with(args, &cwd, &[], Tree::around(&cwd), Some(&path))?;
    for file in plan.units.iter_mut().flat_map(|u| u.files.iter_mut()) {
        if file.path == path {
            file.contents = Some(bytes.clone());
        }
    }
    Ok(plan)
}

/// The name standard input is shown under without `--stdin-filename`.
pub const STDIN_NAME: &str = "<stdin>";

/// [`plan_in`], with `stdin` (an absolute path, never read) as one more named file.
fn plan_with(
    args: &Args,
    cwd: &Path,
    paths: &[PathBuf],
    mut tree: Tree,
    stdin: Option<&Path>,
) -> Result<Plan, SetupError> {
    let cwd = cwd.to_path_buf();
    for arg in paths.iter().map(PathBuf::as_path).chain(stdin) {
        let lexical = normalize(&cwd.join(arg));
        if !tree.holds_lexically(&lexical) {
            let dir = if lexical.is_dir() {
                lexical.as_path()
            } else {
                lexical.parent().unwrap_or(&lexical)
            };
            tree.add_root(dir);
        }
    }
    let mut plan = Plan {
        root: cwd.clone(),
        tree,
        ..Plan::default()
    };
    let mut named = HashSet::new();
    // A walk lists each file once (it does not follow links), so only several arguments can
    // name a file twice; then files are told apart by their canonical paths.
    let mut seen = (paths.len() > 1).then(HashSet::new);
    let mut files = Vec::new();
    for arg in paths {
        let abs = cwd.join(arg);
        if abs.is_dir() && !std::fs::canonicalize(&abs).is_ok_and(|c| plan.tree.contains(&c)) {
            plan.problems.push(Problem {
                display: display_path(&cwd, &abs),
                path: None,
                range: None,
                verb: "cannot read",
                reason: crate::plan::confine::Refusal::Outside.to_string(),
                label: "",
                io: false,
            });
            continue;
        }
        let (found, canonical_root) = if abs.is_dir() {
            let found = walk_dir(&abs, &cwd, &mut plan.problems);
            // Walks do not follow links, so a walked file's canonical path is the canonical
            // root joined with its path below the root: one `canonicalize` per walk.
            let root = seen
                .is_some()
                .then(|| std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone()));
            (found, root)
        } else if abs.exists() {
            named.insert(abs.clone());
            (vec![abs.clone()], None)
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
        match &mut seen {
            None => files.extend(found),
            Some(seen) => files.extend(found.into_iter().filter(|file| {
                seen.insert(match &canonical_root {
                    Some(root) => root.join(file.strip_prefix(&abs).unwrap_or(file)),
                    None => std::fs::canonicalize(file).unwrap_or_else(|_| file.clone()),
                })
            })),
        }
    }
    if let Some(path) = stdin {
        named.insert(path.to_path_buf());
        files.push(path.to_path_buf());
    }
    let tables = ManifestTables::probe(&files, &plan.tree);
    let mut packages = Packages::default();
    let mut package_of = PackageOf::default();
    for file in files {
        let package = package_of.file(&tables, &file);
        packages.add(package, file);
    }
    let pinned = match args.policy_file().map_err(|e| anyhow::anyhow!(e))? {
        Some(file) => Some(config::pinned_layer(&file, &plan.tree, &cwd)?),
        None => None,
    };
    let collect = Collect {
        args,
        cwd: &cwd,
        tree: &plan.tree,
        named: &named,
        pinned: pinned.as_ref(),
    };
    let mut by_package = packages.groups;
    by_package.sort_by(|a, b| a.0.cmp(&b.0));
    let units: Vec<(Result<Unit, SetupError>, Vec<Problem>)> = by_package
        .into_par_iter()
        .map(|(dir, files)| {
            let root = if dir.as_os_str().is_empty() {
                None
            } else {
                dir.ancestors().find(|d| tables.of(d).workspace)
            };
            let mut problems = Vec::new();
            let unit = unit_for(&collect, &dir, root, files, &mut problems);
            (unit, problems)
        })
        .collect();
    let mut reported: HashSet<PathBuf> = plan
        .problems
        .iter()
        .filter_map(|p| p.path.clone())
        .collect();
    for (unit, problems) in units {
        for problem in problems {
            if problem
                .path
                .as_ref()
                .is_none_or(|p| reported.insert(p.clone()))
            {
                plan.problems.push(problem);
            }
        }
        plan.units.push(unit?);
    }
    Ok(plan)
}

/// What every unit of a paths-mode run is collected with.
struct Collect<'a> {
    args: &'a Args,
    /// Display paths are relative to it.
    cwd: &'a Path,
    /// Where files may be read from.
    tree: &'a Tree,
    /// The files named on the command line (the others were found by walks).
    named: &'a HashSet<PathBuf>,
    /// The `--config` policy, which replaces every policy of the tree.
    pinned: Option<&'a config::Layer>,
}

/// The unit of one package directory. A package manifest that does not parse is reported as a
/// problem (exit status 2) and its files are linted under the workspace policy.
fn unit_for(
    collect: &Collect<'_>,
    dir: &Path,
    workspace_root: Option<&Path>,
    files: Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) -> Result<Unit, SetupError> {
    let Collect {
        args,
        cwd,
        tree,
        named,
        pinned,
    } = *collect;
    let mut layers: Vec<config::Layer> = pinned.into_iter().cloned().collect();
    if pinned.is_none() && !dir.as_os_str().is_empty() {
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
        let ws_layers = match workspace_root {
            Some(root) => match config::workspace_layers(root, tree) {
                Ok(found) => found,
                Err(e) => {
                    report(Err(e))?;
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        report(config::member_layers(&ws_layers, dir, workspace_root, tree))?;
        report(
            config::package_layer(&dir.join("Cargo.toml"), tree).map(|l| l.into_iter().collect()),
        )?;
    }
    let refs: Vec<&config::Layer> = layers.iter().collect();
    let (mut policy, excludes) =
        config::merge(&refs, args.include_tests()).map_err(|e| anyhow::anyhow!(e))?;
    config::apply_level_flags(
        &mut policy,
        &args.rule_levels().map_err(|e| anyhow::anyhow!(e))?,
    );
    let files = files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let is_test_target = !dir.as_os_str().is_empty()
                && rel
                    .components()
                    .next()
                    .is_some_and(|c| c.as_os_str() == "tests" || c.as_os_str() == "benches");
            let is_named = named.contains(&path);
            FileEntry {
                display: display_path(cwd, &path),
                walked: !is_named,
                force_included: is_named && !args.force_exclude,
                path,
                is_test_target,
                module_unknown: !is_test_target,
                ..FileEntry::default()
            }
        })
        .collect();
    Ok(Unit {
        tree: tree.clone(),
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

/// Files grouped by package directory, in the order the packages are first seen.
#[derive(Default)]
struct Packages {
    groups: Vec<(PathBuf, Vec<PathBuf>)>,
    index: HashMap<PathBuf, usize>,
}

impl Packages {
    /// Adds `file` to `package`'s group. Walked files come sorted, so a file's package is most
    /// often the previous file's: that case costs one comparison of bytes.
    fn add(&mut self, package: PathBuf, file: PathBuf) {
        if let Some((last, files)) = self.groups.last_mut()
            && last.as_os_str() == package.as_os_str()
        {
            files.push(file);
            return;
        }
        match self.index.get(&package) {
            Some(&i) => self.groups[i].1.push(file),
            None => {
                self.index.insert(package.clone(), self.groups.len());
                self.groups.push((package, vec![file]));
            }
        }
    }
}

/// The top-level tables of the `Cargo.toml` of every directory that holds a collected file, and
/// of their ancestors: what decides packages and workspaces. Each manifest is read once, in
/// parallel.
struct ManifestTables {
    by_dir: HashMap<PathBuf, Tables>,
    tree: Tree,
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

impl Tables {
    /// The tables of `dir/Cargo.toml`, read from `tree` (a directory outside it has none).
    fn read(dir: &Path, tree: &Tree) -> Tables {
        if !tree.holds_lexically(dir) {
            return Tables::default();
        }
        tree.read_to_string(&dir.join("Cargo.toml"))
            .ok()
            .map_or_else(Tables::default, |text| {
                toml::from_str(&text).unwrap_or(Tables {
                    package: true,
                    workspace: true,
                })
            })
    }
}

impl ManifestTables {
    /// Reads the manifests of the directories of `files` (sorted, as walks return them) and of
    /// all their ancestors inside `tree`.
    fn probe(files: &[PathBuf], tree: &Tree) -> ManifestTables {
        let mut dirs: HashSet<&Path> = HashSet::new();
        let mut last_parent: Option<&Path> = None;
        for file in files {
            let parent = file.parent().unwrap_or(Path::new(""));
            if last_parent.is_some_and(|p| p.as_os_str() == parent.as_os_str()) {
                continue;
            }
            last_parent = Some(parent);
            for dir in parent.ancestors() {
                if !dirs.insert(dir) {
                    break;
                }
            }
        }
        let by_dir = dirs
            .into_par_iter()
            .map(|dir| (dir.to_path_buf(), Tables::read(dir, tree)))
            .collect();
        ManifestTables {
            by_dir,
            tree: tree.clone(),
        }
    }

    /// The tables of `dir/Cargo.toml`.
    fn of(&self, dir: &Path) -> Tables {
        self.by_dir
            .get(dir)
            .copied()
            .unwrap_or_else(|| Tables::read(dir, &self.tree))
    }
}

/// The package of each file: the nearest ancestor directory with a package manifest (for a
/// manifest or lockfile, a workspace root too); empty when there is none.
#[derive(Default)]
struct PackageOf {
    /// The package directory of the sources in each directory (most files share theirs).
    sources_in: HashMap<PathBuf, PathBuf>,
    /// The last directory looked up there, and its package: walked files come sorted, so most
    /// files are in the previous file's directory.
    last: Option<(PathBuf, PathBuf)>,
}

impl PackageOf {
    /// The package directory of `file`.
    fn file(&mut self, tables: &ManifestTables, file: &Path) -> PathBuf {
        let is_manifest = manifest::Kind::of(file).is_some();
        let parent = file.parent().unwrap_or(Path::new(""));
        if !is_manifest {
            if let Some((dir, package)) = &self.last
                && dir.as_os_str() == parent.as_os_str()
            {
                return package.clone();
            }
            if let Some(package) = self.sources_in.get(parent) {
                self.last = Some((parent.to_path_buf(), package.clone()));
                return package.clone();
            }
        }
        let package = parent
            .ancestors()
            .find(|d| {
                let t = tables.of(d);
                t.package || (is_manifest && t.workspace)
            })
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if !is_manifest {
            self.sources_in
                .insert(parent.to_path_buf(), package.clone());
            self.last = Some((parent.to_path_buf(), package.clone()));
        }
        package
    }
}
