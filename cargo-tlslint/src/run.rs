//! One run: collect the files (workspace or paths mode), lint them in parallel, join facts per
//! package, apply each package's policy, render, and choose the exit status.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use tlslint_lints::rules::PARSE_ERROR;
use tlslint_lints::{Diagnostic, FileReport, Prefilter, SourceFile, check_file, collect_consts, finalize, join};

use crate::cli::{Args, ColorChoice, MessageFormat};
use crate::explain;
use crate::plan::{FileEntry, Plan, Problem, Unit, display_path};
use crate::render::{Counts, FileFindings, Sources, human, json};
use crate::workspace;
use crate::{paths, setup_error};

/// Files larger than this are not parsed (reported as TLS001) when they contain a trigger word.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The stack size of the worker threads: deep but legal expressions must not overflow it.
const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Exit status: no finding at `deny` (and no warning under `-D warnings`).
pub const EXIT_CLEAN: u8 = 0;
/// Exit status: at least one finding at `deny`, or a warning under `-D warnings`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: bad flags, unreadable workspace or file, broken manifest, bad config.
pub const EXIT_ERROR: u8 = 2;

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let color = match args.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    color.write_global();
    if args.list {
        return print_stdout(&explain::list());
    }
    if let Some(key) = &args.explain {
        return match explain::explain(key) {
            Some(text) => print_stdout(&text),
            None => {
                let _ = writeln!(anstream::stderr(), "error: no rule named `{key}`; see `cargo tlslint --list`");
                ExitCode::from(EXIT_ERROR)
            }
        };
    }
    let started = Instant::now();
    let plan = match if args.paths.is_empty() { workspace::plan(args) } else { paths::plan(args) } {
        Ok(plan) => plan,
        Err(e) => {
            let _ = write!(anstream::stderr(), "{}", setup_error::render(&e, args.color != ColorChoice::Never));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let outcome = lint(&plan);
    let style = human::Style { color: args.color != ColorChoice::Never, short: args.message_format == MessageFormat::Short, anonymize_line_numbers: false };
    let mut sources = Sources::default();
    for unit in &plan.units {
        for f in &unit.files {
            sources.add_path(f.display.clone(), f.path.clone());
        }
    }
    let counts = Counts::of(&outcome.files);
    let failed = counts.errors > 0 || (args.deny_warnings() && counts.warnings > 0);
    match args.message_format {
        MessageFormat::Human | MessageFormat::Short => {
            let mut out = human::render_all(&outcome.files, &mut sources, style);
            if !args.quiet {
                if let Some(line) = human::summary(counts, style) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            let _ = write!(anstream::stderr(), "{out}");
        }
        MessageFormat::Json => {
            let manifest = plan.root.join("Cargo.toml").display().to_string();
            let mut out = String::new();
            for file in &outcome.files {
                for d in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
                    out.push_str(&json::message(d, file, &mut sources, &manifest));
                    out.push('\n');
                }
            }
            out.push_str(&json::finished(!failed && !outcome.io_error));
            out.push('\n');
            let _ = write!(std::io::stdout(), "{out}");
        }
    }
    if args.verbose > 0 {
        let _ = writeln!(
            anstream::stderr(),
            "tlslint: {} files in {} packages, {} parsed, {} ms",
            outcome.files_seen,
            plan.units.len(),
            outcome.files_parsed,
            started.elapsed().as_millis()
        );
    }
    ExitCode::from(if outcome.io_error { EXIT_ERROR } else if failed { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn print_stdout(text: &str) -> ExitCode {
    let _ = write!(anstream::stdout(), "{text}");
    ExitCode::from(EXIT_CLEAN)
}

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
}

struct Linted {
    unit: usize,
    display: String,
    text: Option<String>,
    report: FileReport,
    parsed: bool,
    io_error: bool,
}

/// Lints every file of the plan: in parallel per file, then the per-package join and policy.
pub fn lint(plan: &Plan) -> Outcome {
    let prefilter = Prefilter::new();
    let jobs: Vec<(usize, &FileEntry)> = plan
        .units
        .iter()
        .enumerate()
        .flat_map(|(i, u)| u.files.iter().filter(|f| !u.excludes.is_excluded(&f.path)).map(move |f| (i, f)))
        .collect();
    let work = || jobs.par_iter().map(|(unit, file)| lint_one(*unit, file, &plan.units[*unit].policy, &prefilter)).collect::<Vec<_>>();
    let results = match rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
    let mut outcome = Outcome { files_seen: jobs.len(), ..Outcome::default() };
    let mut by_unit: HashMap<usize, Vec<Linted>> = HashMap::new();
    for r in results {
        outcome.io_error |= r.io_error;
        outcome.files_parsed += usize::from(r.parsed);
        by_unit.entry(r.unit).or_default().push(r);
    }
    for (unit_index, mut linted) in by_unit {
        let unit = &plan.units[unit_index];
        resolve_pending(unit, &plan.root, &mut linted);
        for mut l in linted {
            finalize(&mut l.report, l.text.as_deref().unwrap_or(""), &unit.policy);
            if !l.report.diagnostics.is_empty() {
                outcome.files.push(FileFindings { display: l.display, text: l.text, diagnostics: l.report.diagnostics });
            }
        }
    }
    for problem in &plan.problems {
        outcome.io_error |= problem.io;
        let policy = plan.units.iter().find(|u| problem.path.as_deref().is_some_and(|p| p.starts_with(&u.dir))).map(|u| u.policy.clone()).unwrap_or_default();
        let text = problem.path.as_deref().and_then(|p| std::fs::read_to_string(p).ok());
        let mut report = FileReport { path: problem.display.clone(), diagnostics: vec![problem_diagnostic(problem)], ..FileReport::default() };
        finalize(&mut report, text.as_deref().unwrap_or(""), &policy);
        if !report.diagnostics.is_empty() {
            outcome.files.push(FileFindings { display: problem.display.clone(), text, diagnostics: report.diagnostics });
        }
    }
    outcome.files.sort_by(|a, b| a.display.cmp(&b.display));
    merge_same_file(&mut outcome.files);
    outcome
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
    let verb = if p.io { "cannot read" } else { "cannot lint" };
    let mut d = Diagnostic::new(&PARSE_ERROR, format!("{verb} `{}`: {}", p.display, p.reason), p.range.clone().unwrap_or(0..0))
        .note("the rest of the workspace is still linted");
    if p.range.is_some() {
        d = d.label("declared here");
    }
    d
}

fn lint_one(unit: usize, file: &FileEntry, policy: &tlslint_lints::Policy, prefilter: &Prefilter) -> Linted {
    let mut linted = Linted { unit, display: file.display.clone(), text: None, report: FileReport { path: file.display.clone(), ..FileReport::default() }, parsed: false, io_error: false };
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            linted.io_error = true;
            linted.report.diagnostics.push(Diagnostic::new(&PARSE_ERROR, format!("cannot read `{}`: {e}", file.display), 0..0).note("the rest of the workspace is still linted"));
            return linted;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let mut d = Diagnostic::new(&PARSE_ERROR, format!("cannot lint `{}`: the file is not valid UTF-8 (invalid byte at offset {at})", file.display), 0..0)
                .note("Rust source files must be UTF-8; the rest of the workspace is still linted");
            d.in_test_code = file.is_test_target;
            linted.report.diagnostics.push(d);
            return linted;
        }
    };
    if !prefilter.is_match(&text) {
        return linted;
    }
    if text.len() > MAX_FILE_BYTES {
        let mut d = Diagnostic::new(&PARSE_ERROR, format!("cannot lint `{}`: the file is {:.1} MiB, over the {} MiB limit", file.display, text.len() as f64 / 1048576.0, MAX_FILE_BYTES >> 20), 0..0)
            .note("very large files are usually generated; the rest of the workspace is still linted");
        d.in_test_code = file.is_test_target;
        linted.report.diagnostics.push(d);
        return linted;
    }
    linted.parsed = true;
    linted.report = check_file(&SourceFile { path: &file.display, text: &text, is_test_target: file.is_test_target, policy }, prefilter);
    let keep = !linted.report.diagnostics.is_empty() || !linted.report.pending.is_empty() || !linted.report.directives.is_empty();
    if keep {
        linted.text = Some(text);
    }
    linted
}

/// Finds the constants that pending findings wait for among the package's files, then joins.
fn resolve_pending(unit: &Unit, root: &Path, linted: &mut [Linted]) {
    let names: BTreeSet<String> = linted.iter().flat_map(|l| l.report.pending.iter().map(|p| p.name.clone())).collect();
    if names.is_empty() {
        return;
    }
    let candidates = candidate_files(unit, root);
    let mut consts: Vec<_> = candidates
        .par_iter()
        .filter_map(|(display, path)| {
            let text = std::fs::read_to_string(path).ok()?;
            names.iter().any(|n| memchr::memmem::find(text.as_bytes(), n.as_bytes()).is_some()).then(|| collect_consts(display, &text))
        })
        .flatten()
        .filter(|c| names.contains(&c.name))
        .collect();
    consts.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
    let mut reports: Vec<FileReport> = linted.iter_mut().map(|l| std::mem::take(&mut l.report)).collect();
    join(&mut reports, &consts);
    for (l, r) in linted.iter_mut().zip(reports) {
        l.report = r;
    }
}

/// The files a constant may live in: the unit's own files, and in paths mode every `.rs` file
/// under the package directory.
fn candidate_files(unit: &Unit, root: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut files: Vec<(String, std::path::PathBuf)> = unit.files.iter().map(|f| (f.display.clone(), f.path.clone())).collect();
    if !unit.dir.as_os_str().is_empty() && unit.dir.join("Cargo.toml").is_file() {
        let src = unit.dir.join("src");
        for entry in ignore::WalkBuilder::new(&src).follow_links(false).build().flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|x| x == "rs") && !files.iter().any(|(_, f)| f == p) {
                files.push((display_path(root, p), p.to_path_buf()));
            }
        }
    }
    files
}

/// Lints one in-memory file as the CLI would, under `policy` (the ui tests use this).
pub fn lint_source(display: &str, text: &str, is_test_target: bool, policy: &tlslint_lints::Policy) -> FileFindings {
    let prefilter = Prefilter::new();
    let mut report = check_file(&SourceFile { path: display, text, is_test_target, policy }, &prefilter);
    let consts = collect_consts(display, text);
    join(std::slice::from_mut(&mut report), &consts);
    finalize(&mut report, text, policy);
    FileFindings { display: display.to_string(), text: Some(text.to_string()), diagnostics: report.diagnostics }
}

/// Renders findings exactly as the CLI's human format does, without colour.
pub fn render_plain(files: &[FileFindings], anonymize_line_numbers: bool) -> String {
    let mut sources = Sources::default();
    for f in files {
        if let Some(t) = &f.text {
            sources.add_text(f.display.clone(), t.clone());
        }
    }
    let style = human::Style { color: false, short: false, anonymize_line_numbers };
    let mut out = human::render_all(files, &mut sources, style);
    if let Some(line) = human::summary(Counts::of(files), style) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
