//! Private functions that make a dangerous setting whenever they run: whether the package calls
//! them only under conditions decided at run time (`if secure { secure_tls() } else {
//! insecure_tls() }`), which makes the setting a run-time choice, as the same condition written
//! around the setting does. Calls are followed through private callers that call them whenever
//! they run, up to [`MAX_HOPS`] deep; a condition on a parameter asks that parameter's callers.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Label};
use crate::facts::{CallFact, CallGuard, Condition, Deferred, Function};
use crate::report::FileReport;
use crate::value::guard::runtime_note;
use crate::value::{Const, Dangerous};
use crate::verifier::{GuardOutcome, InstallGuard};

use super::parameters::{Audience, Callers, MAX_HOPS};

/// How the package calls a function.
pub(crate) enum Called {
    /// Some call runs whenever its caller does, or under a condition the package makes true (the
    /// places that do so labelled, and the first such condition with its file), or there is no
    /// call the finding's audience counts: the setting stands as written.
    Always(Vec<Label>, Option<(CallGuard, String)>),
    /// Every call that runs is made only under a condition decided at run time: the first one
    /// found, with the calls on the way to it.
    AtRunTime(Chosen),
    /// No call ever runs: every condition is one the package never makes true.
    Never,
}

/// The condition decided at run time that a function is called under, where it is written and
/// the calls through which it is reached (labelled for a finding of another file).
pub(crate) struct Chosen {
    guard: CallGuard,
    file: String,
    calls: Vec<Label>,
}

/// The names of the functions whose calls the findings of `reports` wait for, with those of the
/// private functions that `calls` show calling them whenever they run; and, apart, the names of
/// the functions whose parameters decide the conditions of those calls. Only the calls that [`Function::called_by`]
/// matches and that are not test code lead further, as in [`how_called`]: a common name (`new`)
/// or a test calling a helper does not pull in every function that calls something of that name.
pub(crate) fn wanted(
    reports: &[FileReport],
    calls: &[CallFact],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let deferred = reports
        .iter()
        .flat_map(|r| &r.deferred)
        .filter_map(|d| match &d.condition {
            Condition::CalledUnder { function, .. } => Some(function.clone()),
            _ => None,
        });
    let installs = reports
        .iter()
        .flat_map(|r| &r.verifier_facts.installs)
        .filter(|i| i.guard.is_none())
        .filter_map(|i| i.called_in.clone());
    let mut functions: BTreeSet<Function> = deferred.chain(installs).collect();
    let mut waits = BTreeSet::new();
    for _ in 0..MAX_HOPS {
        let before = functions.len() + waits.len();
        let reached: Vec<&CallFact> = calls
            .iter()
            .filter(|c| !c.in_test_code && functions.iter().any(|f| f.called_by(c).is_some()))
            .collect();
        for c in reached {
            match &c.guard {
                None => functions.extend(c.caller.clone().filter(|f| !f.public)),
                Some(guard) => waits.extend(guard.waits.as_ref().map(|(p, _)| p.function.clone())),
            }
        }
        if functions.len() + waits.len() == before {
            break;
        }
    }
    (functions.into_iter().map(|f| f.name).collect(), waits)
}

/// How the package calls `function`, for a finding of the file `path` seen by `audience`.
pub(crate) fn how_called(
    function: &Function,
    audience: Audience,
    path: &str,
    callers: &mut Callers<'_>,
) -> Called {
    let mut on_the_way = BTreeSet::new();
    called(function, audience, path, callers, MAX_HOPS, &mut on_the_way)
}

fn called(
    function: &Function,
    audience: Audience,
    path: &str,
    callers: &mut Callers<'_>,
    hops: usize,
    on_the_way: &mut BTreeSet<Function>,
) -> Called {
    if function.public || !on_the_way.insert(function.clone()) {
        return Called::Always(Vec::new(), None);
    }
    let calls: Vec<&CallFact> = callers
        .named(&function.name)
        .into_iter()
        .filter(|c| function.called_by(c).is_some() && audience.admits(&c.path, c.in_test_code))
        .collect();
    let mut always = calls.is_empty();
    let mut given = Vec::new();
    let mut forced = None;
    let mut chosen: Option<Chosen> = None;
    for call in calls {
        let at = |text: String| Label {
            file: (call.path != path).then(|| call.path.clone()),
            range: call.range.clone(),
            text,
        };
        let Some(guard) = &call.guard else {
            let outer = call.caller.as_ref().filter(|f| !f.public && hops > 0);
            let Some(outer) = outer else {
                always = true;
                continue;
            };
            match called(outer, audience, path, callers, hops - 1, on_the_way) {
                Called::Always(labels, by) => {
                    always = true;
                    given.extend(labels);
                    forced = forced.or(by);
                }
                Called::AtRunTime(mut found) => {
                    let text = format!("`{}` is called here, in `{}`", function.name, outer.name);
                    found.calls.push(at(text));
                    chosen.get_or_insert(found);
                }
                Called::Never => {}
            }
            continue;
        };
        if let Some((parameter, when)) = &guard.waits {
            let dangerous = Dangerous::Value(Const::Bool(*when));
            let (passing, runtime) = callers.values_of(parameter, audience, &dangerous, path);
            if !passing.is_empty() {
                always = true;
                given.push(at(format!(
                    "`{}` is called here only {}",
                    function.name, guard.when
                )));
                given.extend(passing);
                forced.get_or_insert_with(|| (guard.clone(), call.path.clone()));
                continue;
            }
            if runtime.is_none() {
                continue;
            }
        }
        chosen.get_or_insert_with(|| Chosen {
            guard: guard.clone(),
            file: call.path.clone(),
            calls: vec![at(format!("`{}` is called here", function.name))],
        });
    }
    on_the_way.remove(function);
    match chosen {
        _ if always => Called::Always(given, forced),
        Some(found) => Called::AtRunTime(found),
        None => Called::Never,
    }
}

/// Settles a finding of the file `path` that waits for the calls of its function (a
/// [`Condition::CalledUnder`]): the constant finding (labelled where the package makes the
/// condition true), the run-time finding naming the condition, or nothing.
pub(crate) fn settle(d: Deferred, path: &str, callers: &mut Callers<'_>) -> Option<Diagnostic> {
    let Condition::CalledUnder {
        function,
        if_runtime,
        what,
    } = d.condition
    else {
        return None;
    };
    let audience = Audience::of(d.finding.in_test_code, path);
    match how_called(&function, audience, path, callers) {
        Called::Always(labels, _) => {
            let mut finding = d.finding;
            push_once(&mut finding.secondary, labels);
            Some(finding)
        }
        Called::Never => None,
        Called::AtRunTime(chosen) => {
            let mut finding = *if_runtime;
            let file = (chosen.file != path).then(|| chosen.file.clone());
            finding.secondary.push(Label {
                file: file.clone(),
                range: chosen.guard.range.clone(),
                text: format!("the setting is made only {}", chosen.guard.when),
            });
            push_once(&mut finding.secondary, chosen.calls);
            let (origin, when) = (chosen.guard.origin.as_deref(), &chosen.guard.when);
            finding.notes.insert(0, runtime_note(origin, when, &what));
            if file.is_none() {
                finding.runtime_value = Some(chosen.guard.range);
            }
            Some(finding)
        }
    }
}

/// The condition a verifier install made whenever its private function runs is reached under,
/// from how the package calls that function: decided at run time, one the package never makes
/// true, or one it makes true at the places labelled; `None` when the install runs whenever the
/// package runs the function.
pub(crate) fn install_guard(
    function: &Function,
    at: &std::ops::Range<usize>,
    path: &str,
    callers: &mut Callers<'_>,
) -> Option<InstallGuard> {
    let audience = Audience::of(false, path);
    match how_called(function, audience, path, callers) {
        Called::Always(_, None) => None,
        Called::Always(given, Some((guard, file))) => Some(InstallGuard {
            range: guard.range,
            file: (file != path).then_some(file),
            calls: Vec::new(),
            when: guard.when,
            origin: String::new(),
            waits: None,
            settled: Some(GuardOutcome::Constant(given)),
        }),
        Called::Never => Some(InstallGuard {
            range: at.clone(),
            file: None,
            calls: Vec::new(),
            when: String::new(),
            origin: String::new(),
            waits: None,
            settled: Some(GuardOutcome::Never),
        }),
        Called::AtRunTime(chosen) => Some(InstallGuard {
            range: chosen.guard.range,
            file: (chosen.file != path).then_some(chosen.file),
            calls: chosen.calls,
            origin: chosen.guard.origin.unwrap_or_else(|| {
                "a condition this analysis cannot follow decides it".to_string()
            }),
            when: chosen.guard.when,
            waits: None,
            settled: None,
        }),
    }
}

/// Adds `labels` that are not there yet.
fn push_once(to: &mut Vec<Label>, labels: Vec<Label>) {
    for label in labels {
        let same = |l: &Label| l.file == label.file && l.range == label.range;
        if !to.iter().any(same) {
            to.push(label);
        }
    }
}
