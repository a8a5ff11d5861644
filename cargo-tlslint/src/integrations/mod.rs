//! The flags for where tlslint runs besides a terminal: CI upload jobs (`--exit-zero`),
//! adopting it on an existing code base (`--baseline`, `--write-baseline`, `--diff`) and git
//! hooks (`--staged`, `--install-hook`), and the glue that applies them to a run.

pub mod baseline;
pub mod git;
pub mod hook;

use std::path::PathBuf;

use crate::cli::{Args, IntegrationArgs};
use crate::exit::ExitStatus;
use crate::plan::confine::{Refusal, Tree};
use crate::plan::paths;
use crate::plan::workspace::SetupError;
use crate::plan::{Plan, Problem, display_path};
use crate::render::FileFindings;

/// The plan of a `--staged` run and the directory holding the index's files, which must live
/// as long as the plan's files are read. Every regular `.rs` file, `Cargo.toml`, `Cargo.lock` and
/// `tlslint.toml` of the index is written there (raw, as git stores it: no filter runs), so the
/// staged files are linted with the staged policy and crate constants; the staged ones are
/// linted. A staged symlink or submodule is reported, not followed.
pub fn staged_plan(args: &Args) -> Result<(Plan, tempfile::TempDir), SetupError> {
    let cwd = std::env::current_dir()
        .map_err(|e| anyhow::anyhow!("cannot read the current directory: {e}"))?;
    let repo = git::Repo::around(&cwd).map_err(|e| anyhow::anyhow!(e))?;
    let index = repo.index().map_err(|e| anyhow::anyhow!(e))?;
    let head = repo.head_tree().map_err(|e| anyhow::anyhow!(e))?;
    let staged = git::staged(&index, &head);
    let dir = tempfile::Builder::new()
        .prefix("tlslint-staged")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("cannot create a temporary directory: {e}"))?;
    let mut problems = Vec::new();
    if !staged.is_empty() {
        let wanted: Vec<&git::Entry> = index
            .iter()
            .filter(|e| {
                e.is_regular()
                    && git::is_plain_relative(&e.path)
                    && (git::is_linted(&e.path)
                        || e.path.rsplit('/').next() == Some("tlslint.toml"))
            })
            .collect();
        let oids: Vec<String> = wanted.iter().map(|e| e.oid.clone()).collect();
        let blobs = repo.blobs(&oids).map_err(|e| anyhow::anyhow!(e))?;
        for (entry, blob) in wanted.into_iter().zip(blobs) {
            let target = dir.path().join(&entry.path);
            let written = match blob {
                git::Blob::Content(bytes) => target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&target, bytes))
                    .map_err(|e| format!("cannot write the staged `{}`: {e}", entry.path)),
                git::Blob::TooLarge(size) => Err(Refusal::TooLarge(size).to_string()),
                git::Blob::Missing => Err("the index names an object git does not have".into()),
            };
            if let Err(reason) = written {
                problems.push(staged_problem(&entry.path, reason));
            }
        }
    }
    let mut paths = Vec::new();
    for entry in &staged {
        if !entry.is_regular() {
            let what = if entry.mode == "120000" {
                "a symbolic link"
            } else {
                "a submodule"
            };
            problems.push(staged_problem(
                &entry.path,
                Refusal::NotRegular(what).to_string(),
            ));
        } else if !git::is_plain_relative(&entry.path) {
            problems.push(staged_problem(&entry.path, Refusal::Outside.to_string()));
        } else if !problems.iter().any(|p| p.display == entry.path) {
            paths.push(PathBuf::from(&entry.path));
        }
    }
    let mut plan = paths::plan_in(
        args,
        dir.path(),
        &paths,
        Tree::new([dir.path().to_path_buf()]),
    )?;
    plan.problems.extend(problems);
    Ok((plan, dir))
}

fn staged_problem(path: &str, reason: String) -> Problem {
    Problem {
        display: crate::plan::shown(path),
        path: None,
        range: None,
        verb: "cannot read",
        reason,
        label: "",
        io: false,
    }
}

/// What a change (`--diff REV`) adds that keeps findings from being reported: inline
/// suppressions on added lines, and `exclude` globs that the tree's policy files did not have at
/// `REV`. A reviewer of a stranger's pull request sees them in the summary and in SARIF.
#[derive(Debug, Default)]
pub struct Quieted {
    /// The revision compared with.
    pub rev: String,
    /// Suppressions added: (display path, byte range of the comment, 1-based line, rule code).
    pub suppressions: Vec<(String, std::ops::Range<usize>, usize, &'static str)>,
    /// Excludes added: (display path of the policy file, glob).
    pub excludes: Vec<(String, String)>,
}

impl Quieted {
    /// Whether the finding `d` of `display` is lifted by a suppression the change adds.
    pub fn suppresses(&self, display: &str, d: &tlslint_lints::Diagnostic) -> bool {
        d.suppressed.as_ref().is_some_and(|s| {
            self.suppressions
                .iter()
                .any(|(f, at, _, _)| f == display && *at == s.at)
        })
    }

    /// The lines of the summary: nothing when the change adds nothing.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        if self.suppressions.is_empty() && self.excludes.is_empty() {
            return out;
        }
        let plural = |n: usize, one: &str| {
            if n == 1 {
                one.to_string()
            } else {
                format!("{one}s")
            }
        };
        out.push_str(&format!(
            "warning: the changes since `{}` add {} {} and {} {}:\n",
            self.rev,
            self.suppressions.len(),
            plural(self.suppressions.len(), "suppression"),
            self.excludes.len(),
            plural(self.excludes.len(), "exclude"),
        ));
        for (file, _, line, code) in &self.suppressions {
            out.push_str(&format!(
                "  {file}:{line}: a `{code}` finding is suppressed\n"
            ));
        }
        for (file, glob) in &self.excludes {
            out.push_str(&format!("  {file}: `exclude` adds `{glob}`\n"));
        }
        out
    }
}

/// What [`filter`] did besides dropping findings.
#[derive(Debug, Default)]
pub struct Filtered {
    /// What the change of `--diff` adds.
    pub quieted: Quieted,
    /// The number of entries `--write-baseline` wrote.
    pub baseline_entries: Option<usize>,
}

/// Why the findings could not be filtered.
#[derive(Debug, thiserror::Error)]
pub enum FilterError {
    /// `--diff` failed.
    #[error(transparent)]
    Git(#[from] git::GitError),
    /// `--baseline` or `--write-baseline` failed.
    #[error(transparent)]
    Baseline(#[from] baseline::BaselineError),
}

/// Applies `--diff`, `--write-baseline` and `--baseline` to the findings, in that order.
pub fn filter(
    flags: &IntegrationArgs,
    plan: &Plan,
    files: &mut Vec<FileFindings>,
) -> Result<Filtered, FilterError> {
    let mut filtered = Filtered::default();
    if let Some(rev) = &flags.diff {
        filtered.quieted = keep_added_lines(rev, plan, files)?;
    }
    if let Some(path) = &flags.write_baseline {
        filtered.baseline_entries = Some(baseline::write(path, files)?);
    }
    if let Some(path) = &flags.baseline {
        baseline::filter(files, &baseline::read(path, &plan.tree)?);
    }
    Ok(filtered)
}

/// `--diff REV`: keeps the findings on lines added or changed since `rev` in the repository
/// around the current directory. Each file with findings is compared with its blob at `rev`
/// (redacted as the file's text is, so masked keys compare alike); a file the commit does not
/// have — new, untracked, or outside the repository — keeps all its findings. A suppressed
/// finding whose suppression comment is on an added line is kept and listed, as is every
/// `exclude` glob of the tree's policy files that they did not set at `rev`.
fn keep_added_lines(
    rev: &str,
    plan: &Plan,
    files: &mut Vec<FileFindings>,
) -> Result<Quieted, git::GitError> {
    let cwd = std::env::current_dir()
        .map_err(|e| git::GitError(format!("cannot read the current directory: {e}")))?;
    let repo = git::Repo::around(&cwd)?;
    let commit = repo.commit(rev)?;
    let top = std::fs::canonicalize(&repo.top).unwrap_or_else(|_| repo.top.clone());
    let relative = |path: &std::path::Path| -> Option<String> {
        let path = std::fs::canonicalize(path).ok()?;
        let rel = path.strip_prefix(&top).ok()?;
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        Some(parts?.join("/"))
    };
    let mut quieted = Quieted {
        rev: rev.to_string(),
        excludes: added_excludes(&repo, &commit, plan, &relative)?,
        ..Quieted::default()
    };
    let paths: Vec<&std::path::Path> = files.iter().map(|f| f.path.as_path()).collect();
    let blobs = blobs_at(&repo, &commit, &paths, &relative)?;
    for (file, blob) in files.iter_mut().zip(blobs) {
        let Some(blob) = blob else {
            continue;
        };
        let (git::Blob::Content(old), Some(text)) = (blob, &file.text) else {
            continue;
        };
        let old = String::from_utf8_lossy(&old);
        let old = crate::store::shown_once(&file.display, old.into_owned());
        let added = git::added_lines(old.as_str(), text);
        let is_added = |at: usize| {
            let line = text.positions(&(at..at)).0.line;
            added.iter().any(|r| r.contains(&line)).then_some(line)
        };
        file.diagnostics.retain(|d| {
            if let Some(s) = &d.suppressed
                && let Some(line) = is_added(s.at.start)
            {
                quieted
                    .suppressions
                    .push((file.display.clone(), s.at.clone(), line, d.rule.code));
                return true;
            }
            is_added(d.primary.range.start).is_some()
        });
    }
    files.retain(|f| !f.diagnostics.is_empty());
    Ok(quieted)
}

/// The blobs of `paths` at `commit`; `None` for a path outside the repository.
fn blobs_at(
    repo: &git::Repo,
    commit: &str,
    paths: &[&std::path::Path],
    relative: &dyn Fn(&std::path::Path) -> Option<String>,
) -> Result<Vec<Option<git::Blob>>, git::GitError> {
    let rel: Vec<Option<String>> = paths.iter().map(|p| relative(p)).collect();
    let specs: Vec<String> = rel
        .iter()
        .flatten()
        .map(|r| format!("{commit}:{r}"))
        .collect();
    let mut blobs = repo.blobs(&specs)?.into_iter();
    Ok(rel
        .iter()
        .map(|r| r.as_ref().and_then(|_| blobs.next()))
        .collect())
}

/// The `exclude` globs in effect (see [`crate::policy::config::ExcludeEntry`]) that their policy file
/// did not set at `commit`; with `--config`, none (the tree's policy files are not read).
fn added_excludes(
    repo: &git::Repo,
    commit: &str,
    plan: &Plan,
    relative: &dyn Fn(&std::path::Path) -> Option<String>,
) -> Result<Vec<(String, String)>, git::GitError> {
    let mut entries: Vec<&crate::policy::config::ExcludeEntry> = plan
        .units
        .iter()
        .flat_map(|u| &u.excludes.entries)
        .collect();
    entries.sort_by(|a, b| (&a.file, &a.glob).cmp(&(&b.file, &b.glob)));
    entries.dedup();
    let mut policy_files: Vec<&std::path::Path> =
        entries.iter().map(|e| e.file.as_path()).collect();
    policy_files.dedup();
    let blobs = blobs_at(repo, commit, &policy_files, relative)?;
    let mut old: std::collections::HashMap<&std::path::Path, Vec<String>> = Default::default();
    for (file, blob) in policy_files.iter().zip(blobs) {
        let globs = match blob {
            Some(git::Blob::Content(bytes)) => {
                crate::policy::config::exclude_globs(file, &String::from_utf8_lossy(&bytes))
            }
            Some(_) => Vec::new(),
            None => continue,
        };
        old.insert(file, globs);
    }
    Ok(entries
        .into_iter()
        .filter(|e| {
            old.get(e.file.as_path())
                .is_some_and(|globs| !globs.contains(&e.glob))
        })
        .map(|e| (display_path(&plan.root, &e.file), e.glob.clone()))
        .collect())
}

/// `--install-hook`: installs the git hook for the repository around the current directory.
pub fn install_hook() -> ExitStatus {
    use std::io::Write;
    let result = match std::env::current_dir() {
        Ok(dir) => hook::install(&dir).map_err(|e| e.to_string()),
        Err(e) => Err(format!("cannot read the current directory: {e}")),
    };
    match result {
        Ok(path) => {
            let _ = writeln!(
                anstream::stderr(),
                "installed the pre-commit hook at `{}`",
                path.display()
            );
            ExitStatus::Clean
        }
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            ExitStatus::Error
        }
    }
}
