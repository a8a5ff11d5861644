//! The SARIF `invocations[0]` of a run: how it ended (`executionSuccessful`, `exitCode`), what
//! went wrong as `toolExecutionNotifications` (the error that stopped it, the files it could not
//! read or parse), the rule levels its policy or command line changed as
//! `ruleConfigurationOverrides` (SARIF 2.1.0 §3.20.5), and the excludes a change adds
//! (`--diff`) as `toolConfigurationNotifications`.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use tlslint_lints::{Level, RULES, Rule};

use super::FileFindings;
use crate::exit::ExitStatus;
use crate::integrations::Quieted;
use crate::plan::Plan;

/// Where an error is: a file's URI, a line and a column.
pub type Place = (String, usize, usize);

/// How a run ended and what it was configured with, for the SARIF log.
#[derive(Debug, Default)]
pub struct Invocation {
    /// The exit status the process ends with.
    pub exit_code: ExitStatus,
    /// The error that stopped the run (exit status 2), if one did: its message and, when it
    /// has one, its place (file URI, line, column).
    pub error: Option<(String, Option<Place>)>,
    /// Rule levels set by a policy or the command line that differ from the rule's default:
    /// (rule code, level, the packages whose policy sets it).
    pub overrides: Vec<(&'static str, Level, Vec<String>)>,
    /// The code of the rule that reports files which could not be read, parsed or followed
    /// (TLS001): its findings are notifications too.
    pub problem_code: &'static str,
}

impl Invocation {
    /// The invocation of a run that ends with `exit_code`, with the level overrides of the
    /// plan's packages; `problem_rule` reports the files that could not be read or parsed.
    pub fn of_plan(plan: &Plan, exit_code: ExitStatus, problem_rule: &'static Rule) -> Invocation {
        let mut overrides: BTreeMap<(&'static str, Level), Vec<String>> = BTreeMap::new();
        for unit in &plan.units {
            for rule in RULES {
                if let Some(set) = unit.policy.explicit_level(rule)
                    && set.level != rule.default_level
                {
                    overrides
                        .entry((rule.code, set.level))
                        .or_default()
                        .push(unit.name.clone());
                }
            }
        }
        Invocation {
            exit_code,
            error: None,
            problem_code: problem_rule.code,
            overrides: overrides
                .into_iter()
                .map(|((code, level), packages)| (code, level, packages))
                .collect(),
        }
    }

    /// The invocation of a run stopped by `message` (exit status 2).
    pub fn failed(message: String, place: Option<Place>) -> Invocation {
        Invocation {
            exit_code: ExitStatus::Error,
            error: Some((message, place)),
            overrides: Vec::new(),
            problem_code: "",
        }
    }

    /// The `invocations[0]` object. Every finding of the problem rule (TLS001: a file that could
    /// not be read, parsed or followed) in `files` is also a tool execution notification at its
    /// place, so that a run that could not see everything says so where tools look for it.
    pub fn to_json(&self, files: &[(String, &FileFindings)], quieted: &Quieted) -> Value {
        let mut notifications: Vec<Value> = Vec::new();
        if let Some((message, place)) = &self.error {
            let mut n = json!({ "level": "error", "message": { "text": message } });
            if let Some((uri, line, col)) = place {
                n["locations"] = json!([location(uri, *line, *col)]);
            }
            notifications.push(n);
        }
        for (uri, file) in files {
            for d in file
                .diagnostics
                .iter()
                .filter(|d| d.rule.code == self.problem_code)
                .filter(|d| d.suppressed.is_none())
            {
                let (line, col) = file.text.as_ref().map_or((1, 1), |t| {
                    let (start, _) = t.positions(&d.primary.range);
                    (start.line, start.col)
                });
                notifications.push(json!({
                    "level": "warning",
                    "message": { "text": d.message },
                    "locations": [location(uri, line, col)],
                    "associatedRule": { "id": d.rule.code, "index": rule_index(d.rule.code) },
                }));
            }
        }
        let mut invocation = json!({
            "executionSuccessful": self.exit_code != ExitStatus::Error,
            "exitCode": self.exit_code.code(),
            "toolExecutionNotifications": notifications,
        });
        if !self.overrides.is_empty() {
            invocation["ruleConfigurationOverrides"] = self
                .overrides
                .iter()
                .map(|(code, level, packages)| {
                    json!({
                        "descriptor": { "id": code, "index": rule_index(code) },
                        "configuration": { "level": sarif_level(*level), "enabled": *level != Level::Allow },
                        "properties": { "packages": packages },
                    })
                })
                .collect();
        }
        if !quieted.excludes.is_empty() {
            invocation["toolConfigurationNotifications"] = quieted
                .excludes
                .iter()
                .map(|(file, glob)| {
                    json!({
                        "level": "warning",
                        "message": { "text": format!("the changes since `{}` add `exclude` `{glob}` in `{file}`", quieted.rev) },
                    })
                })
                .collect();
        }
        invocation
    }
}

/// The index of a rule in the log's `rules` (the registry's order).
pub fn rule_index(code: &str) -> usize {
    RULES.iter().position(|r| r.code == code).unwrap_or(0)
}

/// A SARIF location of a line and column of `uri`.
fn location(uri: &str, line: usize, col: usize) -> Value {
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": uri },
        "region": { "startLine": line, "startColumn": col },
    }})
}

/// The SARIF level of a rule level.
pub fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Forbid | Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
}
