//! The settings a package exposes to its users: a public function whose parameter reaches a
//! setting that waits for its callers (directly, through private helpers that pass it on, or
//! through a field that a public setter fills) is itself a switch of that setting, and so is a
//! public field of a public struct that the setting reads. Read from the
//! package phase's facts before they are settled; the binary turns them into sinks of the
//! packages that depend on this one.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::facts::{ArgValue, CallFact, Condition, FieldFact, FieldOf, Parameter};
use crate::report::FileReport;
use crate::rule::Rule;
use crate::value::Dangerous;

use super::parameters::MAX_HOPS;

/// What the package's users write to decide a setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExposedAt {
    /// A parameter of a public function.
    Parameter(Parameter),
    /// A public field of a public struct, set by a struct literal or an assignment.
    Field(FieldOf),
    /// A call in the package that passes the dangerous constant on toward the setting (a
    /// `pub fn allow_invalid_certs()` that calls a private `connector(true)`): the public
    /// function around it, if any, sets the setting on every call.
    Constant {
        /// The display path of the file holding the call.
        path: String,
        /// The constant's range in that file.
        range: Range<usize>,
    },
}

/// A public function or a public field of the package whose value decides a setting.
#[derive(Clone, Debug)]
pub struct Exposed {
    /// The public function's parameter, or the public field, that carries the value.
    pub at: ExposedAt,
    /// The value that weakens TLS.
    pub dangerous: Dangerous,
    /// The rule a dangerous constant breaks.
    pub rule: &'static Rule,
    /// The headline the setting's own finding has (e.g. "certificate verification is disabled").
    pub message: String,
    /// The display path of the file holding the setting the value reaches.
    pub path: String,
    /// The setting's range in that file.
    pub range: Range<usize>,
}

/// The public parameters and public fields from which a value reaches the package's waiting
/// settings, outside test code, each once (the first setting found in `reports` order).
pub(crate) fn exposed(
    reports: &[FileReport],
    calls: &[CallFact],
    field_facts: &[FieldFact],
) -> Vec<Exposed> {
    let mut out: Vec<Exposed> = Vec::new();
    for report in reports {
        for d in report.deferred.iter().filter(|d| !d.finding.in_test_code) {
            let mut entries: Vec<ExposedAt> = Vec::new();
            let (starts, dangerous): (Vec<&Parameter>, &Dangerous) = match &d.condition {
                Condition::Parameter {
                    parameter,
                    dangerous,
                    ..
                } => (vec![parameter], dangerous),
                Condition::Field {
                    field, dangerous, ..
                } => {
                    let facts = || {
                        field_facts
                            .iter()
                            .filter(|f| &f.field == field && !f.in_test_code)
                    };
                    if facts().any(|f| f.public) {
                        entries.push(ExposedAt::Field(field.clone()));
                    }
                    let starts = facts()
                        .filter_map(|f| match &f.value {
                            ArgValue::Parameter(p) => Some(p),
                            _ => f.setter.as_ref(),
                        })
                        .collect();
                    (starts, dangerous)
                }
                _ => continue,
            };
            for start in starts {
                entries.extend(public_entries(start, dangerous, calls));
            }
            for public in entries {
                if !out.iter().any(|e| e.at == public) {
                    out.push(Exposed {
                        at: public,
                        dangerous: dangerous.clone(),
                        rule: d.finding.rule,
                        message: d.finding.message.clone(),
                        path: report.path.clone(),
                        range: d.finding.primary.range.clone(),
                    });
                }
            }
        }
    }
    out
}

/// `start` if it is public, the public parameters that pass their value on to it through the
/// package's calls, at most [`MAX_HOPS`] calls away, and the calls on the way that pass it a
/// `dangerous` constant.
fn public_entries(start: &Parameter, dangerous: &Dangerous, calls: &[CallFact]) -> Vec<ExposedAt> {
    let mut seen = BTreeSet::new();
    let mut frontier = vec![start.clone()];
    let mut out = Vec::new();
    for _ in 0..=MAX_HOPS {
        let mut next = Vec::new();
        for p in frontier {
            if !seen.insert(p.clone()) {
                continue;
            }
            for call in calls.iter().filter(|c| !c.in_test_code) {
                let outer = match p.argument_in(call).and_then(|i| call.args.get(i)) {
                    Some((ArgValue::Parameter(outer), _)) => outer,
                    Some((ArgValue::Const(c), range)) if dangerous.admits(c) => {
                        out.push(ExposedAt::Constant {
                            path: call.path.clone(),
                            range: range.clone(),
                        });
                        continue;
                    }
                    _ => continue,
                };
                // A call of the same name inside the function itself is taken for another
                // crate's function (`axum::serve(listener, app)` inside `serve(app, addr)`), not
                // a recursion that moves the value to another parameter.
                let same_function = outer.function == p.function && outer.owner == p.owner;
                if !same_function {
                    next.push(outer.clone());
                }
            }
            if p.public {
                out.push(ExposedAt::Parameter(p));
            }
        }
        frontier = next;
    }
    out
}
