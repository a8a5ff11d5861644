//! `--fix`, `--unsafe-fixes` and `--show-fixes`: apply the fixes the findings carry (see
//! `tlslint_lints::Fix`) to the files of the run, or print them as a patch. The findings come
//! from the run's own pipeline ([`crate::pipeline::lint`] and the `--diff`/`--baseline` filters), so
//! what is fixed is exactly what the run reports; the run then lints again and reports what
//! remains.

mod select;
mod write;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;

use tlslint_lints::Applicability;

use crate::cli::{Args, FixArgs};
use crate::exit::ExitStatus;
use crate::plan::Plan;
use crate::plan::confine::Tree;
use crate::{integrations, pipeline};

pub use select::{Selection, select};

impl FixArgs {
    /// The least sure applicability to apply.
    fn allowed(&self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::MaybeIncorrect
        } else {
            Applicability::MachineApplicable
        }
    }
}

/// What `--fix` did.
#[derive(Debug, Default)]
pub struct Applied {
    /// Findings fixed.
    pub fixed: usize,
    /// Files rewritten.
    pub files: usize,
    /// Findings whose fix overlapped an earlier one.
    pub overlapping: usize,
    /// Findings with a fix that only `--unsafe-fixes` applies.
    pub hidden: usize,
    /// Files not fixed, and why.
    pub refused: Vec<(String, String)>,
}

impl Applied {
    /// The lines printed after the report: the count line (`Fixed 2 findings (1 remaining).`),
    /// then the fixes left out.
    pub fn summary(&self, remaining: usize) -> String {
        let mut out = format!(
            "Fixed {} ({remaining} remaining).\n",
            count(self.fixed, "finding", "findings")
        );
        if self.overlapping == 1 {
            out.push_str("1 fix was not applied: it overlaps an earlier fix; run `--fix` again to apply it.\n");
        } else if self.overlapping > 1 {
            out.push_str(&format!("{} fixes were not applied: they overlap earlier fixes; run `--fix` again to apply them.\n", self.overlapping));
        }
        out.push_str(&hidden_line(self.hidden));
        out
    }

    /// One `error:` line per file that was not fixed.
    pub fn refusals(&self) -> String {
        self.refused
            .iter()
            .map(|(file, why)| format!("error: `{file}` was not fixed: {why}\n"))
            .collect()
    }
}

/// `n` and the word for it.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The line about fixes that only `--unsafe-fixes` applies, if there are any.
fn hidden_line(hidden: usize) -> String {
    match hidden {
        0 => String::new(),
        1 => "1 more fix is available with `--unsafe-fixes`.\n".to_string(),
        n => format!("{n} more fixes are available with `--unsafe-fixes`.\n"),
    }
}

/// One file to fix: where it is, what the findings saw, the edits.
struct Planned {
    display: String,
    path: std::path::PathBuf,
    seen: String,
    selection: Selection,
}

/// Lints the plan as the run does and chooses the fixes of each file.
fn plan_fixes(args: &Args, plan: &Plan) -> Result<Vec<Planned>, integrations::FilterError> {
    let mut outcome = pipeline::lint(plan);
    integrations::filter(&args.integrations, plan, &mut outcome.files)?;
    let paths: HashMap<&str, &Path> = plan
        .units
        .iter()
        .flat_map(|u| &u.files)
        .map(|f| (f.display.as_str(), f.path.as_path()))
        .collect();
    let allowed = args.fix.allowed();
    Ok(outcome
        .files
        .into_iter()
        .filter_map(|file| {
            let path = paths.get(file.display.as_str())?.to_path_buf();
            let seen = file.text?.as_str().to_string();
            let selection = select(&file.diagnostics, allowed);
            Some(Planned {
                display: file.display,
                path,
                seen,
                selection,
            })
        })
        .collect())
}

/// The directories `--fix` may write in: the workspace root and the linted packages.
fn tree(plan: &Plan) -> Tree {
    Tree::new(
        std::iter::once(plan.root.clone())
            .filter(|r| !r.as_os_str().is_empty())
            .chain(plan.units.iter().map(|u| u.dir.clone())),
    )
}

/// `--fix`: applies the chosen fixes to the files of the plan.
pub fn apply(args: &Args, plan: &Plan) -> Result<Applied, integrations::FilterError> {
    let tree = tree(plan);
    let mut applied = Applied::default();
    for file in plan_fixes(args, plan)? {
        applied.overlapping += file.selection.overlapping;
        applied.hidden += file.selection.hidden;
        if file.selection.edits.is_empty() {
            continue;
        }
        let written = write::prepare(&tree, &file.path, &file.seen, &file.selection.edits)
            .and_then(|(original, fixed)| write::replace(&file.path, &original, &fixed));
        match written {
            Ok(()) => {
                applied.fixed += file.selection.fixed.len();
                applied.files += 1;
            }
            Err(write::Refusal(why)) => applied.refused.push((file.display, why)),
        }
    }
    Ok(applied)
}

/// `--show-fixes`: prints the fixes as a unified diff (`--- a/path`, `+++ b/path`), built on the
/// text as shown (private keys masked), and the count line; exits 1 when there is a fix.
pub fn show(args: &Args, plan: &Plan) -> ExitStatus {
    let planned = match plan_fixes(args, plan) {
        Ok(planned) => planned,
        Err(e) => {
            let _ = writeln!(anstream::stderr(), "error: {e}");
            return ExitStatus::Error;
        }
    };
    let tree = tree(plan);
    let mut patch = String::new();
    let mut fixable = 0;
    let mut hidden = 0;
    let mut errors = String::new();
    for file in &planned {
        hidden += file.selection.hidden;
        if file.selection.edits.is_empty() {
            continue;
        }
        if let Err(write::Refusal(why)) =
            write::prepare(&tree, &file.path, &file.seen, &file.selection.edits)
        {
            errors.push_str(&format!(
                "error: `{}` cannot be fixed: {why}\n",
                file.display
            ));
            continue;
        }
        let Some(after) = tlslint_lints::apply_edits(&file.seen, &file.selection.edits) else {
            continue;
        };
        fixable += file.selection.fixed.len();
        patch.push_str(
            &similar::TextDiff::from_lines(&file.seen, &after)
                .unified_diff()
                .header(
                    &format!("a/{}", file.display),
                    &format!("b/{}", file.display),
                )
                .to_string(),
        );
    }
    let _ = write!(std::io::stdout(), "{patch}");
    let summary = format!(
        "Would fix {}.\n{}",
        count(fixable, "finding", "findings"),
        hidden_line(hidden)
    );
    let _ = write!(anstream::stderr(), "{errors}{summary}");
    if !errors.is_empty() {
        ExitStatus::Error
    } else if patch.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_was_fixed_and_what_was_left() {
        let applied = Applied {
            fixed: 2,
            files: 1,
            overlapping: 1,
            hidden: 2,
            refused: vec![("src/a.rs".into(), "it is a symbolic link".into())],
        };
        assert_eq!(
            applied.summary(1),
            "Fixed 2 findings (1 remaining).\n1 fix was not applied: it overlaps an earlier fix; run `--fix` again to apply it.\n2 more fixes are available with `--unsafe-fixes`.\n"
        );
        assert_eq!(
            applied.refusals(),
            "error: `src/a.rs` was not fixed: it is a symbolic link\n"
        );
    }
}
