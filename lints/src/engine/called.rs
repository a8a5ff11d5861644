//! Private functions that make a dangerous setting whenever they run: whether the package calls
//! them only under conditions decided at run time (`if secure { secure_tls() } else {
//! insecure_tls() }`), which makes the setting a run-time choice, as the same condition written
//! around the setting does. Calls are followed through private callers that call them whenever
//! they run, up to [`MAX_HOPS`] deep; a condition on a parameter asks that parameter's callers,
//! one on a field the values the package gives that field, as the same condition written around
//! the setting does.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Label};
use crate::facts::{CallFact, CallGuard, Condition, Deferred, FieldOf, Function, GuardWait};
use crate::report::FileReport;
use crate::value::guard::runtime_note;
use crate::verifier::{GuardOutcome, InstallGuard};

use super::fields::{Fields, RunTime};
use super::parameters::{Audience, Callers, MAX_HOPS};

/// How the package calls a function.
pub(crate) enum Called {
    /// Some call runs whenever its caller does, or under a condition the package makes true, or
    /// there is no call the finding's audience counts: the setting stands as written.
    Always(Given),
    /// Every call that runs is made only under a condition decided at run time: the first one
    /// found, with the calls on the way to it.
    AtRunTime(Chosen),
    /// No call ever runs: every condition is one the package never makes true.
    Never,
}

/// Where the package makes true the conditions a function is called under: the places that do
/// so labelled, the notes that count a field's such values, and the first such condition with
/// its file.
#[derive(Default)]
pub(crate) struct Given {
    labels: Vec<Label>,
    notes: Vec<String>,
    forced: Option<(CallGuard, String)>,
}

impl Given {
    /// Adds what `other` found, the first condition kept.
    fn absorb(&mut self, other: Given) {
        self.labels.extend(other.labels);
        for note in other.notes {
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
        if self.forced.is_none() {
            self.forced = other.forced;
        }
    }
}

/// The condition decided at run time that a function is called under, where it is written, the
/// calls through which it is reached (labelled for a finding of another file), and, for a
/// field's condition, where the field gets its run-time value.
pub(crate) struct Chosen {
    guard: CallGuard,
    file: String,
    calls: Vec<Label>,
    runtime: RunTime,
}

/// The names of the functions whose calls the findings of `reports` wait for, with those of the
/// private functions that `calls` show calling them whenever they run; and, apart, the names of
/// the functions whose parameters decide the conditions of those calls.
pub(crate) fn wanted(
    reports: &[FileReport],
    calls: &[CallFact],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let functions = waited_for(reports, calls);
    let deciding = guards_of(&functions, calls)
        .filter_map(|wait| match wait {
            GuardWait::Parameter(p) => Some(p.function.clone()),
            GuardWait::Field(_) => None,
        })
        .collect();
    (functions.into_iter().map(|f| f.name).collect(), deciding)
}

/// The fields that decide the conditions under which `calls` call the functions the findings
/// of `reports` wait for (`if self.insecure { self.insecure_client() }`).
pub(crate) fn wanted_fields(reports: &[FileReport], calls: &[CallFact]) -> BTreeSet<FieldOf> {
    let functions = waited_for(reports, calls);
    guards_of(&functions, calls)
        .filter_map(|wait| match wait {
            GuardWait::Field(field) => Some(field.clone()),
            GuardWait::Parameter(_) => None,
        })
        .collect()
}

/// The functions whose calls the findings of `reports` wait for, with the private functions
/// that `calls` show calling them whenever they run, up to [`MAX_HOPS`] deep. Only the calls
/// that [`Function::called_by`] matches and that are not test code lead further, as in
/// [`how_called`]: a common name (`new`) or a test calling a helper does not pull in every
/// function that calls something of that name.
fn waited_for(reports: &[FileReport], calls: &[CallFact]) -> BTreeSet<Function> {
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
    for _ in 0..MAX_HOPS {
        let more: Vec<Function> = calls_of(&functions, calls)
            .filter(|c| c.guard.is_none())
            .filter_map(|c| c.caller.clone().filter(|f| !f.public))
            .filter(|f| !functions.contains(f))
            .collect();
        if more.is_empty() {
            break;
        }
        functions.extend(more);
    }
    functions
}

/// The calls among `calls` of any of `functions`, outside test code.
fn calls_of<'c>(
    functions: &'c BTreeSet<Function>,
    calls: &'c [CallFact],
) -> impl Iterator<Item = &'c CallFact> {
    calls
        .iter()
        .filter(move |c| !c.in_test_code && functions.iter().any(|f| f.called_by(c).is_some()))
}

/// What the conditions of the calls of `functions` read.
fn guards_of<'c>(
    functions: &'c BTreeSet<Function>,
    calls: &'c [CallFact],
) -> impl Iterator<Item = &'c GuardWait> {
    calls_of(functions, calls).filter_map(|c| Some(&c.guard.as_ref()?.waits.as_ref()?.0))
}

/// How the package calls `function`, for a finding of the file `path` seen by `audience`.
pub(crate) fn how_called(
    function: &Function,
    audience: Audience,
    path: &str,
    fields: &Fields<'_>,
    callers: &mut Callers<'_>,
) -> Called {
    let mut on_the_way = BTreeSet::new();
    let package = Package {
        audience,
        path,
        fields,
    };
    called(function, &package, callers, MAX_HOPS, &mut on_the_way)
}

/// What [`how_called`] asks the package for, and for which finding.
struct Package<'p> {
    audience: Audience,
    path: &'p str,
    fields: &'p Fields<'p>,
}

fn called(
    function: &Function,
    package: &Package<'_>,
    callers: &mut Callers<'_>,
    hops: usize,
    on_the_way: &mut BTreeSet<Function>,
) -> Called {
    if function.public || !on_the_way.insert(function.clone()) {
        return Called::Always(Given::default());
    }
    let (audience, path) = (package.audience, package.path);
    let calls: Vec<&CallFact> = callers
        .named(&function.name)
        .into_iter()
        .filter(|c| function.called_by(c).is_some() && audience.admits(&c.path, c.in_test_code))
        .collect();
    let mut always = calls.is_empty();
    let mut given = Given::default();
    let mut chosen: Option<Chosen> = None;
    for call in calls {
        let at = |text: String| Label::seen_from(path, &call.path, call.range.clone(), text);
        let Some(guard) = &call.guard else {
            let outer = call.caller.as_ref().filter(|f| !f.public && hops > 0);
            let Some(outer) = outer else {
                always = true;
                continue;
            };
            match called(outer, package, callers, hops - 1, on_the_way) {
                Called::Always(found) => {
                    always = true;
                    given.absorb(found);
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
        let mut runtime = RunTime::default();
        if let Some((wait, when)) = &guard.waits {
            let shown = (package.fields).guard_values(wait, *when, audience, path, callers);
            if !shown.given.is_empty() {
                always = true;
                let text = format!("`{}` is called here only {}", function.name, guard.when);
                given.absorb(Given {
                    labels: std::iter::once(at(text)).chain(shown.given).collect(),
                    notes: shown.given_note.into_iter().collect(),
                    forced: Some((guard.clone(), call.path.clone())),
                });
                continue;
            }
            match shown.runtime {
                Some(shown) => runtime = shown,
                None => continue,
            }
        }
        chosen.get_or_insert_with(|| Chosen {
            guard: guard.clone(),
            file: call.path.clone(),
            calls: vec![at(format!("`{}` is called here", function.name))],
            runtime,
        });
    }
    on_the_way.remove(function);
    match chosen {
        _ if always => Called::Always(given),
        Some(found) => Called::AtRunTime(found),
        None => Called::Never,
    }
}

/// Settles a finding of the file `path` that waits for the calls of its function (a
/// [`Condition::CalledUnder`]): the constant finding (labelled where the package makes the
/// condition true), the run-time finding naming the condition (and where a field it reads gets
/// its run-time value), or nothing.
pub(crate) fn settle(
    d: Deferred,
    path: &str,
    fields: &Fields<'_>,
    callers: &mut Callers<'_>,
) -> Option<Diagnostic> {
    let Condition::CalledUnder {
        function,
        if_runtime,
        what,
    } = d.condition
    else {
        return None;
    };
    let audience = Audience::of(d.finding.in_test_code, path);
    match how_called(&function, audience, path, fields, callers) {
        Called::Always(given) => {
            let mut finding = d.finding;
            push_once(&mut finding.secondary, given.labels);
            finding.notes.splice(0..0, given.notes);
            Some(finding)
        }
        Called::Never => None,
        Called::AtRunTime(chosen) => {
            let mut finding = *if_runtime;
            let text = format!("the setting is made only {}", chosen.guard.when);
            let condition = Label::seen_from(path, &chosen.file, chosen.guard.range.clone(), text);
            let in_this_file = condition.file.is_none();
            finding.secondary.push(condition);
            push_once(&mut finding.secondary, chosen.calls);
            push_once(
                &mut finding.secondary,
                chosen.runtime.label.into_iter().collect(),
            );
            let (origin, when) = (chosen.guard.origin.as_deref(), &chosen.guard.when);
            finding.notes.insert(0, runtime_note(origin, when, &what));
            finding.notes.extend(chosen.runtime.note);
            if in_this_file {
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
    fields: &Fields<'_>,
    callers: &mut Callers<'_>,
) -> Option<InstallGuard> {
    let audience = Audience::of(false, path);
    match how_called(function, audience, path, fields, callers) {
        Called::Always(Given { forced: None, .. }) => None,
        Called::Always(Given {
            labels,
            forced: Some((guard, file)),
            ..
        }) => Some(InstallGuard {
            range: guard.range,
            file: (file != path).then_some(file),
            calls: Vec::new(),
            when: guard.when,
            origin: String::new(),
            waits: None,
            settled: Some(GuardOutcome::Constant(labels)),
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
