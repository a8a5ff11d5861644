//! What the language server knows about a workspace, and the one place where it calls the
//! engine. A full run ([`full_run`]) plans the workspace as the CLI does, lints it with the CLI's
//! own pipeline ([`crate::pipeline::lint`], whose findings are published for every file), and keeps
//! each file's cross-file facts (TLS acceptors, gRPC `authorization` metadata, verifier impls).
//! An open document is then linted from its in-memory text ([`lint_document`]) and joined with
//! the facts of the other files from the last full run, so a keystroke costs one file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tlslint_lints::{
    Engine, FactSite, FileReport, PackageFile, PackageFiles, Policy, SourceFile, VerifierFacts,
};

use crate::cli::Args;
use crate::pipeline::manifest;
use crate::pipeline::{self, WORKER_STACK_BYTES};
use crate::plan::confine::Tree;
use crate::plan::workspace::SetupError;
use crate::plan::{FileEntry, Plan, Unit};
use crate::render::FileFindings;

/// How a workspace is found: a cargo workspace by one of its manifests, or a lone file outside
/// any package (paths mode).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `--manifest-path <manifest> --workspace`.
    Cargo(PathBuf),
    /// A file that belongs to no package.
    File(PathBuf),
}

impl Origin {
    /// The origin of `file`: the nearest `Cargo.toml` above it, else the file alone.
    pub fn of(file: &Path) -> Origin {
        file.ancestors()
            .skip(1)
            .map(|dir| dir.join("Cargo.toml"))
            .find(|m| m.is_file())
            .map_or_else(|| Origin::File(file.to_path_buf()), Origin::Cargo)
    }

    /// Plans the workspace exactly as `cargo tlslint --manifest-path … --workspace` (or
    /// `cargo tlslint FILE`) would.
    pub fn plan(&self) -> Result<Plan, SetupError> {
        match self {
            Origin::Cargo(manifest) => {
                let args = Args::parse_from_args([
                    "cargo-tlslint".into(),
                    "tlslint".into(),
                    "--workspace".into(),
                    "--manifest-path".into(),
                    manifest.clone().into_os_string(),
                ]);
                crate::plan::workspace::plan(&args)
            }
            Origin::File(file) => {
                let args = Args::parse_from_args(["cargo-tlslint", "tlslint"].map(Into::into));
                let dir = file.parent().unwrap_or(Path::new("/"));
                let name = PathBuf::from(file.file_name().unwrap_or_default());
                crate::plan::paths::plan_in(&args, dir, &[name], Tree::around(dir))
            }
        }
    }
}

/// One file's facts that other files' findings depend on.
#[derive(Debug, Default)]
struct FileFacts {
    /// The package facts it establishes.
    facts: Vec<FactSite>,
    /// Its verifier impls and helpers (installs only concern the file itself).
    verifiers: VerifierFacts,
}

/// A planned workspace and what its last full run found.
pub struct Analysis {
    /// The plan (units, files, policies).
    pub plan: Plan,
    /// The findings of the full run, by display path.
    pub findings: Vec<FileFindings>,
    /// The facts of each file, by display path.
    facts: HashMap<String, FileFacts>,
    /// The linted files (not excluded) by canonical path: unit and index in the unit.
    members: HashMap<PathBuf, (usize, usize)>,
    /// The engine, built once (its prefilter holds every rule's trigger words).
    engine: Engine,
}

/// A file of a planned workspace: its unit and entry.
#[derive(Clone, Copy, Debug)]
pub struct Member<'p> {
    /// The index of its unit in the plan.
    pub unit: usize,
    /// Its entry.
    pub entry: &'p FileEntry,
}

impl Analysis {
    /// The file at `path` (canonical), if the plan lints it; `None` for excluded files and
    /// files outside the plan.
    pub fn member(&self, path: &Path) -> Option<Member<'_>> {
        let &(unit, file) = self.members.get(path)?;
        Some(Member {
            unit,
            entry: &self.plan.units[unit].files[file],
        })
    }

    /// The text on disk of a linted file (canonical `path`), read through its unit's tree like
    /// every other read; `None` for a file the plan does not lint.
    pub fn read_member(&self, path: &Path) -> Option<String> {
        let member = self.member(path)?;
        self.plan.units[member.unit].tree.read_to_string(path).ok()
    }

    /// The canonical paths of the linted files, with their display paths.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.members.iter().map(|(path, &(unit, file))| {
            (
                path.as_path(),
                self.plan.units[unit].files[file].display.as_str(),
            )
        })
    }
}

/// Plans and lints a workspace, reading `overlays` (open documents, by canonical path) instead
/// of the disk for the facts, with what a cargo workspace's dependencies teach when `learning`
/// says where they are. Runs on a thread of its own: nothing here waits for the editor.
pub fn full_run(
    origin: &Origin,
    overlays: &HashMap<PathBuf, String>,
    learning: Option<&crate::deps::learn::Sources>,
) -> Result<Analysis, SetupError> {
    let mut plan = origin.plan()?;
    if let (Origin::Cargo(_), Some(sources)) = (origin, learning) {
        crate::deps::learn::apply(&mut plan, sources);
    }
    let outcome = pipeline::lint(&plan);
    let members: HashMap<PathBuf, (usize, usize)> = plan
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            unit.files
                .iter()
                .enumerate()
                .filter(|(_, f)| !unit.excludes.is_excluded(&f.path))
                .filter_map(move |(i, f)| Some((std::fs::canonicalize(&f.path).ok()?, (u, i))))
        })
        .collect();
    let engine = Engine::new();
    let jobs: Vec<(&Path, &FileEntry, &Unit)> = members
        .iter()
        .map(|(path, &(u, i))| {
            let unit = &plan.units[u];
            (path.as_path(), &unit.files[i], unit)
        })
        .filter(|(_, f, _)| manifest::Kind::of(&f.path).is_none())
        .collect();
    let collect = || {
        jobs.par_iter()
            .filter_map(|(path, entry, unit)| {
                let text = read(overlays, path, &unit.tree)?;
                let report = check(&engine, entry, &text, &unit.policy)?;
                let facts = FileFacts {
                    facts: report.facts,
                    verifiers: report.verifier_facts.without_installs(),
                };
                Some((entry.display.clone(), facts))
            })
            .collect::<HashMap<_, _>>()
    };
    let facts = match rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK_BYTES)
        .build()
    {
        Ok(pool) => pool.install(collect),
        Err(_) => collect(),
    };
    Ok(Analysis {
        plan,
        findings: outcome.files,
        facts,
        members,
        engine,
    })
}

/// The text of the file at canonical `path`: the open document's, else the disk's, read from
/// `tree` only.
fn read(overlays: &HashMap<PathBuf, String>, path: &Path, tree: &Tree) -> Option<String> {
    match overlays.get(path) {
        Some(text) => Some(text.clone()),
        None => tree.read_to_string(path).ok(),
    }
}

/// The engine's raw report on one source file's text, when the prefilter lets it through.
fn check(engine: &Engine, entry: &FileEntry, text: &str, policy: &Policy) -> Option<FileReport> {
    let triggers = engine.scan(text, policy)?;
    Some(engine.check_file(
        &SourceFile {
            path: &entry.display,
            text,
            is_test_target: entry.is_test_target,
            policy,
        },
        &triggers,
    ))
}

/// Lints an open document's text as a member of its workspace: the engine on this one file,
/// joined with the facts of the package's other files (and the workspace's verifier impls) from
/// the last full run, then the package's policy. `overlays` are the open documents' texts, for
/// the constants a finding waits for.
pub fn lint_document(
    analysis: &Analysis,
    member: Member<'_>,
    text: &str,
    overlays: &HashMap<PathBuf, String>,
) -> FileFindings {
    let unit = &analysis.plan.units[member.unit];
    let entry = member.entry;
    let report = match manifest::Kind::of(&entry.path) {
        Some(kind) => Some(manifest::check(
            &analysis.engine,
            kind,
            entry,
            text,
            &unit.tree,
        )),
        None => check(&analysis.engine, entry, text, &unit.policy),
    };
    let mut report = report.unwrap_or_else(|| FileReport {
        path: entry.display.clone(),
        ..FileReport::default()
    });
    let engine = &analysis.engine;
    let mut package: Vec<FileReport> = unit
        .files
        .iter()
        .map(|f| {
            if f.display == entry.display {
                std::mem::take(&mut report)
            } else {
                skeleton(analysis.facts.get(&f.display), &f.display, false)
            }
        })
        .collect();
    engine.finish_package(
        &mut package,
        &mut DocumentFiles {
            unit,
            display: &entry.display,
            text,
            overlays,
        },
    );
    let mut report = package
        .into_iter()
        .find(|r| r.path == entry.display)
        .unwrap_or_default();
    let mut others: Vec<FileReport> = analysis
        .facts
        .iter()
        .filter(|(d, f)| **d != entry.display && !f.verifiers.is_empty())
        .map(|(d, f)| skeleton(Some(f), d, true))
        .collect();
    let mut all: Vec<&mut FileReport> = others.iter_mut().collect();
    all.push(&mut report);
    engine.finish_run(&mut all, &analysis.plan.external_verifiers());
    engine.finalize(&mut report, text, &unit.policy);
    let sources = &analysis.plan.sources;
    sources.add_text(&entry.display, text.to_string());
    FileFindings::new(
        entry.display.clone(),
        entry.path.clone(),
        sources.shown(&entry.display),
        report.diagnostics,
    )
}

/// A stand-in report for another file: its package facts, and with `verifiers` its verifier
/// impls and helpers.
fn skeleton(facts: Option<&FileFacts>, display: &str, verifiers: bool) -> FileReport {
    let mut report = FileReport {
        path: display.to_string(),
        ..FileReport::default()
    };
    if let Some(f) = facts {
        report.facts = f.facts.clone();
        if verifiers {
            report.verifier_facts = f.verifiers.clone();
        }
    }
    report
}

/// The package of an open document, for the engine's package phase: the document's own text,
/// the other open documents' texts (`overlays`), the disk's for the rest (through the tree).
struct DocumentFiles<'a> {
    unit: &'a Unit,
    display: &'a str,
    text: &'a str,
    overlays: &'a HashMap<PathBuf, String>,
}

impl PackageFiles for DocumentFiles<'_> {
    fn read(&mut self) -> Vec<PackageFile> {
        self.unit
            .files
            .iter()
            .filter(|f| f.path.extension().is_some_and(|x| x == "rs"))
            .filter_map(|f| {
                let text = if f.display == self.display {
                    self.text.to_string()
                } else {
                    let path = std::fs::canonicalize(&f.path).ok()?;
                    read(self.overlays, &path, &self.unit.tree)?
                };
                Some(PackageFile {
                    path: f.display.clone(),
                    text,
                    is_test_target: f.is_test_target,
                })
            })
            .collect()
    }
}
