//! One run: collect the files (workspace or paths mode), lint them in parallel, join facts per
//! package, apply each package's policy, render, and choose the exit status.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use tlslint_lints::Engine;

use crate::cli::{Args, ColorChoice, Command, MessageFormat, Output};
use crate::exit::ExitStatus;
use crate::pipeline::{Outcome, lint};
use crate::plan::CargoTarget;
use crate::plan::Plan;
use crate::plan::confine::{self};
use crate::plan::workspace::{self, SetupError};
use crate::render::explain;
use crate::render::sarif_invocation::Invocation;
use crate::render::{self, Counts, SourceStore, github, gitlab, human, json, sarif};
use crate::{deps, fix, integrations, plan::paths, plan::setup_error};

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
        Some(Command::Init(init)) => return crate::policy::init::run(args, init),
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
        return stopped(args, output, refusal);
    }
    if (args.names_files() || args.integrations.staged) && args.targets.selects_by_kind() {
        return stopped(
            args,
            output,
            "`--lib`, `--bins`, `--bin`, `--examples`, `--example`, `--test` and `--bench` select targets of a cargo workspace; they cannot be combined with PATHS or `--staged`",
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
        crate::plan::cargo_target::attach(&mut plan);
    }
    let learned = (!args.no_learn && !args.names_files()).then(|| learn_sinks(args, &mut plan));
    let collected = started.elapsed();
    let audit_wanted = args.dependencies || args.vendor_dir.is_some() || plan.dependencies.audit;
    if audit_wanted && args.names_files() {
        return stopped(
            args,
            output,
            "`--dependencies` audits the dependencies of a cargo workspace; it cannot be combined with PATHS",
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
    if let Err(e) = report.write(report.sources()) {
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
        if let Some(learned) = &learned {
            let _ = write!(anstream::stderr(), "{}", learned.summary(&plan));
        }
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
fn stopped(args: &Args, output: Output, error: impl std::fmt::Display) -> ExitStatus {
    let message = crate::render::redacted_message(&error.to_string());
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
    /// The run's texts, told where the files the findings' labels point into are read from,
    /// each within its tree.
    fn sources(&self) -> &SourceStore {
        let sources = &*self.plan.sources;
        let wanted = render::label_files(&self.outcome.files);
        for unit in &self.plan.units {
            for f in unit
                .files
                .iter()
                .filter(|f| wanted.contains(f.display.as_str()))
            {
                sources.locate(&f.display, &f.path, &unit.tree);
            }
        }
        if let Some(audit) = self.audit {
            audit.register_sources(&wanted, sources);
        }
        for display in wanted {
            sources.locate(display, &self.plan.root.join(display), &self.plan.tree);
        }
        sources
    }

    /// Writes the report in the chosen format.
    fn write(&self, sources: &SourceStore) -> std::io::Result<()> {
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
    fn write_for_people(&self, sources: &SourceStore) -> std::io::Result<()> {
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
    fn json_messages(&self, sources: &SourceStore) -> String {
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

/// Learns the sinks of the workspace's direct dependencies and applies them to the plan.
fn learn_sinks(args: &Args, plan: &mut Plan) -> deps::learn::Learned {
    let vendor_dir = args
        .vendor_dir
        .as_deref()
        .and_then(|d| std::path::absolute(d).ok());
    deps::learn::apply(
        plan,
        &deps::learn::Sources::new(vendor_dir, args.cache_dir.as_deref()),
    )
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
