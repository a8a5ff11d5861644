//! The flags for where tlslint runs besides a terminal: CI upload jobs (`--exit-zero`),
//! adopting it on an existing code base (`--baseline`, `--write-baseline`, `--diff`) and git
//! hooks (`--staged`, `--install-hook`), and the glue that applies them to a run.

use std::path::PathBuf;

use crate::cli::Args;
use crate::plan::Plan;
use crate::render::FileFindings;
use crate::workspace::SetupError;
use crate::{baseline, git, paths};

/// Flags of the integrations, flattened into [`Args`].
#[derive(clap::Args, Debug, Default)]
pub struct IntegrationArgs {
    /// Exit 0 even when there are findings (tool errors still exit 2), e.g. for SARIF upload jobs.
    #[arg(long)]
    pub exit_zero: bool,
    /// Report only findings not recorded in this baseline file (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (JSON).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings on lines added or changed since this git revision.
    #[arg(long, value_name = "REV")]
    pub diff: Option<String>,
    /// Lint the staged contents of the staged `.rs`, `Cargo.toml` and `Cargo.lock` files (for a
    /// git pre-commit hook).
    #[arg(long, conflicts_with = "paths")]
    pub staged: bool,
    /// Write a git pre-commit hook that runs `cargo-tlslint --staged`, then exit.
    #[arg(long)]
    pub install_hook: bool,
}

/// The plan of a `--staged` run and the directory holding the index's files, which must live
/// as long as the plan's files are read.
pub fn staged_plan(args: &Args) -> Result<(Plan, tempfile::TempDir), SetupError> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    let top = git::toplevel(&cwd).map_err(|e| anyhow::anyhow!(e))?;
    let files = git::staged_files(&top).map_err(|e| anyhow::anyhow!(e))?;
    let dir = tempfile::Builder::new()
        .prefix("tlslint-staged")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("cannot create a temporary directory: {e}"))?;
    if !files.is_empty() {
        git::checkout_index(&top, dir.path()).map_err(|e| anyhow::anyhow!(e))?;
    }
    let paths: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    let plan = paths::plan_in(args, dir.path(), &paths)?;
    Ok((plan, dir))
}

/// Applies `--diff`, `--write-baseline` and `--baseline` to the findings, in that order.
pub fn filter(
    flags: &IntegrationArgs,
    plan: &Plan,
    files: &mut Vec<FileFindings>,
) -> Result<(), String> {
    if let Some(rev) = &flags.diff {
        let changed = git::changed_lines(&plan.root, rev)?;
        for file in files.iter_mut() {
            let ranges = changed.get(&file.display);
            let text = file.text.as_deref();
            file.diagnostics.retain(|d| {
                let line = text.map_or(1, |t| {
                    crate::render::span_positions(t, &d.primary.range).0.line
                });
                ranges.is_some_and(|r| r.iter().any(|r| r.contains(&line)))
            });
        }
        files.retain(|f| !f.diagnostics.is_empty());
    }
    if let Some(path) = &flags.write_baseline {
        baseline::write(path, files)?;
    }
    if let Some(path) = &flags.baseline {
        baseline::filter(files, &baseline::read(path)?);
    }
    Ok(())
}

/// `--install-hook`: installs the git hook for the repository around the current directory.
pub fn install_hook() -> std::process::ExitCode {
    use std::io::Write;
    let result = std::env::current_dir()
        .map_err(|e| format!("cannot read the current directory: {e}"))
        .and_then(|d| crate::hook::install(&d));
    match result {
        Ok(path) => {
            let _ = writeln!(
                anstream::stderr(),
                "installed the pre-commit hook at `{}`",
                path.display()
            );
            std::process::ExitCode::from(crate::run::EXIT_CLEAN)
        }
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            std::process::ExitCode::from(crate::run::EXIT_ERROR)
        }
    }
}
