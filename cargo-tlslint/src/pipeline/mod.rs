//! The linting pipeline around the engine: every file of the plan read once and handed to
//! `tlslint_lints::Engine` phase by phase.

pub mod manifest;
mod package_files;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use tlslint_lints::{
    Diagnostic, Engine, Exposed, FileReport, Policy, SourceFile, Triggers, Verdict, VerifierFact,
};

use crate::plan::confine::{self, Refusal};
use crate::plan::modtree;
use crate::plan::source_read;
use crate::plan::{FileEntry, Plan, Problem, Unit};
use crate::render::FileFindings;
use crate::store::{SourceStore, Walked};

use package_files::UnitFiles;

/// The stack size of the worker threads: deep but legal expressions must not overflow it.
pub const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// What linting a plan produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files with findings, in path order.
    pub files: Vec<FileFindings>,
    /// Whether some input could not be read (exit status 2).
    pub io_error: bool,
    /// Files considered.
    pub files_seen: usize,
    /// Files that passed the prefilter and were parsed.
    pub files_parsed: usize,
    /// The settings each unit (by index in the plan) exposes through public functions.
    pub exposed: Vec<(usize, Exposed)>,
    /// The verifier impls of each unit (by index in the plan) that do not verify, outside test
    /// code.
    pub doubtful_verifiers: Vec<(usize, VerifierFact)>,
}

struct Linted {
    unit: usize,
    display: String,
    path: std::path::PathBuf,
    report: FileReport,
    /// Whether this run holds the file's text in the store (for the later phases and output).
    held: bool,
    parsed: bool,
    io_error: bool,
    force_included: bool,
}

/// Lints every file of the plan: in parallel per file, then the per-package join and policy.
pub fn lint(plan: &Plan) -> Outcome {
    let engine = Engine::new();
    let declarations = modtree::DeclarationCache::new(plan.tree.clone());
    let jobs: Vec<(usize, &FileEntry)> = plan
        .units
        .iter()
        .enumerate()
        .flat_map(|(i, u)| {
            u.files
                .iter()
                .filter(|f| f.force_included || !u.excludes.is_excluded(&f.path))
                .map(move |f| (i, f))
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK_BYTES)
        .build()
        .ok();
    let work = || {
        jobs.par_iter()
            .map(|(unit, file)| {
                let unit_files = &plan.units[*unit];
                lint_one(
                    *unit,
                    file,
                    unit_files,
                    &engine,
                    &declarations,
                    &plan.sources,
                )
            })
            .collect::<Vec<_>>()
    };
    let results = in_pool(pool.as_ref(), work);
    let mut outcome = Outcome {
        files_seen: jobs.len(),
        ..Outcome::default()
    };
    let mut by_unit: BTreeMap<usize, Vec<Linted>> = BTreeMap::new();
    for r in results {
        outcome.io_error |= r.io_error;
        outcome.files_parsed += usize::from(r.parsed);
        by_unit.entry(r.unit).or_default().push(r);
    }
    let settle = || {
        by_unit
            .par_iter_mut()
            .map(|(unit_index, linted)| {
                let exposed = finish_package(&engine, plan, &plan.units[*unit_index], linted);
                (*unit_index, exposed)
            })
            .collect::<Vec<_>>()
    };
    let settled = in_pool(pool.as_ref(), settle);
    for (unit_index, exposed) in settled {
        outcome
            .exposed
            .extend(exposed.into_iter().map(|e| (unit_index, e)));
    }
    for (unit_index, linted) in &by_unit {
        let doubtful = linted
            .iter()
            .flat_map(|l| l.report.verifier_facts.verifiers())
            .filter(|v| v.verdict != Verdict::Verifies && !v.in_test_code);
        outcome
            .doubtful_verifiers
            .extend(doubtful.map(|v| (*unit_index, v.clone())));
    }
    let mut with_verifier_facts: Vec<&mut FileReport> = by_unit
        .values_mut()
        .flatten()
        .map(|l| &mut l.report)
        .filter(|r| !r.verifier_facts.is_empty())
        .collect();
    engine.finish_run(&mut with_verifier_facts, &plan.external_verifiers());
    for (unit_index, linted) in by_unit {
        let unit = &plan.units[unit_index];
        let whole_file = Policy {
            include_tests: true,
            ..unit.policy.clone()
        };
        for mut l in linted {
            let policy = if l.force_included {
                &whole_file
            } else {
                &unit.policy
            };
            let text = l.held.then(|| plan.sources.held(&l.display)).flatten();
            engine.finalize(&mut l.report, text.as_deref().unwrap_or(""), policy);
            if !l.report.diagnostics.is_empty() {
                outcome.files.push(FileFindings::new(
                    l.display.clone(),
                    l.path,
                    text.and_then(|_| plan.sources.shown(&l.display)),
                    l.report.diagnostics,
                ));
            }
        }
    }
    report_problems(&engine, plan, &mut outcome);
    outcome.files.sort_by(|a, b| a.display.cmp(&b.display));
    merge_same_file(&mut outcome.files);
    outcome
}

/// Reports the problems met while collecting files, each file's problems together: the file is
/// read once (from its tree) for all of them, and its suppressions apply.
fn report_problems(engine: &Engine, plan: &Plan, outcome: &mut Outcome) {
    let mut by_file: BTreeMap<&str, Vec<&Problem>> = BTreeMap::new();
    for problem in &plan.problems {
        outcome.io_error |= problem.io;
        by_file
            .entry(problem.display.as_str())
            .or_default()
            .push(problem);
    }
    for (display, problems) in by_file {
        let path = problems.iter().find_map(|p| p.path.clone());
        let unit = path
            .as_deref()
            .and_then(|p| plan.units.iter().find(|u| p.starts_with(&u.dir)));
        let policy = unit.map(|u| u.policy.clone()).unwrap_or_default();
        let tree = unit.map_or(&plan.tree, |u| &u.tree);
        if let Some(p) = &path {
            plan.sources.locate(display, p, tree);
        }
        let text = path.as_ref().and_then(|_| plan.sources.raw(display));
        let mut report = FileReport {
            path: display.to_string(),
            diagnostics: problems.iter().map(|p| problem_diagnostic(p)).collect(),
            ..FileReport::default()
        };
        report.diagnostics.sort_by_key(|d| d.primary.range.start);
        engine.finalize(&mut report, text.as_deref().unwrap_or(""), &policy);
        if !report.diagnostics.is_empty() {
            outcome.files.push(FileFindings::new(
                display.to_string(),
                path.unwrap_or_default(),
                text.and_then(|_| plan.sources.shown(display)),
                report.diagnostics,
            ));
        }
    }
}

fn merge_same_file(files: &mut Vec<FileFindings>) {
    let mut merged: Vec<FileFindings> = Vec::new();
    for f in files.drain(..) {
        match merged.last_mut() {
            Some(last) if last.display == f.display => {
                last.diagnostics.extend(f.diagnostics);
                last.diagnostics.sort_by_key(|d| d.primary.range.start);
                if last.text.is_none() {
                    last.text = f.text;
                }
            }
            _ => merged.push(f),
        }
    }
    *files = merged;
}

fn problem_diagnostic(p: &Problem) -> Diagnostic {
    let mut d = Diagnostic::new(
        Engine::unparsable_rule(),
        format!("{} `{}`: {}", p.verb, p.display, p.reason),
        p.range.clone().unwrap_or(0..0),
    )
    .note("the rest of the workspace is still linted");
    if p.range.is_some() {
        d = d.label(p.label);
    }
    d
}

fn lint_one(
    unit_index: usize,
    file: &FileEntry,
    unit: &Unit,
    engine: &Engine,
    declarations: &modtree::DeclarationCache,
    store: &SourceStore,
) -> Linted {
    let policy = &unit.policy;
    let mut linted = Linted {
        unit: unit_index,
        display: file.display.clone(),
        path: file.path.clone(),
        report: FileReport {
            path: file.display.clone(),
            ..FileReport::default()
        },
        held: false,
        parsed: false,
        io_error: false,
        force_included: file.force_included,
    };
    store.release(&file.display);
    let manifest_kind = manifest::Kind::of(&file.path);
    let open = || {
        if file.walked {
            confine::open_walked(&file.path)
        } else {
            unit.tree.open(&file.path)
        }
    };
    let keep = |bytes: &[u8]| match std::str::from_utf8(bytes) {
        Err(e) => Kept::NotUtf8(e.valid_up_to()),
        Ok(text) => match manifest_kind {
            Some(kind) => Kept::Manifest(kind, text.into()),
            None => engine.scan(text, policy).map_or(Kept::Nothing, |triggers| {
                Kept::Source(text.into(), triggers)
            }),
        },
    };
    let read = match &file.contents {
        Some(bytes) => Ok(keep(bytes)),
        None => match store.take_walked(&file.display) {
            Walked::Kept(text) => Ok(engine
                .scan(&text, policy)
                .map_or(Kept::Nothing, |triggers| Kept::Source(text, triggers))),
            Walked::Skipped => Ok(Kept::Nothing),
            Walked::NotRead => source_read::with_bytes(open, keep),
        },
    };
    let (text, triggers) = match read {
        Err(refusal) => {
            linted.io_error = refusal.is_io();
            let mut d = Diagnostic::new(
                Engine::unparsable_rule(),
                format!("cannot read `{}`: {refusal}", file.display),
                0..0,
            )
            .note("the rest of the workspace is still linted");
            if !matches!(refusal, Refusal::Io(_) | Refusal::Missing) {
                d.in_test_code = file.is_test_target;
            }
            linted.report.diagnostics.push(d);
            return linted;
        }
        Ok(Kept::NotUtf8(at)) => {
            let mut d = Diagnostic::new(
                Engine::unparsable_rule(),
                format!(
                    "cannot lint `{}`: the file is not valid UTF-8 (invalid byte at offset {at})",
                    file.display
                ),
                0..0,
            )
            .note("Rust source files must be UTF-8; the rest of the workspace is still linted");
            d.in_test_code = file.is_test_target;
            linted.report.diagnostics.push(d);
            return linted;
        }
        Ok(Kept::Nothing) => return linted,
        Ok(Kept::Manifest(kind, text)) => {
            linted.parsed = true;
            linted.report = manifest::check(engine, kind, file, &text, &unit.tree);
            linted.io_error = linted
                .report
                .diagnostics
                .iter()
                .any(|d| d.rule == Engine::unparsable_rule());
            store.hold(&file.display, text);
            linted.held = true;
            return linted;
        }
        Ok(Kept::Source(text, triggers)) => (text, triggers),
    };
    linted.parsed = true;
    let is_test_target = file.is_test_target
        || (file.module_unknown && modtree::declared_as_test(&file.path, declarations));
    linted.report = engine.check_file(
        &SourceFile {
            path: &file.display,
            text: &text,
            is_test_target,
            policy,
        },
        &triggers,
    );
    if linted.report.may_report() {
        store.hold(&file.display, text);
        linted.held = true;
    }
    linted
}

/// What reading a file keeps: only a manifest, or a source that passes the prefilter, is copied
/// out of the read buffer.
enum Kept {
    NotUtf8(usize),
    Nothing,
    Manifest(manifest::Kind, Arc<str>),
    Source(Arc<str>, Triggers),
}

/// Runs `work` on the workers' pool (their deep stacks), or on the global one when the pool
/// could not be built.
fn in_pool<R: Send>(pool: Option<&rayon::ThreadPool>, work: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Settles one package's deferred findings (constants of other files, parameters' callers,
/// package facts), reading the package's files only as the engine asks (a text held in the
/// store is not read again).
fn finish_package(
    engine: &Engine,
    plan: &Plan,
    unit: &Unit,
    linted: &mut [Linted],
) -> Vec<Exposed> {
    let mut reports: Vec<FileReport> = linted
        .iter_mut()
        .map(|l| std::mem::take(&mut l.report))
        .collect();
    let mut files = UnitFiles {
        unit,
        root: &plan.root,
        store: &plan.sources,
    };
    let exposed = engine.finish_package(&mut reports, &mut files);
    for (l, r) in linted.iter_mut().zip(reports) {
        l.report = r;
    }
    exposed
}

/// Lints one in-memory file as the CLI would, under `policy`, its text kept in `store` (the ui
/// tests use this).
pub fn lint_source(
    store: &SourceStore,
    display: &str,
    text: &str,
    is_test_target: bool,
    policy: &tlslint_lints::Policy,
) -> FileFindings {
    let report = Engine::new().lint_alone(&SourceFile {
        path: display,
        text,
        is_test_target,
        policy,
    });
    store.add_text(display, text.to_string());
    FileFindings::new(
        display.to_string(),
        std::path::PathBuf::new(),
        store.shown(display),
        report.diagnostics,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::confine::Tree;
    use std::collections::HashSet;
    use std::path::Path;

    /// The planning walk reads each module file once: after it, the files are gone from disk,
    /// and the pipeline still lints the one that passed the prefilter (from the text the walk
    /// kept) and does not try to read the one that failed it (no "cannot read").
    #[test]
    fn the_pipeline_reads_no_file_the_walk_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = std::fs::canonicalize(dir.path()).expect("canonical");
        let src = root.join("src");
        std::fs::create_dir(&src).expect("src");
        std::fs::write(src.join("lib.rs"), "mod quiet;\nmod client;\n").expect("lib");
        std::fs::write(src.join("quiet.rs"), "pub fn f() {}\n").expect("quiet");
        std::fs::write(
            src.join("client.rs"),
            "pub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n",
        )
        .expect("client");
        let tree = Tree::new([root.clone()]);
        let mut plan = Plan {
            root: root.clone(),
            tree: tree.clone(),
            sources: Arc::new(SourceStore::prefiltered()),
            ..Plan::default()
        };
        let display = |p: &Path| crate::plan::display_path(&root, p);
        let files = modtree::walk(
            &src.join("lib.rs"),
            &tree,
            &plan.sources,
            &tlslint_lints::Policy::default(),
            &mut HashSet::new(),
            &display,
            &mut plan.problems,
        );
        assert_eq!(files.len(), 3);
        std::fs::remove_dir_all(&src).expect("remove");
        plan.units.push(Unit {
            name: "app".into(),
            dir: root.clone(),
            policy: tlslint_lints::Policy::default(),
            excludes: Default::default(),
            files: files
                .into_iter()
                .map(|(path, _)| FileEntry {
                    display: display(&path),
                    path,
                    ..FileEntry::default()
                })
                .collect(),
            tree,
        });
        let outcome = lint(&plan);
        let found: Vec<(&str, &str)> = outcome
            .files
            .iter()
            .flat_map(|f| {
                f.diagnostics
                    .iter()
                    .map(|d| (f.display.as_str(), d.rule.code))
            })
            .collect();
        assert_eq!(found, [("src/client.rs", "TLS101")]);
        assert!(!outcome.io_error);
        let shown = outcome.files[0]
            .text
            .as_ref()
            .expect("the kept text is shown");
        assert!(shown.as_str().contains("danger_accept_invalid_certs(true)"));
    }
}
