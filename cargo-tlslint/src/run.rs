//! One run: collect the files (workspace or paths mode), lint them in parallel, join facts per
//! package, apply each package's policy, render, and choose the exit status.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use tlslint_lints::{
    Diagnostic, Engine, FileReport, PackageFile, PackageFiles, Policy, SourceFile, Triggers,
};

use crate::cargo_target::CargoTarget;
use crate::cli::{Args, ColorChoice, Command, MessageFormat, Output};
use crate::confine::{self, Refusal};
use crate::exit::ExitStatus;
use crate::explain;
use crate::modtree;
use crate::plan::{FileEntry, Plan, Problem, Unit, display_path};
use crate::render::sarif_invocation::Invocation;
use crate::render::{Counts, FileFindings, Sources, github, gitlab, human, json, sarif};
use crate::workspace::{self, SetupError};
use crate::{deps, fix, integrations, manifest, paths, setup_error, source_read};

/// Files larger than this are not parsed (reported as TLS001) when they contain a trigger word.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The stack size of the worker threads: deep but legal expressions must not overflow it.
pub const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs the command.
pub fn run(args: &Args) -> ExitStatus {
    let color = match args.color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    color.write_global();
    match &args.command {
        Some(Command::Server(server)) => return crate::server::run(server),
        Some(Command::Init(init)) => return crate::init::run(args, init),
        None => {}
    }
    if args.list {
        return print_stdout(&explain::list());
    }
    if args.print_needles {
        return print_stdout(&explain::needles());
    }
    if let Some(key) = &args.explain {
        return match explain::explain(key) {
            Some(text) => print_stdout(&text),
            None => tool_error(format!("no rule named `{key}`; see `cargo tlslint --list`")),
        };
    }
    let output = match args.output() {
        Ok(output) => output,
        Err(e) => return tool_error(e),
    };
    if let Err(e) = args.rule_levels() {
        return stopped(args, output, e);
    }
    if args.integrations.install_hook {
        return integrations::install_hook();
    }
    if let Some(refusal) = stdin_refusal(args) {
        return stopped(args, output, refusal.to_string());
    }
    if (args.names_files() || args.integrations.staged) && args.targets.selects_by_kind() {
        return stopped(
            args,
            output,
            "`--lib`, `--bins`, `--bin`, `--examples`, `--example`, `--test` and `--bench` select targets of a cargo workspace; they cannot be combined with PATHS or `--staged`".into(),
        );
    }
    lint_and_report(args, output)
}

/// Why standard input (`-`, `--stdin-filename`) cannot be read in this run, if it cannot: it is
/// one file, linted alone (ruff reads only standard input then; naming other paths too is
/// refused here rather than silently ignored), and never written to.
fn stdin_refusal(args: &Args) -> Option<&'static str> {
    if !args.reads_stdin() {
        return None;
    }
    if args.paths.iter().any(|p| p.as_os_str() != "-") || args.paths.len() > 1 {
        return Some(
            "`-` (standard input) is linted alone; it cannot be combined with other paths (run them separately)",
        );
    }
    if args.integrations.staged {
        return Some("`--staged` lints the index; it cannot be combined with standard input (`-`)");
    }
    if args.fix.fix || args.fix.show_fixes {
        return Some(
            "`--fix` and `--show-fixes` work on files on disk; they cannot be combined with standard input (`-`)",
        );
    }
    None
}

/// The plan of the run: the staged files, standard input, the named paths or the workspace.
fn plan_run(args: &Args) -> Result<(Plan, Option<tempfile::TempDir>), SetupError> {
    if args.integrations.staged {
        integrations::staged_plan(args).map(|(plan, dir)| (plan, Some(dir)))
    } else if args.reads_stdin() {
        let bytes = confine::read_stdin()
            .map_err(|e| anyhow::anyhow!("cannot read standard input: {e}"))?;
        paths::stdin_plan(args, args.stdin_filename.as_deref(), bytes.into()).map(|p| (p, None))
    } else if args.paths.is_empty() {
        workspace::plan(args).map(|p| (p, None))
    } else {
        paths::plan(args).map(|p| (p, None))
    }
}

/// Plans the run, lints, filters, audits, prints the report and chooses the exit status.
fn lint_and_report(args: &Args, output: Output) -> ExitStatus {
    let started = Instant::now();
    let (mut plan, staged_dir) = match plan_run(args) {
        Ok(planned) => planned,
        Err(e) => {
            if output.format == MessageFormat::Sarif {
                let (message, place) = setup_error::summary(&e);
                write_failure_log(args, &Invocation::failed(message, place));
            }
            let _ = write!(
                anstream::stderr(),
                "{}",
                setup_error::render(&e, stderr_shows_color())
            );
            return ExitStatus::Error;
        }
    };
    if output.format == MessageFormat::Json
        && !output.render_diagnostics
        && args.names_files()
        && !args.integrations.staged
    {
        crate::cargo_target::attach(&mut plan);
    }
    let collected = started.elapsed();
    let audit_wanted = args.dependencies || args.vendor_dir.is_some() || plan.dependencies.audit;
    if audit_wanted && args.names_files() {
        return stopped(
            args,
            output,
            "`--dependencies` audits the dependencies of a cargo workspace; it cannot be combined with PATHS".into(),
        );
    }
    if args.fix.show_fixes {
        return fix::show(args, &plan);
    }
    let fixed = match args.fix.fix.then(|| fix::apply(args, &plan)).transpose() {
        Ok(fixed) => fixed,
        Err(e) => return stopped(args, output, e),
    };
    let mut outcome = lint(&plan);
    let quieted = match integrations::filter(&args.integrations, &plan, &mut outcome.files) {
        Ok(integrations::Filtered {
            baseline_entries: Some(entries),
            ..
        }) => {
            if !args.quiet {
                let _ = writeln!(
                    anstream::stderr(),
                    "tlslint: wrote {} to `{}`",
                    crate::render::count(entries, "baseline entry", "baseline entries"),
                    args.integrations
                        .write_baseline
                        .as_deref()
                        .unwrap_or(Path::new(""))
                        .display()
                );
            }
            return if outcome.io_error {
                ExitStatus::Error
            } else {
                ExitStatus::Clean
            };
        }
        Ok(filtered) => filtered.quieted,
        Err(e) => return stopped(args, output, e),
    };
    let audit_started = Instant::now();
    let audit = match audit_wanted
        .then(|| run_audit(args, &plan, &outcome))
        .transpose()
    {
        Ok(audit) => audit,
        Err(e) => return stopped(args, output, format!("{e:#}")),
    };
    let audit_time = audit_started.elapsed();
    let counts = Counts::of(&outcome.files);
    let failed = counts.errors > 0
        || (args.deny_warnings() && counts.warnings > 0)
        || audit
            .as_ref()
            .is_some_and(|a| a.fails(args.deny_warnings()));
    let unfixed = fixed.as_ref().is_some_and(|f| !f.refused.is_empty());
    let exit = if outcome.io_error || unfixed {
        ExitStatus::Error
    } else if failed && !args.integrations.exit_zero {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    let report = Report {
        args,
        output,
        plan: &plan,
        outcome: &outcome,
        audit: audit.as_ref(),
        quieted: &quieted,
        counts,
        failed,
        exit,
        fixing: fixed.is_some(),
    };
    if let Err(e) = report.write(&mut report.sources()) {
        return tool_error(format!("cannot write the output: {e}"));
    }
    if let Some(fixed) = &fixed {
        let remaining = counts.errors + counts.warnings;
        let summary = if args.quiet {
            String::new()
        } else {
            fixed.summary(remaining)
        };
        let _ = write!(anstream::stderr(), "{summary}{}", fixed.refusals());
    }
    if args.verbose > 0 {
        let _ = writeln!(
            anstream::stderr(),
            "tlslint: {} in {}, {} parsed; collected in {} ms, total {} ms",
            crate::render::count(outcome.files_seen, "file", "files"),
            crate::render::count(plan.units.len(), "package", "packages"),
            outcome.files_parsed,
            collected.as_millis(),
            started.elapsed().as_millis()
        );
        if let Some(audit) = &audit {
            let _ = writeln!(
                anstream::stderr(),
                "tlslint: dependency audit: {} packages, {} files in {} ms",
                audit.linted,
                audit.files,
                audit_time.as_millis()
            );
        }
    }
    drop(staged_dir);
    exit
}

/// Prints `error: {message}` and gives the tool-error exit status.
fn tool_error(message: impl std::fmt::Display) -> ExitStatus {
    let _ = writeln!(anstream::stderr(), "error: {message}");
    ExitStatus::Error
}

/// Ends a run that an error stopped: prints `error: {message}` (redacted: git and cargo quote
/// what they failed on) and, under `--message-format sarif`, still writes a valid log whose
/// invocation carries the error, so that an upload job (`--exit-zero`) shows why.
fn stopped(args: &Args, output: Output, message: String) -> ExitStatus {
    let message = crate::render::redacted_message(&message);
    if output.format == MessageFormat::Sarif {
        write_failure_log(args, &Invocation::failed(message.clone(), None));
    }
    tool_error(message)
}

/// Writes the SARIF log of a run stopped by an error (a failure to write it is reported, the
/// status stays 2).
fn write_failure_log(args: &Args, invocation: &Invocation) {
    if let Err(e) = write_report(args, &sarif::failure(invocation)) {
        let _ = writeln!(anstream::stderr(), "error: cannot write the output: {e}");
    }
}

/// Everything the report of a finished run is made from.
struct Report<'r> {
    args: &'r Args,
    output: Output,
    plan: &'r Plan,
    outcome: &'r Outcome,
    audit: Option<&'r deps::Audit>,
    quieted: &'r integrations::Quieted,
    counts: Counts,
    /// Whether the run fails on its findings (before `--exit-zero`).
    failed: bool,
    /// The exit status the run ends with.
    exit: ExitStatus,
    /// Whether `--fix` ran (it ends with its own summary of what is left).
    fixing: bool,
}

impl Report<'_> {
    /// Where the files the findings point into can be read from, each within its tree.
    fn sources(&self) -> Sources {
        let mut sources = Sources::default();
        let wanted = Sources::wanted(&self.outcome.files);
        for unit in &self.plan.units {
            for f in unit
                .files
                .iter()
                .filter(|f| wanted.contains(f.display.as_str()))
            {
                sources.add_path(f.display.clone(), f.path.clone(), &unit.tree);
            }
        }
        if let Some(audit) = self.audit {
            audit.register_sources(&wanted, &mut sources);
        }
        for display in wanted {
            sources.add_path_if_new(display, self.plan.root.join(display), &self.plan.tree);
        }
        sources
    }

    /// Writes the report in the chosen format.
    fn write(&self, sources: &mut Sources) -> std::io::Result<()> {
        let (args, plan, files) = (self.args, self.plan, &self.outcome.files);
        let for_people = matches!(
            self.output.format,
            MessageFormat::Human | MessageFormat::Short | MessageFormat::Github
        ) || self.output.render_diagnostics;
        match self.output.format {
            _ if for_people => self.write_for_people(sources),
            MessageFormat::Sarif => {
                let invocation = Invocation::of_plan(plan, self.exit, Engine::unparsable_rule());
                let mut log = sarif::render(files, sources, &plan.root, self.quieted, &invocation);
                if let Some(audit) = self.audit {
                    log = deps::sarif::extend(
                        &log,
                        audit,
                        &deps::locate::Locator::default_cargo_home(),
                    );
                }
                write_report(args, &log)
            }
            MessageFormat::Gitlab => write_report(args, &gitlab::render(files, &plan.root)),
            _ => write_report(args, &self.json_messages(sources)),
        }
    }

    /// The human, short or github report (and, under `json-render-diagnostics`, the human report
    /// on stderr with the build-finished message on stdout).
    fn write_for_people(&self, sources: &mut Sources) -> std::io::Result<()> {
        let (args, format) = (self.args, self.output.format);
        let style = human::Style {
            color: stderr_shows_color()
                && format != MessageFormat::Github
                && args.integrations.output_file.is_none(),
            short: format == MessageFormat::Short,
            anonymize_line_numbers: false,
        };
        let mut out = human::render_all(&self.outcome.files, sources, style);
        if let Some(audit) = self.audit {
            if args.verbose > 0 {
                let files = audit.files_with_findings.iter().map(|(_, f)| f);
                out.push_str(&human::render_all(files, sources, style));
            }
            out.push_str(&deps::summary::render(audit, args.verbose > 0));
        }
        out.push_str(&self.quieted.summary());
        let summary = human::summary(self.counts, style);
        if !args.quiet && (summary.is_some() || !self.fixing) {
            out.push_str(&summary.unwrap_or_else(|| {
                format!(
                    "tlslint: 0 findings in {} ({})",
                    crate::render::count(self.outcome.files_seen, "file", "files"),
                    crate::render::count(self.plan.units.len(), "package", "packages")
                )
            }));
            out.push('\n');
        }
        if format == MessageFormat::Github {
            let annotations = github::render(&self.outcome.files, &self.plan.root);
            write_report(args, &format!("{}{annotations}", github::quoted_log(&out)))
        } else if let Some(path) = &args.integrations.output_file {
            write_output_file(path, &out)
        } else {
            let _ = write!(anstream::stderr(), "{out}");
            if self.output.render_diagnostics {
                write_stdout(&format!("{}\n", self.finished()))
            } else {
                Ok(())
            }
        }
    }

    /// cargo's JSON messages: one per unsuppressed finding (the dependencies' after the
    /// workspace's), then build-finished.
    fn json_messages(&self, sources: &mut Sources) -> String {
        let rendered = human::Style {
            color: self.output.rendered_ansi,
            short: self.output.rendered_short,
            anonymize_line_numbers: false,
        };
        let manifest = self.plan.root.join("Cargo.toml").display().to_string();
        let targets: HashMap<&str, &CargoTarget> = self
            .plan
            .units
            .iter()
            .flat_map(|u| &u.files)
            .filter_map(|f| Some((f.display.as_str(), f.target.as_deref()?)))
            .collect();
        let mut out = String::new();
        for file in &self.outcome.files {
            let origin = targets
                .get(file.display.as_str())
                .map_or(json::Origin::Manifest(&manifest), |t| {
                    json::Origin::Target(t)
                });
            for d in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
                out.push_str(&json::message_styled(d, file, sources, origin, rendered));
                out.push('\n');
            }
        }
        if let Some(audit) = self.audit {
            for (pkg, file) in &audit.files_with_findings {
                for d in &file.diagnostics {
                    out.push_str(&deps::json::message(audit, *pkg, d, file, sources));
                    out.push('\n');
                }
            }
        }
        out.push_str(&self.finished());
        out.push('\n');
        out
    }

    /// cargo's build-finished message.
    fn finished(&self) -> String {
        json::finished(!self.failed && !self.outcome.io_error)
    }
}

/// The dependency audit of a workspace run.
fn run_audit(args: &Args, plan: &Plan, outcome: &Outcome) -> anyhow::Result<deps::Audit> {
    let vendor_dir = match &args.vendor_dir {
        Some(dir) => {
            let abs = std::path::absolute(dir)
                .map_err(|e| anyhow::anyhow!("invalid `--vendor-dir` `{}`: {e}", dir.display()))?;
            if !abs.is_dir() {
                anyhow::bail!("`--vendor-dir` `{}` is not a directory", dir.display());
            }
            Some(abs)
        }
        None => None,
    };
    deps::audit(&deps::Inputs {
        plan,
        workspace: outcome,
        cargo_home: deps::locate::Locator::default_cargo_home(),
        vendor_dir,
        policy: &plan.dependencies,
    })
}

/// Whether stderr shows colour (after `--color`, `CARGO_TERM_COLOR`, the terminal test and
/// `NO_COLOR`, as anstream decides). What goes to stderr is rendered in colour only then:
/// otherwise anstream strips the escapes again, one `write` call per stretch between them.
fn stderr_shows_color() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

fn print_stdout(text: &str) -> ExitStatus {
    match write!(anstream::stdout(), "{text}").and_then(|()| anstream::stdout().flush()) {
        Ok(()) => ExitStatus::Clean,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: cannot write the output: {e}");
            ExitStatus::Error
        }
    }
}

/// Writes a machine-readable report to `--output-file`, or to stdout.
fn write_report(args: &Args, text: &str) -> std::io::Result<()> {
    match &args.integrations.output_file {
        Some(path) => write_output_file(path, text),
        None => write_stdout(text),
    }
}

/// Writes the report to `--output-file`, replacing the file (never writing through a link).
fn write_output_file(path: &Path, text: &str) -> std::io::Result<()> {
    confine::replace_file(path, text.as_bytes())
        .map_err(|e| std::io::Error::new(e.kind(), format!("`{}`: {e}", path.display())))
}

/// Writes `text` to stdout and flushes it: a failure (a full disk, a closed pipe) must end the run
/// with exit status 2 rather than leave a truncated report behind a clean status.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
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
    path: std::path::PathBuf,
    text: Option<String>,
    report: FileReport,
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
    let work = || {
        jobs.par_iter()
            .map(|(unit, file)| lint_one(*unit, file, &plan.units[*unit], &engine, &declarations))
            .collect::<Vec<_>>()
    };
    let results = match rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK_BYTES)
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
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
    for (unit_index, linted) in &mut by_unit {
        finish_package(&engine, &plan.units[*unit_index], &plan.root, linted);
    }
    let mut with_verifier_facts: Vec<&mut FileReport> = by_unit
        .values_mut()
        .flatten()
        .map(|l| &mut l.report)
        .filter(|r| !r.verifier_facts.is_empty())
        .collect();
    engine.finish_run(&mut with_verifier_facts);
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
            engine.finalize(&mut l.report, l.text.as_deref().unwrap_or(""), policy);
            if !l.report.diagnostics.is_empty() {
                outcome.files.push(FileFindings::new(
                    l.display,
                    l.path,
                    l.text,
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
        let text = path.as_deref().and_then(|p| tree.read_to_string(p).ok());
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
                text,
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
) -> Linted {
    let policy = &unit.policy;
    let mut linted = Linted {
        unit: unit_index,
        display: file.display.clone(),
        path: file.path.clone(),
        text: None,
        report: FileReport {
            path: file.display.clone(),
            ..FileReport::default()
        },
        parsed: false,
        io_error: false,
        force_included: file.force_included,
    };
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
            Some(kind) => Kept::Manifest(kind, text.to_string()),
            None => engine.scan(text).map_or(Kept::Nothing, |triggers| {
                Kept::Source(text.to_string(), triggers)
            }),
        },
    };
    let read = match &file.contents {
        Some(bytes) => Ok(keep(bytes)),
        None => source_read::with_bytes(open, keep),
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
            linted.text = Some(text);
            return linted;
        }
        Ok(Kept::Source(text, triggers)) => (text, triggers),
    };
    if text.len() > MAX_FILE_BYTES {
        let mut d = Diagnostic::new(
            Engine::unparsable_rule(),
            format!(
                "cannot lint `{}`: the file is {:.1} MiB, over the {} MiB limit",
                file.display,
                text.len() as f64 / 1048576.0,
                MAX_FILE_BYTES >> 20
            ),
            0..0,
        )
        .note("very large files are usually generated; the rest of the workspace is still linted");
        d.in_test_code = file.is_test_target;
        linted.report.diagnostics.push(d);
        return linted;
    }
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
        linted.text = Some(text);
    }
    linted
}

/// What reading a file keeps: only a manifest, or a source that passes the prefilter, is copied
/// out of the read buffer.
enum Kept {
    NotUtf8(usize),
    Nothing,
    Manifest(manifest::Kind, String),
    Source(String, Triggers),
}

/// Settles one package's deferred findings (constants of other files, parameters' callers,
/// package facts), reading the package's files only as the engine asks.
fn finish_package(engine: &Engine, unit: &Unit, root: &Path, linted: &mut [Linted]) {
    let mut reports: Vec<FileReport> = linted
        .iter_mut()
        .map(|l| std::mem::take(&mut l.report))
        .collect();
    let mut files = UnitFiles {
        unit,
        root,
        read: None,
    };
    engine.finish_package(&mut reports, &mut files);
    for (l, r) in linted.iter_mut().zip(reports) {
        l.report = r;
    }
}

/// A unit's Rust files for the engine's package phase: read once (through the unit's tree, in
/// parallel) on the first request, then searched for each request's names.
struct UnitFiles<'u> {
    unit: &'u Unit,
    root: &'u Path,
    read: Option<Vec<PackageFile>>,
}

impl PackageFiles for UnitFiles<'_> {
    fn mentioning(&mut self, names: &BTreeSet<String>) -> Vec<PackageFile> {
        let (unit, root) = (self.unit, self.root);
        let read = self.read.get_or_insert_with(|| {
            candidate_files(unit, root)
                .par_iter()
                .filter(|c| c.path.extension().is_some_and(|x| x == "rs") || c.contents.is_some())
                .filter_map(|c| {
                    let text = match &c.contents {
                        Some(bytes) => std::str::from_utf8(bytes).ok()?.to_string(),
                        None => unit.tree.read_to_string(&c.path).ok()?,
                    };
                    Some(PackageFile {
                        path: c.display.clone(),
                        text,
                        is_test_target: c.is_test_target,
                    })
                })
                .collect()
        });
        read.iter()
            .filter(|f| {
                names
                    .iter()
                    .any(|n| memchr::memmem::find(f.text.as_bytes(), n.as_bytes()).is_some())
            })
            .cloned()
            .collect()
    }
}

/// A file a constant or a call may live in: its display path, its path, whether it is in a test
/// target, and its bytes when they are not read from the path (standard input).
struct Candidate {
    display: String,
    path: std::path::PathBuf,
    is_test_target: bool,
    contents: Option<std::sync::Arc<[u8]>>,
}

/// The files a constant or a call may live in: the unit's own files, and in paths mode every
/// `.rs` file under the package directory.
fn candidate_files(unit: &Unit, root: &Path) -> Vec<Candidate> {
    let mut files: Vec<Candidate> = unit
        .files
        .iter()
        .map(|f| Candidate {
            display: f.display.clone(),
            path: f.path.clone(),
            is_test_target: f.is_test_target,
            contents: f.contents.clone(),
        })
        .collect();
    if !unit.dir.as_os_str().is_empty() && unit.dir.join("Cargo.toml").is_file() {
        let src = unit.dir.join("src");
        for entry in ignore::WalkBuilder::new(&src)
            .follow_links(false)
            .build()
            .flatten()
        {
            let p = entry.path();
            if p.extension().is_some_and(|x| x == "rs") && !files.iter().any(|f| f.path == p) {
                files.push(Candidate {
                    display: display_path(root, p),
                    path: p.to_path_buf(),
                    is_test_target: false,
                    contents: None,
                });
            }
        }
    }
    files
}

/// Lints one in-memory file as the CLI would, under `policy` (the ui tests use this).
pub fn lint_source(
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
    FileFindings::new(
        display.to_string(),
        std::path::PathBuf::new(),
        Some(text.to_string()),
        report.diagnostics,
    )
}

/// Renders findings exactly as the CLI's human format does, without colour; `other_texts` are
/// the files (display path, text) that labels may point into.
pub fn render_plain(
    files: &[FileFindings],
    other_texts: &[(String, String)],
    anonymize_line_numbers: bool,
) -> String {
    let mut sources = Sources::default();
    for f in files {
        if let Some(t) = &f.text {
            sources.add_text(f.display.clone(), t.as_str().to_string());
        }
    }
    for (display, text) in other_texts {
        sources.add_text(display.clone(), text.clone());
    }
    let style = human::Style {
        color: false,
        short: false,
        anonymize_line_numbers,
    };
    let mut out = human::render_all(files, &mut sources, style);
    if let Some(line) = human::summary(Counts::of(files), style) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
