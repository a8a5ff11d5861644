//! Parameters across the package: a finding whose value is a parameter of a named function waits
//! (a [`Condition::Parameter`]) until the package's calls of that function are known, then stands
//! or falls by what the callers pass, followed through callers that pass their own parameters:
//! a dangerous constant from any caller is the constant finding, labelled at those callers; else a
//! value decided at run time (or one the analysis cannot follow), no caller at all, or a public
//! function (callers outside the package decide) is the run-time finding; callers that all pass
//! safe constants to a private function make no finding.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Label};
use crate::facts::GuardWait;
use crate::facts::{ArgValue, CallFact, Condition, Deferred, FieldFact, Parameter};
use crate::report::FileReport;
use crate::value::Dangerous;

/// How many callers deep a parameter's value is followed.
pub(crate) const MAX_HOPS: usize = 4;

/// How many of the calls that pass a dangerous constant are labelled (the note counts them all).
const MAX_LABELLED_CALLERS: usize = 8;

/// The functions whose calls the findings of `reports` (and the conditions of the calls in
/// `waits`) wait for, and those that the parameters passed by their calls among `calls` lead to.
/// Only the calls of such a function pass a parameter on: `calls` also holds calls collected for
/// other ends (a helper's callers), and their parameters lead nowhere.
pub(crate) fn wanted(
    reports: &[FileReport],
    calls: &[CallFact],
    field_facts: &[FieldFact],
    waits: &BTreeSet<String>,
) -> BTreeSet<String> {
    let guards = reports
        .iter()
        .flat_map(guard_waits)
        .filter_map(|wait| match wait {
            GuardWait::Parameter(p) => Some(p.function.clone()),
            GuardWait::Field(_) => None,
        });
    let waiting = reports
        .iter()
        .flat_map(|r| &r.deferred)
        .filter_map(|d| match &d.condition {
            Condition::Parameter { parameter, .. } => Some(parameter.function.clone()),
            _ => None,
        })
        .chain(guards);
    let from_fields = field_facts.iter().filter_map(|f| match &f.value {
        ArgValue::Parameter(p) => Some(p.function.clone()),
        _ => None,
    });
    let mut names: BTreeSet<String> = waiting
        .chain(from_fields)
        .chain(waits.iter().cloned())
        .collect();
    loop {
        let passed_on: Vec<String> = calls
            .iter()
            .filter(|c| names.contains(&c.function))
            .flat_map(|c| &c.args)
            .filter_map(|(v, _)| match v {
                ArgValue::Parameter(p) if !names.contains(&p.function) => Some(p.function.clone()),
                _ => None,
            })
            .collect();
        if passed_on.is_empty() {
            return names;
        }
        names.extend(passed_on);
    }
}

/// What the conditions of a report's verifier installs wait for.
pub(crate) fn guard_waits(report: &FileReport) -> impl Iterator<Item = &GuardWait> {
    report
        .verifier_facts
        .installs
        .iter()
        .filter_map(|i| i.guard.as_ref()?.waits.as_ref().map(|(wait, _)| wait))
}

/// A value that reaches a parameter: what it is, the call that passes it and the parameter it is
/// passed to, and the calls on the way that pass it on (nearest the sink first).
struct Reaching<'c> {
    value: &'c ArgValue,
    call: &'c CallFact,
    arg: Range<usize>,
    to: String,
    on_the_way: Vec<Hop<'c>>,
}

/// A call that passes a parameter of its own function (`from`) on to the next function (`to`).
#[derive(Clone)]
struct Hop<'c> {
    call: &'c CallFact,
    arg: Range<usize>,
    from: String,
    to: String,
}

/// Whose values count for a finding: test code's only for a finding in test code, an example's
/// only for a finding in an example. An example calls the library as its users do, so what it
/// passes does not decide the library's own settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Audience {
    test: bool,
    example: bool,
}

impl Audience {
    /// The audience of a finding of the file `path`, in test code or not.
    pub(crate) fn of(in_test_code: bool, path: &str) -> Audience {
        Audience {
            test: in_test_code,
            example: is_example(path),
        }
    }

    /// Whether a value given in the file `path` (in test code or not) counts.
    pub(crate) fn admits(self, path: &str, in_test_code: bool) -> bool {
        (self.test || !in_test_code) && (self.example || !is_example(path))
    }
}

/// Whether a file belongs to an example (cargo's `examples/` directory).
fn is_example(path: &str) -> bool {
    std::path::Path::new(path)
        .components()
        .any(|c| c.as_os_str() == "examples")
}

/// The values that reach `parameter` from the calls, following callers that pass a parameter of
/// their own, at most [`MAX_HOPS`] deep (a cycle of calls is followed once). Only calls that
/// `audience` admits count.
fn reaching<'c>(
    parameter: &Parameter,
    calls: &HashMap<&str, Vec<&'c CallFact>>,
    audience: Audience,
) -> Vec<Reaching<'c>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut frontier: Vec<(Parameter, Vec<Hop<'c>>)> = vec![(parameter.clone(), Vec::new())];
    for _ in 0..MAX_HOPS {
        let mut next = Vec::new();
        for (p, path) in frontier {
            if !seen.insert(p.clone()) {
                continue;
            }
            let named = calls
                .get(p.function.as_str())
                .map_or(&[][..], Vec::as_slice);
            for &call in named
                .iter()
                .filter(|c| audience.admits(&c.path, c.in_test_code))
            {
                let Some((value, arg)) = p.argument_in(call).and_then(|i| call.args.get(i)) else {
                    continue;
                };
                match value {
                    ArgValue::Parameter(outer) => {
                        let mut path = path.clone();
                        path.push(Hop {
                            call,
                            arg: arg.clone(),
                            from: outer.name.clone(),
                            to: p.function.clone(),
                        });
                        next.push((outer.clone(), path));
                    }
                    _ => out.push(Reaching {
                        value,
                        call,
                        arg: arg.clone(),
                        to: p.name.clone(),
                        on_the_way: path.clone(),
                    }),
                }
            }
        }
        frontier = next;
    }
    out
}

/// The package's calls of the functions that findings wait for, looked up by function name; each
/// parameter's reaching values are found once however many findings wait for it.
pub(crate) struct Callers<'c> {
    by_name: HashMap<&'c str, Vec<&'c CallFact>>,
    found: HashMap<(Parameter, Audience), Vec<Reaching<'c>>>,
}

impl<'c> Callers<'c> {
    /// Indexes `calls` by the function they call.
    pub(crate) fn new(calls: &'c [CallFact]) -> Callers<'c> {
        let mut by_name: HashMap<&str, Vec<&CallFact>> = HashMap::new();
        for call in calls {
            by_name
                .entry(call.function.as_str())
                .or_default()
                .push(call);
        }
        Callers {
            by_name,
            found: HashMap::new(),
        }
    }

    /// The package's calls of functions named `name`.
    pub(crate) fn named(&self, name: &str) -> Vec<&'c CallFact> {
        self.by_name.get(name).cloned().unwrap_or_default()
    }

    /// What the package's callers pass for `parameter`: labels (for a finding of the file
    /// `path`) at the places that pass `dangerous`, and the origin of a value decided at run time
    /// if one does.
    pub(crate) fn values_of(
        &mut self,
        parameter: &Parameter,
        audience: Audience,
        dangerous: &Dangerous,
        path: &str,
    ) -> (Vec<Label>, Option<String>) {
        let by_name = &self.by_name;
        let values = self
            .found
            .entry((parameter.clone(), audience))
            .or_insert_with(|| reaching(parameter, by_name, audience));
        let passing = values
            .iter()
            .filter_map(|r| passed(r, dangerous).map(|shown| (r, shown)))
            .map(|(r, shown)| {
                let text = format!("{shown} is passed to `{}` here", r.to);
                Label::seen_from(path, &r.call.path, r.arg.clone(), text)
            })
            .collect();
        let runtime = values
            .iter()
            .find_map(|r| decided_at_run_time(r, dangerous).map(|o| o.into_owned()));
        let none = values.is_empty() || parameter.public;
        let runtime = runtime.or_else(|| {
            none.then(|| format!("its setter `{}` takes it from callers", parameter.function))
        });
        (passing, runtime)
    }

    /// Settles a finding of the file `path` that waits for a parameter's callers (a
    /// [`Condition::Parameter`]).
    pub(crate) fn settle(&mut self, d: Deferred, path: &str) -> Option<Diagnostic> {
        let Condition::Parameter {
            parameter,
            dangerous,
            if_runtime,
        } = d.condition
        else {
            return None;
        };
        let audience = Audience::of(d.finding.in_test_code, path);
        let by_name = &self.by_name;
        let values = self
            .found
            .entry((parameter.clone(), audience))
            .or_insert_with(|| reaching(&parameter, by_name, audience));
        let label = |call: &CallFact, range: &Range<usize>, text: String| {
            Label::seen_from(path, &call.path, range.clone(), text)
        };
        let dangerous_callers: Vec<&Reaching<'_>> = values
            .iter()
            .filter(|r| passed(r, &dangerous).is_some())
            .collect();
        if !dangerous_callers.is_empty() {
            return Some(constant(
                d.finding,
                &parameter,
                &dangerous,
                &dangerous_callers,
                &label,
            ));
        }
        let runtime = values
            .iter()
            .find_map(|r| decided_at_run_time(r, &dangerous).map(|o| (r, o)));
        let mut finding = *if_runtime?;
        match runtime {
            Some((r, origin)) => {
                finding.secondary.push(label(
                    r.call,
                    &r.arg,
                    format!("`{}` gets a value decided at run time here", r.to),
                ));
                finding.notes.push(format!(
                    "`{}` is called with a value decided at run time: {origin}",
                    parameter.function
                ));
                Some(finding)
            }
            None if values.is_empty() || parameter.public => Some(finding),
            None => None,
        }
    }
}

/// The finding for a dangerous constant that callers pass, labelled at each of them and at the
/// calls that pass it on.
fn constant(
    mut finding: Diagnostic,
    parameter: &Parameter,
    dangerous: &Dangerous,
    callers: &[&Reaching<'_>],
    label: &dyn Fn(&CallFact, &Range<usize>, String) -> Label,
) -> Diagnostic {
    let mut labels: Vec<Label> = Vec::new();
    for r in callers.iter().take(MAX_LABELLED_CALLERS) {
        let shown = passed(r, dangerous).unwrap_or_else(|| dangerous.shown());
        labels.push(label(
            r.call,
            &r.arg,
            format!("{shown} is passed to `{}` here", r.to),
        ));
        for hop in &r.on_the_way {
            labels.push(label(
                hop.call,
                &hop.arg,
                format!("`{}` is passed on to `{}` here", hop.from, hop.to),
            ));
        }
    }
    let mut shown_once = BTreeSet::new();
    for l in labels {
        if shown_once.insert((l.file.clone(), l.range.start, l.range.end)) {
            finding.secondary.push(l);
        }
    }
    let count = callers.len();
    finding.notes.insert(
        0,
        format!(
            "`{}` is a parameter of `{}`, and {} reaches it from {count} call{}",
            parameter.name,
            parameter.function,
            dangerous.shown(),
            if count == 1 { "" } else { "s" },
        ),
    );
    finding
}

/// The constant (or the `None`) a reaching value passes, as written in a message, when it makes
/// real a finding that waits for `dangerous`: a call made whenever its function runs (under a
/// condition decided at run time, the value is a run-time choice).
fn passed(r: &Reaching<'_>, dangerous: &Dangerous) -> Option<String> {
    if r.call.guard.is_some() {
        return None;
    }
    match r.value {
        ArgValue::Const(c) if dangerous.admits(c) => Some(crate::value::const_shown(c)),
        ArgValue::Absent if dangerous.admits_none() => Some("`None`".to_string()),
        _ => None,
    }
}

/// Where a reaching value is decided at run time, when it is: a value decided at run time (a
/// choice among constants only when one of them is `dangerous`), one this analysis cannot follow,
/// or `dangerous` passed by a call made only under a condition
/// decided at run time.
fn decided_at_run_time<'r>(r: &Reaching<'r>, dangerous: &Dangerous) -> Option<Cow<'r, str>> {
    match (r.value, r.call.guard.as_ref().map(|g| &g.when)) {
        (ArgValue::Runtime(origin), _) => Some(Cow::Borrowed(origin)),
        (ArgValue::Chosen(options, origin), _) if options.iter().any(|c| dangerous.admits(c)) => {
            Some(Cow::Borrowed(origin))
        }
        (ArgValue::Unknown, _) => Some(Cow::Borrowed("a value this analysis cannot follow")),
        (ArgValue::Const(c), Some(when)) if dangerous.admits(c) => Some(Cow::Owned(format!(
            "{} is passed to `{}` only {when}, which is decided at run time",
            crate::value::const_shown(c),
            r.to
        ))),
        (ArgValue::Absent, Some(when)) if dangerous.admits_none() => Some(Cow::Owned(format!(
            "`None` is passed to `{}` only {when}, which is decided at run time",
            r.to
        ))),
        _ => None,
    }
}
